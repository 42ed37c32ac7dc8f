/**
 * "North Caucasus Documentation Centre", "Upper Egypt Monitoring Group", "Nile Delta Detainees Support
 * Group": the place inside a body's name is the region written there, with its compass word or "Delta"
 * (GUIDE §5: a region written in a body's name is a place), not the bare "Caucasus", "Egypt" or "Nile" a
 * gazetteer holds. Counted at stop 44 on the development rounds: 7 texts in 6 rounds (20, 34, 40, 57, 65,
 * 73), each an extra bare place and a missed region; it breaks one ("North Delhi Municipal Corporation",
 * annotated Delhi). Not the adjectives "Northern", "Southern" …: "Northern Uganda" is annotated Uganda.
 */
import type { ValuedSpan } from './entities.js';
import { SpanIndex } from './span-index.js';

/** A compass or position word right before the place, inside the body's name. */
const QUALIFIER_BEFORE = /(?:^|[ \t\u00a0])(?:North|South|East|West|Upper|Lower)[ \t\u00a0]$/u;
/** "Delta" right after the place, inside the body's name. */
const DELTA_AFTER = /^[ \t\u00a0]Delta(?![\p{L}\p{M}])/u;

/** Each place inside an organization's name run over the qualifier that is part of its region's name. */
export function withRegionQualifiers<T extends ValuedSpan>(text: string, entities: readonly T[]): T[] {
  const orgs = entities.filter((e) => e.kind === 'organization');
  if (!orgs.length) return [...entities];
  // The organizations around a place are asked of an index (thousands of each on 300 KB); the first in the given order.
  const orgIndex = new SpanIndex(orgs);
  return entities.map((e) => {
    if (e.kind !== 'place') return e;
    const around = (o: T) => o.start <= e.start && e.end <= o.end && (o.start < e.start || e.end < o.end);
    const org = e.start < e.end ? orgIndex.overlapping(e.start, e.end).find(around) : orgs.find(around);
    if (!org) return e;
    const before = QUALIFIER_BEFORE.exec(text.slice(org.start, e.start));
    const after = DELTA_AFTER.exec(text.slice(e.end, org.end));
    if (!before && !after) return e;
    const start = before ? e.start - before[0].trimStart().length : e.start;
    const end = after ? e.end + after[0].length : e.end;
    const name = text.slice(start, end);
    return { ...e, start, end, text: name, value: name.replace(/\s+/g, ' ') };
  });
}
