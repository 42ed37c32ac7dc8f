/**
 * An encyclopedia page has no date of its own: the day its infobox gives ("Date\t1–2 July 2008", "Fecha\t15 de enero
 * de 1981", "Died\t6 September 1999") is the day of the event it tells, not the day it was written. Taken as the
 * page's publication day (stop 43), it made every yearless day after the event "ahead" of the writer and so a year
 * back ("5 July" under "1–2 July 2008" → 2007-07-05); a birth row made a birth the writer's "now".
 */
import { DAY_MS } from './calendar.js';
import { type DateMention, findDates } from './dates.js';
import { fold, MONTHS } from './lexicon.js';

/** An infobox row as the page's text keeps it: a short label, a tab, its value. */
const ROW = /^([^\t\n]{2,40})\t([^\t\n]+)$/u;
/** Rows that date a life, not the event the page tells. */
const LIFE_ROW =
  /^(?:born|birth|nacimiento|nacid[oa]|native\s+name|nombre|full\s+name|nombre\s+completo)\b/iu;

/**
 * A page headed by an infobox (two rows or more among its first 12 lines): every day its rows write with a year, and
 * its event day, the first such day in a row other than a birth's (a range gives its first day; none when the box
 * dates only a birth: the page's "now" is then unknown). Undefined for any other text.
 */
export function infoboxDays(text: string): { days: string[]; event?: string } | undefined {
  const rows = text
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 12)
    .map((l) => ROW.exec(l.trim()))
    .filter((m): m is RegExpExecArray => !!m);
  if (rows.length < 2) return undefined;
  const days: string[] = [];
  let event: string | undefined;
  for (const [, label, value] of rows) {
    const year = /\d{4}/.exec(value!)?.[0];
    if (!year) continue;
    // "27 October – mid-December 2008": a range's first day is read in the year the row writes.
    const said = findDates(value!, `${year}-12-31`)
      .filter((x) => !x.relative && /^\d{4}-\d{2}-\d{2}$/.test(x.value))
      .map((x) => x.value);
    days.push(...said);
    if (!event && said.length && !LIFE_ROW.test(label!.trim())) event = said.at(-1);
  }
  return { days, event };
}

/** A two-digit year written with the month ("junio del 76", "May '89"): the year is said. */
const SHORT_YEAR = /(?:\b(?:de|del|of)\s+|['’])\d{2}$/iu;
/** A month's name in the mention: "in July", "30 de abril" (a month alone is flagged relative; "yesterday" is not named). */
const namesMonth = (t: string) =>
  fold(t)
    .split(/[^\p{L}]+/u)
    .some((w) => MONTHS.has(w));

/**
 * On a page whose reference is its event day, a day or month without its year read in the year before, though it
 * falls within half a year after the event in the event's own year, is of that year: the page tells the event and
 * its aftermath, and has no "now" that the next days could lie ahead of ("5 July" under "Date 1–2 July 2008"). In place.
 */
export function nearestToEvent(found: DateMention[], eventDay: string): void {
  const ref = Date.parse(eventDay);
  const y0 = Number(eventDay.slice(0, 4));
  const ordered = [...found].sort((a, b) => a.start - b.start);
  let said: number | undefined;
  for (const d of ordered) {
    const written = /\b(1\d{3}|20\d{2})\b/.exec(d.text)?.[1];
    if (written) {
      if (d.date.precision !== 'year') said = Number(written);
      continue;
    }
    if (SHORT_YEAR.test(d.text.trim()) || !namesMonth(d.text)) continue;
    if (d.date.precision !== 'day' && d.date.precision !== 'month') continue;
    if (!d.value.startsWith(`${y0 - 1}-`) || d.value.includes('/')) continue;
    // "On 1 July 2022 … on 2 July": the story has said the year it was read in.
    if (said === y0 - 1) continue;
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number?];
    const at = Date.UTC(y0, mo - 1, d.date.precision === 'day' ? day! : 1);
    if (at < ref || at - ref > 183 * DAY_MS) continue;
    const value = `${y0}${d.value.slice(4)}`;
    d.value = value;
    d.date = { ...d.date, value };
  }
}
