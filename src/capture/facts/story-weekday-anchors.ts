/**
 * Which earlier mentions may date a weekday with a day number and no month ("El martes 11, a mediodía", "el jueves
 * 17") in a story told years after it: `weekdaysInNarrative` (dates.ts) reads it in the months of the day named
 * before it (weekday-day-anchors.ts), and only days were anchors. Two readings put the story's weekdays in the
 * writer's months instead. Stop 46: weekday-and-number days misdated are 7 extras in 4 texts of rounds 12–74 (none of
 * these two shapes: their anchor day was itself misdated) and 5 in 3 texts of rounds 75–78, where these two shapes
 * are 4 of them (an oral testimony of round 77, an interview of round 78), with the "el 21" dated after them:
 * - the story's month is named with its year but no day ("¿Dónde estaba usted en julio de 1995? … El bombardeo
 *   empezó el día 6 … El martes 11, a mediodía", a testimony recorded on 9 July 2026): the only day before was the
 *   recording's, and 11 August 2026 is a Tuesday too. A month that writes its year is an anchor like a day: the
 *   weekday must fall on that number in that month (one chance in seven by accident).
 * - the day just before is a weekday read ahead of the writer ("Fue un miércoles, el 16 de octubre de 2019. Yo me
 *   acuerdo porque el martes había sido la reunión", an interview of 14 June 2025, read 17 June 2025): a day after
 *   the writer's own is no day of a story told in the past, so it anchors nothing; the story's day before it does.
 */
import { realDay, utc } from './calendar.js';
import type { DateMention } from './dates.js';
import type { DayAnchor } from './weekday-day-anchors.js';

/** How far before the weekday an anchor may stand (as for days, about a page of a testimony). */
const REACH = 1200;

/**
 * The mentions before `d` (text order, within reach) that may date it: days, save a relative one read after the
 * writer's day `ref`, and months that write their year ("julio de 1995", "octubre de mil novecientos ochenta y uno").
 */
export function storyWeekdayAnchors(
  ordered: readonly DateMention[],
  d: DateMention,
  ref: Date,
  writesYear: (text: string) => boolean,
): DayAnchor[] {
  return ordered.filter(
    (o) =>
      o !== d &&
      o.end <= d.start &&
      d.start - o.end <= REACH &&
      ((o.date.precision === 'day' && !(o.relative && utc(o.value).getTime() > ref.getTime())) ||
        (o.date.precision === 'month' && !o.relative && writesYear(o.text))),
  );
}

/** The day `day` of an anchor month "YYYY-MM" if it falls on weekday `wd` (0 Sunday), else nothing. */
export function dayInAnchorMonth(month: string, day: number, wd: number): string | undefined {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const at = realDay(y, m, day);
  return at && utc(at).getUTCDay() === wd ? at : undefined;
}
