/**
 * Which earlier day dates "el viernes 8", "la noche del sábado 21", "el domingo 12" (a weekday and a day number,
 * no month). `weekdaysInNarrative` (dates.ts) reads such a day in the month of the day named just before it; but
 * the day named just before is often not the story's: a thread's post stamp ("7 mar. 2025 · 16:55 3/ El viernes 8
 * y el sábado 9 no hubo agua", after "El jueves 7 de marzo de 2019"), an on-air "esta noche" ("… el 20 de julio de
 * 2001 … esta noche … ¿Qué pasó la noche del sábado 21?"). Then the weekday does not fit that day's months, and the
 * day fell to the months around the reference. Stop 43, development rounds: such weekday days misread in five texts
 * of five rounds (15, 19, 20, 32, 39; 9 extras, 7 misses); this mends those of rounds 15, 19 and 39 (7 extras, 5 misses).
 *
 * The nearest day before is tried first, as before; when the weekday fits none of its months, the earlier days
 * that write their year (a story's own day, not a stamp's relative one) are tried, nearest first, a few distinct
 * ones only (each fits by chance about three times in seven); when none is before, the day written right after
 * it ("la misa del domingo 12. El sábado 18 de octubre nos reunimos").
 */

/** A dated mention as this reads it: where it stands, its ISO value, its words. */
export interface DayAnchor {
  start: number;
  end: number;
  value: string;
  text: string;
}

/** How many distinct earlier days with a year are tried after the nearest one fails. */
const EARLIER_TRIED = 2;
/** How far after the weekday a following day may stand to date it (about one sentence). */
const AFTER_REACH = 120;

/**
 * The day the weekday and number name, read from the days around it: `before` in text order (days only, within
 * reach), `after` the first day mention after it, `fits` the reading in one anchor's months, `writesYear` whether
 * a mention writes its year.
 */
export function dayFromAnchors(
  at: { start: number; end: number },
  before: readonly DayAnchor[],
  after: DayAnchor | undefined,
  fits: (anchor: string) => string | undefined,
  writesYear: (text: string) => boolean,
): string | undefined {
  const last = before[before.length - 1];
  if (last) {
    const fit = fits(last.value);
    if (fit) return fit;
    const tried = new Set([last.value]);
    for (let i = before.length - 2; i >= 0 && tried.size <= EARLIER_TRIED; i--) {
      const a = before[i]!;
      if (tried.has(a.value) || !writesYear(a.text)) continue;
      tried.add(a.value);
      const earlier = fits(a.value);
      if (earlier) return earlier;
    }
    return undefined;
  }
  if (after && after.start - at.end <= AFTER_REACH) return fits(after.value);
  return undefined;
}
