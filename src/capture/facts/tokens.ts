/**
 * Words with their character offsets, sentences, and runs of capitalized words ("María Fernanda
 * Ortega", "Dirección General de Contrainteligencia Militar") — the raw material of names. Offsets
 * always index the text given, so every suggestion can show the exact words it came from.
 */
import { perText } from '../text-cache.js';
import { fold, GIVEN_NAMES, PARTICLES } from './lexicon.js';

export interface Token {
  text: string;
  /** Folded form (lower case, no accents). */
  norm: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

const WORD = /[\p{L}\p{M}\d][\p{L}\p{M}\d'’]*(?:[-.][\p{L}\p{M}\d]+)*/gu;

const ARABIC_ARTICLE = /^(?:al|el|ad|ash|as|an|ar|az|at|ul)-\p{Lu}/u;

/**
 * "D.ª", "Dª", "Dña": doña as Spanish rulings and official letters abbreviate it ("la letrada D.ª Rosa Ibarra
 * Gil"). Folding turns "ª" into an "a", so "Dª" would read as the particle "da"; it reads as "doña" instead,
 * a form of address no name includes. ("D." is an initial as often as it is "don": left as it is.)
 */
const DONA_ABBREVIATED = /^D(?:\.?ª|ña)$/u;

/** "Osama bin Laden", "Abdullah ibn Saud": lower-case Arabic name particles inside a name. */
const INNER_PARTICLES = new Set(['bin', 'ibn', 'bint']);

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const start = from + m.index!;
    // An English possessive is not part of the name: "Maduro's government" names Maduro.
    // Nor is an English compound's tail: "Caracas-based", "Miami-born" name Caracas and Miami.
    // (Each replacement only where its mark is written: most words have neither.)
    let word = m[0];
    if (word.includes("'") || word.includes('’')) word = word.replace(/['’]s$/, '');
    if (word.includes('-'))
      word = word.replace(/^(\p{Lu}[\p{L}\p{M}]+)-(?:based|born|bred|raised|area)$/u, '$1');
    out.push({
      text: word,
      norm: DONA_ABBREVIATED.test(word) ? 'dona' : fold(word),
      start,
      end: start + word.length,
      // "al-Assad", "el-Sisi": an Arabic article joined to a capitalized name is part of the name.
      cap: /^\p{Lu}/u.test(word) || ARABIC_ARTICLE.test(word),
    });
  }
  return out;
}

/**
 * The tokens of a whole text, made once per extraction (text-cache.ts): the rules (entities.ts) and the tagger
 * (refine.ts) read the same text's words, and tokenizing 300 KB costs a fiftieth of its extraction. Read only:
 * shared by both.
 */
export const textTokens: (text: string) => readonly Token[] = perText((text) => tokenize(text));

export interface Sentence {
  start: number;
  end: number;
}

/** Abbreviations whose period does not end a sentence. */
const ABBREV =
  /(?:^|[\s(])(?:sr|sra|srta|dr|dra|gral|cnel|tte|cap|av|edo|mun|mcpio|pág|nro|núm|no|mr|mrs|ms|st|vs|etc|ee\.uu|p\.ej|[A-ZÁÉÍÓÚÑ])\.$/i;

/** Sentences: split at . ! ? followed by space and a capital or an opening mark, and at blank lines. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const re = /([.!?…]["»”)]?)(\s+)(?=[\p{Lu}¿¡"«“(\d-])|\n\s*\n|\n(?=\s*[-•*·])/gu;
  for (const m of text.matchAll(re)) {
    const endOfMark = m.index! + (m[1]?.length ?? 0);
    if (m[1] && ABBREV.test(text.slice(Math.max(0, m.index! - 8), m.index! + 1))) continue;
    push(m[1] ? endOfMark : m.index!);
    start = m.index! + m[0].length;
  }
  push(text.length);
  return out;
}

export interface Run {
  tokens: Token[];
  start: number;
  end: number;
}

/**
 * "Daniel E. Ferrante", "Karim A.A. Khan": the period of a middle initial after a given name does
 * not end the run when a capitalized word follows.
 */
function middleInitial(text: string, cur: readonly Token[], next: Token): boolean {
  const initial = cur[cur.length - 1]!;
  const before = cur[cur.length - 2];
  return (
    next.cap &&
    before !== undefined &&
    GIVEN_NAMES.has(before.norm) &&
    /^\p{Lu}(?:\.\p{Lu})*$/u.test(initial.text) &&
    /^ $/.test(text.slice(before.end, initial.start)) &&
    text.slice(initial.end, next.start) === '. '
  );
}

/**
 * Runs of capitalized words, joined only by single spaces (a comma, a period or a line break ends
 * a run), with lower-case particles allowed inside ("Pérez de la Cruz") but not at the ends.
 */
export function capitalRuns(text: string, tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let cur: Token[] = [];
  const close = () => {
    while (cur.length && (!cur[cur.length - 1]!.cap || /^\d/.test(cur[cur.length - 1]!.text))) cur.pop();
    if (cur.length) runs.push({ tokens: cur, start: cur[0]!.start, end: cur[cur.length - 1]!.end });
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = cur[cur.length - 1];
    const joined =
      prev !== undefined && (/^ $/.test(text.slice(prev.end, t.start)) || middleInitial(text, cur, t));
    if (cur.length && !joined) close();
    if (t.cap && !/^\d/.test(t.text)) cur.push(t);
    // Particles and small numbers may sit inside a name ("Zona 7 de Boleíta"), never at its ends.
    else if (cur.length && (PARTICLES.has(t.norm) || INNER_PARTICLES.has(t.norm) || /^\d{1,2}$/.test(t.text)))
      cur.push(t);
    else close();
  }
  close();
  return runs;
}
