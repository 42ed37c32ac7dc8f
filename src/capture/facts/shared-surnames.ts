/**
 * A surname alone that several full names of one text share ("Mhlanga" beside "Tonderai Mhlanga",
 * "Chipo Mhlanga"; "Mr Bazoum" beside "Mohamed Bazoum", "Hadiza Bazoum"): the earlier passes leave
 * it apart, a second suggestion of a person already suggested (guide: a surname alone is a form of
 * the person it refers to in context). It is tied to one of them only when the text points to
 * one: the person whose name is the text's title line (an encyclopedia page's, a profile's), or the
 * person named first who is also the one named last before the surname. Otherwise ("María Pérez",
 * "José Pérez", then "Pérez" after José) it stays apart. A married form ("Celestina Pérez de
 * Almada") is not a bearer of "Almada". Pure: values changed on copies.
 */
import type { EntityMention } from './entities.js';
import { fold, nameWords } from './lexicon.js';
import { addressedName, fitsAddress } from './person-spans.js';

interface Bearer {
  value: string;
  words: string[];
  first: number;
  firstEnd: number;
  starts: number[];
}

/** Whether `w` is a surname of the full name `value`: a later word, not after "de" (a married form). */
function bears(value: string, words: readonly string[], w: string): boolean {
  if (!words.slice(1).includes(w)) return false;
  const raw = fold(value).split(/\s+/);
  return !raw.some((x, k) => x === w && k > 0 && /^(?:de|del|nee)$/.test(raw[k - 1]!));
}

/** The full name a shared surname alone is, when the text points to one; `undefined` otherwise. */
function ownerOf(text: string, start: number, bearers: readonly Bearer[]): string | undefined {
  if (bearers.length < 2) return undefined;
  const byFirst = [...bearers].sort((a, b) => a.first - b.first);
  const first = byFirst[0]!;
  if (first.first > start) return undefined;
  // The title: the name opens the text, on a line of its own ("Tonderai Mhlanga", "X - Wikipedia").
  const rest = text.slice(first.firstEnd).split('\n', 1)[0]!;
  if (!text.slice(0, first.first).trim() && rest.trim().length <= 30 && !rest.includes('.'))
    return first.value;
  let nearest: Bearer | undefined;
  let at = -1;
  for (const b of bearers)
    for (const s of b.starts)
      if (s < start && s > at) {
        at = s;
        nearest = b;
      }
  return nearest === first ? first.value : undefined;
}

/** `mentions` with each shared surname alone renamed to the full name the text points to. */
export function withSharedSurnames(text: string, mentions: readonly EntityMention[]): EntityMention[] {
  const persons = mentions.filter((m) => m.kind === 'person').sort((a, b) => a.start - b.start);
  const full = new Map<string, Bearer>();
  for (const m of persons) {
    const words = nameWords(m.value);
    if (words.length < 2 || addressedName(words)) continue;
    const key = fold(m.value);
    const b = full.get(key) ?? { value: m.value, words, first: m.start, firstEnd: m.end, starts: [] };
    b.starts.push(m.start);
    full.set(key, b);
  }
  if (full.size < 2) return [...mentions];
  const byWord = new Map<string, Bearer[]>();
  for (const b of full.values())
    for (const w of new Set(b.words))
      byWord
        .set(w, byWord.get(w) ?? [])
        .get(w)!
        .push(b);
  const renamed = new Map<string, string | undefined>();
  for (const m of persons) {
    const key = fold(m.value);
    if (renamed.has(key)) continue;
    const words = nameWords(m.value);
    const address = addressedName(words);
    if (!(words.length === 1 || (address && !address.given))) {
      renamed.set(key, undefined);
      continue;
    }
    const w = address?.name ?? words[0]!;
    const bearers = (byWord.get(w) ?? []).filter(
      (b) => bears(b.value, b.words, w) && (!address || fitsAddress(address.sex, b.words[0]!)),
    );
    renamed.set(key, ownerOf(text, m.start, bearers));
  }
  return mentions.map((m) => {
    const to = m.kind === 'person' ? renamed.get(fold(m.value)) : undefined;
    return to ? { ...m, value: to } : m;
  });
}

/** A kinship noun right before a name, the name in apposition to it ("su padre, X", "her son X"). */
const KIN_BEFORE =
  /\b(?:padre|madre|hijo|hija|hermano|hermana|esposo|esposa|abuelo|abuela|t[ií]o|t[ií]a|father|mother|son|daughter|brother|sister|husband|wife|uncle|aunt|grandfather|grandmother),?\s+$/iu;

/**
 * `mentions` with a shorter name of several words renamed to the one longer name of the text that
 * opens with all its words ("Yunior Rodríguez" of "Yunior Rodríguez Almaguer": given names and first
 * surname): the tagger's stage ties such names (../tagger/refine.ts), but a surname-first list cell
 * ("Rodríguez Almaguer, Yunior") is put in natural order only after it (table-names.ts). Not a name
 * that skips words of the longer one: "Pedro Restrepo" (the father) is not "Pedro Andrés Restrepo
 * Arismendy" (the son), "Mwangi Gachuhi" not "John Mwangi Gachuhi" (two rows of one list); nor a
 * name after a kinship noun ("el padre, Kevin Quintero" of a list's "Kevin Quintero Abrego").
 */
export function withShortNames(text: string, mentions: readonly EntityMention[]): EntityMention[] {
  const names = new Map<string, string[]>();
  const fullValue = new Map<string, string>();
  // Only a cell's name: elsewhere the tagger's stage has tied what is safe to tie.
  const cells = new Set(mentions.filter((m) => m.rule === 'table-name').map((m) => fold(m.value)));
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    const words = nameWords(m.value);
    if (words.length < 2 || addressedName(words)) continue;
    names.set(fold(m.value), words);
    fullValue.set(fold(m.value), m.value);
  }
  const byWord = new Map<string, [string, string[]][]>();
  for (const entry of names)
    for (const w of new Set(entry[1]))
      byWord
        .set(w, byWord.get(w) ?? [])
        .get(w)!
        .push(entry);
  const renamed = new Map<string, string | undefined>();
  // "El padre, Kevin Quintero": a relative named by the short form is a namesake, not the listed one.
  for (const m of mentions)
    if (m.kind === 'person' && KIN_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)))
      renamed.set(fold(m.value), undefined);
  const longer = (key: string): string | undefined => {
    if (renamed.has(key)) return renamed.get(key);
    const ws = names.get(key)!;
    // Candidates hold its first word: looked up by word, not compared with every name of a long list.
    const hits = (byWord.get(ws[0]!) ?? []).filter(
      ([k, p]) => k !== key && cells.has(k) && p.length > ws.length && ws.every((w, i) => p[i] === w),
    );
    // Several hits are one person when each is part of the longest ("Rafael Mendoza" ⊂ "Rafael Mendoza Pacheco").
    hits.sort((a, b) => b[1].length - a[1].length);
    const top = hits[0];
    const one = top && hits.every(([, p]) => p.every((w) => top[1].includes(w)));
    const to = one ? fullValue.get(top[0]) : undefined;
    renamed.set(key, to);
    return to;
  };
  return mentions.map((m) => {
    if (m.kind !== 'person' || !names.has(fold(m.value))) return m;
    const to = longer(fold(m.value));
    return to ? { ...m, value: to } : m;
  });
}
