/**
 * What the tagger knows of a candidate span, as named binary features: what the rules made of it
 * (so the model learns when to trust them), the shape and length of its words, the word lists the
 * rules read names with (given names, surnames, titles, organization words, the gazetteers,
 * compromise's lexicon), the two words before and after it, prefixes and suffixes, the text's
 * language, whether it opens a sentence, sits in quotes or after a title, and whether its last word
 * comes back alone elsewhere in the text. Pure.
 */
import { isOrgNoun } from '../facts/cues.js';
import type { EntityMention } from '../facts/entities.js';
import {
  fold,
  GIVEN_NAMES,
  KNOWN_ORGS,
  ORG_HEADS,
  ORG_TAILS,
  STOP_CAPS,
  SURNAME_SET,
  TITLES,
} from '../facts/lexicon.js';
import { libraryLexicon } from '../facts/names.js';
import { lookupPlace } from '../facts/places.js';
import type { Token } from '../facts/tokens.js';
import { lookupTown } from '../facts/world-cities.js';
import type { Candidate } from './candidates.js';

const LEXICON = libraryLexicon();

/** Per text: what every candidate's features are read against, computed once (rules sorted by start). */
export interface TextContext {
  text: string;
  all: readonly Token[];
  language: string;
  rules: readonly EntityMention[];
  /** Folded words written in lower case somewhere in the text ("the mission" vs "Mission"). */
  lower: ReadonlySet<string>;
  /** Folded capitalized words that stand alone (a run of one word) somewhere in the text. */
  alone: ReadonlyMap<string, number>;
  /** Folded text of every rule span → the kinds the rules gave it somewhere in the text. */
  ruledAs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Folded words of the values of the rules' persons, and of their organizations. */
  personWords: ReadonlySet<string>;
  orgWords: ReadonlySet<string>;
}

export function textContext(
  text: string,
  all: readonly Token[],
  rules: readonly EntityMention[],
  language: string,
): TextContext {
  const lower = new Set<string>();
  const alone = new Map<string, number>();
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (!t.cap) {
      lower.add(t.norm);
      continue;
    }
    const joinedBefore = i > 0 && all[i - 1]!.cap && text.slice(all[i - 1]!.end, t.start) === ' ';
    const joinedAfter = i + 1 < all.length && all[i + 1]!.cap && text.slice(t.end, all[i + 1]!.start) === ' ';
    if (!joinedBefore && !joinedAfter) alone.set(t.norm, (alone.get(t.norm) ?? 0) + 1);
  }
  const sorted = [...rules].sort((a, b) => a.start - b.start);
  const ruledAs = new Map<string, Set<string>>();
  const personWords = new Set<string>();
  const orgWords = new Set<string>();
  for (const m of rules) {
    const key = fold(m.text);
    const s = ruledAs.get(key) ?? new Set();
    s.add(m.kind);
    ruledAs.set(key, s);
    const into = m.kind === 'person' ? personWords : m.kind === 'organization' ? orgWords : undefined;
    if (into) for (const w of fold(m.value).split(/\s+/)) into.add(w);
  }
  return { text, all, language, rules: sorted, lower, alone, ruledAs, personWords, orgWords };
}

/** No rule span is longer than this many characters: bounds the search for overlapping ones. */
export const LONGEST_SPAN = 400;

/** The rules' spans overlapping a candidate (rules sorted by start; a binary search, not a scan). */
export function overlapping(ctx: TextContext, c: { start: number; end: number }): EntityMention[] {
  const r = ctx.rules;
  let lo = 0;
  let hi = r.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r[mid]!.start < c.start - LONGEST_SPAN) lo = mid + 1;
    else hi = mid;
  }
  const out: EntityMention[] = [];
  for (let i = lo; i < r.length && r[i]!.start < c.end; i++) if (r[i]!.end > c.start) out.push(r[i]!);
  return out;
}

/** "Nicolás" → "Xx", "SEBIN" → "X", "al-Assad" → "x-Xx", "11J" → "dX". */
function shape(word: string): string {
  return word
    .replace(/\p{Lu}+/gu, 'X')
    .replace(/\p{Ll}+/gu, 'x')
    .replace(/\d+/g, 'd')
    .replace(/['’]/g, '');
}

function lexTag(word: string): string {
  const t = LEXICON[word.toLowerCase()];
  if (!t) return 'none';
  return Array.isArray(t) ? t[0]! : t;
}

const OPEN_QUOTE = /["“«‘']\s*$/;
const CLOSE_QUOTE = /^\s*["”»’']/;

export function features(ctx: TextContext, c: Candidate): string[] {
  const { text, all } = ctx;
  const toks = all.slice(c.first, c.last + 1);
  const words = toks.filter((t) => t.cap);
  const first = toks[0]!;
  const last = toks[toks.length - 1]!;
  const n = Math.min(words.length, 5);
  const f: string[] = ['bias', `n=${n}`, `lang=${ctx.language}`];
  // What the rules said: exactly this span, a span inside it, or a span it sits inside.
  // Each feature once: training counts a feature once per span (perceptron.ts), so scoring must too
  // (two places inside a span, or "de" twice in "Comisión de Derechos Humanos de Chiapas", would
  // otherwise weigh double). Only these can repeat.
  const ruleFeatures = new Set<string>();
  let ruled = 'none';
  for (const m of overlapping(ctx, c)) {
    if (m.start === c.start && m.end === c.end) {
      ruled = m.kind;
      ruleFeatures
        .add(`r=${m.kind}`)
        .add(`r=${m.kind}&n=${n}`)
        .add(`rule=${m.rule ?? 'other'}&${m.kind}`);
      if (m.value !== m.text) ruleFeatures.add(`rgrouped=${m.kind}`);
      if (m.role) ruleFeatures.add(`rrole=${m.role}`);
      if (m.unitKind) ruleFeatures.add('runit');
    } else if (m.start <= c.start && m.end >= c.end) ruleFeatures.add(`rin=${m.kind}`);
    else if (m.start >= c.start && m.end <= c.end) ruleFeatures.add(`rcov=${m.kind}`);
    else ruleFeatures.add(`rcross=${m.kind}`);
  }
  f.push(...ruleFeatures);
  if (ruled === 'none') f.push('r=none', `r=none&n=${n}`);
  f.push(`shape=${toks.map((t) => (t.cap ? shape(t.text) : t.norm)).join(' ')}`);
  for (const w of new Set(toks.map((t) => t.norm))) f.push(`w=${w}`);
  f.push(`first=${first.norm}`, `last=${last.norm}`);
  f.push(`suf3=${last.norm.slice(-3)}`, `pre3=${first.norm.slice(0, 3)}`, `fsuf3=${first.norm.slice(-3)}`);
  f.push(`lexf=${lexTag(first.text)}`, `lexl=${lexTag(last.text)}`);
  if (words.length === 1 && /^[\p{Lu}\d]{2,8}$/u.test(first.text)) f.push('acronym');
  if (GIVEN_NAMES.has(first.norm)) f.push('given-first', `given-first&r=${ruled}`);
  if (SURNAME_SET.has(last.norm)) f.push('surname-last', `surname-last&r=${ruled}`);
  if (words.some((t) => ORG_HEADS.has(t.norm) || isOrgNoun(t))) f.push('org-word');
  if (ORG_HEADS.has(first.norm)) f.push('org-head');
  if (ORG_TAILS.has(last.norm)) f.push('org-tail');
  const key = words
    .map((t) => t.norm)
    .join(' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (KNOWN_ORGS.has(key)) f.push('known-org');
  if (words.some((t) => TITLES.has(t.norm))) f.push('has-title');
  if (words.some((t) => STOP_CAPS.has(t.norm))) f.push('has-stop');
  if (lookupPlace(text.slice(c.start, c.end))) f.push('gazetteer', `gazetteer&r=${ruled}`);
  else {
    // A town of the world's lists the gazetteers leave out (too small or too ambiguous to name a place
    // alone): evidence the model weighs against the words around it.
    const town = lookupTown(text.slice(c.start, c.end));
    if (town) {
      const size =
        (town.population ?? 0) >= 50_000 ? 'big' : (town.population ?? 0) >= 5_000 ? 'mid' : 'small';
      f.push(`town=${size}`, `town=${size}&r=${ruled}`, `town&n=${n}`);
    }
  }
  if (words.length === 1 && ctx.lower.has(first.norm)) f.push('written-lower');
  if (words.length > 1 && (ctx.alone.get(last.norm) ?? 0) > 0) f.push('last-recurs-alone');
  if (words.length === 1 && (ctx.alone.get(first.norm) ?? 0) > 1) f.push('recurs');
  if (/\p{L}-\p{Lu}/u.test(text.slice(c.start, c.end))) f.push('hyphen-cap');
  // What the rules made of the same words elsewhere in the text, and whose name words these are.
  for (const k of ctx.ruledAs.get(fold(text.slice(c.start, c.end))) ?? []) f.push(`same-as=${k}`);
  if (words.every((t) => ctx.personWords.has(t.norm))) f.push('person-words');
  if (words.every((t) => ctx.orgWords.has(t.norm))) f.push('org-words');
  const lowerCount = words.filter((t) => ctx.lower.has(t.norm)).length;
  if (words.length > 1)
    f.push(`lower-words=${lowerCount === 0 ? 0 : lowerCount === words.length ? 'all' : 'some'}`);
  if (toks.some((t) => /\d/.test(t.text))) f.push('digit');
  // Context: two words either side, lower-cased; a title or article right before.
  const p1 = all[c.first - 1];
  const p2 = all[c.first - 2];
  const n1 = all[c.last + 1];
  const n2 = all[c.last + 2];
  const between = (a: Token | undefined, b: Token) => (a ? text.slice(a.end, b.start) : '\n');
  const gapBefore = between(p1, first);
  const sentenceStart = !p1 || /[.!?:\n]/.test(gapBefore);
  if (sentenceStart) f.push('sent-start', `sent-start&n=${n}`);
  else {
    f.push(`p1=${p1.norm}`);
    if (p2 && !/[.!?\n]/.test(between(p2, p1))) f.push(`p2=${p2.norm}`, `p12=${p2.norm} ${p1.norm}`);
    if (/,\s*$/.test(gapBefore)) f.push('comma-before');
    if (p1.cap && !STOP_CAPS.has(p1.norm)) f.push('cap-before');
    if (TITLES.has(p1.norm)) f.push('title-before');
  }
  if (n1 && !/[.!?\n]/.test(text.slice(last.end, n1.start))) {
    f.push(`n1=${n1.norm}`);
    if (/^\s*,/.test(text.slice(last.end, n1.start))) f.push('comma-after');
    if (n2 && !/[.!?\n]/.test(text.slice(n1.end, n2.start))) f.push(`n12=${n1.norm} ${n2.norm}`);
  } else f.push('sent-end');
  if (/^\s*\(/.test(text.slice(c.end, c.end + 3))) f.push('bracket-after');
  if (/\(\s*$/.test(text.slice(Math.max(0, c.start - 3), c.start))) f.push('in-bracket');
  if (text.slice(c.end, c.end + 2).match(/^['’]s/)) f.push('possessive');
  if (
    OPEN_QUOTE.test(text.slice(Math.max(0, c.start - 2), c.start)) &&
    CLOSE_QUOTE.test(text.slice(c.end, c.end + 2))
  )
    f.push('quoted');
  return f;
}
