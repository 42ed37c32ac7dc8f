/**
 * "Embajada de China en Madrid", "the UN Human Rights Office in Caracas", "Russian Embassy in London": GUIDE
 * D25 makes a mission's or office's seat written after "en" / "in" part of its name (it says which of a
 * state's missions or an agency's offices acted), but the rules stop the name before "en" / "in", so the
 * mention is an extra and the gold form a miss. Counted at stop 47 on the development rounds (HISTORY
 * "Organization precision on new writers' texts, stop 47"). Only the mention's span grows: the value stays
 * the name without its seat, so a gold form written without the seat (the texts D25 lets keep it) and
 * another mention of the body without it still match; the seat stays the place the rest of the text reads.
 */
import type { EntityMention } from './entities.js';
import { fold } from './lexicon.js';
import { lookupPlace } from './places.js';

/** Heads of a body that has seats: missions, embassies, consulates, offices, delegations. */
const SEATED =
  /\b(?:office|embassy|consulate|mission|delegation|bureau|oficina|embajada|consulado|mision|delegacion|representacion)\b/;

/** " en La Habana", " in Novi Sad": the seat's capitalised words after "en" / "in" (an article may open them). */
const SEAT_AFTER =
  /^[ \t]+(?:en|in)[ \t]+((?:(?:La|El|Los|Las|The)[ \t]+)?\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+)?\p{Lu}[\p{L}'’-]*){0,3})/u;

/** Organizations of `mentions` named as a seated office and followed by "en <place>" take the seat in. */
export function withOfficeSeats<T extends EntityMention>(text: string, mentions: T[]): T[] {
  const placeAt = new Map<number, number>();
  for (const m of mentions) if (m.kind === 'place') placeAt.set(m.start, m.end);
  return mentions.map((m) => {
    if (m.kind !== 'organization' || !SEATED.test(fold(m.value))) return m;
    const seat = SEAT_AFTER.exec(text.slice(m.end, m.end + 60));
    if (!seat) return m;
    const seatStart = m.end + seat[0].length - seat[1]!.length;
    // The seat is a place the text reads there, or a known place: not a month or a person ("in March").
    const end = placeAt.get(seatStart) ?? (lookupPlace(seat[1]!) ? m.end + seat[0].length : undefined);
    if (end === undefined) return m;
    return { ...m, end, text: text.slice(m.start, end) };
  });
}
