/**
 * "Seguramente a finales de mes", "Las imágenes difundidas a mediados de mes": a part of the month without the
 * month's name is the month of the text or message it is written in (guide §7: "a mediados de mes", "before the end
 * of the month" = the month). Development rounds: 2 missed in 2 texts of rounds 23 and 47 (a chat message, a wire),
 * no other in the Spanish texts. "a fin de mes" is left out: it is mostly a habit ("cobramos a fin de mes").
 */
import { pad } from './calendar.js';
import type { DateMention } from './dates.js';

const MONTH_PHASE = /\b(?:a\s+)?(?:mediados|finales|principios|comienzos)\s+de\s+(?:este\s+)?mes\b/giu;

export function monthPhases(text: string, found: readonly DateMention[], ref: Date): DateMention[] {
  const value = `${ref.getUTCFullYear()}-${pad(ref.getUTCMonth() + 1)}`;
  const out: DateMention[] = [];
  for (const m of text.matchAll(MONTH_PHASE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    out.push({ start, end, text: m[0], date: { precision: 'month', value }, value, relative: true });
  }
  return out;
}
