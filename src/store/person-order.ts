/**
 * The order of a case's persons by name, kept in memory because names are sealed and the database
 * cannot sort them. Refreshed incrementally: only persons changed since the last refresh (by
 * update time) are opened again, and a full rebuild happens when the counts do not add up (another
 * process wrote with an older clock). Holds folded names of the case in the server's memory —
 * which holds them anyway while it serves them.
 */
export interface OrderSource {
  /** count of all persons of the case (deleted included) and the latest update time */
  stamp(): Promise<{ n: number; maxUpdated: string }>;
  /** persons updated at or after `since` ('' = all), opened: id, sort key, deleted or not */
  changedSince(since: string): Promise<{ id: string; key: string; deleted: boolean; updatedAt: string }[]>;
}

export class PersonOrder {
  private keys = new Map<string, string>();
  private deleted = new Set<string>();
  private maxUpdated = '';
  private seen = -1;
  private sorted?: string[];

  /** Ids of live persons in name order (then id), up to date with the store. */
  async ids(src: OrderSource): Promise<string[]> {
    const { n, maxUpdated } = await src.stamp();
    if (n !== this.seen || maxUpdated !== this.maxUpdated) {
      await this.refresh(src, this.maxUpdated);
      if (this.keys.size + this.deleted.size !== n) {
        this.keys.clear();
        this.deleted.clear();
        await this.refresh(src, '');
      }
      this.seen = n;
    }
    if (!this.sorted) {
      const entries = [...this.keys];
      entries.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
      this.sorted = entries.map(([id]) => id);
    }
    return this.sorted;
  }

  private async refresh(src: OrderSource, since: string) {
    for (const c of await src.changedSince(since)) {
      if (c.deleted) {
        this.keys.delete(c.id);
        this.deleted.add(c.id);
      } else {
        this.deleted.delete(c.id);
        this.keys.set(c.id, c.key);
      }
      if (c.updatedAt > this.maxUpdated) this.maxUpdated = c.updatedAt;
    }
    this.sorted = undefined;
  }
}
