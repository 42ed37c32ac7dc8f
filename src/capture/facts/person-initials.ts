/**
 * "MBS" beside "Mohammed bin Salman", "IBK" beside "Ibrahim Boubacar Keïta", "(BM, in studio)" after
 * "Blessing Moyo": a short capitalised word that is the initials of a person the text names is that
 * person's nickname or a speaker's tag, not a body — yet the tagger reads every short capitalised word
 * as an acronym. Counted at stop 47 on the development rounds (HISTORY "Organization precision on new
 * writers' texts, stop 47"). The organization entry is dropped only when no organization of the text
 * has those initials and the acronym is no body the lexicon knows ("UN", "PP"); an acronym paired with
 * its body keeps the body's value and is not touched.
 */
import { initialsOf } from './acronyms.js';
import type { EntityMention } from './entities.js';
import { fold, KNOWN_ORGS } from './lexicon.js';

/** Two to four capitals, as a person's initials are written. */
const INITIALS = /^\p{Lu}{2,4}$/u;

/** `mentions` without the organizations that are only the initials of a person of the same text. */
export function withoutPersonInitials<T extends EntityMention>(mentions: T[]): T[] {
  const personInitials = new Set<string>();
  const orgInitials = new Set<string>();
  for (const m of mentions) {
    if (m.kind === 'person') for (const i of initialsOf(m.value)) personInitials.add(i);
    else if (m.kind === 'organization' && !INITIALS.test(m.text))
      for (const i of initialsOf(m.value)) orgInitials.add(i);
  }
  if (personInitials.size === 0) return mentions;
  const initialsOnly = (m: T) => {
    if (m.kind !== 'organization' || !INITIALS.test(m.text) || fold(m.value) !== fold(m.text)) return false;
    const key = fold(m.text);
    return personInitials.has(key) && !orgInitials.has(key) && !KNOWN_ORGS.has(key);
  };
  return mentions.filter((m) => !initialsOnly(m));
}
