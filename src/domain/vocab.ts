/**
 * Controlled vocabularies: stable codes (never renamed once published) with Spanish and English
 * labels, optionally mapped to HURIDOCS micro-thesaurus codes. Schemas accept codes only; labels
 * are for people (the web app, reports, importers that accept labels).
 *
 * A vocabulary's heading is `title` and a term's label is `labelOf(code, lang)`: one interface
 * cannot carry both a `label` property and a `label()` method, so the two got distinct names.
 */
export interface Term {
  readonly code: string;
  readonly es: string;
  readonly en: string;
  /**
   * 12-digit HURIDOCS micro-thesaurus code when one corresponds. HURIDOCS codes are unique only
   * within one micro-thesaurus: read them together with the vocabulary's `huridocsList`.
   */
  readonly huridocs?: string;
  /** Code of the parent term in the same vocabulary. */
  readonly parent?: string;
  readonly note?: { readonly es: string; readonly en: string };
}

export interface Vocabulary<C extends string = string> {
  readonly id: string;
  readonly title: { readonly es: string; readonly en: string };
  /** Number of the HURIDOCS micro-thesaurus the terms' `huridocs` codes belong to (e.g. 4 = types of acts). */
  readonly huridocsList?: number;
  readonly terms: readonly Term[];
  readonly codes: readonly C[];
  has(code: string): code is C;
  get(code: string): Term | undefined;
  /** The label of a code in a language; the code itself when unknown. */
  labelOf(code: string, lang: 'es' | 'en'): string;
  /** Codes of the term's ancestors, nearest first (empty for a top-level or unknown code). */
  ancestors(code: string): string[];
  /** The code itself followed by every descendant, depth-first in definition order. */
  subtree(code: string): string[];
}

export interface VocabularyOptions {
  /** Pattern every code must match; default lower_snake_case. Admiralty grades use `A`…`F`, `1`…`6`. */
  codePattern?: RegExp;
  huridocsList?: number;
}

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const HURIDOCS = /^\d{12}$/;

/**
 * Builds a vocabulary. Throws at module load on a malformed or duplicate code, a missing label,
 * a malformed or repeated HURIDOCS code, an unknown parent or a parent cycle, so a bad edit to
 * the data fails every test and every start instead of corrupting records.
 */
export function defineVocabulary<const T extends readonly Term[]>(
  id: string,
  title: { es: string; en: string },
  terms: T,
  opts: VocabularyOptions = {},
): Vocabulary<T[number]['code']> {
  type C = T[number]['code'];
  const fail = (msg: string): never => {
    throw new Error(`vocabulary ${id}: ${msg}`);
  };
  const pattern = opts.codePattern ?? SNAKE;
  const byCode = new Map<string, Term>();
  const huridocsSeen = new Map<string, string>();
  for (const t of terms) {
    if (!pattern.test(t.code)) fail(`malformed code "${t.code}" (expected ${pattern})`);
    if (byCode.has(t.code)) fail(`duplicate code "${t.code}"`);
    if (!t.es.trim() || !t.en.trim()) fail(`"${t.code}" needs Spanish and English labels`);
    if (t.huridocs !== undefined) {
      if (!HURIDOCS.test(t.huridocs))
        fail(`"${t.code}" HURIDOCS code must be 12 digits, got "${t.huridocs}"`);
      if (opts.huridocsList === undefined) fail(`"${t.code}" has a HURIDOCS code but no huridocsList is set`);
      const other = huridocsSeen.get(t.huridocs);
      if (other) fail(`"${t.code}" and "${other}" share HURIDOCS code ${t.huridocs}`);
      huridocsSeen.set(t.huridocs, t.code);
    }
    byCode.set(t.code, t);
  }
  for (const t of terms) {
    if (t.parent === undefined) continue;
    if (!byCode.has(t.parent)) fail(`"${t.code}" has unknown parent "${t.parent}"`);
    const seen = new Set([t.code]);
    for (let p: string | undefined = t.parent; p !== undefined; p = byCode.get(p)?.parent) {
      if (seen.has(p)) fail(`parent cycle through "${t.code}"`);
      seen.add(p);
    }
  }
  const children = new Map<string, string[]>();
  for (const t of terms) {
    if (t.parent !== undefined) children.set(t.parent, [...(children.get(t.parent) ?? []), t.code]);
  }
  const subtree = (code: string): string[] =>
    byCode.has(code) ? [code, ...(children.get(code) ?? []).flatMap(subtree)] : [];
  const ancestors = (code: string): string[] => {
    const out: string[] = [];
    for (let p = byCode.get(code)?.parent; p !== undefined; p = byCode.get(p)?.parent) out.push(p);
    return out;
  };
  return {
    id,
    title,
    ...(opts.huridocsList === undefined ? {} : { huridocsList: opts.huridocsList }),
    terms,
    codes: terms.map((t) => t.code) as C[],
    has: (code: string): code is C => byCode.has(code),
    get: (code: string) => byCode.get(code),
    labelOf: (code: string, lang: 'es' | 'en') => byCode.get(code)?.[lang] ?? code,
    ancestors,
    subtree,
  };
}
