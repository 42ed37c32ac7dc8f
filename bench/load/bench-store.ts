/**
 * The demo store the in-process load benchmarks (profile.ts, read-cost.ts) measure: prepared as the
 * load run prepares it (linked, light key derivation), on a throw-away PostgreSQL of the test
 * suite's kind (note: it runs with fsync=off) when `pg`, else on SQLite in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseStore } from '../../src/store/case-store.js';
import { openStore } from '../../src/store/open.js';
import { type LoadFixture, prepareLoadStore } from '../../src/test-support/load-driver.js';
import { createPgDatabase } from '../../src/test-support/stores.js';

export interface BenchStore {
  dataDir: string;
  databaseUrl?: string;
  passphrase: string;
  /** The PostgreSQL server (its pid: its CPU is measured from /proc). */
  pgServer?: { url: string; pid: number; stop(): Promise<void> };
  fixture: LoadFixture;
  store: CaseStore;
  /** Stops PostgreSQL and removes the folder (close the store first). */
  dispose(): Promise<void>;
}

export async function openBenchStore(pg: boolean, prefix: string): Promise<BenchStore> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const passphrase = 'load-benchmark-demo-only-passphrase';
  let pgServer: BenchStore['pgServer'];
  const dispose = async () => {
    await pgServer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    let databaseUrl: string | undefined;
    if (pg) {
      const { startTestPostgres } = (await import('../../scripts/test-postgres.mjs')) as {
        startTestPostgres(): Promise<{ url: string; pid: number; stop(): Promise<void> }>;
      };
      pgServer = await startTestPostgres();
      databaseUrl = (await createPgDatabase(pgServer.url)).url;
    }
    const fixture = await prepareLoadStore({
      dataDir,
      databaseUrl,
      passphrase,
      link: true,
      scrypt: { N: 2 ** 10, r: 8, p: 1 },
    });
    const store = await openStore({ dataDir, databaseUrl, key: { kind: 'passphrase', passphrase } });
    return { dataDir, databaseUrl, passphrase, pgServer, fixture, store, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
