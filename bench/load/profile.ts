/**
 * Where the load's time goes: each request class of the mix alone, in process (createApp, no HTTP
 * and no other load), reporting CPU time per request (process.cpuUsage, which other work on the
 * machine does not inflate the way it inflates wall time) and latency.
 *
 *   node --import tsx bench/load/profile.ts [seconds-per-class=5] [rate=10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open.js';
import { DEFAULT_MIX, type Mix, prepareLoadStore, runLoad } from '../../src/test-support/load-driver.js';

const seconds = Number(process.argv[2] ?? 5);
const rate = Number(process.argv[3] ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'testigo-loadprof-'));
const passphrase = 'load-benchmark-demo-only-passphrase';
try {
  const fixture = await prepareLoadStore({
    dataDir,
    passphrase,
    link: true,
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
  });
  const store = await openStore({ dataDir, key: { kind: 'passphrase', passphrase } });
  const app = createApp(store, { landingHtml: 'x' });
  const rows: string[] = [];
  let weighted = 0;
  for (const k of Object.keys(DEFAULT_MIX) as (keyof Mix)[]) {
    const mix = Object.fromEntries(Object.keys(DEFAULT_MIX).map((c) => [c, c === k ? 1 : 0])) as Mix;
    const cpu0 = process.cpuUsage();
    const r = await runLoad({
      baseUrl: 'http://local',
      fixture,
      rate: k === 'analysis:summary' ? Math.min(rate, 2) : rate,
      seconds,
      mix,
      fetch: async (url, init) => app.request(url, init),
    });
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / r.sent;
    weighted += (cpuMs * DEFAULT_MIX[k]) / 100;
    const s = r.overall;
    rows.push(
      `| ${k} | ${DEFAULT_MIX[k]}% | ${s.count} | ${s.errors} | ${cpuMs.toFixed(1)} | ${s.p50} | ${s.p95} |`,
    );
    if (r.errorSamples.length) console.error(k, r.errorSamples.slice(0, 3));
  }
  console.log(
    '| class | share | requests | errors | CPU ms/request | p50 ms | p95 ms |\n|---|---|---|---|---|---|---|',
  );
  console.log(rows.join('\n'));
  console.log(
    `\nweighted CPU per request of the mix: ${weighted.toFixed(1)} ms → at most ${Math.floor(1000 / weighted)} requests/s per core`,
  );
  await store.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
