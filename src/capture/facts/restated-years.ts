/**
 * A year said beside a yearless day or month of the same breath, one date as a witness says it: "born in ninety, in
 * the December" (1990-12), "Sunday the 16th of September, the '73 I mean" (1973-09-16). The day or month was read in the writer's year (the year stood apart, as its own
 * mention), and the annotators give the one date, not the year beside it (round 75, two texts; round 28's "June 1956, in the" shape).
 *
 * Only a year alone (precision "year") and a day or month whose text writes no year, with nothing between them but a
 * comma and "in the", "the" or "in".
 */
import type { DateMention } from './dates.js';
import { MONTH_WORD } from './lexicon.js';

/**
 * What may stand between a year and the month it names: a comma and "in the" at most ("in 2001, signed in July" is
 * two events; a first version that let four words stand between broke three texts of rounds 40, 57 and 62).
 */
const YEAR_THEN_MONTH = /^,\s*(?:in\s+)?(?:the\s+)?$/iu;
/** What may stand between a day and the year said after it: ", the", ", in", ", that is". */
const DAY_THEN_YEAR = /^,\s*(?:the\s+|in\s+)?$/iu;
/** A year written in a day's or month's words (in figures, or a witness's "'73"). */
const WRITES_YEAR = /\d{4}|['’‘]\d{2}/u;

const yearOnly = (d: DateMention) => d.date.precision === 'year' && !d.relative;
const yearless = (d: DateMention) =>
  (d.date.precision === 'day' || d.date.precision === 'month') &&
  MONTH_WORD.test(d.text) &&
  !WRITES_YEAR.test(d.text);

function withYear(d: DateMention, year: string): DateMention {
  const value = `${year}${d.value.slice(4)}`;
  return { ...d, date: { ...d.date, value } as DateMention['date'], value };
}

/** `dates` with each restated year given to its day or month and dropped (text order kept). */
export function restatedYears(text: string, dates: readonly DateMention[]): DateMention[] {
  const ordered = [...dates].sort((a, b) => a.start - b.start);
  const dropped = new Set<DateMention>();
  const moved = new Map<DateMention, DateMention>();
  for (let i = 0; i + 1 < ordered.length; i++) {
    const a = ordered[i]!;
    const b = ordered[i + 1]!;
    if (b.start < a.end) continue;
    const between = text.slice(a.end, b.start);
    if (yearOnly(a) && yearless(b) && YEAR_THEN_MONTH.test(between)) {
      moved.set(b, withYear(b, a.value));
      dropped.add(a);
    } else if (yearless(a) && yearOnly(b) && DAY_THEN_YEAR.test(between)) {
      moved.set(a, withYear(moved.get(a) ?? a, b.value));
      dropped.add(b);
    }
  }
  if (!dropped.size) return [...dates];
  return dates.filter((d) => !dropped.has(d)).map((d) => moved.get(d) ?? d);
}
