/**
 * PostgreSQL driver (server mode, `TESTIGO_DATABASE_URL`). Transactions take a dedicated client
 * from the pool; the audit chain is serialized by a row lock taken inside them (see audit.ts).
 */
import pg from 'pg';
import { type Database, numberPlaceholders, type Sql } from '../sql.js';

// Keep BIGINT/NUMERIC as JS numbers for our counters and sequence numbers (all < 2^53).
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

type Queryable = pg.Pool | pg.PoolClient;

/**
 * Names for statement texts, so each connection parses and plans a statement once and then only
 * binds and runs it (PostgreSQL's CPU per statement about halves; measured in bench/load/README.md).
 * The first `cap` distinct texts a process sends are named, the rest stay unnamed: texts built
 * with variable-length lists must not grow every connection's prepared statements without bound.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private generation = 0;
  constructor(readonly cap = 300) {}
  nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < this.cap) {
      name = `t${this.generation}_${this.names.size}`;
      this.names.set(text, name);
    }
    return name;
  }
  /**
   * A table's columns changed under a prepared `SELECT *` (a newer process migrated the schema):
   * PostgreSQL refuses to run the old plan, so every text gets a new name and is prepared again.
   */
  renew(): void {
    this.names.clear();
    this.generation++;
  }
  get size(): number {
    return this.names.size;
  }
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed (0A000). */
function isStalePlan(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '0A000' && /cached plan must not change result type/.test(String(e.message));
}

class PgSql implements Sql {
  readonly dialect = 'postgres' as const;
  constructor(
    protected readonly q: Queryable,
    protected readonly names: StatementNames,
    /** Outside a transaction a statement refused for a stale plan ran nothing and can be sent again. */
    private readonly retryStale: boolean,
  ) {}
  private async query(sql: string, params: readonly unknown[]): Promise<pg.QueryResult> {
    const text = numberPlaceholders(sql);
    const values = params as unknown[];
    const name = this.names.nameOf(text);
    try {
      return await this.q.query(name ? { name, text, values } : { text, values });
    } catch (err) {
      if (!name || !isStalePlan(err)) throw err;
      this.names.renew();
      if (!this.retryStale) throw err;
      const again = this.names.nameOf(text);
      return this.q.query(again ? { name: again, text, values } : { text, values });
    }
  }
  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }
  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }
  async insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void> {
    // Batches of multi-row VALUES: far fewer round trips, under the 65,535-parameter limit.
    const per = Math.max(1, Math.floor(60_000 / columns.length));
    for (let i = 0; i < rows.length; i += per) {
      const batch = rows.slice(i, i + per);
      let n = 0;
      const values = batch.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`).join(', ');
      await this.q.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`,
        batch.flat() as unknown[],
      );
    }
  }
}

/** A transaction's handle: statements, and those sent with its COMMIT (`sendWithCommit`). */
class PgTransaction extends PgSql {
  readonly withCommit: string[] = [];
  constructor(client: pg.PoolClient, names: StatementNames) {
    super(client, names, false);
  }
  sendWithCommit(sql: string, params: readonly (string | number | null)[]): void {
    this.withCommit.push(inlineParameters(sql, params));
  }
}

/**
 * A statement with its `?` placeholders replaced by literals, for the simple query protocol (the
 * one that takes several statements in one message). Strings are quoted by pg's escapeLiteral;
 * only finite numbers, strings and null are accepted.
 */
export function inlineParameters(sql: string, params: readonly (string | number | null)[]): string {
  let i = 0;
  const text = sql.replace(/\?/g, () => {
    if (i >= params.length) throw new Error('more placeholders than parameters');
    const v = params[i++];
    if (v === null) return 'NULL';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error('a non-finite number as a parameter');
      return String(v);
    }
    if (typeof v !== 'string') throw new Error('only strings, numbers and null can be sent with COMMIT');
    return pg.escapeLiteral(v);
  });
  if (i !== params.length) throw new Error('fewer placeholders than parameters');
  return text;
}

export class PostgresDatabase extends PgSql implements Database {
  constructor(
    private readonly pool: pg.Pool,
    names: StatementNames = new StatementNames(),
  ) {
    super(pool, names, true);
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx = new PgTransaction(client, this.names);
      const out = await fn(tx);
      // The statements sent with the COMMIT and the COMMIT go as one simple query: PostgreSQL runs
      // them back to back (an error in one aborts the rest, and the catch below rolls back).
      await client.query([...tx.withCommit, 'COMMIT'].join(';\n'));
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

export async function openPostgres(url: string): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Behind a pooler that does not keep prepared statements per client (PgBouncer in transaction
  // mode before 1.21), TESTIGO_PG_PREPARED=off sends every statement unnamed.
  const names = new StatementNames(process.env.TESTIGO_PG_PREPARED === 'off' ? 0 : undefined);
  // An idle client whose connection the server ends (restart, admin termination) emits 'error' on
  // the pool; without a listener that would crash the process. The pool drops that client and the
  // next query opens a new connection or fails with its own error, so nothing is lost here.
  pool.on('error', () => {});
  // Fail fast with a clear message instead of on the first query.
  const client = await pool.connect();
  client.release();
  return new PostgresDatabase(pool, names);
}
