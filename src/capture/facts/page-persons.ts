/**
 * Persons across a page: its article and its comments, each read apart. A comment that names a
 * person of the article by one name ("Naseer", "Mangudadatu") or with a form of address ("doña
 * Rosalba", "Ibu Theresia") would suggest that person a second time, under a second name; here it
 * takes the article's full name. So does, in any text of the page, a short form of a given name
 * ("Vasanth" of "Vasanthan Tharmalingam", "Maxi" of "Maximiliano Kosteki"). No I/O: facts in, values
 * changed in place.
 */
import { fold, GIVEN_NAMES, nameWords } from './lexicon.js';
import { addressedName, courtesyForm, fitsAddress } from './person-spans.js';

interface PersonFact {
  kind: string;
  value: string;
  mentions?: { start: number; end: number; text: string }[];
  /** An event's persons, by value. */
  persons?: string[];
}

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
 * The one name of `names` whose given name `value` is a short form of ("Vasanth" of "Vasanthan
 * Tharmalingam", "Jeya" of "Jeyakumar", "Yeli" of "Yelitza", "Maxi" of "Maximiliano"): a single word
 * of four letters or more that opens it, when no name of the page holds that word whole. Not when
 * both are given names of their own ("María" and "Mariana", "Juan" and "Juana" are two persons).
 */
function shortFormOf(value: string, names: readonly Named[]): string | undefined {
  const ws = nameWords(value);
  if (ws.length !== 1 || ws[0]!.length < 4 || !/^\p{L}+$/u.test(ws[0]!)) return undefined;
  const w = ws[0]!;
  if (names.some((n) => fold(n.value) !== fold(value) && n.words.includes(w))) return undefined;
  const hits = names.filter(
    (n) =>
      !n.addressed &&
      n.words[0]!.length > w.length &&
      n.words[0]!.startsWith(w) &&
      !(GIVEN_NAMES.has(w) && GIVEN_NAMES.has(n.words[0]!)),
  );
  return hits.length === 1 ? hits[0]!.value : undefined;
}

/** The page's names of persons, each once: those of several words, or with `single`, all. */
function namesOf(texts: readonly PersonFact[][], single: boolean): Named[] {
  const seen = new Set<string>();
  const names: Named[] = [];
  for (const f of texts.flat()) {
    if (f.kind !== 'person' || (!single && !/\s/.test(f.value)) || seen.has(fold(f.value))) continue;
    seen.add(fold(f.value));
    const words = nameWords(f.value);
    if (words.length) names.push({ value: f.value, words, addressed: addressedName(words) !== undefined });
  }
  return names;
}

/** Renames persons of one text by `to`, in its events too; persons now under one name become one. */
function rename(facts: PersonFact[], to: (f: PersonFact) => string | undefined): void {
  const renamed = new Map<string, string>();
  for (const f of facts) {
    if (f.kind !== 'person') continue;
    const full = to(f);
    if (!full) continue;
    renamed.set(f.value, full);
    f.value = full;
  }
  if (!renamed.size) return;
  for (const f of facts)
    if (f.kind === 'event' && f.persons) f.persons = [...new Set(f.persons.map((p) => renamed.get(p) ?? p))];
  for (let i = facts.length - 1; i >= 0; i--) {
    const f = facts[i]!;
    if (f.kind !== 'person') continue;
    const first = facts.find((g) => g.kind === 'person' && fold(g.value) === fold(f.value));
    if (first === f || !first) continue;
    first.mentions = [...(first.mentions ?? []), ...(f.mentions ?? [])].sort((a, b) => a.start - b.start);
    facts.splice(i, 1);
  }
}

/**
 * A comment's person named by part of a name that the article or another comment writes in full is
 * that person: its value becomes the full name, when exactly one full name of the page fits (the
 * same test the tagger's stage applies inside one text). A short form of a given name is the one
 * person of the page whose given name it opens, in the article too. Names read in several texts
 * count once.
 */
export function tiePagePersons(article: PersonFact[], comments: PersonFact[][]): void {
  const texts = [article, ...comments];
  const full = namesOf(texts, false);
  const all = namesOf(texts, true);
  // "Mi hermano Yoandry salió…" and a comment's "Yoandry Ferrer, presente": the article's one name
  // is the one full name the comments write, when the article writes none holding it.
  const inArticle = new Set(namesOf([article], false).flatMap((n) => n.words));
  const fromComments = namesOf(comments, false);
  const articleName = (f: PersonFact) =>
    !/\s/.test(f.value) && !inArticle.has(fold(f.value)) ? fullNameOf(f.value, fromComments) : undefined;
  for (const facts of texts)
    rename(
      facts,
      (f) => (facts !== article ? fullNameOf(f.value, full) : articleName(f)) ?? shortFormOf(f.value, all),
    );
}
