/**
 * A day written as its number alone after an article, in the month of the day named before it: "Salimos de Maya
 * Tecún el 2 de octubre de 1994 … y llegamos a la finca el 8", "Mataron a mi hermano … en la plaza el 25" after "El 22 de
 * octubre del 97", "la visita del 6" in a letter of 14 October 1979, "vinieron el 26 con la Procuraduría" after "el martes"
 * (24 March). Guide §3: "tu carta del 12" is that day of the letter's month. Stop 43, development rounds: such days
 * 13 missed in 12 texts of 11 rounds, none read; 9 read now (rounds 15, 17, 25, 32, 39, 42, 48, 51), 1 new extra.
 *
 * Only "el/del/al N" (1–31) closing its phrase or followed by a word that goes on with a day ("y el 13", "con",
 * "en", "a las"); not "el 12 de la calle", "el 80 por ciento", "el 3.º", "el 23N". The month is that of the nearest
 * day before it (within `REACH`, in its paragraph or the one before); nothing without one.
 */
import { dayMention, realDay, standingMentions } from './calendar.js';
import type { DateMention } from './dates.js';

const BARE_DAY =
  /(?<=(?<![\p{L}])(?:el|del|al)\s+)([12]?\d|3[01])(?=\s*(?:[,;:)]|\.(?![º°ª\p{L}\d])|$)|\s+(?:y\s+(?:el\s+)?\d|con|en|a\s+las|por\s+la|cuando)\b)(?![.,]\d)/gmu;
/**
 * "el día 11", "tu carta del día 2 y la foto", "lo levantaron el día 21 en la noche": with "día" before it the number
 * is a day whatever follows, unless its month follows ("el día 11 de junio", read elsewhere). Stop 44: 9 in 9 texts of
 * rounds 19–69, 7 of them missed; 2 read now (rounds 19, 58), none wrongly. The rest have no month written near
 * them (a letter's date two paragraphs up, a transcript's story month turns away) or only a month without its year.
 */
const DAY_WORD_DAY =
  /(?<=(?<![\p{L}])(?:el|del|al)\s+d[ií]a\s+)([12]?\d|3[01])(?![\d\p{L}º°ª]|[.,:]\d|\s+de\b)/gmu;
/** How far back the day that gives the month may stand. */
const REACH = 600;

export function bareDays(text: string, found: readonly DateMention[]): DateMention[] {
  const standing = standingMentions(found);
  const days = standing.filter((d) => d.date.precision === 'day');
  // Not "ayer", "hoy": the day of writing, not the story's month. A month without its year ("en marzo y abril")
  // may be of another year than the story's: nearest, it gives none.
  const months = standing.filter((d) => !(d.date.precision === 'day' && !/\d/.test(d.text)));
  const out: DateMention[] = [];
  for (const m of text.matchAll(DAY_WORD_DAY)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    // The month named nearest before it, a month alone too ("en mayo de 2025: el día 18"), in its paragraph or the one before.
    const anchor = months.findLast((d) => d.end <= start);
    if (!anchor || start - anchor.end > REACH) continue;
    if (anchor.date.precision === 'year' || (anchor.date.precision === 'month' && !/\d{4}/.test(anchor.text)))
      continue;
    if ((text.slice(anchor.end, start).match(/\n\s*\n/g)?.length ?? 0) > 1) continue;
    const [y, mo] = anchor.value.split('-').map(Number) as [number, number];
    const value = realDay(y, mo, Number(m[1]));
    if (value) out.push(dayMention(start, m[0], value, true));
  }
  let k = -1;
  for (const m of text.matchAll(BARE_DAY)) {
    const start = m.index;
    const end = start + m[0].length;
    while (k + 1 < days.length && days[k + 1]!.end <= start) k++;
    const anchor = days[k];
    if (!anchor || start - anchor.end > REACH) continue;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    if ((text.slice(anchor.end, start).match(/\n\s*\n/g)?.length ?? 0) > 1) continue;
    const [y, mo] = anchor.value.split('-').map(Number) as [number, number];
    const value = realDay(y, mo, Number(m[1]));
    if (value) out.push(dayMention(start, m[0], value, true));
  }
  return out;
}
