/**
 * Spanish anniversaries said with "cumplir": "Hoy se cumplen cuatro años de la sentencia", "Hoy, 21 de julio de 2025,
 * se cumplen seis años del ataque", "Ayer, 27 de agosto, se cumplieron cinco años de la muerte", "El 12 de mayo se
 * cumplieron 10 años". The day said right before the count is one end; the anniversary names the other as well, N
 * years back to the day (guide §7: "Hoy se cumplen dos años de…" names both days; D21 for a thread's "today").
 * Stop 42: the earlier day was missed in six texts of rounds 12, 14, 18, 25, 32 and 41 ("hace N años" with "hoy"
 * was already read, `anniversary` in dates.ts). Where the text also writes the earlier day, both readings agree.
 */
import { iso, relativeDay } from './calendar.js';
import type { DateMention } from './dates.js';

/** "se cumplen cuatro años", "se cumplieron 10 años", "se cumple un año"; not "… años y ocho meses". */
const CUMPLEN =
  /(?<![\p{L}])se\s+(?:cumplen|cumple|cumplieron|cumpli[óo])\s+(\d{1,3}|\p{L}+(?:\s+y\s+\p{L}+)?)\s+a[ñn]os?(?![\p{L}])(?!\s+y\s)/giu;
/** Between the day and the count: only spaces and commas ("Hoy, 21 de julio de 2025, se cumplen"). */
const ADJOINING = /^[\s,]*$/u;

/**
 * The earlier day of each anniversary whose day is written right before its count. `count` reads the count
 * ("cuatro", "10", "treinta y cinco"; NaN when it is no number).
 */
export function anniversaryDays(
  text: string,
  found: readonly DateMention[],
  reference: string,
  count: (words: string) => number,
): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(CUMPLEN)) {
    const n = count(m[1]!);
    if (!Number.isInteger(n) || n < 1 || n > 400) continue;
    let anchor: DateMention | undefined;
    for (const d of found)
      if (d.end <= m.index && d.date.precision === 'day' && ADJOINING.test(text.slice(d.end, m.index)))
        if (!anchor || d.end > anchor.end) anchor = d;
    // Today's or a past anniversary: "mañana / el sábado / el 28 de junio se cumplen treinta años de la masacre de
    // 1995" lies ahead, and its annotators gave the event's year or nothing (rounds 18, 58; one gave the day, 42).
    if (!anchor || (!/cumpli/iu.test(m[0]) && anchor.value !== reference)) continue;
    const day = new Date(`${anchor.value}T00:00:00Z`);
    const back = new Date(Date.UTC(day.getUTCFullYear() - n, day.getUTCMonth(), day.getUTCDate()));
    // 29 February counted back to a common year has no such day.
    if (back.getUTCDate() !== day.getUTCDate()) continue;
    const value = iso(back);
    out.push(relativeDay(m.index, m[0], value));
  }
  return out;
}
