/**
 * PostgreSQL driver (server mode, `TESTIGO_DATABASE_URL`). Transactions take a dedicated client
 * from the pool; the audit chain is serialized by a row lock taken inside them (see audit.ts).
 */
import pg from 'pg';
import { type Database, numberPlaceholders, type Sql } from '../sql.js';

// Keep BIGINT/NUMERIC as JS numbers for our counters and sequence numbers (all < 2^53).
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

type Queryable = pg.Pool | pg.PoolClient;

class PgSql implements Sql {
  readonly dialect = 'postgres' as const;
  constructor(protected readonly q: Queryable) {}
  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const res = await this.q.query(numberPlaceholders(sql), params as unknown[]);
    return res.rows as T[];
  }
  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const res = await this.q.query(numberPlaceholders(sql), params as unknown[]);
    return res.rowCount ?? 0;
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

export class PostgresDatabase extends PgSql implements Database {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PgSql(client));
      await client.query('COMMIT');
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
  // An idle client whose connection the server ends (restart, admin termination) emits 'error' on
  // the pool; without a listener that would crash the process. The pool drops that client and the
  // next query opens a new connection or fails with its own error, so nothing is lost here.
  pool.on('error', () => {});
  // Fail fast with a clear message instead of on the first query.
  const client = await pool.connect();
  client.release();
  return new PostgresDatabase(pool);
}
