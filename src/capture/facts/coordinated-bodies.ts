/**
 * "TVP and Polish Radio", "NTV and Citizen TV", "Radio Oméga and Lefaso.net", "del Ministerio del Interior y de
 * la Capitanía General de Burgos": two bodies joined by "and" / "y" read as one organization (an extra and two
 * misses). Counted at stop 48 on the development rounds (HISTORY "Spanish organizations, stop 48"): 11 such
 * mentions in 10 texts of 8 rounds (17, 18, 20, 28, 39, 43, 44, 53), against ~350 correct organizations whose
 * own name holds "and" / "y" ("Truth and Reconciliation Commission", "Ministerio de Justicia y Derechos Humanos",
 * "Radio Fe y Alegría", "Centro por la Justicia y el Derecho Internacional"). A name's inner "and" joins words
 * that are not bodies on their own, so a mention is cut only where the side after the conjunction is a whole
 * body by its form (an acronym, a web address, or a last word that names a body, orgs.ts' ORG_WORDS: "Radio",
 * "TV", "Ministry", not after "de" / "of") and the side before it is one too or opens with a body word; or
 * where "y de la" / "y del" says the preposition again before a second capitalised name. Each side becomes a
 * mention of its own, valued by its text.
 */
import type { EntityMention } from './entities.js';
import { fold, ORG_HEADS, ORG_TAILS } from './lexicon.js';
import { ORG_WORDS } from './orgs.js';

/** One "and" / "y" / "e" between two runs, with an article or "de" after it ("y de la Capitanía …"). */
const JOINED =
  /^(.+?)[ \t]+(?:and|y|e)[ \t]+((?:(?:the|de[ \t]+la|de[ \t]+los|de[ \t]+las|del)[ \t]+)?)(.+)$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\d]{1,5}$/u;
const WEB_ADDRESS = /^[\p{L}\d-]+\.(?:net|com|org|info)$/iu;

const words = (s: string) => s.split(/[ \t]+/);
/** A word that names a body at the end of a name ("Radio", "TV", "Lab"); not "International" of "Human Rights International". */
const bodyWord = (w: string | undefined) =>
  w !== undefined && ORG_WORDS.has(fold(w)) && !ORG_TAILS.has(fold(w));
const OWNER_BEFORE = /^(?:de|del|of|the|la|el|los|las)$/i;

/** A run that is a body by its form alone: an acronym, a web address, or a name ending in a body word (not an owner's: "… del Ejército"). */
const whole = (run: string) => {
  const w = words(run);
  if (w.length === 1) return ACRONYM.test(run) || WEB_ADDRESS.test(run);
  return bodyWord(w.at(-1)) && !OWNER_BEFORE.test(w.at(-2)!);
};
/** A run of two or more words opening with a body's first word ("Radio Oméga", "Capitanía General de Burgos"). */
const opensWithHead = (run: string) => {
  const w = words(run);
  return w.length > 1 && (ORG_HEADS.has(fold(w[0]!)) || bodyWord(w[0]));
};
/**
 * A second body's whole name after "y de la": capitalised, with a seat or owner of its own ("Capitanía General
 * de Burgos", "Archivos Nacionales de Ultramar"), not a remit ("… y de las Culturas Andinas", "… y de los Pueblos").
 */
const longName = (run: string) =>
  /^\p{Lu}\S*(?:[ \t]+\p{Lu}\S*)*[ \t]+(?:de|del|de[ \t]+la|de[ \t]+los)[ \t]+\p{Lu}/u.test(run);

/** Where `m` is two bodies joined by a conjunction, the two; otherwise undefined. */
function halves(m: EntityMention): [EntityMention, EntityMention] | undefined {
  if (m.kind !== 'organization' || /[,;&(]/.test(m.text)) return undefined;
  const j = JOINED.exec(m.text);
  if (!j) return undefined;
  const [, left, repeated, right] = j as unknown as [string, string, string, string];
  if (/[ \t](?:and|y|e)[ \t]/.test(right) || /[ \t](?:and|y|e)[ \t]/.test(left)) return undefined;
  // "del Ministerio del Interior y de la Capitanía General de Burgos": the preposition said again for a second body.
  const apart =
    (whole(left) && whole(right)) ||
    (opensWithHead(left) && whole(right)) ||
    (repeated !== '' && !/^the/i.test(repeated) && opensWithHead(left) && longName(right));
  if (!apart) return undefined;
  const rightStart = m.start + m.text.length - right.length;
  return [
    { ...m, end: m.start + left.length, text: left, value: left },
    { ...m, start: rightStart, text: right, value: right },
  ];
}

/** Organizations of `mentions` that join two bodies by "and" / "y", each body as a mention of its own. */
export function withCoordinatedBodies<T extends EntityMention>(mentions: T[]): T[] {
  if (!mentions.some((m) => m.kind === 'organization' && /[ \t](?:and|y|e)[ \t]/.test(m.text)))
    return mentions;
  return mentions.flatMap((m) => (halves(m) as T[] | undefined) ?? [m]);
}
