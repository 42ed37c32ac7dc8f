/**
 * Persons across an article and its comments. Each comment is read apart from its article, so a
 * comment that names a person of the article by one name ("Naseer", "Mangudadatu") or with a form of
 * address ("doña Rosalba", "Ibu Theresia") would suggest that person a second time, under a second
 * name; here it takes the article's full name. Pure: facts in, values changed in place.
 */
import { fold, PARTICLES } from './lexicon.js';
import { addressedName, courtesyForm, fitsAddress } from './person-spans.js';

interface PersonFact {
  kind: string;
  value: string;
  mentions?: { start: number; end: number; text: string }[];
  /** An event's persons, by value. */
  persons?: string[];
}

/** A person's name folded, word by word, without its particles ("de", "del", "la"). */
const nameWords = (value: string) =>
  fold(value)
    .split(/\s+/)
    .filter((w) => w && !PARTICLES.has(w));

interface Named {
  value: string;
  words: string[];
  addressed: boolean;
}

/**
 * The one full name among `names` that a person written `value` is: for one name, the person whose
 * later words hold it (a surname), failing that whose first word it is (a given name); for a form of
 * address and one name, the same, the form's sex fitting the given name ("Mrs Smith" is not "John
 * Smith"), a title of office by surname only; for a shorter name of several words, the longer name
 * holding all its words, from the same first word. `undefined` when none or several fit.
 */
function fullNameOf(value: string, names: readonly Named[]): string | undefined {
  const ws = nameWords(value);
  if (!ws.length) return undefined;
  const others = names.filter((n) => fold(n.value) !== fold(value));
  const address = addressedName(ws);
  let hits: Named[];
  if (ws.length === 1 || address) {
    const w = address?.name ?? ws[0]!;
    const among = (ns: readonly Named[]) => {
      const bySurname = address?.given ? [] : ns.filter((n) => n.words.slice(1).includes(w));
      // "Sheikh Hasina" is not "Hasina Begum": only a courtesy form ties a given name across texts.
      const byGiven = address && !courtesyForm(ws[0]!) ? [] : ns.filter((n) => n.words[0] === w);
      const found = bySurname.length ? bySurname : byGiven;
      return address ? found.filter((n) => fitsAddress(address.sex, n.words[0]!)) : found;
    };
    hits = among(others.filter((n) => !n.addressed));
  } else
    hits = others.filter(
      (n) =>
        !n.addressed &&
        n.words.length > ws.length &&
        (n.words[0] === ws[0]
          ? ws.every((w) => n.words.includes(w))
          : ws.every((w) => n.words.slice(1).includes(w))),
    );
  return hits.length === 1 ? hits[0]!.value : undefined;
}

/**
 * A comment's person named by part of a name that the article or another comment writes in full is
 * that person: its value becomes the full name, when exactly one full name of the page fits (the
 * same test the tagger's stage applies inside one text). Names read in several comments count once.
 */
export function tieAcrossComments(article: PersonFact[], comments: PersonFact[][]): void {
  const seen = new Set<string>();
  const names: Named[] = [];
  for (const f of [article, ...comments].flat()) {
    if (f.kind !== 'person' || !/\s/.test(f.value) || seen.has(fold(f.value))) continue;
    seen.add(fold(f.value));
    const words = nameWords(f.value);
    names.push({ value: f.value, words, addressed: addressedName(words) !== undefined });
  }
  if (!names.length) return;
  for (const facts of comments) {
    const renamed = new Map<string, string>();
    for (const f of facts) {
      if (f.kind !== 'person') continue;
      const full = fullNameOf(f.value, names);
      if (!full) continue;
      renamed.set(f.value, full);
      f.value = full;
    }
    if (!renamed.size) continue;
    for (const f of facts)
      if (f.kind === 'event' && f.persons)
        f.persons = [...new Set(f.persons.map((p) => renamed.get(p) ?? p))];
    // Two persons of one comment now under the same name are one, with every mention.
    for (let i = facts.length - 1; i >= 0; i--) {
      const f = facts[i]!;
      if (f.kind !== 'person') continue;
      const first = facts.find((g) => g.kind === 'person' && fold(g.value) === fold(f.value));
      if (first === f || !first) continue;
      first.mentions = [...(first.mentions ?? []), ...(f.mentions ?? [])].sort((a, b) => a.start - b.start);
      facts.splice(i, 1);
    }
  }
}
