/**
 * The newest entries of the audit log, kept in memory by one process: which entity of which case
 * each committed write named. Every write of a record appends an entry naming its kind in the same
 * transaction, and entries become visible in the order of their sequence numbers (the head's row
 * lock is held to the commit), so the entries between two heads say what may have changed between
 * them. Directories and the presenter's stamps ask it before they count a kind's rows: counting
 * every row of a kind after each commit, in every process, was a third of PostgreSQL's time under
 * the mixed load, and grew with the case (bench/load --pg-statements, stop 34).
 */
import { KIND_NAMES, KINDS, type Kind } from '../domain/kinds.js';

export interface TailEntry {
  seq: number;
  entity: string;
  caseId: string | null;
  action?: string;
}

/** Entities named by the record kinds' writes (records.ts create/update/remove/restore), and their kinds. */
const KIND_OF_ENTITY: ReadonlyMap<string, Kind> = new Map(KIND_NAMES.map((k) => [KINDS[k].name, k]));
const RECORD_ENTITIES: ReadonlySet<string> = new Set(KIND_OF_ENTITY.keys());
/**
 * Entities whose entries write no record kind's table: accounts and access logs. Any other entity
 * that is not a record kind (an import, a key rotation, one added later) counts as a possible change
 * of every kind — a directory then counts its rows, as it always did.
 */
const NO_RECORD_WRITES: ReadonlySet<string> = new Set([
  'users',
  'api-tokens',
  'case-members',
  'protected-records',
  'report',
  'analyses',
]);

/** Whether the tail knows what an entry's entity writes (a record kind's rows, or none). */
function known(e: Pick<TailEntry, 'entity'>): boolean {
  return RECORD_ENTITIES.has(e.entity) || NO_RECORD_WRITES.has(e.entity);
}

/** Whether an entry may have changed the rows of the kind named `entity` in case `caseId`. */
export function mayChange(e: Pick<TailEntry, 'entity' | 'caseId'>, entity: string, caseId: string): boolean {
  if (RECORD_ENTITIES.has(e.entity)) return e.entity === entity && (e.caseId === null || e.caseId === caseId);
  return !NO_RECORD_WRITES.has(e.entity);
}

/** How many entries a process keeps (older questions get `undefined`: count the rows). */
const KEEP = 20_000;

export class AuditTail {
  private entries: TailEntry[] = [];
  /** Every entry with from < seq ≤ upTo is held. */
  private from = -1;
  private upTo = -1;
  private reading?: { to: number; done: Promise<void> };

  constructor(private readonly read: (after: number, upTo: number) => Promise<TailEntry[]>) {}

  /** The entries with `after` < seq ≤ `upTo`, or undefined when they are no longer (or not yet) held. */
  async between(after: number, upTo: number): Promise<readonly TailEntry[] | undefined> {
    if (upTo <= after) return [];
    // More entries than it keeps (a process idle for long, a bulk import): counting is cheaper.
    if (upTo - after > KEEP) return undefined;
    if (this.from < 0) {
      // The first question: read from there on.
      this.from = this.upTo = after;
    }
    if (after < this.from) return undefined;
    while (this.upTo < upTo) {
      // One reading at a time; a question past it waits for it, then reads on.
      if (this.reading) await this.reading.done;
      else {
        const from = this.upTo;
        const done = this.read(from, upTo).then((rows) => {
          for (const r of rows) if (r.seq > this.upTo) this.entries.push(r);
          this.upTo = upTo;
          if (this.entries.length > KEEP) {
            const drop = this.entries.length - KEEP;
            this.from = this.entries[drop - 1]!.seq;
            this.entries = this.entries.slice(drop);
          }
        });
        this.reading = { to: upTo, done };
        try {
          await done;
        } finally {
          if (this.reading?.done === done) this.reading = undefined;
        }
      }
    }
    if (after < this.from) return undefined;
    // Entries are in seq order: binary search for the first after `after`.
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.seq <= after) lo = mid + 1;
      else hi = mid;
    }
    const out: TailEntry[] = [];
    for (let i = lo; i < this.entries.length && this.entries[i]!.seq <= upTo; i++) out.push(this.entries[i]!);
    return out;
  }

  /**
   * Whether a write between the two heads may have changed the rows of these entities (kinds' names)
   * in `caseId`; undefined when the tail cannot say: entries no longer held, or one it cannot explain
   * (an import, a key rotation, an entity added later) — count, as before the tail.
   */
  async changed(
    after: number,
    upTo: number,
    entities: readonly string[],
    caseId: string,
  ): Promise<boolean | undefined> {
    const between = await this.between(after, upTo);
    if (between === undefined || !between.every(known)) return undefined;
    return between.some((e) => entities.some((entity) => mayChange(e, entity, caseId)));
  }
}

/**
 * Applies the entries' changes to `counts` (a case's live records per kind); returns the kinds to
 * count again, or undefined when an entry may have changed any kind.
 */
export function countChanges(
  entries: readonly TailEntry[],
  caseId: string,
  counts: Record<Kind, number>,
): Set<Kind> | undefined {
  const stale = new Set<Kind>();
  for (const e of entries) {
    const kind = KIND_OF_ENTITY.get(e.entity);
    if (!kind) {
      if (NO_RECORD_WRITES.has(e.entity)) continue;
      return undefined;
    }
    if (e.caseId !== null && e.caseId !== caseId) continue;
    if (e.caseId === null) stale.add(kind);
    else if (e.action === 'create' || e.action === 'restore') counts[kind] = (counts[kind] ?? 0) + 1;
    else if (e.action === 'delete') counts[kind] = (counts[kind] ?? 0) - 1;
    else if (e.action !== 'update' && !e.action?.startsWith('custody:')) stale.add(kind);
  }
  return stale;
}
