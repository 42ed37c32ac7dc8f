/**
 * "CBTIS 128", "Radio Qatun Llaqta 98.5 FM", "Tribunal Popular Internacional 1965": a number written right
 * after a body's name is part of its written name (a school's number, a station's frequency, the year a
 * tribunal is named by), but the rules stop the name before it and the mention misses the gold form.
 * Counted at stop 48 on the development rounds (HISTORY "Spanish organizations, stop 48"): 4 such pairs
 * (extra and miss) in 4 texts of 4 rounds (50, 61, 67, 72), and none with the gold short. Only the
 * mention's span grows, as in un-owner-tails.ts: the value stays the name, so a form written without the
 * number still matches it and is the same entity.
 */
import type { EntityMention } from './entities.js';

/** A number (and a band after a frequency) right after the name, then no word it counts or dates. */
const NUMBER_TAIL = /^[ \t]+(\d{1,4}(?:[.,]\d)?)(?:[ \t]+(?:FM|AM))?(?=[ \t]*(?:$|[\n.,;:)"”»]))/u;

/** Organizations of `mentions` followed by a number that ends the phrase take it in. */
export function withNumberTails<T extends EntityMention>(text: string, mentions: T[]): T[] {
  return mentions.map((m) => {
    if (m.kind !== 'organization' || /\d/.test(m.text.slice(-1))) return m;
    const tail = NUMBER_TAIL.exec(text.slice(m.end, m.end + 20));
    if (!tail) return m;
    const end = m.end + tail[0].length;
    return { ...m, end, text: text.slice(m.start, end) };
  });
}
