/**
 * Crash safety of imports: a `testigo import` killed with SIGKILL at random moments must leave the
 * store consistent (integrity check, audit chain) with no trace of the interrupted import, and the
 * same import must then succeed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, TEST_PASSPHRASE, type TestStore } from '../test-support/stores.js';
import type { SqliteDatabase } from './sqlite/driver.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const ROWS = 150_000;

function bigCsv(path: string) {
  const lines = ['record_id,given_names,first_surname,second_surname,document_id,birth_date'];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `R${i},Nombre ${i % 997},Apellido${i % 313},Segundo${i % 71},V-${10_000_000 + i},0${1 + (i % 9)}/0${1 + (i % 9)}/198${i % 10}`,
    );
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * Runs `testigo import` in a child. With `kill`, the child is SIGKILLed `kill.delayMs` after
 * `kill.when()` first holds (polled every 20 ms), i.e. at a chosen point inside the import.
 */
function runImport(
  t: TestStore,
  file: string,
  kill?: { when: () => boolean; delayMs: number },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'import',
        file,
        '--kind',
        'source-records',
        '--list-name',
        'grande',
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          TESTIGO_DATA: t.dataDir,
          TESTIGO_DATABASE_URL: t.databaseUrl ?? '',
          TESTIGO_PASSPHRASE: TEST_PASSPHRASE,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const poll = kill
      ? setInterval(() => {
          if (kill.when()) {
            clearInterval(poll);
            setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
          }
        }, 20)
      : undefined;
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

for (const backend of BACKENDS) {
  describe(`SIGKILL during a large import (${backend.name})`, () => {
    let t: TestStore;
    let file: string;
    before(async () => {
      t = await backend.open();
      await t.store.createCase({ title: 'Crash' }, 'user:test');
      await t.store.close();
      file = join(t.dataDir, 'big.csv');
      bigCsv(file);
    });
    after(async () => t?.dispose());

    it('leaves no partial import and an intact store, then imports cleanly', {
      timeout: 240_000,
    }, async () => {
      // SQLite: kill once the import's transaction is spilling into the WAL, plus a random delay.
      // PostgreSQL: kill at spread-out times after start-up (the work happens in the server).
      const wal = join(t.dataDir, 'testigo.db-wal');
      const walBytes = () => (existsSync(wal) ? statSync(wal).size : 0);
      const started = () => Date.now();
      let killedMidway = 0;
      for (let i = 0; i < 4; i++) {
        const baseWal = walBytes();
        const t0 = started();
        const when =
          backend.name === 'sqlite'
            ? () => walBytes() > baseWal + (1 << 20)
            : () => Date.now() - t0 > 1200 + i * 500;
        const res = await runImport(t, file, { when, delayMs: Math.floor(Math.random() * 300) });
        const store = await t.reopen();
        try {
          if (backend.name === 'sqlite') await (store.db as SqliteDatabase).integrityCheck();
          const caseId = await store.resolveCaseId();
          const lists = await store.count('sourceList', caseId);
          const rows = await store.countSourceRecords(caseId);
          // All or nothing: every list present is complete, and no row exists without its list.
          assert.equal(rows, lists * ROWS, `run ${i}: ${rows} rows for ${lists} lists`);
          const audit = await store.verifyAudit();
          assert.equal(audit.ok, true, audit.problem?.message);
          if (res.signal === 'SIGKILL' && !/rows imported/.test(res.stderr)) killedMidway++;
        } finally {
          await store.close();
        }
      }
      assert.ok(killedMidway >= 1, 'at least one run was killed in the middle of the import');

      const store0 = await t.reopen();
      const listsBefore = await store0.count('sourceList', await store0.resolveCaseId());
      await store0.close();
      const ok = await runImport(t, file);
      assert.equal(ok.code, 0, ok.stderr);
      const store = await t.reopen();
      try {
        const caseId = await store.resolveCaseId();
        assert.equal(await store.count('sourceList', caseId), listsBefore + 1);
        assert.equal(await store.countSourceRecords(caseId), (listsBefore + 1) * ROWS);
        assert.equal((await store.verifyAudit()).ok, true);
      } finally {
        await store.close();
      }
    });
  });
}
