/**
 * A Spanish day given with its month counted from the writer's: "Tiene 17 años el 24 de este mes", "murió el 30 del
 * mes pasado", "la audiencia es el 3 del mes que viene". The English forms ("the 9th of this month", "the 11th of last
 * month", "the 18th of next month": rounds 21, 43, 69, 72) are read by `ordinalDays`; the Spanish one was read as the
 * month alone (round 74's chat, stop 44), the day lost.
 */
import { dayMention, realDay } from './calendar.js';
import type { DateMention } from './dates.js';

const MONTH_DAY =
  /(?<![\p{L}\d])(?<=(?:el|del|al)\s+)([12]?\d|3[01])\s+(?:de\s+este\s+mes|del\s+mes\s+(pasado|que\s+viene|pr[oó]ximo|entrante)|del\s+(pr[oó]ximo)\s+mes)(?![\p{L}])/giu;

/** The days `text` writes as "el N de este mes" and the like, in the reference's month, the one before or after. */
export function esMonthDays(text: string, ref: Date): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(MONTH_DAY)) {
    const shift = m[2] ? (/^pasado$/iu.test(m[2]) ? -1 : 1) : m[3] ? 1 : 0;
    const at = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, 1));
    const value = realDay(at.getUTCFullYear(), at.getUTCMonth() + 1, Number(m[1]));
    if (value) out.push(dayMention(m.index, m[0], value, true));
  }
  return out;
}
