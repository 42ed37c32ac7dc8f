/**
 * The one seam between the store and its two engines. SQL is written once with `?` placeholders
 * and portable types (TEXT, INTEGER, ISO-8601 strings, JSON as TEXT); each driver adapts it
 * (PostgreSQL numbers the placeholders). Everything above this file is dialect-free except the
 * few DDL differences in migrations.ts.
 */
export type Dialect = 'sqlite' | 'postgres';
export type Row = Record<string, unknown>;

export interface Sql {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Inserts many rows into one table as fast as the engine allows (prepared loop / multi-row VALUES). */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /**
   * Inside a PostgreSQL transaction: a statement sent with the COMMIT, in one round trip, as the
   * transaction's last (its result is not read). Locks it takes are released by the database
   * without waiting for this process's event loop (case-store.ts, the audit entries). Absent
   * elsewhere: run the statement instead.
   */
  sendWithCommit?(sql: string, params: readonly (string | number | null)[]): void;
}

export interface Database extends Sql {
  /** Runs `fn` in one transaction: everything commits or nothing does. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Multi-statement DDL, used by migrations. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Rewrites `?` placeholders to `$1, $2, …` (PostgreSQL). Our SQL never has `?` inside literals. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A FIFO async mutex: the SQLite connection is shared, so a transaction must not interleave. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => {
      release = r;
    });
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
