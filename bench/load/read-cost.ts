/**
 * CPU per request of each READ class of the mix, one request at a time in process (no HTTP, no
 * timers, no load generator in the measured time): what the request itself costs the server,
 * without the fixed per-second cost that profile.ts divides among few requests at low rates.
 * Each class runs twice: with the audit head still, and with it moved before every request (an
 * audit entry appended outside the measured time), as under the mix, where writes move it.
 *
 *   node --import tsx bench/load/read-cost.ts                 # PostgreSQL (throw-away), N=60
 *   SQLITE=1 N=100 ONLY=events,search MOVED=0 PROF=DIR node --import tsx bench/load/read-cost.ts
 *
 * `PROF=DIR` writes a V8 CPU profile per class (read with cpu-top.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { openBenchStore } from './bench-store.js';
import { treeCpuSeconds } from './proc-cpu.js';

const N = Number(process.env.N ?? 60);

// PostgreSQL's CPU (/proc, proc-cpu.ts) counts in clock ticks (10 ms): summed over N requests it averages out.
const bench = await openBenchStore(process.env.SQLITE !== '1', 'testigo-probe-');
const { store, pgServer, fixture: f } = bench;
try {
  const app = createApp(store, { landingHtml: 'x' });
  const c = f.caseId;
  const paths: Record<string, (i: number) => string> = {
    summary: () => `/api/cases/${c}`,
    persons: (i) => `/api/cases/${c}/records/persons?limit=20&offset=${(i * 37) % f.ids.persons.length}`,
    events: (i) =>
      `/api/cases/${c}/records/events?limit=20&offset=${(i * 7) % f.ids.events.length}&sort=updated&order=desc`,
    acts: (i) => `/api/cases/${c}/records/acts?limit=20&type=torture&offset=${i % 40}`,
    record: (i) => `/api/cases/${c}/records/persons/${f.ids.persons[(i * 13) % f.ids.persons.length]}`,
    search: (i) =>
      `/api/cases/${c}/search?q=tortura${['&actType=torture', '&state=VE-A', '&kind=acts&yearFrom=2014&yearTo=2019', ''][i % 4]}`,
  };
  const tokens = [f.tokens.viewer, f.tokens.analyst, f.tokens.documenter];
  const only = process.env.ONLY?.split(',');
  const get = async (path: string, token: string) => {
    const r = await app.request(`http://local${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.text();
  };
  for (const [name, p] of Object.entries(paths)) {
    if (only && !only.includes(name)) continue;
    for (let i = 0; i < 10; i++) await get(p(i), tokens[i % 3]!);
    for (const moved of process.env.MOVED === '0' ? [false] : [false, true]) {
      const prof = process.env.PROF ? new Session() : undefined;
      if (prof) {
        prof.connect();
        await prof.post('Profiler.enable');
        await prof.post('Profiler.start');
      }
      let cpu = 0;
      let db = 0;
      let bytes = 0;
      for (let i = 0; i < N; i++) {
        if (moved) await store.audit({ actor: 'system:probe', action: 'probe', entity: 'probe', caseId: c });
        const db0 = pgServer ? treeCpuSeconds(pgServer.pid) : 0;
        const t = process.cpuUsage();
        bytes += (await get(p(i), tokens[i % 3]!)).length;
        const d = process.cpuUsage(t);
        cpu += d.user + d.system;
        if (pgServer) db += treeCpuSeconds(pgServer.pid) - db0;
      }
      if (prof) {
        const { profile } = await prof.post('Profiler.stop');
        mkdirSync(process.env.PROF!, { recursive: true });
        writeFileSync(
          join(process.env.PROF!, `${name}${moved ? '-moved' : ''}.cpuprofile`),
          JSON.stringify(profile),
        );
      }
      console.log(
        `${name}${moved ? ' (head moved)' : ''}: ${(cpu / 1000 / N).toFixed(2)} ms CPU/request${pgServer ? ` + PostgreSQL ${((db * 1000) / N).toFixed(2)} ms` : ''}, ${Math.round(bytes / N)} bytes`,
      );
    }
  }
  await store.close();
} finally {
  await bench.dispose();
}
