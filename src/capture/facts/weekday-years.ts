/**
 * A yearless day written with its weekday is read in a year the text writes where that weekday falls (stop 49).
 * "Sábado 2 de octubre" in a diary titled "octubre-diciembre de 1965", "Wednesday 6 April" in a Kigali diary of
 * 1994, "el lunes 8 de agosto" in a ministry's note on 1994: the rules fit the weekday in the reference's year or
 * one either side (dates.ts `dayWithoutYear`), else read it beside the writer, and the chooser weighs only the years
 * written nearest; a weekday falls on a given day in one year of seven, so a written year it fits is the day's year
 * far more often than not. A day whose reading fits its weekday in a year the text writes (or the reference's) is
 * left as it is: the writer's own week ("el jueves 5 de marzo" of a statement of 2026) fits there and is not moved to
 * an older year that fits too; "Sábado 2 de octubre" read in 2027, a year no line writes, is moved.
 * The year: of the years written in digits in the text's dates that fit, the last written before the day, else the
 * first after it. Counts in HISTORY.md, stop 49.
 */
import { addDays, DAY_MS, iso, realDay, standingMentions, utc } from './calendar.js';
import type { DateMention } from './dates.js';
import { fold, MONTH_WORD, WEEKDAY_ALT, WEEKDAYS } from './lexicon.js';

/** A year in digits. */
const YEAR_WRITTEN = /(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)/gu;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;
/** The weekday opening the mention or standing just before it: "Sábado 2 de", "Friday the 14th of", "lunes, 30 de". */
const OWN_WEEKDAY = new RegExp(`^(?:el\\s+|del\\s+)?(${WEEKDAY_ALT})\\b`, 'iu');
const WEEKDAY_BEFORE = new RegExp(`(?<![\\p{L}])(${WEEKDAY_ALT})[,\\s]+(?:el\\s+|the\\s+)?$`, 'iu');
/** How far before the mention its weekday may stand ("Wednesday, the " is 15 characters). */
const BEFORE = 16;

/** The weekday (0 = Sunday) written with a day mention, if any. */
function weekdayWith(text: string, d: DateMention): number | undefined {
  const named =
    OWN_WEEKDAY.exec(d.text)?.[1] ??
    WEEKDAY_BEFORE.exec(text.slice(Math.max(0, d.start - BEFORE), d.start))?.[1];
  return named === undefined ? undefined : WEEKDAYS.get(fold(named));
}

/**
 * The mentions, each yearless day with a weekday read in a year the text does not write moved to a written year its
 * weekday fits; the relative days and months told after it ("Hoy", "ayer", "el miércoles", "agosto"), up to the next
 * day written, follow it into its year (`following`). A reading in the
 * reference's year, or in the year of a relative day told before it (a post's "Hoy"), that fits is kept.
 */
export function weekdayYears(text: string, found: readonly DateMention[], reference: string): DateMention[] {
  const ordered = standingMentions(found);
  // Each year written in a date, with where: the day takes the nearest before it that fits, else the first after.
  const written: { at: number; year: number }[] = [];
  for (const d of ordered)
    if (!d.relative)
      for (const m of d.text.matchAll(YEAR_WRITTEN)) written.push({ at: d.start, year: Number(m[0]) });
  if (!written.length) return [...found];
  // The reference's year counts as written: the writer's own week fits there.
  const writtenYears = new Set([...written.map((w) => w.year), Number(reference.slice(0, 4))]);
  const moved = new Map<DateMention, string>();
  // The last day with its weekday, as this pass leaves it: the relative days after it follow it.
  let anchor: string | undefined;
  let readBefore: string | undefined;
  for (const d of ordered) {
    const day = d.date.precision === 'day' && DAY.test(d.value);
    if (d.relative) {
      const value =
        anchor && readBefore && (day || MONTH.test(d.value))
          ? following(d.value, anchor, readBefore)
          : undefined;
      if (value) moved.set(d, value);
      // A stamp's "Hoy" (a post of 06/05/2026) dates the writer's own week too.
      else if (day && !anchor) writtenYears.add(Number(d.value.slice(0, 4)));
      continue;
    }
    if (day) anchor = undefined;
    if (!day || !MONTH_WORD.test(d.text) || d.text.match(YEAR_WRITTEN)) continue;
    const wd = weekdayWith(text, d);
    if (wd === undefined) continue;
    const own = utc(d.value);
    anchor = d.value;
    readBefore = d.value;
    if (own.getUTCDay() === wd && writtenYears.has(own.getUTCFullYear())) continue;
    const [mo, dd] = [Number(d.value.slice(5, 7)), Number(d.value.slice(8, 10))];
    const fits = (y: number) => {
      const v = realDay(y, mo, dd);
      return v !== undefined && utc(v).getUTCDay() === wd ? v : undefined;
    };
    const before = written.filter((w) => w.at < d.start && fits(w.year)).at(-1);
    const year = (before ?? written.find((w) => w.at > d.start && fits(w.year)))?.year;
    if (year === undefined || year === own.getUTCFullYear()) continue;
    anchor = fits(year)!;
    moved.set(d, anchor);
  }
  if (!moved.size) return [...found];
  return found.map((d) => {
    const value = moved.get(d);
    if (!value) return d;
    const precision = value.length === 10 ? ('day' as const) : ('month' as const);
    return { ...d, value, date: { precision, value } };
  });
}

const MONTH = /^\d{4}-\d{2}$/u;
/** How far a relative day may lie from its anchor's day ("ayer", "el miércoles" of a Friday). */
const WEEK_DAYS = 7;

/**
 * A relative day or month told after `anchor` but read in another year (from the anchor's reading before this pass,
 * or before the chooser moved it: "Hoy" of "Martes 19 de octubre" read in 2027), in the anchor's year: a day within a
 * week of the anchor's day in its own year keeps its distance from it; a month read in the year this pass moved the
 * anchor from takes the anchor's year.
 */
function following(value: string, anchor: string, readBefore: string): string | undefined {
  const year = Number(value.slice(0, 4));
  const anchorYear = Number(anchor.slice(0, 4));
  if (year === anchorYear) return undefined;
  // A month only after a day this pass moved, from the year it was read in ("una reunión de agosto").
  if (value.length === 7)
    return readBefore.startsWith(value.slice(0, 4)) ? `${anchorYear}${value.slice(4)}` : undefined;
  const there = realDay(year, Number(anchor.slice(5, 7)), Number(anchor.slice(8, 10)));
  if (!there) return undefined;
  const days = (utc(value).getTime() - utc(there).getTime()) / DAY_MS;
  return Math.abs(days) <= WEEK_DAYS ? iso(addDays(utc(anchor), days)) : undefined;
}
