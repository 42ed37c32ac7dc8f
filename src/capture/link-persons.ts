/**
 * A name read in a text → the documented persons it may be, through the linkage engine's own
 * comparators (src/linkage: name folding without particles, nicknames, Venezuelan-Spanish
 * phonetic keys, Jaro–Winkler). A tiny adapter, because the engine compares list records field by
 * field while a text gives one free-form name: every token of the mention is matched to its best
 * token of the person's name, and the mean is the score. Pure.
 */

import type { PersonBody } from '../domain/schema.js';
import { jaroWinkler } from '../linkage/similarity.js';
import { canonicalTokens, nameTokens, phoneticToken } from '../linkage/text.js';

export interface PersonCandidate {
  personId: string;
  score: number;
}

export interface KnownPerson {
  id: string;
  tokens: string[];
}

/** Name tokens of a documented person (given names, surnames, aliases as alternatives). */
export function knownPerson(id: string, body: PersonBody): KnownPerson[] {
  const full = [body.givenNames, body.firstSurname, body.secondSurname].filter(Boolean).join(' ');
  const names = [full, ...(body.aliases ?? [])].filter((n) => n.trim());
  return names.map((n) => ({ id, tokens: canonicalTokens(nameTokens(n)) })).filter((k) => k.tokens.length);
}

function tokenScore(a: string, b: string): number {
  if (a === b) return 1;
  if (phoneticToken(a) === phoneticToken(b)) return 0.95;
  return jaroWinkler(a, b);
}

/** Mean best-token similarity of the mention's tokens; a one-word mention scores at most 0.9. */
export function nameScore(mention: string[], person: string[]): number {
  if (!mention.length || !person.length) return 0;
  let sum = 0;
  for (const t of mention) sum += Math.max(...person.map((p) => tokenScore(t, p)));
  const s = sum / mention.length;
  return mention.length === 1 ? Math.min(s, 0.9) : s;
}

/** Persons a mentioned name may be (score ≥ threshold), best first, at most `max`. */
export function candidatesFor(
  name: string,
  persons: readonly KnownPerson[],
  opts: { threshold?: number; max?: number } = {},
): PersonCandidate[] {
  const mention = canonicalTokens(nameTokens(name));
  const best = new Map<string, number>();
  for (const p of persons) {
    const s = nameScore(mention, p.tokens);
    if (s >= (opts.threshold ?? 0.88) && s > (best.get(p.id) ?? 0)) best.set(p.id, s);
  }
  return [...best]
    .map(([personId, score]) => ({ personId, score: Math.round(score * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || (a.personId < b.personId ? -1 : 1))
    .slice(0, opts.max ?? 3);
}
