/**
 * A body whose value is a form the text wrote for another body is that body: "NBSZ" (value "NBSZ") and
 * "NBSZ" (value "Special Service for National Security", bracketed after it) are one organization, and
 * so are "Cuarta Sala" alone and the "Cuarta Sala" a ruling's heading tied to its court. Earlier passes
 * tie mentions one by one (pairAcronyms, pairShortForms, withBodyForms); a mention they leave with its
 * own text as value is a split. Counted at stop 45 over the development rounds: 7 organization splits
 * (rounds 29, 30, 50, 53, 62, 76, 78, 7 texts). One body only: a form two bodies wrote stays as it is.
 */
import type { EntityMention } from './entities.js';
import { fold } from './lexicon.js';

const bare = (value: string) => fold(value.replace(/\s*\([^)]*\)$/, '')).trim();

/** The organizations of `entities` whose value another body wrote as its form, given that body's value (in place). */
export function withWrittenForms(entities: EntityMention[]): EntityMention[] {
  const writers = new Map<string, Set<string>>(); // folded form → values of the bodies written so
  for (const e of entities) {
    if (e.kind !== 'organization' || fold(e.text) === bare(e.value)) continue;
    const s = writers.get(fold(e.text)) ?? new Set();
    s.add(e.value);
    writers.set(fold(e.text), s);
  }
  if (!writers.size) return entities;
  const values = new Set(entities.filter((e) => e.kind === 'organization').map((e) => e.value));
  const ties = new Map<string, string>();
  for (const v of values) {
    const by = [...(writers.get(bare(v)) ?? [])].filter((w) => w !== v);
    if (by.length === 1 && values.has(by[0]!)) ties.set(v, by[0]!);
  }
  for (const e of entities) {
    const to = e.kind === 'organization' ? ties.get(e.value) : undefined;
    if (to && !ties.has(to)) e.value = to;
  }
  return entities;
}
