/**
 * Stores for tests: a fresh encrypted SQLite store in a temp dir, or a fresh database on the
 * suite's real PostgreSQL (started by scripts/run-tests.mjs). The KDF cost is lowered so each
 * test does not spend 0.5 s stretching a passphrase; production keeps the default.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cheapArgonCostForTests } from '../services/accounts.js';
import type { CaseStore } from '../store/case-store.js';
import { openStore } from '../store/open.js';

export const TEST_PASSPHRASE = 'correct horse battery staple';
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

// Every suite that opens a test store hashes its test passwords cheaply (never a production path).
cheapArgonCostForTests();

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Opens a brand-new, empty store. */
  open(): Promise<TestStore>;
}
export interface TestStore {
  store: CaseStore;
  dataDir: string;
  databaseUrl?: string;
  /** Reopens the same store (new connection), e.g. after a simulated crash. */
  reopen(): Promise<CaseStore>;
  dispose(): Promise<void>;
}

export function tempDir(prefix = 'testigo-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  open: () => openSqliteStore(tempDir(), true),
};

/**
 * A SQLite store in `dataDir` under the test passphrase: a new one (`create`), or one already there
 * (e.g. a copy of a prepared store). Disposing of it removes the directory.
 */
export async function openSqliteStore(dataDir: string, create: boolean): Promise<TestStore> {
  const key = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
  const store = await openStore({ dataDir, key, create, scrypt: FAST_SCRYPT });
  const opened: CaseStore[] = [store];
  return {
    store,
    dataDir,
    async reopen() {
      const s = await openStore({ dataDir, key });
      opened.push(s);
      return s;
    },
    async dispose() {
      for (const s of opened) await s.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a new database on the test server (or the server `admin` names) and returns its URL. */
export async function createPgDatabase(
  admin = process.env.TESTIGO_TEST_PG_URL,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!admin)
    throw new Error('TESTIGO_TEST_PG_URL is not set: run the suite with `npm test` (it starts PostgreSQL)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const postgresBackend: Backend = {
  name: 'postgres',
  async open() {
    const dataDir = tempDir();
    const db = await createPgDatabase();
    const key = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
    const store = await openStore({ dataDir, databaseUrl: db.url, key, create: true, scrypt: FAST_SCRYPT });
    const opened: CaseStore[] = [store];
    return {
      store,
      dataDir,
      databaseUrl: db.url,
      async reopen() {
        const s = await openStore({ dataDir, databaseUrl: db.url, key });
        opened.push(s);
        return s;
      },
      async dispose() {
        for (const s of opened) await s.close().catch(() => {});
        await db.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** Both engines; the conformance suites loop over this. The unit tier (`npm run test:unit`) sets
 * TESTIGO_TEST_ENGINES=sqlite to leave PostgreSQL to the full suite. */
export const BACKENDS: Backend[] = [sqliteBackend, postgresBackend].filter(
  (b) => !process.env.TESTIGO_TEST_ENGINES || process.env.TESTIGO_TEST_ENGINES.split(',').includes(b.name),
);
