/**
 * A case's persons, opened, kept in the server's memory and refreshed incrementally: only persons
 * changed since the last refresh (by update time) are read and opened again, and everything is
 * re-read when the counts or the sum of row versions do not add up (another process wrote with an
 * older clock). Names are
 * sealed in the database, so whatever needs all of them — the name order of person lists, the
 * matcher that hides protected names inside free text — starts here instead of opening every
 * person on every request. It holds what the server holds anyway while it serves it.
 */
import type { PersonBody } from '../domain/schema.js';

export interface DirectoryEntry {
  id: string;
  body: PersonBody;
  updatedAt: string;
  /** The row's version (every write adds one). */
  version: number;
  deleted: boolean;
}

export interface DirectorySource {
  /** count of all persons of the case (deleted included), the latest update time, the sum of versions */
  stamp(): Promise<{ n: number; maxUpdated: string; versions: number }>;
  /** persons updated at or after `since` ('' = all), opened */
  changedSince(since: string): Promise<DirectoryEntry[]>;
  sortKey(body: PersonBody): string;
}

export class PersonDirectory {
  private readonly entries = new Map<string, DirectoryEntry>();
  private maxUpdated = '';
  private seen = -1;
  private versions = -1;
  private sorted?: string[];
  /** Changes whenever any person changed: a cache key for what is derived from the directory. */
  version = 0;

  /** Brings the directory up to date with the store. */
  async sync(src: DirectorySource): Promise<void> {
    const { n, maxUpdated, versions } = await src.stamp();
    if (n === this.seen && maxUpdated === this.maxUpdated && versions === this.versions) return;
    await this.refresh(src, this.maxUpdated);
    // A write with an older clock (another process or machine) is not "changed since": the counts
    // or the versions then do not add up, and everything is read again. Never a stale directory —
    // the hidden-name matcher is built from it.
    let sum = 0;
    for (const e of this.entries.values()) sum += e.version;
    if (this.entries.size !== n || sum !== versions) {
      this.entries.clear();
      this.maxUpdated = '';
      await this.refresh(src, '');
    }
    this.seen = n;
    this.versions = versions;
    this.version++;
    this.sorted = undefined;
  }

  /** Live persons (after sync). */
  live(): DirectoryEntry[] {
    return [...this.entries.values()].filter((e) => !e.deleted);
  }

  /** Every person, deleted ones included (after sync): their identities stay hidden after deletion. */
  all(): DirectoryEntry[] {
    return [...this.entries.values()];
  }

  /** Ids of live persons in name order, then id (after sync). */
  order(src: DirectorySource): string[] {
    if (!this.sorted) {
      const keyed = this.live().map((e) => [e.id, src.sortKey(e.body)] as const);
      keyed.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
      this.sorted = keyed.map(([id]) => id);
    }
    return this.sorted;
  }

  private async refresh(src: DirectorySource, since: string) {
    for (const e of await src.changedSince(since)) {
      this.entries.set(e.id, e);
      if (e.updatedAt > this.maxUpdated) this.maxUpdated = e.updatedAt;
    }
  }
}
