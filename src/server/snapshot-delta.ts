/**
 * A case snapshot sent to the analysis thread as what changed since the last one sent. Copying the
 * whole snapshot into the thread (structured clone, on the event loop) took longer as the case grew
 * and held up every request meanwhile (bench/load, stop 34: windows with a p99 near a second at 20,000
 * records); unchanged records keep their body objects (directories and the opened-row memo share
 * them), so what changed is found by identity and only that is copied.
 *
 * The sender remembers, per feed (a store's case), each record's body as sent; the receiver keeps the
 * records and rebuilds the arrays, in id order, for the kinds that changed. A receiver that lost its
 * state (a new thread) is sent everything again: the sender forgets a feed whenever a reply fails.
 */
import type { CaseSnapshot, Rec } from '../analysis/types.js';

/** The snapshot's record arrays (every other field is sent whole each time: small). */
type ArrayKey = Exclude<keyof CaseSnapshot, 'caseId' | 'caseFile' | 'estimate'>;

export interface SnapshotDelta {
  feed: string;
  /** Everything: the receiver drops what it held for the feed first. */
  full: boolean;
  /** The fields that are not record arrays (case file, estimate, id). */
  rest: Omit<CaseSnapshot, ArrayKey>;
  /** Per array: records added or changed, and ids gone. */
  arrays: Partial<Record<ArrayKey, { put: Rec<unknown>[]; gone: string[] }>>;
}

const isArrayKey = (s: CaseSnapshot, k: string): k is ArrayKey =>
  Array.isArray((s as unknown as Record<string, unknown>)[k]);

/** The sending side: what each feed's receiver holds. */
export class DeltaSender {
  private readonly sent = new Map<string, Map<string, Map<string, unknown>>>();

  delta(feed: string, snapshot: CaseSnapshot): SnapshotDelta {
    let held = this.sent.get(feed);
    const full = !held;
    if (!held) {
      held = new Map();
      this.sent.set(feed, held);
    }
    const rest: Record<string, unknown> = {};
    const arrays: SnapshotDelta['arrays'] = {};
    for (const [k, v] of Object.entries(snapshot)) {
      if (!isArrayKey(snapshot, k)) {
        rest[k] = v;
        continue;
      }
      let bodies = held.get(k);
      if (!bodies) {
        bodies = new Map();
        held.set(k, bodies);
      }
      const put: Rec<unknown>[] = [];
      const seen = new Set<string>();
      for (const r of v as readonly Rec<unknown>[]) {
        seen.add(r.id);
        if (bodies.get(r.id) !== r.body) {
          put.push(r);
          bodies.set(r.id, r.body);
        }
      }
      const gone: string[] = [];
      if (seen.size !== bodies.size) for (const id of bodies.keys()) if (!seen.has(id)) gone.push(id);
      for (const id of gone) bodies.delete(id);
      if (put.length || gone.length || full) arrays[k] = { put, gone };
    }
    return { feed, full, rest: rest as SnapshotDelta['rest'], arrays };
  }

  /** The receiver may not hold what was sent (a reply failed, the thread was replaced). */
  forget(feed?: string): void {
    if (feed === undefined) this.sent.clear();
    else this.sent.delete(feed);
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The receiving side: the records of each feed, and the snapshot they make. */
export class DeltaReceiver {
  private readonly feeds = new Map<
    string,
    { records: Map<string, Map<string, Rec<unknown>>>; arrays: Map<string, Rec<unknown>[]> }
  >();

  apply(d: SnapshotDelta): CaseSnapshot {
    let f = this.feeds.get(d.feed);
    if (d.full || !f) {
      f = { records: new Map(), arrays: new Map() };
      this.feeds.set(d.feed, f);
    }
    for (const [k, change] of Object.entries(d.arrays)) {
      if (!change) continue;
      let recs = f.records.get(k);
      if (!recs) {
        recs = new Map();
        f.records.set(k, recs);
      }
      for (const id of change.gone) recs.delete(id);
      for (const r of change.put) recs.set(r.id, r);
      f.arrays.set(k, [...recs.values()].sort(byId));
    }
    return { ...d.rest, ...Object.fromEntries(f.arrays) } as unknown as CaseSnapshot;
  }

  forget(feed: string): void {
    this.feeds.delete(feed);
  }
}
