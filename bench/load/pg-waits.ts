/**
 * What PostgreSQL's client backends are doing during a load run, sampled every 250 ms from
 * pg_stat_activity and summed per 10 s: active, waiting for a lock (and which kind), idle inside a
 * transaction (a transaction left open while the server's event loop does other work). Run it
 * beside `npm run bench:load -- --pg …`; it finds the run's database in the environment of the
 * server process (`TESTIGO_DATABASE_URL`), or takes `--url`.
 *
 *   node --import tsx bench/load/pg-waits.ts [--seconds 300] [--url postgres://…]
 *
 * Why: under a queue the two server processes used one core between them while the machine was
 * saturated; this shows whether the writes are serialised on a row lock (the audit head). With
 * waits it prints what the waiting backends run and what the backends they wait for run (their
 * state: "idle in transaction" is a holder waiting for its process).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';

function serverDatabaseUrl(): string | undefined {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/\bserve\b/.test(cmd)) continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const url = env.find((e) => e.startsWith('TESTIGO_DATABASE_URL='));
      if (url) return url.slice('TESTIGO_DATABASE_URL='.length);
    } catch {
      // a process that ended or is not ours
    }
  }
  return undefined;
}

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '300' }, url: { type: 'string' } },
});
const seconds = Number(args.seconds);
let url = args.url;
for (let i = 0; i < 240 && !url; i++) {
  url = serverDatabaseUrl();
  if (!url) await new Promise((r) => setTimeout(r, 500));
}
if (!url) throw new Error('no `testigo serve` process with TESTIGO_DATABASE_URL found (give --url)');

const client = new pg.Client({ connectionString: url });
client.on('error', () => {}); // the run's database goes away at its end
await client.connect();
const t0 = Date.now();
const empty = () => ({
  samples: 0,
  active: 0,
  lock: 0,
  idleInTx: 0,
  events: {} as Record<string, number>,
  /** what the waiting backends run, and what the backends they wait for run (state: query) */
  waiting: {} as Record<string, number>,
  blockers: {} as Record<string, number>,
});
const shortQuery = (q: string) => q.replace(/\s+/g, ' ').trim().slice(0, 70);
const top = (m: Record<string, number>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([q, n]) => `${n}× ${q}`)
    .join(' | ');
let w = empty();
let reported = 0;
try {
  while (Date.now() - t0 < seconds * 1000) {
    const { rows } = await client.query<{
      pid: number;
      state: string;
      wait_event_type: string;
      wait_event: string;
      query: string;
      blockers: number[];
    }>(
      `SELECT pid, state, wait_event_type, wait_event, query, pg_blocking_pids(pid) AS blockers
       FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    const byPid = new Map(rows.map((r) => [r.pid, r]));
    w.samples++;
    for (const r of rows) {
      if (r.state === 'active') w.active++;
      if (r.state === 'idle in transaction') w.idleInTx++;
      if (r.wait_event_type === 'Lock') {
        w.lock++;
        w.events[r.wait_event] = (w.events[r.wait_event] ?? 0) + 1;
        const q = shortQuery(r.query);
        w.waiting[q] = (w.waiting[q] ?? 0) + 1;
        for (const b of r.blockers ?? []) {
          const h = byPid.get(b);
          const k = h ? `${h.state}: ${shortQuery(h.query)}` : '(gone)';
          w.blockers[k] = (w.blockers[k] ?? 0) + 1;
        }
      }
    }
    const t = Math.floor((Date.now() - t0) / 10_000) * 10;
    if (t > reported) {
      const per = (n: number) => (n / w.samples).toFixed(1);
      process.stdout.write(
        `t=${t}s backends per sample: active ${per(w.active)}, waiting for a lock ${per(w.lock)}, idle in transaction ${per(w.idleInTx)} ${JSON.stringify(w.events)}\n` +
          (w.lock ? `  waiting: ${top(w.waiting)}\n  for: ${top(w.blockers)}\n` : ''),
      );
      reported = t;
      w = empty();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
} catch (err) {
  // After the first samples, a failing query means the load run ended and dropped its database.
  if (w.samples === 0 && reported === 0) throw err;
  process.stdout.write('the run ended (its database went away)\n');
}
await client.end().catch(() => {});
