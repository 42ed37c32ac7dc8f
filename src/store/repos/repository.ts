import type { CaseStore } from '../case-store.js';
import type { Sql } from '../sql.js';

/**
 * A repository of the store: it reads and writes through its store's Sql handle, so a repository
 * of a store bound to a transaction (`store.transaction(s => s.x…)`) writes in that transaction.
 */
export abstract class Repository {
  constructor(protected readonly store: CaseStore) {}

  protected get sql(): Sql {
    return this.store.sqlHandle;
  }
}
