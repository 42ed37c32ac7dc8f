/**
 * How long the person page's "testimonies and evidence" query takes (read-model citingRecords) as
 * the case grows: N testimonies, one in 50 with the measured person as witness or supported
 * person. SQLite through the real store. Usage: npx tsx bench/records/cited-by.ts [N]
 */
import { buildViewContext } from '../../src/read-model/presenter.js';
import { citingRecords } from '../../src/read-model/record-views.js';
import { sqliteBackend } from '../../src/test-support/stores.js';

const N = Number(process.argv[2] ?? 5000);
const t = await sqliteBackend.open();
const s = t.store;
const A = 'user:bench';
const caseId = (await s.createCase({ title: 'bench' }, A)).id;
const target = (await s.create('person', caseId, { givenNames: 'Objetivo', protection: 'restricted' }, A)).id;
const others: string[] = [];
for (let i = 0; i < 20; i++)
  others.push(
    (await s.create('person', caseId, { givenNames: `Otra ${i}`, protection: 'restricted' }, A)).id,
  );
const started = Date.now();
for (let i = 0; i < N; i++) {
  const mine = i % 50 === 0;
  await s.create(
    'testimony',
    caseId,
    {
      title: `Testimonio ${i}`,
      statement: `Relato número ${i} sobre lo ocurrido en la comunidad, con detalles de la detención.`,
      language: 'es',
      consent: 'internal',
      protection: 'protected',
      witnessId: mine ? target : others[i % 20],
      supports: { eventIds: [], actIds: [], personIds: mine ? [] : [others[(i + 1) % 20]!] },
    },
    A,
  );
}
const loadMs = Date.now() - started;
const principal = {
  userId: 'u',
  memberships: new Map([[caseId, { role: 'administrator' as const, cleared: true }]]),
  personClearances: new Map(),
};
const ctx = await buildViewContext(s, principal, caseId);
const times: number[] = [];
let found = 0;
for (let r = 0; r < 7; r++) {
  const t0 = performance.now();
  const g = await citingRecords(s, ctx, 'person', target);
  times.push(performance.now() - t0);
  found = g[0]!.total;
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    testimonies: N,
    found,
    loadMs,
    medianMs: Math.round(times[3]!),
    maxMs: Math.round(times[6]!),
  }),
);
await t.dispose();
