/**
 * The ways a person's identity is written in free text, for the matcher that hides identities
 * (pure). Spanish usage: one or more given names, two surnames (either may carry particles:
 * "de la Cruz"), written "Nombre Apellido", "Apellido, Nombre", with initials ("J. Medina"),
 * under an alias of any length, or as a cédula with or without dots and a V-/E- prefix.
 */
import { foldWords } from './fold.js';

export interface IdentityParts {
  givenNames?: string;
  firstSurname?: string;
  secondSurname?: string;
  aliases?: readonly string[];
  documents?: readonly { number: string }[];
}

/** Accent-, case- and space-folded form; the key forms are compared under. */
export const foldName = (s: string) => foldWords(s);

const clean = (s: string | undefined) =>
  (s ?? '')
    .replace(/[«»"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Name forms of one person. `distinctiveSurnames` holds folded surnames that may stand alone
 * (no person the viewer sees carries them, so hiding them hides nobody else's name).
 */
export function nameForms(p: IdentityParts, distinctiveSurnames: ReadonlySet<string>): string[] {
  const given = clean(p.givenNames);
  const s1 = clean(p.firstSurname);
  const s2 = clean(p.secondSurname);
  const forms = new Set<string>();
  const add = (s: string) => {
    const t = clean(s);
    if (t) forms.add(t);
  };
  const firstGiven = given.split(' ')[0] ?? '';
  const surnames = [s1, s2].filter(Boolean).join(' ');
  if (given && surnames) {
    add(`${given} ${surnames}`);
    add(`${surnames}, ${given}`);
  }
  if (given && s1) {
    add(`${given} ${s1}`);
    add(`${firstGiven} ${s1}`);
    add(`${s1}, ${given}`);
    add(`${s1}, ${firstGiven}`);
    add(`${firstGiven[0]}. ${s1}`);
    if (s2) add(`${firstGiven} ${s1} ${s2}`);
  }
  if (s1 && s2) add(`${s1} ${s2}`);
  for (const s of [s1, s2, surnames]) if (s && s.length >= 3 && distinctiveSurnames.has(foldName(s))) add(s);
  for (const a of p.aliases ?? []) add(a);
  return [...forms];
}

/**
 * The folded surnames (each one, and both together) that `nameForms` lets stand alone when they are
 * in its distinctive set: whether they are decides which forms a person has.
 */
export function surnameKeys(p: IdentityParts): string[] {
  const s1 = clean(p.firstSurname);
  const s2 = clean(p.secondSurname);
  const both = [s1, s2].filter(Boolean).join(' ');
  return [...new Set([s1, s2, both].filter((s) => s.length >= 3).map(foldName))];
}

/** Digits of a document number (V-12.345.678 → 12345678); too short to identify → undefined. */
export function documentDigits(n: string): string | undefined {
  const d = n.replace(/\D/g, '');
  return d.length >= 5 ? d : undefined;
}

/** A found identity form: where it is in the text and what it stands for. */
export interface FormMatch<T> {
  start: number;
  end: number;
  value: T;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * `foldName` of one word, memoised: the matcher folds every word of every text it reads, and the
 * words of a case's texts repeat (a pure function; bounded, cleared when full).
 */
const foldedWords = new Map<string, string>();
function foldWord(word: string): string {
  let f = foldedWords.get(word);
  if (f === undefined) {
    f = foldName(word);
    if (foldedWords.size >= 50_000) foldedWords.clear();
    foldedWords.set(word, f);
  }
  return f;
}

/**
 * Texts up to this length have what `find` found in them remembered until the matcher changes; at
 * most MEMO_ENTRIES per matcher (a process holds one matcher per access level: memory stays small).
 */
const MEMO_TEXT = 120;
const MEMO_ENTRIES = 2_000;

/** The folded words a form is matched as: forms with the same words are the same form. */
export function formPath(form: string): string[] {
  return foldName(form).match(TOKEN) ?? [];
}

interface TrieNode<T> {
  /** Made when a word first continues the node: most nodes end a form and continue nothing (a Map each was most of a matcher's memory). */
  next?: Map<string, TrieNode<T>>;
  has?: boolean;
  value?: T;
}
/** Digit runs written as document numbers: optional V-/E- prefix, digits with dots, spaces or dashes. */
const DOCUMENT = /(?<![\p{L}\p{N}])(?:[VvEe]\s*[-.]?\s*)?\d(?:[.\s-]?\d){4,}(?![\p{L}\p{N}])/gu;

/**
 * Finds name forms and document numbers in a text in one pass over its words, whatever the number of
 * forms (a regular expression with thousands of alternatives tries each at every position). Words
 * are compared folded (accents, case); punctuation between words is ignored ("Pérez, María" and
 * "M. Pérez" are the words perez·maria and m·perez); the longest form at a position wins.
 */
export class FormMatcher<T> {
  /**
   * A trie over folded words: a text is read once, and at each word only the forms that continue
   * it are followed — the cost per response is O(words of the text × words of the longest form),
   * however many persons (or persons sharing a given name) the case has.
   */
  private readonly root: TrieNode<T> = {};
  private readonly documents = new Map<string, T>();
  private forms = 0;
  /**
   * What `find` found in short texts (codes, titles, names, tags repeat across a page's records and
   * across requests), for the matcher as it is now: every change empties it, so it is never stale.
   */
  private readonly found = new Map<string, readonly FormMatch<T>[]>();

  /** For each word sequence the first form given keeps it (the caller's order decides). */
  constructor(
    forms: Iterable<[form: string, value: T]> = [],
    documents: Iterable<[digits: string, value: T]> = [],
  ) {
    for (const [form, value] of forms) if (this.get(form) === undefined) this.set(form, value);
    for (const [digits, value] of documents) this.documents.set(digits, value);
  }

  /** How many forms and document numbers it finds. */
  get size(): number {
    return this.forms + this.documents.size;
  }

  /** The value a form is found as (undefined: not a form). */
  get(form: string): T | undefined {
    let node: TrieNode<T> | undefined = this.root;
    for (const w of formPath(form)) node = node?.next?.get(w);
    return node?.has ? node.value : undefined;
  }

  /** Adds a form, or changes the value it is found as (a form without words is ignored). */
  set(form: string, value: T): void {
    const words = formPath(form);
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      node.next ??= new Map();
      let child = node.next.get(w);
      if (!child) {
        child = {};
        node.next.set(w, child);
      }
      node = child;
    }
    if (!node.has) this.forms++;
    node.has = true;
    node.value = value;
    this.found.clear();
  }

  /** Stops finding a form (and prunes the words no other form continues). */
  delete(form: string): void {
    const words = formPath(form);
    const path: TrieNode<T>[] = [this.root];
    for (const w of words) {
      const next = path[path.length - 1]!.next?.get(w);
      if (!next) return;
      path.push(next);
    }
    const node = path[path.length - 1]!;
    if (words.length === 0 || !node.has) return;
    node.has = false;
    node.value = undefined;
    this.forms--;
    this.found.clear();
    for (let i = words.length; i > 0; i--) {
      const n = path[i]!;
      if (n.has || (n.next?.size ?? 0) > 0) break;
      const parent = path[i - 1]!;
      parent.next?.delete(words[i - 1]!);
      if (parent.next?.size === 0 && parent !== this.root) parent.next = undefined;
    }
  }

  /** Adds a document number (digits only), or changes its value. */
  setDocument(digits: string, value: T): void {
    this.documents.set(digits, value);
    this.found.clear();
  }

  deleteDocument(digits: string): void {
    this.documents.delete(digits);
    this.found.clear();
  }

  /** Every form (as its folded words joined by a space) and document number with its value. */
  entries(): { forms: [string, T][]; documents: [string, T][] } {
    const forms: [string, T][] = [];
    const walk = (node: TrieNode<T>, words: string[]) => {
      if (node.has) forms.push([words.join(' '), node.value as T]);
      for (const [w, child] of node.next ?? []) walk(child, [...words, w]);
    };
    walk(this.root, []);
    return { forms, documents: [...this.documents] };
  }

  /** Every match, in text order, not overlapping; the longest form at a position wins. */
  find(text: string): readonly FormMatch<T>[] {
    if (text.length > MEMO_TEXT) return this.scan(text);
    let ms = this.found.get(text);
    if (!ms) {
      ms = Object.freeze(this.scan(text));
      if (this.found.size >= MEMO_ENTRIES) this.found.clear();
      this.found.set(text, ms);
    }
    return ms;
  }

  private scan(text: string): FormMatch<T>[] {
    const out: FormMatch<T>[] = [];
    if ((this.root.next?.size ?? 0) > 0) {
      const tokens = [...text.matchAll(TOKEN)].map((m) => ({
        word: foldWord(m[0]),
        start: m.index,
        end: m.index + m[0].length,
      }));
      for (let i = 0; i < tokens.length; i++) {
        let node = this.root.next?.get(tokens[i]!.word);
        let best: { last: number; value: T } | undefined;
        for (let k = i; node; ) {
          if (node.has) best = { last: k, value: node.value as T };
          k++;
          node = k < tokens.length ? node.next?.get(tokens[k]!.word) : undefined;
        }
        if (!best) continue;
        out.push({ start: tokens[i]!.start, end: tokens[best.last]!.end, value: best.value });
        i = best.last;
      }
    }
    if (this.documents.size > 0)
      for (const m of text.matchAll(DOCUMENT)) {
        const value = this.documents.get(m[0].replace(/\D/g, ''));
        if (value !== undefined) out.push({ start: m.index, end: m.index + m[0].length, value });
      }
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: FormMatch<T>[] = [];
    for (const m of out) if (kept.length === 0 || m.start >= kept[kept.length - 1]!.end) kept.push(m);
    return kept;
  }

  /** The text with every match replaced. */
  replace(text: string, by: (value: T) => string): string {
    const ms = this.find(text);
    if (ms.length === 0) return text;
    let out = '';
    let at = 0;
    for (const m of ms) {
      out += text.slice(at, m.start) + by(m.value);
      at = m.end;
    }
    return out + text.slice(at);
  }
}
