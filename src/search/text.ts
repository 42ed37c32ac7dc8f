/**
 * Search text processing, done in TypeScript so SQLite FTS5 and PostgreSQL full-text see the same
 * tokens and give the same results: lower-case, accent folding ("González" = "Gonzalez"), and
 * Snowball stemming in Spanish and English ("torturado" and "tortura" → "tortur"). A word is
 * indexed under both stems; a query word matches either.
 */
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemEs } from '@orama/stemmers/spanish';
import { escapeHtml } from '../domain/escape.js';
import { stripMarks } from '../domain/fold.js';

const fold = stripMarks;

/** Words of a text: letters and digits, lower-case, as written (accents kept for the stemmers). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The distinct index terms of one word (at most two: the Spanish and the English stem), folded. */
export function termsOf(word: string): string[] {
  return [...stemmed(word)];
}

const stems = new Map<string, readonly string[]>();

/** `termsOf`, memoised (pure; bounded): two stemmers per word of every snippet, index entry and query. */
function stemmed(word: string): readonly string[] {
  let terms = stems.get(word);
  if (!terms) {
    terms = Object.freeze(stemsOf(word));
    if (stems.size >= 50_000) stems.clear();
    stems.set(word, terms);
  }
  return terms;
}
function stemsOf(word: string): string[] {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return [w];
  const es = fold(stemEs(w));
  const en = fold(stemEn(fold(w)));
  const raw = fold(w);
  return [...new Set([es, en, raw])].filter((t) => t.length > 0);
}

/** The index form of a text: space-separated terms. */
export function indexTerms(text: string): string {
  const out = new Set<string>();
  for (const w of words(text)) for (const t of stemmed(w)) out.add(t);
  return [...out].join(' ');
}

/** A query as a conjunction of alternatives: every word must match one of its terms. */
export function queryTerms(query: string): string[][] {
  return words(query)
    .slice(0, 12)
    .map(termsOf)
    .filter((alts) => alts.length > 0);
}

/** The folded raw forms of a text's words, for highlighting matches in snippets. */
export function matchesQuery(word: string, query: string[][]): boolean {
  const terms = stemmed(word);
  return query.some((alts) => alts.some((a) => terms.includes(a)));
}

/** A short excerpt around the first matching words, with matches wrapped in <mark>. HTML-escaped. */
export function snippet(text: string, query: string[][], width = 160): string {
  const esc = escapeHtml;
  const re = /[\p{L}\p{N}]+/gu;
  let first = -1;
  for (const m of text.matchAll(re)) {
    if (matchesQuery(m[0], query)) {
      first = m.index ?? 0;
      break;
    }
  }
  if (first < 0) return '';
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const part = text.slice(start, end);
  let out = '';
  let last = 0;
  for (const m of part.matchAll(re)) {
    const i = m.index ?? 0;
    out += esc(part.slice(last, i));
    out += matchesQuery(m[0], query) ? `<mark>${esc(m[0])}</mark>` : esc(m[0]);
    last = i + m[0].length;
  }
  out += esc(part.slice(last));
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}
