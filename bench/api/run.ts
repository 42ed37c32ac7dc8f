/**
 * API read load: the server on the demo store (encrypted SQLite), driven by autocannon at a fixed
 * rate with a mix of authenticated reads (case summary, a page of persons, one record, a search).
 * Reports latency percentiles, errors and the server's memory before and after.
 *
 *   node --import tsx bench/api/run.ts [seconds=60] [rate=200]
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDemoStore } from '../../src/cli/commands/demo.js';

const seconds = Number(process.argv[2] ?? 60);
const rate = Number(process.argv[3] ?? 200);
const root = new URL('../..', import.meta.url).pathname;
const dir = join(root, 'bench', 'out', 'api-store');
rmSync(dir, { recursive: true, force: true });
const demo = await createDemoStore(dir);
const persons = await demo.store.list('person', demo.caseId, { limit: 50 });
await demo.store.close();
const port = 18000 + Math.floor(Math.random() * 1000);
const server = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--port', String(port)],
  {
    env: { ...process.env, TESTIGO_DATA: dir },
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
await new Promise<void>((resolve, reject) => {
  server.stderr.on('data', (d) => String(d).includes('listening') && resolve());
  server.on('close', () => reject(new Error('server exited')));
});
const rss = () =>
  Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024;
const rssBefore = rss();
const auth = { authorization: `Bearer ${demo.tokens.viewer}` };
const c = demo.caseId;
const requests = [
  { method: 'GET' as const, path: `/api/cases/${c}`, headers: auth },
  { method: 'GET' as const, path: `/api/cases/${c}/records/persons?limit=20`, headers: auth },
  { method: 'GET' as const, path: `/api/cases/${c}/records/acts?limit=20&type=torture`, headers: auth },
  { method: 'GET' as const, path: `/api/cases/${c}/records/persons/${persons[7]!.id}`, headers: auth },
  { method: 'GET' as const, path: `/api/cases/${c}/search?q=detenido`, headers: auth },
];
// Two load shapes at the same rate: 4 connections (steady arrivals) and 20 connections, where
// autocannon releases each connection's share on the same ticks, so up to 20 requests arrive at once.
const runs = [];
for (const connections of [4, 20]) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    overallRate: rate,
    duration: seconds,
    requests,
  });
  const l = result.latency;
  runs.push({
    connections,
    requests: result.requests.total,
    achievedRate: +(result.requests.total / seconds).toFixed(1),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: { p50: l.p50, p90: l.p90, p99: l.p99, max: l.max },
  });
}
const rssAfter = rss();
server.kill('SIGTERM');
process.stdout.write(
  `${JSON.stringify({ seconds, targetRate: rate, runs, serverRssMiB: { before: Math.round(rssBefore), after: Math.round(rssAfter) } }, null, 2)}\n`,
);
rmSync(dir, { recursive: true, force: true });
