/**
 * The tagger applied to the rules' output: every candidate span (candidates.ts) is scored by the
 * model; for the kinds adopted, a span of the rules the model reads as something else is dropped,
 * and a span no rule took that the model reads as that kind (by more than `threshold` over "none")
 * is added, longest-sure first, never overlapping a kept span or a date. A surname alone that the
 * model adds is tied to the one full name of the text ending with it. Pure.
 */

import { pairAcronyms, pairShortForms } from '../facts/acronyms.js';
import type { EntityMention } from '../facts/entities.js';
import { fold } from '../facts/lexicon.js';
import { tokenize } from '../facts/tokens.js';
import { detectLanguage } from '../language.js';
import { candidates } from './candidates.js';
import { features, textContext } from './features.js';
import { type Label, predict, type TaggerModel } from './perceptron.js';

export type TaggedKind = 'person' | 'organization';

export interface RefineOptions {
  model: TaggerModel;
  /** The kinds the tagger decides (adopted where it wins on the left-out rounds). */
  kinds: ReadonlySet<TaggedKind>;
  /** Drop rule spans of those kinds the model reads as another kind or none. */
  drop: boolean;
  /** Margin over "none" a new span needs. */
  threshold: number;
}

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function refineEntities(
  text: string,
  rules: readonly EntityMention[],
  blocked: readonly Span[],
  opts: RefineOptions,
): EntityMention[] {
  if (!opts.kinds.size) return [...rules];
  const all = tokenize(text);
  const ctx = textContext(text, all, rules, detectLanguage(text));
  const scored = candidates(text, all, rules).map((c) => ({ c, ...predict(opts.model, features(ctx, c)) }));
  const exact = new Map(scored.map((s) => [`${s.c.start}:${s.c.end}`, s]));
  const adopted = (l: Label): l is TaggedKind => opts.kinds.has(l as TaggedKind);
  const kept = rules.filter((m) => {
    if (!opts.drop || !adopted(m.kind)) return true;
    const p = exact.get(`${m.start}:${m.end}`);
    return !p || p.label === m.kind;
  });
  // Kept spans sorted by start, for the overlap test below.
  const taken: Span[] = [...kept, ...blocked].sort((a, b) => a.start - b.start);
  const free = (s: Span) => !taken.some((t) => overlaps(t, s));
  const added: EntityMention[] = [];
  const fresh = scored
    .filter((s) => adopted(s.label) && s.margin > opts.threshold)
    .sort((a, b) => b.margin - a.margin || a.c.start - b.c.start);
  for (const s of fresh) {
    if (!free(s.c) || added.some((a) => overlaps(a, s.c))) continue;
    const t = text.slice(s.c.start, s.c.end);
    added.push({ kind: s.label as TaggedKind, start: s.c.start, end: s.c.end, text: t, value: t });
  }
  // "Ceesay" alone is "Lamin Jatta Ceesay" when one person of the text ends with that word.
  const persons = [...kept, ...added].filter((m) => m.kind === 'person' && /\s/.test(m.value));
  for (const a of added) {
    if (a.kind !== 'person' || /\s/.test(a.value)) continue;
    const w = fold(a.value);
    const full = [
      ...new Set(persons.filter((p) => fold(p.value).split(/\s+/).slice(1).includes(w)).map((p) => p.value)),
    ];
    if (full.length === 1) a.value = full[0]!;
  }
  const out = [...kept, ...added].sort((a, b) => a.start - b.start);
  pairAcronyms(out);
  pairShortForms(out);
  return out;
}
