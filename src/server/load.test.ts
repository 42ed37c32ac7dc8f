/**
 * The CI profile of the sustained-load benchmark (bench/load/run.ts): `testigo serve` in a child
 * process on a fresh store with the demo case, the benchmark's open-loop mix (reads, creates,
 * If-Match updates, custody entries, evidence uploads, analysis summaries) for a few seconds, then
 * on the stopped server's store: every successful create is there and nothing else, and
 * `testigo audit verify` passes. Both engines.
 *
 * What it catches: requests that fail under concurrency (e.g. two requests inside one SQLite
 * transaction: duplicate audit sequence numbers, writes committed for a failed request or rolled
 * back after a 201) and a server that falls so far behind that requests time out (errors). Latency
 * and memory are printed, not asserted: timings belong to bench/load, not to a shared test run.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openStore } from '../store/open.js';
import {
  COUNTED,
  type Counted,
  DEFAULT_MIX,
  type LoadFixture,
  type LoadResult,
  markdownTable,
  prepareLoadStore,
  runLoad,
  type ServerProcess,
  startServer,
  verifyLoadStore,
} from '../test-support/load-driver.js';
import { createPgDatabase, FAST_SCRYPT, TEST_PASSPHRASE, tempDir } from '../test-support/stores.js';
import { createApp } from './app.js';

/**
 * Requests per second. The suite shares a 2-core machine with another test file, so the rate stays
 * well under what the server sustains alone (see "API under sustained load" in bench/README.md).
 */
const RATE = Number(process.env.TESTIGO_LOAD_RATE ?? 15);
/** PostgreSQL costs the server more per request (round trips, a second process on the same cores). */
const PG_RATE = Number(process.env.TESTIGO_LOAD_RATE ?? 10);
/** The in-process phase (see below). */
const IN_PROCESS_RATE = 60;
const IN_PROCESS_SECONDS = 5;

const PROFILES = [
  { engine: 'sqlite' as const, rate: RATE, seconds: 12 },
  { engine: 'postgres' as const, rate: PG_RATE, seconds: 8 },
];

function summary(r: LoadResult): string {
  const m = r.memory;
  return [
    `${r.sent} requests at ${r.achievedRate}/s in ${r.wallSeconds} s; statuses ${JSON.stringify(r.byStatus)}`,
    markdownTable(r),
    `server RSS ${m.startMiB} → ${m.endMiB} MiB (peak ${m.peakMiB}), floor growth ${m.floorGrowthMiB} MiB; server CPU ${r.serverCpuSeconds} s`,
  ].join('\n');
}

interface Prepared {
  s: { dataDir: string; databaseUrl?: string; passphrase: string };
  fixture: LoadFixture;
  drop?: () => Promise<void>;
}
const prepared = new Map<string, Prepared>();
const wanted = PROFILES.filter((p) => p.engine === 'sqlite' || process.env.TESTIGO_TEST_PG_URL);

// Both stores are filled at once: the SQLite import is CPU work here, the PostgreSQL one mostly
// waits on round trips, so together they take little more than the slower of the two.
before(async () => {
  await Promise.all(
    wanted.map(async (p) => {
      const dataDir = tempDir('testigo-load-');
      const db = p.engine === 'postgres' ? await createPgDatabase() : undefined;
      const s = { dataDir, databaseUrl: db?.url, passphrase: TEST_PASSPHRASE };
      prepared.set(p.engine, {
        s,
        drop: db?.drop,
        fixture: await prepareLoadStore({ ...s, scrypt: FAST_SCRYPT }),
      });
    }),
  );
});

after(async () => {
  for (const { s, drop } of prepared.values()) {
    await drop?.();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
});

for (const p of PROFILES) {
  test(`the API under sustained mixed load (${p.engine}, ${p.rate} requests/s for ${p.seconds} s): no errors, every request answered, the store intact`, {
    timeout: 120_000,
    skip: !wanted.includes(p) && 'PostgreSQL not started (run through scripts/run-tests.mjs)',
  }, async (t) => {
    const { s, fixture } = prepared.get(p.engine)!;
    let server: ServerProcess | undefined;
    try {
      server = await startServer(s);
      const r = await runLoad({
        baseUrl: server.baseUrl,
        fixture,
        rate: p.rate,
        seconds: p.seconds,
        server,
        windowSeconds: 2,
        timeoutMs: 20_000,
      });
      const exitCode = await server.stop();
      server = undefined;
      t.diagnostic(summary(r));

      assert.equal(r.errors, 0, `errors under load:\n${r.errorSamples.join('\n')}`);
      assert.equal(r.sent, Math.round(p.rate * p.seconds));
      // Every part of the mix ran and wrote something.
      for (const k of ['person', 'event', 'act', 'testimony', 'evidence', 'custody'] as const)
        assert.ok(r.created[k] > 0, `no ${k} created`);
      assert.ok(r.updates > 0, 'no update');
      // Latency and memory are reported (diagnostic above), not asserted: they depend on the
      // machine and what else runs on it. Their targets are checked by bench/load (run.ts).
      assert.equal(exitCode, 0, 'the server did not stop cleanly');

      // The same mix in process (createApp, no HTTP) on the stopped server's store: requests then
      // interleave at every await, which is where one request slipping into another's transaction
      // shows (over HTTP each request starts in its own turn of the event loop).
      const store = await openStore({
        dataDir: s.dataDir,
        databaseUrl: s.databaseUrl,
        key: { kind: 'passphrase', passphrase: s.passphrase },
      });
      let inProcess: LoadResult;
      try {
        const app = createApp(store, { landingHtml: 'load' });
        inProcess = await runLoad({
          baseUrl: 'http://in-process',
          fixture: r.fixtureAfter,
          rate: IN_PROCESS_RATE,
          seconds: IN_PROCESS_SECONDS,
          mix: { ...DEFAULT_MIX, 'analysis:summary': 0 },
          seed: 2,
          fetch: async (url, init) => app.request(url, init),
        });
      } finally {
        await store.close();
      }
      t.diagnostic(`in process: ${inProcess.sent} requests, statuses ${JSON.stringify(inProcess.byStatus)}`);
      assert.equal(inProcess.errors, 0, `errors in process:\n${inProcess.errorSamples.join('\n')}`);

      const created = Object.fromEntries(
        COUNTED.map((k) => [k, r.created[k] + inProcess.created[k]]),
      ) as Record<Counted, number>;
      const check = await verifyLoadStore(s, fixture, created);
      assert.ok(check.auditOk, `audit verify failed: ${check.auditOutput}`);
      assert.ok((check.auditEntries ?? 0) > fixture.auditEntries, 'the load left no audit entries');
      assert.deepEqual(check.actual, check.expected, 'record counts differ from the successful creates');
    } finally {
      await server?.stop();
    }
  });
}
