/**
 * A relative year or month said first and then pinned down by the date that follows: "Last year, in April, my
 * neighbour was killed", "we have filed again this year, in March", "Next year, on 25 January, I hope we speak",
 * "a report he made last December, on the 11th". The two are one time, written twice (GUIDE §7: "last year … on
 * 25 November" is one day, not a day and a year): the later date takes its year (and, after a month, its month)
 * from the relative words, and the relative words name no date of their own. Before this, "Last year, in April"
 * written in December 2025 gave 2024 and 2025-04, and "last December, on the 11th" gave 2025-12 and the reference
 * month's 11th (development rounds 40, 42, 63, 65: 8 errors in 5 texts). Spanish the same after a comma ("El
 * año pasado, en febrero, me llamaron"; rounds 17 and 69: 3 texts, 4 errors).
 */
import { realDay } from './calendar.js';
import type { DateMention } from './dates.js';

/** "last year", "this year", "next year", "el año pasado", "este año", "el año que viene": a year counted from the writer. */
const RELATIVE_YEAR =
  /^(?:(?:last|this|next)\s+year|el\s+año\s+(?:pasado|que\s+viene|pr[óo]ximo)|este\s+año|el\s+pr[óo]ximo\s+año)$/iu;
/** "last December", "this March": a month counted from the writer (the mention may hold the month's name alone). */
const RELATIVE_MONTH =
  /^(?:(?:last|this|next)\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)$/iu;
const COUNTED_BEFORE = /\b(?:last|this|next)\s+$/iu;
/** What joins the relative words to the date that restates them: ", in", ", on the", " on". */
const JOIN =
  /^,?\s+(?:in|on)\s+(?:the\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?)?$/iu;
/** The Spanish join, always after a comma: "El año pasado, en febrero", "este año, el 3 de marzo". */
const JOIN_ES =
  /^,\s+(?:(?:en|el)\s+)?(?:(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo),?\s+)?$/iu;
/** A month's name written in the later date ("25 January"): then a relative month does not give it its month. */
const MONTH_WORD =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/iu;

/** The later date put in the relative words' year (and month), or undefined when it cannot be (no such day). */
function restate(text: string, first: DateMention, later: DateMention): DateMention | undefined {
  if (/\d{4}/.test(later.text) || later.value.includes('/')) return undefined;
  const byYear = first.relative && first.date.precision === 'year' && RELATIVE_YEAR.test(first.text);
  const byMonth =
    first.date.precision === 'month' &&
    RELATIVE_MONTH.test(first.text) &&
    (/\s/u.test(first.text) || COUNTED_BEFORE.test(text.slice(Math.max(0, first.start - 6), first.start))) &&
    !MONTH_WORD.test(later.text);
  if (!byYear && !byMonth) return undefined;
  if (later.date.precision === 'month' && byYear) {
    const value = `${first.value}${later.value.slice(4)}`;
    return { ...later, value, date: { precision: 'month', value } };
  }
  if (later.date.precision !== 'day') return undefined;
  const year = Number(first.value.slice(0, 4));
  const month = Number(byMonth ? first.value.slice(5, 7) : later.value.slice(5, 7));
  const value = realDay(year, month, Number(later.value.slice(8, 10)));
  return value ? { ...later, value, date: { precision: 'day', value } } : undefined;
}

/** `mentions` (in text order) with each relative year or month restated by the date after it folded into that date. */
export function restatedRelatives(text: string, mentions: readonly DateMention[]): DateMention[] {
  const out = [...mentions].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const first = out[i]!;
    const later = out[i + 1]!;
    const between = text.slice(first.end, later.start);
    if (!JOIN.test(between) && !JOIN_ES.test(between)) continue;
    const restated = restate(text, first, later);
    if (!restated) continue;
    out.splice(i, 2, restated);
  }
  return out;
}
