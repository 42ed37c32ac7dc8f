// One timed import in its own process (see run.ts). Prints {rows, seconds, cpuSeconds, maxRssKiB}.
import { performance } from 'node:perf_hooks';
import { importTabular } from '../../src/ingest/import-tabular.js';
import { MappingSpec } from '../../src/ingest/mapping.js';
import { openStore } from '../../src/store/open.js';

const [csv, dataDir] = process.argv.slice(2) as [string, string];
const store = await openStore({
  dataDir,
  key: { kind: 'passphrase', passphrase: 'benchmark passphrase, not secret' },
  create: true,
});
const caseId = (await store.createCase({ title: 'bench' }, 'bench')).id;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const rep = await importTabular(
  store,
  caseId,
  csv,
  MappingSpec.parse({ kind: 'source-records', columns: { record_id: 'recordId' } }),
  'bench',
);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await store.close();
// cpuSeconds: the process's CPU time during the import (both threads): less sensitive to a shared
// machine than the wall time.
process.stdout.write(
  JSON.stringify({
    rows: rep.rows,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
