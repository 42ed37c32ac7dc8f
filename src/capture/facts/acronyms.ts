/**
 * An acronym and the name it abbreviates, met anywhere in one text ("ICMP" … "the International
 * Commission on Missing Persons"; "el ELN" … "Ejército de Liberación Nacional"), are one
 * organization even when no bracket pairs them. The acronym must be the initials of the name's
 * capitalized words, with or without its small joining words ("IPYS": Instituto Prensa y
 * Sociedad; "PVP": Partido por la Victoria del Pueblo).
 */
import { fold } from './lexicon.js';

const ACRONYM = /^[A-ZÁÉÍÓÚÑ]{2,7}$/u;

/** Small words no acronym takes a letter from, when a name in capitals writes them so ("OF", "DE LA"). */
const CAPS_SMALL_WORDS = new Set('of the and for on in de del la las los y e para el'.split(' '));

/** The initials a name may be abbreviated by: of its capitalized words, and of all its words. */
export function initialsOf(name: string): string[] {
  const words = name
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/['’]s\b/g, '')
    .split(/[\s-]+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length < 2) return [];
  const caps = words.filter((w) => /^\p{Lu}/u.test(w));
  const out = new Set([caps.map((w) => w[0]).join(''), words.map((w) => w[0]).join('')]);
  // "DIRECTORATE OF CRIMINAL INVESTIGATIONS" (a caption in capitals) is the DCI: its small words
  // are written in capitals too, and abbreviate nothing.
  if (words.every((w) => w === w.toUpperCase()))
    out.add(
      words
        .filter((w) => !CAPS_SMALL_WORDS.has(fold(w)))
        .map((w) => w[0])
        .join(''),
    );
  return [...out].map((s) => fold(s)).filter((s) => s.length >= 2);
}

/**
 * "JLM/ms", "AUI/JLB", "WCM/jd" closing a wire story: the writer's and editor's initials joined by a
 * slash, at the end of its line (alone, or after the last sentence) — initials, no organization.
 * `start`/`end` are one token's offsets in `text`.
 */
export function signOffInitials(text: string, start: number, end: number): boolean {
  let s = start;
  while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/\s/.test(text[e]!)) e++;
  if (!/^\p{L}{2,4}(?:\/\p{L}{1,4})+\.?$/u.test(text.slice(s, e))) return false;
  const lineEnd = text.indexOf('\n', e);
  if (!/^[ \t]*$/.test(text.slice(e, lineEnd < 0 ? text.length : lineEnd))) return false;
  const before = text.slice(text.lastIndexOf('\n', s - 1) + 1, s);
  return /^[ \t]*$/.test(before) || /[.!?»"”)][ \t]+$/.test(before);
}

interface OrgLike {
  kind: string;
  text: string;
  value: string;
}

/**
 * Gives each organization mention that is a bare acronym the value of the one longer organization
 * of the text whose initials it is (none when two names share the initials: no guess).
 */
export function pairAcronyms(mentions: OrgLike[]): void {
  // "… Movement (IRA-Mauritania)" … "IRA-Mauritania's president", "… Mission in the Central African
  // Republic (MINUSCA)" … "MINUSCA": the text itself defined the short form, initials or not.
  const bracketed = new Map<string, Set<string>>();
  for (const m of mentions) {
    const b = m.kind === 'organization' ? /\s\(([^()\s]{2,25})\)$/u.exec(m.value) : null;
    if (!b) continue;
    const s = bracketed.get(fold(b[1]!)) ?? new Set();
    s.add(m.value);
    bracketed.set(fold(b[1]!), s);
  }
  for (const m of mentions) {
    if (m.kind !== 'organization' || fold(m.value) !== fold(m.text)) continue;
    const names = bracketed.get(fold(m.text));
    if (names?.size === 1) m.value = [...names][0]!;
  }
  const byInitials = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.kind !== 'organization' || ACRONYM.test(m.text)) continue;
    for (const i of initialsOf(m.value)) {
      const s = byInitials.get(i) ?? new Set();
      s.add(m.value);
      byInitials.set(i, s);
    }
  }
  for (const m of mentions) {
    if (m.kind !== 'organization' || !ACRONYM.test(m.text) || fold(m.value) !== fold(m.text)) continue;
    const names = byInitials.get(fold(m.text));
    if (names?.size === 1) m.value = [...names][0]!;
  }
}

/**
 * Short forms of one longer organization of the text are that organization:
 * - "Viasna Human Rights Centre" … "Viasna, the group …": a one-word organization that is the first
 *   word of exactly one longer organization;
 * - "the Court" … "International Criminal Court", "la Comisión" … "Comisión Interamericana": a word
 *   organizations are named with (court, council, comisión…), alone, that is a word of exactly one;
 * - "la Comisión Interamericana" … "Comisión Interamericana de Derechos Humanos": the first words of
 *   exactly one (or of several that are each other's first words).
 */
export function pairShortForms(mentions: OrgLike[], orgWords: ReadonlySet<string> = new Set()): void {
  const wordsOf = (value: string) => fold(value.replace(/\s*\([^)]*\)$/, '')).split(/\s+/);
  // A known body's name is also read as the text wrote it ("Amnesty International", whose value is
  // "Amnistía Internacional"): "Amnesty" alone is its first word.
  const forms = new Map<string, string>(); // form → value
  for (const m of mentions)
    if (m.kind === 'organization')
      for (const form of [m.value, m.text]) if (/\s/.test(form) && !forms.has(form)) forms.set(form, m.value);
  const longer = [...forms].map(([form, value]) => ({ value, words: wordsOf(form), raw: form.split(/\s+/) }));
  for (const m of mentions) {
    if (m.kind !== 'organization' || ACRONYM.test(m.text)) continue;
    const own = wordsOf(m.value);
    // The longer name goes on with a lower-case joiner ("Comisión Interamericana de Derechos
    // Humanos"); a capitalized word after the short one makes another body ("Asamblea Nacional
    // Constituyente" is not the "Asamblea Nacional").
    const starts = (l: (typeof longer)[number]) =>
      l.words.length > own.length &&
      own.every((x, i) => l.words[i] === x) &&
      (own.length === 1 || !/^\p{Lu}/u.test(l.raw[own.length] ?? ''));
    let names = longer.filter(starts);
    // "Corte IDH" … "Corte Interamericana de Derechos Humanos": a name's first word, then the initials
    // of its other words (split in rounds 29, 33, 35, 42, 48).
    const short = m.text.split(/\s+/);
    if (!names.length && short.length === 2 && ACRONYM.test(short[1]!))
      names = longer.filter(
        (l) =>
          l.words[0] === own[0] &&
          l.raw.length > 2 &&
          initialsOf(l.raw.slice(1).join(' ')).includes(fold(short[1]!)),
      );
    if (own.length === 1 && !names.length && orgWords.has(own[0]!))
      names = longer.filter((l) => l.words.includes(own[0]!));
    // "Agencia Meridiano" … "Meridiano", "Fundación Redes" … "Redes": the proper word of a name that
    // is an organization's word and one more.
    if (own.length === 1 && !names.length && !orgWords.has(own[0]!))
      names = longer.filter(
        (l) => l.words.length === 2 && orgWords.has(l.words[0]!) && l.words[1] === own[0],
      );
    if (!names.length) continue;
    // Several longer names: one only when each is the first words of the longest.
    const longest = names.reduce((a, b) => (b.words.length > a.words.length ? b : a));
    const prefix = (a: string[], b: string[]) => a.every((x, i) => b[i] === x);
    if (new Set(names.map((n) => n.value)).size === 1 || names.every((n) => prefix(n.words, longest.words)))
      m.value = longest.value;
  }
}

/** "…, known as DOCCS", "…, conocida como CEDEHM": the words that define a short form after a name. */
const KNOWN_AS = /^,?\s+(?:(?:also\s+)?known\s+as|(?:conocid[oa]s?|llamad[oa]s?)\s+como)\s+$/iu;

/**
 * "the Department of Corrections and Community Supervision, known as DOCCS", "the Database Center
 * for North Korean Human Rights, NKDB, took …": a name and an acronym in apposition define the
 * acronym, as a bracket does. The bare apposition (", NKDB,") only when at least half the acronym's
 * letters, the first among them, open words of the name (a list "the Ministry, UNHCR, and …" is none).
 */
export function pairDefinitions(text: string, mentions: (OrgLike & { start: number; end: number })[]): void {
  const orgs = mentions.filter((m) => m.kind === 'organization').sort((a, b) => a.start - b.start);
  for (let k = 0; k + 1 < orgs.length; k++) {
    const [long, short] = [orgs[k]!, orgs[k + 1]!];
    if (!ACRONYM.test(short.text) || fold(short.value) !== fold(short.text) || !/\s/.test(long.text))
      continue;
    const gap = text.slice(long.end, short.start);
    const after = text.charAt(short.end);
    const apposed = gap === ', ' && /^[,)]$/.test(after) && lettersOf(short.text, long.text);
    if (!apposed && !KNOWN_AS.test(gap)) continue;
    for (const m of mentions)
      if (m.kind === 'organization' && fold(m.value) === fold(short.text)) m.value = long.value;
  }
}

/** Whether at least half of an acronym's letters, its first among them, open words of the name. */
function lettersOf(acronym: string, name: string): boolean {
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => fold(w[0]!));
  const letters = [...fold(acronym)];
  if (!initials.includes(letters[0]!)) return false;
  const left = [...initials];
  let hits = 0;
  for (const l of letters) {
    const i = left.indexOf(l);
    if (i < 0) continue;
    hits++;
    left.splice(i, 1);
  }
  return hits * 2 >= letters.length;
}

/**
 * An acronym the article defined ("… Honduras (COPINH)", "Office on Missing Persons … OMP") is the
 * same organization in the comments that use it bare: each comment's bare acronym takes the value of
 * the one article organization it names (none when two do). Likewise a body a comment names by one
 * word (below).
 */
export function pairAcrossComments(article: readonly OrgFact[], comments: readonly OrgFact[][]): void {
  const defined = new Map<string, Set<string>>();
  for (const f of article) {
    if (f.kind !== 'organization') continue;
    for (const m of f.mentions ?? [f])
      if (ACRONYM.test(m.text) && fold(m.text) !== fold(f.value)) {
        const s = defined.get(fold(m.text)) ?? new Set();
        s.add(f.value);
        defined.set(fold(m.text), s);
      }
  }
  // "la Policía" in a comment, "Policía Nacional de Nicaragua" in the article or another comment: a body
  // named by one word is the one longer name the page opens with that word (as pairShortForms reads
  // one text), none when two names do ("Policía Nacional", "Policía Municipal").
  const opening = new Map<string, Set<string>>();
  for (const f of [...article, ...comments.flat()]) {
    if (f.kind !== 'organization') continue;
    for (const m of [f, ...(f.mentions ?? [])]) {
      const words = fold(m.text).split(/\s+/);
      if (words.length < 2) continue;
      const s = opening.get(words[0]!) ?? new Set();
      s.add(f.value);
      opening.set(words[0]!, s);
    }
  }
  for (const facts of comments)
    for (const f of facts) {
      if (f.kind !== 'organization') continue;
      const acronym = ACRONYM.test(f.value);
      if (!acronym && /\s/.test(f.value)) continue;
      const names = (acronym ? defined : opening).get(fold(f.value));
      if (names?.size === 1) f.value = [...names][0]!;
    }
}

interface OrgFact {
  kind: string;
  text: string;
  value: string;
  mentions?: { text: string }[];
}
