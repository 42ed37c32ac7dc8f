/**
 * The spam filter of the public form: a naive Bayes text classifier trained only on the case's own
 * decided submissions (accepted = genuine, rejected = spam), so no outside service or word list
 * decides what a victim may say. Its output is advice shown to the documenter next to the
 * submission; nothing is ever discarded on its score alone.
 *
 * Tokens are the search stems of the words (accent-folded, Spanish and English) counted once per
 * submission (short texts: presence is more telling than frequency), plus structural pseudo-tokens
 * (links, e-mail addresses, phone-like numbers, capitals, repeated characters, length) that the
 * model weighs like words. Until the case has MIN_EXAMPLES of each class the model knows too little,
 * and a small fixed logistic score over the structural features stands in, starting from 0.5.
 */
import { termsOf, words } from '../search/text.js';

export const MIN_EXAMPLES = 10;
const MAX_TOKENS_PER_TEXT = 2000;

export interface Example {
  text: string;
  spam: boolean;
}

export interface Model {
  version: 1;
  docs: { ham: number; spam: number };
  /** Documents of each class containing a token. */
  counts: { ham: Record<string, number>; spam: Record<string, number> };
}

/** Structural features as pseudo-tokens (prefixed "__", which words never are). */
export function structuralTokens(text: string): string[] {
  const out: string[] = [];
  const urls = (
    text.match(/\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|xyz|ru|info|biz|io|top)\b/gi) ?? []
  ).length;
  out.push(`__urls:${Math.min(urls, 3)}`);
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text)) out.push('__email');
  if (/\+?\d[\d\s().-]{8,}\d/.test(text)) out.push('__phone');
  if (/[$€£]\s?\d|\d\s?(?:usd|eur|btc|usdt)\b/i.test(text)) out.push('__money');
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const caps = text.match(/\p{Lu}/gu)?.length ?? 0;
  if (letters > 20 && caps / letters > 0.3) out.push('__caps');
  if (/(.)\1{4,}/u.test(text) || /!{3,}/.test(text)) out.push('__repeat');
  const n = words(text).length;
  out.push(n < 15 ? '__len:short' : n < 60 ? '__len:mid' : '__len:long');
  // Words with no vowel and 6+ letters: keyboard mashing ("xkcdqwrt").
  if ((text.match(/\b[b-df-hj-np-tv-z]{6,}\b/gi) ?? []).length >= 2) out.push('__gibberish');
  return out;
}

export function tokens(text: string): Set<string> {
  const out = new Set<string>(structuralTokens(text));
  for (const w of words(text).slice(0, MAX_TOKENS_PER_TEXT)) {
    const t = termsOf(w)[0];
    if (t && t.length > 1) out.add(t);
  }
  return out;
}

export function train(examples: readonly Example[]): Model {
  const m: Model = { version: 1, docs: { ham: 0, spam: 0 }, counts: { ham: {}, spam: {} } };
  for (const e of examples) {
    const cls = e.spam ? 'spam' : 'ham';
    m.docs[cls]++;
    const c = m.counts[cls];
    for (const t of tokens(e.text)) c[t] = (c[t] ?? 0) + 1;
  }
  return m;
}

export function isTrained(m: Model): boolean {
  return m.docs.ham >= MIN_EXAMPLES && m.docs.spam >= MIN_EXAMPLES;
}

/** Probability (0..1) that a text is spam, given the model (or the fallback when it is too young). */
export function spamProbability(m: Model, text: string): number {
  const toks = tokens(text);
  if (!isTrained(m)) return fallback(toks);
  // Bernoulli-style presence model with Laplace smoothing, over tokens present in the text that
  // the model has seen (unseen words carry no evidence either way).
  let logit = Math.log(m.docs.spam / m.docs.ham);
  for (const t of toks) {
    const s = m.counts.spam[t] ?? 0;
    const h = m.counts.ham[t] ?? 0;
    if (s + h === 0) continue;
    logit += Math.log((s + 1) / (m.docs.spam + 2)) - Math.log((h + 1) / (m.docs.ham + 2));
  }
  return clamp(1 / (1 + Math.exp(-logit)));
}

const FALLBACK_WEIGHTS: Record<string, number> = {
  '__urls:1': 0.5,
  '__urls:2': 1.5,
  '__urls:3': 2.5,
  __email: 0.5,
  __phone: 0.3,
  __money: 1,
  __caps: 1,
  __repeat: 1,
  '__len:short': 0.5,
  __gibberish: 2,
};

function fallback(toks: Set<string>): number {
  let logit = 0;
  for (const t of toks) logit += FALLBACK_WEIGHTS[t] ?? 0;
  return clamp(1 / (1 + Math.exp(-logit)));
}

const clamp = (p: number) => Math.min(0.999, Math.max(0.001, p));

/** Area under the ROC curve of scores against labels (for the measured quality in tests). */
export function auc(scored: readonly { p: number; spam: boolean }[]): number {
  const pos = scored.filter((s) => s.spam);
  const neg = scored.filter((s) => !s.spam);
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a.p > b.p ? 1 : a.p === b.p ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}
