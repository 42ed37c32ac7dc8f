/**
 * "Hospital Insular Nuestra Señora de los Reyes", "parroquia San Antonio de Padua", "San Miguel de Masaya": a
 * place whose name ends in a saint's name goes on past "de" (the saint's "de"), but the span readers cut
 * every name at "de" unless a gazetteer holds the whole, so the gold's place is an extra and a miss, often
 * with the tail read as a place of its own ("Padua", "la Asunción"). Counted at stop 47 on the development
 * rounds: 9 places so cut whose whole is the gold's (rounds 19 twice, 23, 31, 39, 49, 61, 65, 72; both
 * languages, 8 writers' rounds), 1 where the gold keeps the cut name ("San Agustín" of "San Agustín de
 * Caracas", round 30), 2 where it holds neither (38, 75). Only the span grows, by one "de" and the
 * capitalised words after it. Not after a given name: "avenida Francisco de Miranda" (round 18) goes on,
 * but "avenida Miranda de Maturín" names its town, and no list tells a given name from a surname there.
 * A place or person read inside the tail is part of the name (guide D10) and dropped there, staying where
 * written alone.
 */
import type { EntityMention } from './entities.js';
import { fold } from './lexicon.js';

/** The last words of a name that a "de" goes on from: "Nuestra Señora", "San José", "Santa Rita". */
const SAINT_END = /(?:Nuestra[ \t]+Señora|(?:San|Santa|Santo|São)[ \t]+\p{Lu}[\p{L}\p{M}'’-]*)$/u;
/** One "de" with its article, then capitalised words on the same line: " de los Reyes", " de Popayán". */
const DE_TAIL =
  /^[ \t]+(?:de|del)[ \t]+(?:(?:la|los|las|el)[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*)*/u;

/** The "de" tail a place's name goes on with after a saint's name, else undefined. */
export function saintNameTail(text: string, place: { end: number; text: string }): string | undefined {
  if (!SAINT_END.test(place.text)) return undefined;
  return DE_TAIL.exec(text.slice(place.end, place.end + 80))?.[0];
}

/**
 * The mentions, each place whose name ends in a saint's name taking its "de" tail in, and the
 * places and persons read inside that tail dropped.
 */
export function withSaintNameTails<T extends EntityMention>(text: string, mentions: readonly T[]): T[] {
  const grown: { start: number; end: number }[] = [];
  const out = mentions.map((m) => {
    if (m.kind !== 'place') return m;
    const tail = saintNameTail(text, m);
    // The value follows the written name only where it is that name (not a gazetteer's other spelling).
    if (!tail || !fold(m.text.replace(/\s+/g, ' ')).endsWith(fold(m.value))) return m;
    const end = m.end + tail.length;
    grown.push({ start: m.end, end });
    return { ...m, end, text: text.slice(m.start, end), value: `${m.value}${tail.replace(/\s+/g, ' ')}` };
  });
  if (!grown.length) return out;
  return out.filter(
    (m) => m.kind === 'organization' || !grown.some((g) => m.start >= g.start && m.end <= g.end),
  );
}
