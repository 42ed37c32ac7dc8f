/**
 * "Recibí tu carta del 31 y las naranjas", "Tu carta del 3 llegó ayer": a letter answered by its day alone is of the
 * month of the letter that answers it, or of the month before when that day is still to come (guide §3: "tu carta
 * del 12" is that day of the letter's month; a later day would be written with its month). Development rounds: 2
 * missed in 2 prison and exile letters of rounds 20 and 74; "tu carta del 30 de noviembre" (62, 63) writes its month.
 */
import { dayMention, realDay } from './calendar.js';
import type { DateMention } from './dates.js';

const LETTER_DAY =
  /(?<=(?<![\p{L}])(?:tu|su|vuestra|nuestra|mi|la|esa)\s+(?:[úu]ltima\s+)?cartas?\s+del\s+)([12]?\d|3[01])(?![\d\p{L}º°ª]|[.,:]\d|\s+de\s)/giu;

export function letterDays(text: string, found: readonly DateMention[], ref: Date): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(LETTER_DAY)) {
    const start = m.index;
    if (found.some((f) => f.start < start + m[0].length && start < f.end)) continue;
    const day = Number(m[1]);
    const back = day > ref.getUTCDate() ? 1 : 0;
    const first = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - back, 1));
    const value = realDay(first.getUTCFullYear(), first.getUTCMonth() + 1, day);
    if (value) out.push(dayMention(start, m[0], value, true));
  }
  return out;
}
