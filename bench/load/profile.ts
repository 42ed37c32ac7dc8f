/**
 * Where the load's time goes: each request class of the mix alone, in process (createApp, no HTTP
 * and no other load), reporting CPU time per request (process.cpuUsage, which other work on the
 * machine does not inflate the way it inflates wall time) and latency. With `--pg` the store is on
 * a throw-away PostgreSQL and the database's own CPU per request (postmaster and backends, from
 * /proc) is reported too: on PostgreSQL a request costs the server process plus the database.
 *
 *   node --import tsx bench/load/profile.ts [--seconds 5] [--rate 10] [--pg] [--only class,…]
 *                                           [--other-writer W] [--cpu-prof DIR] [--warmup 3]
 *
 * Before the classes are measured the whole mix runs for `--warmup` seconds (not counted): the
 * first request of each access level builds its hidden-name matcher and the first of each route
 * compiles it, a one-off cost that would otherwise be charged to whichever class came first.
 *
 * `--other-writer W` (with --pg) runs, while each class is measured, a second server process
 * (`testigo serve` on the same database) taking W writes/s of the mix's write classes from a
 * separate client process (writer.ts): the CPU this process then spends per request includes
 * bringing its caches (view contexts, person directory, matchers, protection facts) up to date
 * with another process's writes — what several processes cost each other.
 *
 * `--cpu-prof DIR` writes one V8 CPU profile per class (`DIR/<class>.cpuprofile`), covering only
 * the time that class is measured (not the store's preparation): read it with cpu-top.ts.
 *
 * `--trace` (with --pg) counts the statements this process sends per request of each class (every
 * `pg` query, BEGIN and COMMIT included) and prints each class's statements with how often each
 * ran per request: a number a busy machine cannot distort, unlike CPU time. For writes it also
 * gives how long each waited for the audit head's row lock and held it (to COMMIT): the lock
 * serialises every write of every process, so 1 / hold bounds the writes per second. And the
 * event loop's delay (p99, max): synchronous work or a GC pause that every request in flight waits for.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../../src/server/app.js';
import {
  DEFAULT_MIX,
  type Mix,
  REPO_ROOT,
  runLoad,
  type ServerProcess,
  startServer,
} from '../../src/test-support/load-driver.js';
import { openBenchStore } from './bench-store.js';
import { treeCpuSeconds } from './proc-cpu.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rate: { type: 'string', default: '10' },
    pg: { type: 'boolean', default: false },
    only: { type: 'string' },
    'other-writer': { type: 'string' },
    'cpu-prof': { type: 'string' },
    warmup: { type: 'string', default: '3' },
    trace: { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const rate = Number(args.rate);

const otherWrites = Number(args['other-writer'] ?? 0);

/** Statements sent through `pg` while `tracing` is on, by their text (numbers and lists folded). */
const traced = new Map<string, number>();
let tracing = false;
if (args.trace) {
  if (!args.pg) throw new Error('--trace needs --pg');
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
    if (tracing) {
      const q = a[0] as string | { text?: string };
      const full = (typeof q === 'string' ? q : (q?.text ?? '?')).replace(/\s+/g, ' ');
      const text = full.replace(/\$\d+(, \$\d+)*/g, '$…').slice(0, 140);
      traced.set(text, (traced.get(text) ?? 0) + 1);
      // The audit head's row lock: how long a write waited for it (sent → granted, one round trip
      // included) and held it (granted → COMMIT answered). Writes are serialised by the hold. Since
      // the entries go with the COMMIT in one message, the client sees one round trip: it counts as
      // the wait, and the hold (inside it, on the database) is not seen here.
      const out = query.apply(this, a);
      if (out instanceof Promise) {
        const sent = performance.now();
        if (full.includes('FROM audit_head WHERE id = 1 FOR UPDATE') && /;\s*COMMIT$/.test(full))
          out.then(() => lockWaits.push(performance.now() - sent), noop);
        else if (full.includes('FROM audit_head WHERE id = 1 FOR UPDATE'))
          out.then(() => {
            const granted = performance.now();
            lockWaits.push(granted - sent);
            lockedAt.set(this, granted);
          }, noop);
        else if (text === 'COMMIT' || text === 'ROLLBACK') {
          const granted = lockedAt.get(this);
          lockedAt.delete(this);
          if (granted !== undefined) out.then(() => lockHolds.push(performance.now() - granted), noop);
        }
      }
      return out;
    }
    return query.apply(this, a);
  } as typeof pg.Client.prototype.query;
}
const noop = () => {};
const lockWaits: number[] = [];
const lockHolds: number[] = [];
const lockedAt = new WeakMap<object, number>();
/** p50 / p99 / max of some milliseconds, for the trace. */
const spread = (ms: number[]) => {
  const s = [...ms].sort((x, y) => x - y);
  const at = (p: number) => (s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0).toFixed(1);
  return `p50 ${at(0.5)} / p99 ${at(0.99)} / max ${(s[s.length - 1] ?? 0).toFixed(1)} ms (${s.length})`;
};
const traceReport: string[] = [];
if (otherWrites > 0 && !args.pg) throw new Error('--other-writer needs --pg');

const bench = await openBenchStore(args.pg === true, 'testigo-loadprof-');
const { dataDir, databaseUrl, passphrase, pgServer, fixture, store } = bench;
let other: ServerProcess | undefined;
try {
  // Statements (transactions: each statement outside one is its own) and rows read per request.
  const stats = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : undefined;
  await stats?.connect();
  const dbStats = async () => {
    if (!stats) return { xact: 0, rows: 0 };
    await new Promise((r) => setTimeout(r, 1200)); // the statistics are flushed within a second
    await stats.query('SELECT pg_stat_clear_snapshot()');
    const r = await stats.query(
      'SELECT xact_commit + xact_rollback AS x, tup_returned + tup_fetched AS t FROM pg_stat_database WHERE datname = current_database()',
    );
    return { xact: Number(r.rows[0].x), rows: Number(r.rows[0].t) };
  };
  const app = createApp(store, { landingHtml: 'x' });
  const fixtureFile = join(dataDir, 'fixture.json');
  writeFileSync(fixtureFile, JSON.stringify(fixture));
  if (otherWrites > 0) other = await startServer({ dataDir, databaseUrl, passphrase });
  /** The other process's writes for as long as one class is measured. */
  const otherWriter = (): Promise<void> | undefined => {
    if (!other) return undefined;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'bench/load/writer.ts'),
        other.baseUrl,
        fixtureFile,
        String(otherWrites),
        String(seconds),
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return new Promise((resolve) => child.once('close', () => resolve()));
  };
  const rows: string[] = [];
  let weighted = 0;
  let weightedDb = 0;
  const only = args.only?.split(',');
  if (Number(args.warmup) > 0)
    await runLoad({
      baseUrl: 'http://local',
      fixture,
      rate,
      seconds: Number(args.warmup),
      // Not the conditional updates: they would move the fixture's records past the versions the
      // measured run sends (409s instead of updates).
      mix: { ...DEFAULT_MIX, 'write:update-if-match': 0 },
      fetch: async (url, init) => app.request(url, init),
    });
  const profDir = args['cpu-prof'];
  const inspector = profDir ? new Session() : undefined;
  if (inspector) {
    mkdirSync(profDir!, { recursive: true });
    inspector.connect();
    await inspector.post('Profiler.enable');
  }
  for (const k of Object.keys(DEFAULT_MIX) as (keyof Mix)[]) {
    if (only && !only.includes(k)) continue;
    const mix = Object.fromEntries(Object.keys(DEFAULT_MIX).map((c) => [c, c === k ? 1 : 0])) as Mix;
    const st0 = await dbStats();
    const cpu0 = process.cpuUsage();
    const db0 = pgServer ? treeCpuSeconds(pgServer.pid) : 0;
    const writing = otherWriter();
    await inspector?.post('Profiler.start');
    traced.clear();
    lockWaits.length = 0;
    lockHolds.length = 0;
    tracing = !!args.trace;
    // How long the event loop was held (synchronous work, GC pauses): every request in the process waits.
    const loop = args.trace ? monitorEventLoopDelay({ resolution: 5 }) : undefined;
    loop?.enable();
    const r = await runLoad({
      baseUrl: 'http://local',
      fixture,
      rate: k === 'analysis:summary' ? Math.min(rate, 2) : rate,
      seconds,
      mix,
      fetch: async (url, init) => app.request(url, init),
    });
    const cpu = process.cpuUsage(cpu0);
    tracing = false;
    loop?.disable();
    if (args.trace) {
      const total = [...traced.values()].reduce((a, b) => a + b, 0);
      const blocked = loop
        ? `; event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} / max ${(loop.max / 1e6).toFixed(0)} ms`
        : '';
      traceReport.push(
        `${k}: ${(total / r.sent).toFixed(1)} statements/request${blocked}${lockWaits.length ? `; audit_head lock wait ${spread(lockWaits)}, held ${lockHolds.length ? spread(lockHolds) : '(inside the COMMIT round trip)'}` : ''}`,
        ...[...traced]
          .sort((a, b) => b[1] - a[1])
          .map(([text, n]) => `  ${(n / r.sent).toFixed(2)}  ${text}`),
      );
    }
    if (inspector) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(join(profDir!, `${k.replace(':', '-')}.cpuprofile`), JSON.stringify(profile));
    }
    await writing;
    const cpuMs = (cpu.user + cpu.system) / 1000 / r.sent;
    const dbMs = pgServer ? ((treeCpuSeconds(pgServer.pid) - db0) * 1000) / r.sent : 0;
    const st1 = await dbStats();
    const perReq = (a: number, b: number) => Math.round((b - a) / r.sent);
    weighted += (cpuMs * DEFAULT_MIX[k]) / 100;
    weightedDb += (dbMs * DEFAULT_MIX[k]) / 100;
    const s = r.overall;
    rows.push(
      `| ${k} | ${DEFAULT_MIX[k]}% | ${s.count} | ${s.errors} | ${cpuMs.toFixed(1)} |${pgServer ? ` ${dbMs.toFixed(1)} | ${perReq(st0.xact, st1.xact)} | ${perReq(st0.rows, st1.rows)} |` : ''} ${s.p50} | ${s.p95} |`,
    );
    if (r.errorSamples.length) console.error(k, r.errorSamples.slice(0, 3));
  }
  console.log(
    `${args.pg ? 'PostgreSQL' : 'SQLite'}, ${rate} requests/s × ${seconds} s per class, one process in process${otherWrites ? `, while another server process takes ${otherWrites} writes/s` : ''}\n`,
  );
  console.log(
    pgServer
      ? '| class | share | requests | errors | server CPU ms/request | PostgreSQL CPU ms/request | transactions/request | rows read/request | p50 ms | p95 ms |\n|---|---|---|---|---|---|---|---|---|---|'
      : '| class | share | requests | errors | CPU ms/request | p50 ms | p95 ms |\n|---|---|---|---|---|---|---|',
  );
  console.log(rows.join('\n'));
  const total = weighted + weightedDb;
  console.log(
    `\nweighted CPU per request of the mix: server ${weighted.toFixed(1)} ms${pgServer ? ` + PostgreSQL ${weightedDb.toFixed(1)} ms = ${total.toFixed(1)} ms` : ''} → at most ${Math.floor(1000 / total)} requests/s per core`,
  );
  if (traceReport.length)
    console.log(`\nStatements sent per request (this process):\n${traceReport.join('\n')}`);
  await stats?.end();
  await store.close();
} finally {
  await other?.stop();
  await bench.dispose();
}
