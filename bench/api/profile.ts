import { rmSync } from 'node:fs';
import { createDemoStore } from '../../src/cli/commands/demo.js';
import { createApp } from '../../src/server/app.js';

const dir = '/tmp/apiprof-store';
rmSync(dir, { recursive: true, force: true });
const demo = await createDemoStore(dir);
const persons = await demo.store.list('person', demo.caseId, { limit: 50 });
const app = createApp(demo.store);
const c = demo.caseId;
const h = { authorization: `Bearer ${demo.tokens.viewer}` };
const paths = {
  case: `/api/cases/${c}`,
  persons: `/api/cases/${c}/records/persons?limit=20`,
  acts: `/api/cases/${c}/records/acts?limit=20&type=torture`,
  one: `/api/cases/${c}/records/persons/${persons[7]!.id}`,
  search: `/api/cases/${c}/search?q=detenido`,
};
for (const [name, p] of Object.entries(paths)) {
  await app.request(p, { headers: h });
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) {
    const r = await app.request(p, { headers: h });
    await r.text();
  }
  console.log(name, ((performance.now() - t0) / 50).toFixed(2), 'ms/request');
}
await demo.store.close();
