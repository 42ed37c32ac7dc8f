/**
 * Adversarial linkage benchmark: for each perturbation of src/linkage/eval/adversarial.ts, build the
 * lists, link them in process with the engine's defaults (identity fields only, unsupervised) and
 * report pairwise precision, recall and F1 overall and on the pairs the perturbation touched.
 *
 *   node --import tsx bench/link/adversarial.ts [--people N] [--seed S] [--json OUT.json] [--threshold P] [perturbation...]
 */

import { writeFileSync } from 'node:fs';
import {
  ADVERSARIAL_FIELDS,
  adversarialSet,
  COLUMNS,
  PERTURBATIONS,
  type Perturbation,
} from '../../src/linkage/eval/adversarial.js';
import { subsetScores } from '../../src/linkage/eval/metrics.js';
import { linkRecords } from '../../src/linkage/link.js';
import { FIELD_TYPES, type FieldSpec, type FieldType } from '../../src/linkage/types.js';
import { takeOption } from './args.js';

const args = process.argv.slice(2);
const opt = (name: string) => takeOption(args, name);
const people = Number(opt('--people') ?? 5000);
const seed = Number(opt('--seed') ?? 7);
const jsonOut = opt('--json');
const thresholdArg = opt('--threshold');
const threshold = thresholdArg === undefined ? undefined : Number(thresholdArg);
const chosen = (args.length > 0 ? args : PERTURBATIONS) as Perturbation[];
const hasFullname = (FIELD_TYPES as readonly string[]).includes('fullname');

const baseFields: FieldSpec[] = [...ADVERSARIAL_FIELDS];

const f3 = (x: number) => x.toFixed(3);
const rows: Record<string, unknown>[] = [];
process.stdout.write(
  '| perturbation | records | precision | recall | F1 | touched pairs: precision | touched: recall | halves: one / two people, cap | seconds |\n|---|---|---|---|---|---|---|---|---|\n',
);
for (const p of chosen) {
  const set = adversarialSet(p, { people, seed });
  let fields = baseFields;
  let records = set.records;
  if (set.fullNameColumn) {
    if (hasFullname) fields = [...baseFields, { column: set.fullNameColumn, type: 'fullname' as FieldType }];
    // The best the engine without a full-name type allows: the whole name in the given-name column.
    else
      records = records.map((r) => {
        const full = r.values[COLUMNS.full];
        return full === undefined ? r : { ...r, values: { ...r.values, [COLUMNS.given]: full } };
      });
  }
  const t = performance.now();
  const result = await linkRecords(records, { fields, threshold });
  const seconds = (performance.now() - t) / 1000;
  const all = subsetScores(result.clusterIds, set.person);
  const touched = subsetScores(result.clusterIds, set.person, set.affected);
  const row = {
    perturbation: p,
    records: records.length,
    precision: +f3(all.precision),
    recall: +f3(all.recall),
    f1: +f3(all.f1),
    touchedPrecision: +f3(touched.precision),
    touchedRecall: +f3(touched.recall),
    touchedTruePairs: touched.truePairs,
    twinGuard: result.outcome.twinGuard,
    seconds: +seconds.toFixed(1),
  };
  const g = result.outcome.twinGuard;
  const halves = `${g.samePerson} / ${g.otherPerson}, ${g.liftedCap === undefined ? 'held' : f3(g.liftedCap)}`;
  rows.push(row);
  process.stdout.write(
    `| ${p} | ${records.length} | ${f3(all.precision)} | ${f3(all.recall)} | ${f3(all.f1)} | ${f3(touched.precision)} | ${f3(touched.recall)} (${touched.truePairs}) | ${halves} | ${seconds.toFixed(1)} |\n`,
  );
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ people, seed, rows }, null, 2)}\n`);
