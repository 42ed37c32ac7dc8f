/**
 * The story's year a witness writes alone before its yearless months (stop 45). "In 2017 I worked in Grozny … At
 * the end of March a friend stopped answering", "in the spring of 2022 … From the end of February we did not go
 * upstairs", "the maize harvest\" of 1982 … a Thursday in October": an oral history, testimony or hearing recorded
 * years later sets its story's year once, as a year alone, then tells months and days without it.
 * `storyYearsOfThePast` (story-years.ts) passes a year alone over — too often an aside ("since 2019", "a law adopted
 * in 2012") — so these months were read in the recording's year. Here a yearless month or day still read within a
 * year of the reference, told in the past, whose nearest date before it in its paragraph (a question and its answer
 * may be two lines) is a year two or more back written the way a story sets its year (opening its sentence, or a
 * season of it), takes that year; the months so read anchor the next ones. English only; counts in HISTORY.md, stop 45.
 */
import { detectLanguage } from '../language.js';
import { pad, realDay, standingMentions, utc } from './calendar.js';
import { ownClauseOf } from './date-predicate.js';
import type { DateMention } from './dates.js';
import { MONTH_WORD, WEEKDAYS } from './lexicon.js';
import { clauseOf, NOW_EN, PAST_EN } from './story-years.js';

/** How far before the month its year may be written, within its paragraph. */
const REACH = 600;
/**
 * How far a month or day may stand after one this pass already read (stop 46): a witness's answers run on across
 * turns ("In April, maybe the 12th" … three answers later "We arrived on the 19th of April"), as story-years.ts reaches.
 */
const CHAIN_REACH = 3000;
/** A year written in the mention: four digits, or "'73". */
const YEAR_WRITTEN = /\d{4}|['’]\d{2}(?!\d)/u;
/** A year alone, as the text writes it: four digits, possibly after "the spring of", "in". */
const YEAR_ALONE = /^(?:1[5-9]|20)\d{2}$/u;
const LANGUAGE_SAMPLE = 5000;
/** A day written as an ordinal alone ("the 12th", "13th"), and how far after the month just read it may stand. */
const ORDINAL_ALONE = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$/iu;
const ORDINAL_REACH = 200;
/**
 * How a story sets its year, as against an aside ("since 2019", "a law adopted in 2012", "lost an eye in 2009"):
 * "In 2017 I worked in Grozny", opening its sentence, line or list item ("6/ In 2023", "- In 2023"); or a season of
 * it ("in the spring of 2022", "the winter of 1977", "the maize harvest\" of 1982").
 */
const OPENS_SENTENCE =
  /(?:^|[.!?…]['"”’)]?\s+|\n[ \t]*(?:[-•*]|\d{1,3}[/.)])?[ \t]*|:\s+)In\s+(?:the\s+year\s+)?$/u;
const SEASON_OF =
  /(?<![\p{L}])(?:spring|summer|autumn|fall|winter|(?:dry|rainy|wet)\s+season|harvest)['"”’]?\s+of\s+$/iu;
const WEEKDAY_JUST_BEFORE = /(sunday|monday|tuesday|wednesday|thursday|friday|saturday)[,\s]+(?:the\s+)?$/iu;

/** Whether `a` is a year written alone the way a story sets its year (above). */
function storyYearAlone(text: string, a: DateMention): boolean {
  if (a.date.precision !== 'year' || !YEAR_ALONE.test(a.text)) return false;
  const lead = text.slice(Math.max(0, a.start - 60), a.start);
  return OPENS_SENTENCE.test(lead) || SEASON_OF.test(lead);
}

/** A day written after its weekday ("Monday 7 July") keeps only a year where it falls on that weekday. */
function weekdayAgrees(text: string, d: DateMention, value: string): boolean {
  const w = WEEKDAY_JUST_BEFORE.exec(text.slice(Math.max(0, d.start - 16), d.start));
  if (!w || value.length !== 10) return true;
  return utc(value).getUTCDay() === WEEKDAYS.get(w[1]!.toLowerCase());
}

const yearOf = (d: DateMention) => Number(d.value.slice(0, 4));

/**
 * The mentions, each yearless month or day of the story read in the year written alone before it (see above). A
 * new array; a moved mention is a new object.
 */
export function yearAloneStories(
  text: string,
  found: readonly DateMention[],
  reference: string,
): DateMention[] {
  if (detectLanguage(text.slice(0, LANGUAGE_SAMPLE)) !== 'en') return [...found];
  const refYear = Number(reference.slice(0, 4));
  const moved = new Map<DateMention, DateMention>();
  const ordered = standingMentions(found);
  for (const [i, d] of ordered.entries()) {
    if (d.date.precision !== 'day' && d.date.precision !== 'month') continue;
    const prior = i > 0 ? ordered[i - 1]! : undefined;
    const before = prior && (moved.get(prior) ?? prior);
    // The year alone, or a month or day this pass already read in it.
    const chained = !!prior && moved.has(prior);
    const ordinal = ORDINAL_ALONE.exec(d.text);
    if (ordinal && chained && before && before.date.precision !== 'year') {
      // "In April, maybe the 12th or 13th": an ordinal alone is a day of the month just read (ordinal-days.ts).
      const value = realDay(yearOf(before), Number(before.value.slice(5, 7)), Number(ordinal[1]));
      if (
        value &&
        d.start - before.end <= ORDINAL_REACH &&
        !/\n[ \t]*\n/u.test(text.slice(before.end, d.start))
      )
        moved.set(d, { ...d, date: { precision: 'day', value }, value });
      continue;
    }
    if (YEAR_WRITTEN.test(d.text) || !MONTH_WORD.test(d.text) || Math.abs(yearOf(d) - refYear) > 1) continue;
    if (!before || !(chained || storyYearAlone(text, before))) continue;
    if (refYear - yearOf(before) < 2 || d.start - before.end > (chained ? CHAIN_REACH : REACH)) continue;
    // Not across a blank line: a new paragraph may be back in the teller's time.
    if (/\n[ \t]*\n/u.test(text.slice(before.end, d.start))) continue;
    const clause = clauseOf(text, d.start, d.end);
    // Told in the past, or in a story already running ("In April, maybe the 12th"); never in the teller's now.
    const told = (chained || PAST_EN.test(clause)) && !NOW_EN.test(clause);
    // An aside of the teller's time after the date's own clause does not bring it back (date-predicate.ts).
    if (!told && !toldByItsClause(text, d, chained)) continue;
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number | undefined];
    // After a month already read, the telling runs forward: an earlier month is the next year's.
    const year = chained && mo < Number(before.value.slice(5, 7)) ? yearOf(before) + 1 : yearOf(before);
    const value = d.date.precision === 'day' ? realDay(year, mo, day!) : `${year}-${pad(mo)}`;
    if (!value || !weekdayAgrees(text, d, value)) continue;
    moved.set(d, { ...d, date: { precision: d.date.precision, value }, value });
  }
  return moved.size ? found.map((d) => moved.get(d) ?? d) : [...found];
}

/** The date's own clause is told in the past (or in a story already running), with no word of the teller's now. */
function toldByItsClause(text: string, d: DateMention, chained: boolean): boolean {
  const own = ownClauseOf(text, d.start, d.end);
  return (chained || PAST_EN.test(own)) && !NOW_EN.test(own);
}
