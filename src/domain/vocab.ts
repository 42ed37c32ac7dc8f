/**
 * Controlled vocabularies: stable codes (never renamed once published) with Spanish and English
 * labels, optionally mapped to HURIDOCS micro-thesaurus codes. Schemas accept codes only; labels
 * are for people (the web app, reports, importers that accept labels).
 */
export interface Term {
  readonly code: string;
  readonly es: string;
  readonly en: string;
  /** 12-digit HURIDOCS micro-thesaurus code when one corresponds. */
  readonly huridocs?: string;
  /** Code of the parent term in the same vocabulary. */
  readonly parent?: string;
  readonly note?: { readonly es: string; readonly en: string };
}

export interface Vocabulary<C extends string = string> {
  readonly id: string;
  readonly title: { readonly es: string; readonly en: string };
  readonly terms: readonly Term[];
  readonly codes: readonly C[];
  has(code: string): code is C;
  get(code: string): Term | undefined;
  /** The label of a code in a language; the code itself when unknown. */
  labelOf(code: string, lang: 'es' | 'en'): string;
}

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Builds a vocabulary; throws at load time on duplicate codes, unknown parents or malformed codes. */
export function defineVocabulary<const T extends readonly Term[]>(
  id: string,
  title: { es: string; en: string },
  terms: T,
  opts: { codePattern?: RegExp } = {},
): Vocabulary<T[number]['code']> {
  type C = T[number]['code'];
  const byCode = new Map<string, Term>();
  const pattern = opts.codePattern ?? SNAKE;
  for (const t of terms) {
    if (!pattern.test(t.code)) throw new Error(`vocabulary ${id}: malformed code "${t.code}"`);
    if (byCode.has(t.code)) throw new Error(`vocabulary ${id}: duplicate code "${t.code}"`);
    if (!t.es.trim() || !t.en.trim())
      throw new Error(`vocabulary ${id}: "${t.code}" needs Spanish and English labels`);
    if (t.huridocs !== undefined && !/^\d{12}$/.test(t.huridocs))
      throw new Error(`vocabulary ${id}: "${t.code}" HURIDOCS code must be 12 digits`);
    byCode.set(t.code, t);
  }
  for (const t of terms) {
    if (t.parent !== undefined && !byCode.has(t.parent))
      throw new Error(`vocabulary ${id}: "${t.code}" has unknown parent "${t.parent}"`);
  }
  const codes = terms.map((t) => t.code) as C[];
  return {
    id,
    title,
    terms,
    codes,
    has: (code: string): code is C => byCode.has(code),
    get: (code: string) => byCode.get(code),
    labelOf: (code: string, lang: 'es' | 'en') => byCode.get(code)?.[lang] ?? code,
  };
}
