/**
 * Whether review decisions make a re-run better: link a set, let truth decide the first `decide`
 * pairs of the review queue (as a reviewer with little time would), link again with those
 * decisions, and count errors on the pairs no one decided — linked (p ≥ threshold) but different
 * people, or the same person and not linked. A pair absent from a run scored below the review band
 * there. Evaluation only (learn.test.ts, bench/link/learn-seeds.ts).
 */
import { linkRecords, recordKey } from '../link.js';
import type { FieldSpec, RecordRef } from '../types.js';
import type { AdversarialSet } from './adversarial.js';

export interface ReviewErrors {
  decisions: number;
  before: number;
  after: number;
}

export async function undecidedErrors(
  set: Pick<AdversarialSet, 'records' | 'person'>,
  fields: FieldSpec[],
  decide: number,
  threshold = 0.5,
): Promise<ReviewErrors> {
  const person = new Map(set.records.map((r, i) => [recordKey(r), set.person[i]!]));
  const same = (a: RecordRef, b: RecordRef) => person.get(recordKey(a)) === person.get(recordKey(b));
  const first = await linkRecords(set.records, { fields, threshold });
  const decisions = first.review.slice(0, decide).map((p) => ({ a: p.a, b: p.b, same: same(p.a, p.b) }));
  const second = await linkRecords(set.records, { fields, threshold }, { decisions });
  const key = (a: RecordRef, b: RecordRef) => `${recordKey(a)}|${recordKey(b)}`;
  const decided = new Set(decisions.map((d) => key(d.a, d.b)));
  const pairsOf = (r: typeof first) => new Map(r.pairs.map((p) => [key(p.a, p.b), p]));
  const p1 = pairsOf(first);
  const p2 = pairsOf(second);
  const union = new Map([...p1, ...p2]);
  const errors = (run: Map<string, { probability: number }>) => {
    let e = 0;
    for (const [k, p] of union) {
      if (decided.has(k)) continue;
      const linked = (run.get(k)?.probability ?? 0) >= threshold;
      if (linked !== same(p.a, p.b)) e++;
    }
    return e;
  };
  return { decisions: decisions.length, before: errors(p1), after: errors(p2) };
}
