/**
 * `testigo serve --workers N`: refused on an embedded SQLite store with a clear message; on
 * PostgreSQL, N real processes (node:cluster) share one port, a session made through one worker
 * is honoured by the others, a worker that dies is replaced, and SIGTERM stops them all.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Accounts } from '../services/accounts.js';
import { openStore } from '../store/open.js';
import { runCli } from '../test-support/cli.js';
import { createPgDatabase, FAST_SCRYPT, TEST_PASSPHRASE, tempDir } from '../test-support/stores.js';

const PW = 'una contraseña larga de prueba';
const BIN = fileURLToPath(new URL('../../bin/testigo.js', import.meta.url));

describe('testigo serve --workers', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  /** `testigo serve --workers 2` on a store; its stderr gathered as it comes (killed at the end). */
  const spawnServe = (dataDir: string, databaseUrl: string) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--workers', '2', '--port', '0'], {
      env: {
        ...process.env,
        TESTIGO_DATA: dataDir,
        TESTIGO_DATABASE_URL: databaseUrl,
        TESTIGO_PASSPHRASE: TEST_PASSPHRASE,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    cleanup.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const log = { text: '' };
    child.stderr!.on('data', (d: Buffer) => {
      log.text += d.toString();
    });
    return { child, log };
  };

  it('refuses several workers on an embedded SQLite store, saying why', async () => {
    const r = await runCli(['serve', '--workers', '2', '--port', '0'], {
      TESTIGO_DATA: tempDir(),
      TESTIGO_DATABASE_URL: undefined,
    });
    assert.notEqual(r.code, 0);
    assert.match(r.err, /--workers needs a PostgreSQL store \(set TESTIGO_DATABASE_URL\)/);
    const bad = await runCli(['serve', '--workers', '0']);
    assert.match(bad.err, /--workers must be a whole number from 1 to 64/);
  });

  it('runs two processes on PostgreSQL that share sessions, replaces a dead one, stops on SIGTERM', async () => {
    const db = await createPgDatabase();
    cleanup.push(db.drop);
    const dataDir = tempDir();
    const key = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
    const store = await openStore({ dataDir, databaseUrl: db.url, key, create: true, scrypt: FAST_SCRYPT });
    await new Accounts(store).createUser({ username: 'ana', password: PW }, 'test');
    await store.close();

    const { child, log } = spawnServe(dataDir, db.url);
    const waitFor = async (re: RegExp, count: number) => {
      for (let i = 0; i < 1200; i++) {
        const n = [...log.text.matchAll(new RegExp(re, 'g'))].length;
        if (n >= count) return;
        if (child.exitCode !== null) assert.fail(`serve ended early:\n${log.text}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.fail(`timed out waiting for ${re}:\n${log.text}`);
    };
    const listening = /listening on http:\/\/127\.0\.0\.1:(\d+) \(worker (\d+)\)/;
    await waitFor(listening, 2);
    // Each worker warmed its caches before listening; the primary says when all are ready.
    await waitFor(/Testigo ready: 2 workers \(PostgreSQL\)/, 1);
    const lines = [...log.text.matchAll(new RegExp(listening, 'g'))];
    const ports = new Set(lines.map((m) => m[1]));
    const pids = new Set(lines.map((m) => m[2]));
    assert.equal(ports.size, 1, 'the workers share one port');
    assert.equal(pids.size, 2, 'two processes');
    const base = `http://127.0.0.1:${[...ports][0]}`;

    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username: 'ana', password: PW }),
    });
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    // Connections are spread over the workers: every one of them knows the session.
    for (let i = 0; i < 8; i++) {
      const me = await fetch(`${base}/api/auth/me`, { headers: { cookie, connection: 'close' } });
      assert.equal(me.status, 200);
    }

    // A worker killed is replaced, and the port keeps answering.
    process.kill(Number([...pids][0]), 'SIGKILL');
    await waitFor(/ended \(SIGKILL\); starting another/, 1);
    await waitFor(listening, 3);
    const health = await fetch(`${base}/api/health`, { headers: { connection: 'close' } });
    assert.equal(health.status, 200);

    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });

  it('stops with the reason when a worker cannot warm up, instead of restarting it in a loop', async () => {
    const db = await createPgDatabase();
    cleanup.push(db.drop);
    const dataDir = tempDir();
    const key = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
    const store = await openStore({ dataDir, databaseUrl: db.url, key, create: true, scrypt: FAST_SCRYPT });
    const caseId = (await store.createCase({ title: 'Roto' }, 'test')).id;
    const person = (givenNames: string) =>
      store.create('person', caseId, { givenNames, firstSurname: 'Zea', protection: 'protected' }, 'test');
    const [a, b] = [await person('Ana'), await person('Beto')];
    // An envelope moved to another record does not open: the warm-up cannot open the persons.
    const [row] = await store.sqlHandle.all<{ data: string }>('SELECT data FROM person WHERE id = ?', [a.id]);
    await store.sqlHandle.run('UPDATE person SET data = ? WHERE id = ?', [row!.data, b.id]);
    await store.close();

    const { child, log } = spawnServe(dataDir, db.url);
    const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
    assert.notEqual(code, 0, log.text);
    assert.match(log.text, new RegExp(`warm-up failed for case ${caseId} \\(person directory\\)`));
    assert.match(log.text, /worker \d+ failed during start-up/);
    assert.doesNotMatch(log.text, /listening on|starting another/);
  });
});
