/**
 * A case's persons, opened, kept in the server's memory and refreshed incrementally: only persons
 * changed since the last refresh are read and opened again — those updated since the newest change
 * seen, and those the audit log names since the audit head seen (a write by another process whose
 * clock is behind) — and everything is re-read when the counts or the sum of row versions still do
 * not add up. Even then the change log names only the persons that differ, so what is derived from
 * the directory is updated, not rebuilt. Names are
 * sealed in the database, so whatever needs all of them — the name order of person lists, the
 * matcher that hides protected names inside free text — starts here instead of opening every
 * person on every request. It holds what the server holds anyway while it serves it.
 */
import type { PersonBody } from '../domain/schema.js';

/**
 * The same mechanism serves any kind whose records something in memory derives from (B: what is
 * kept of each body, e.g. a testimony's hearing and protection for the protection facts).
 */
export interface DirectoryEntry<B = PersonBody> {
  id: string;
  body: B;
  /** When the record was created (the order of creation; absent where nothing reads it). */
  createdAt?: string;
  updatedAt: string;
  /** The row's version (every write adds one). */
  version: number;
  deleted: boolean;
}

export interface DirectorySource<B = PersonBody> {
  /** count of all persons of the case (deleted included), the latest update time, the sum of versions */
  stamp(): Promise<Stamp>;
  /**
   * The store's audit head: every committed write moves it in the same transaction (in any
   * process), so while it stays put nothing changed and the stamp's aggregate need not run.
   */
  head?(): Promise<number>;
  /**
   * Whether a write committed after the first head and up to the second may have changed these rows,
   * by the audit log's entries between them (audit-tail.ts); undefined when that cannot be told.
   * Every write of a record names its kind there (architecture test), so the directory then moves to
   * the new head without counting the rows — reading the changed ones only when there are some.
   */
  kindChanged?(after: number, upTo: number): Promise<boolean | undefined>;
  /**
   * persons updated at or after `since` ('' = all), opened; with `afterHead`, also every person the
   * audit log names after that head (whatever their update time)
   */
  changedSince(since: string, afterHead?: number): Promise<DirectoryEntry<B>[]>;
  /**
   * The same rows, with the stamp of the same snapshot (one statement): the counts then add up
   * whatever commits meanwhile. With two reads a write landing between them made the counts
   * disagree, and under load — writes every few milliseconds, reads waiting for a busy event
   * loop — often enough that every record was read again every few seconds (bench/load, stop 34).
   */
  changedWithStamp?(
    since: string,
    afterHead?: number,
  ): Promise<{ entries: DirectoryEntry<B>[]; stamp: Stamp }>;
  sortKey(body: B): string;
}

/** A kind's rows in a case: how many, the latest update time, the sum of their versions. */
export interface Stamp {
  n: number;
  maxUpdated: string;
  versions: number;
}

/** How many syncs' changed ids are kept for incremental consumers (older ones rebuild). */
const CHANGE_LOG = 256;

export class PersonDirectory<B = PersonBody> {
  private readonly entries = new Map<string, DirectoryEntry<B>>();
  /** The sum of the entries' versions, kept as they change (compared with a stamp's). */
  private versionSum = 0;
  private maxUpdated = '';
  private seen = -1;
  private versions = -1;
  /** Live ids in name order (see `order`) and in the order of creation (`createdOrder`). */
  private readonly byName = new KeptOrder();
  private readonly byCreation = new KeptOrder();
  /** The ids each sync found changed, by the version it produced; everything was read at `fullAt`. */
  private readonly log: { version: number; ids: string[] }[] = [];
  private fullAt = 0;
  private head?: number;
  /** Changes whenever any person changed: a cache key for what is derived from the directory. */
  version = 0;
  /** How many times everything was read again because the counts did not add up (for profiles). */
  rereads = 0;
  /** Stamps read (each counts the kind's rows) since the directory was made (for profiles and tests). */
  stampsRead = 0;
  /** Records read and opened since the directory was made (for profiles and tests). */
  rowsRead = 0;

  /** The sync running now, if any: the next waits for it. */
  private syncing: Promise<void> = Promise.resolve();

  /**
   * Brings the directory up to date with the store. One sync at a time: concurrent ones interleaved
   * their reads with each other's changes to the entries, their sums then did not add up and each
   * read every person again — under a queue of requests (bench/load at 120/s) that was most of the
   * CPU. One that waited usually finds the directory already at its head and returns at once.
   */
  sync(src: DirectorySource<B>): Promise<void> {
    const run = this.syncing.then(() => this.syncOnce(src));
    this.syncing = run.catch(() => {});
    return run;
  }

  private async syncOnce(src: DirectorySource<B>): Promise<void> {
    // Read before the stamp: what the stamp shows is at least as new as this head.
    const head = await src.head?.();
    // At or past that head already (a caller may hand over a head it read earlier in its request).
    if (head !== undefined && this.head !== undefined && head <= this.head) return;
    // The audit log says what the writes since then named: nothing to count.
    if (head !== undefined && this.head !== undefined && this.maxUpdated !== '') {
      const changed = await src.kindChanged?.(this.head, head);
      if (changed === false) {
        this.head = head;
        return;
      }
      if (changed === true) {
        const ids = new Set<string>();
        await this.refresh(src, this.maxUpdated, this.head, ids, this.entries, false);
        this.head = head;
        this.logChanges(ids);
        return;
      }
    }
    this.stampsRead++;
    const { n, maxUpdated, versions } = await src.stamp();
    if (n === this.seen && maxUpdated === this.maxUpdated && versions === this.versions) {
      this.head = head;
      return;
    }
    const full = this.maxUpdated === '';
    const changed = new Set<string>();
    // Persons written since the newest change seen, and those the audit log names since the head
    // seen: a write by another process whose clock is behind is caught here, not by a re-read.
    const same = await this.refresh(src, this.maxUpdated, full ? undefined : this.head, changed);
    // A write the audit log does not name (none should exist) or one committed between the reads:
    // the counts or the versions then do not add up, and everything is read again. Never a stale
    // directory — the hidden-name matcher is built from it.
    let counts = same ?? { n, versions };
    if (!full && !same && !this.adds(counts)) {
      // The rows may be newer than the stamp (a write committed between the two reads): one fresh
      // stamp and one more look at what changed, before reading everything again.
      const again = await src.stamp();
      await this.refresh(src, this.maxUpdated, this.head, changed);
      counts = { n: again.n, versions: again.versions };
    }
    if (!this.adds(counts)) {
      const before = new Map(this.entries);
      this.entries.clear();
      this.versionSum = 0;
      this.maxUpdated = '';
      // Only the persons that differ are logged: consumers update, they need not rebuild.
      counts = (await this.refresh(src, '', undefined, changed, before)) ?? counts;
      for (const id of before.keys()) if (!this.entries.has(id)) changed.add(id);
      this.rereads++;
    }
    this.seen = counts.n;
    this.versions = counts.versions;
    this.head = head;
    this.version++;
    if (full) {
      this.byName.reset();
      this.byCreation.reset();
      this.fullAt = this.version;
      this.log.length = 0;
    } else this.logChanges(changed, false);
  }

  /** A new version whose changes are these ids (`bump`: the version is not counted yet). */
  private logChanges(changed: ReadonlySet<string>, bump = true): void {
    if (bump) this.version++;
    this.byName.changed(changed);
    this.byCreation.changed(changed);
    this.log.push({ version: this.version, ids: [...changed] });
    if (this.log.length > CHANGE_LOG) this.log.shift();
  }

  /** Whether the persons held add up to a stamp's count and sum of versions. */
  private adds(stamp: { n: number; versions: number }): boolean {
    return this.entries.size === stamp.n && this.versionSum === stamp.versions;
  }

  /**
   * Ids of the persons that changed since the directory was at `version` (added, changed, deleted
   * or gone), or undefined when that is not known (before the first read, or the log no longer
   * reaches back): then whatever was derived at `version` must be rebuilt.
   */
  changedSince(version: number): string[] | undefined {
    if (version === this.version) return [];
    if (version < this.fullAt || version > this.version) return undefined;
    const first = this.log[0];
    if (!first || first.version > version + 1) return undefined;
    const ids = new Set<string>();
    for (const step of this.log) if (step.version > version) for (const id of step.ids) ids.add(id);
    return [...ids];
  }

  /** One person (after sync), deleted or not. */
  get(id: string): DirectoryEntry<B> | undefined {
    return this.entries.get(id);
  }

  /** Live persons (after sync). */
  live(): DirectoryEntry<B>[] {
    return [...this.entries.values()].filter((e) => !e.deleted);
  }

  /** Every person, deleted ones included (after sync): their identities stay hidden after deletion. */
  all(): DirectoryEntry<B>[] {
    return [...this.entries.values()];
  }

  /**
   * Ids of live persons in name order, then id (after sync). Kept up to date person by person
   * (KeptOrder): sorting every person again after each change (keys folded anew) was the part of a
   * page of persons that grew with the case (bench/load, stop 33). A new array whenever it changes:
   * one handed out before stays as it was.
   */
  order(src: DirectorySource<B>): string[] {
    return this.byName.ids(this.entries, (e) => src.sortKey(e.body));
  }

  /**
   * Ids of live persons in the order of creation, then id (after sync): the pages of persons a
   * viewer who does not see every identity gets (name order would tell where hidden names fall).
   * In the database that page was `ORDER BY created_at LIMIT … OFFSET …`, O(offset): the largest
   * share of PostgreSQL's time under the mixed load once the pages went deep (bench/load, stop 34).
   */
  createdOrder(): string[] {
    return this.byCreation.ids(this.entries, (e) => e.createdAt ?? '');
  }

  private async refresh(
    src: DirectorySource<B>,
    since: string,
    afterHead: number | undefined,
    changed: Set<string>,
    previous: ReadonlyMap<string, DirectoryEntry<B>> = this.entries,
    withStamp = true,
  ): Promise<Stamp | undefined> {
    let read: DirectoryEntry<B>[];
    let stamp: Stamp | undefined;
    if (withStamp && src.changedWithStamp)
      ({ entries: read, stamp } = await src.changedWithStamp(since, afterHead));
    else read = await src.changedSince(since, afterHead);
    this.rowsRead += read.length;
    for (const e of read) {
      if (!sameEntry(previous.get(e.id), e)) changed.add(e.id);
      this.versionSum += e.version - (this.entries.get(e.id)?.version ?? 0);
      this.entries.set(e.id, e);
      if (e.updatedAt > this.maxUpdated) this.maxUpdated = e.updatedAt;
    }
    return stamp;
  }
}

/** The same stored state of a person (every write adds a version; the body is compared too). */
function sameEntry<B>(a: DirectoryEntry<B> | undefined, b: DirectoryEntry<B> | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.version === b.version &&
    a.updatedAt === b.updatedAt &&
    a.deleted === b.deleted &&
    JSON.stringify(a.body) === JSON.stringify(b.body)
  );
}

/**
 * Live ids in the order of a key, then id, kept up to date entry by entry: the entries a sync changed
 * are taken out and put back at their place (binary search), their keys computed once each.
 */
class KeptOrder {
  private sorted?: string[];
  private readonly keyOf = new Map<string, string>();
  private readonly pending = new Set<string>();

  reset(): void {
    this.sorted = undefined;
  }

  changed(ids: Iterable<string>): void {
    if (this.sorted) for (const id of ids) this.pending.add(id);
  }

  ids<B>(entries: ReadonlyMap<string, DirectoryEntry<B>>, key: (e: DirectoryEntry<B>) => string): string[] {
    if (!this.sorted) {
      this.keyOf.clear();
      for (const e of entries.values()) if (!e.deleted) this.keyOf.set(e.id, key(e));
      this.sorted = [...this.keyOf.keys()].sort((a, b) => this.compare(a, b));
      this.pending.clear();
    } else if (this.pending.size > 0) {
      const next = this.sorted.slice();
      for (const id of this.pending) {
        if (this.keyOf.has(id)) {
          const at = this.position(next, id);
          next.splice(next[at] === id ? at : next.indexOf(id), 1);
          this.keyOf.delete(id);
        }
        const e = entries.get(id);
        if (e && !e.deleted) {
          this.keyOf.set(id, key(e));
          next.splice(this.position(next, id), 0, id);
        }
      }
      this.pending.clear();
      this.sorted = next;
    }
    return this.sorted;
  }

  /** By the kept keys, then id. */
  private compare(a: string, b: string): number {
    const x = this.keyOf.get(a)!;
    const y = this.keyOf.get(b)!;
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  }

  /** Where `id` is (or goes) in `ids`, which is in `compare` order (its key is in keyOf). */
  private position(ids: readonly string[], id: string): number {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(ids[mid]!, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
