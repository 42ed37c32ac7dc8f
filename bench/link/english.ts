/**
 * English-language list pair (src/linkage/eval/english.ts): pairwise precision, recall and F1 of
 * the engine's defaults, in process, unsupervised, per field configuration.
 *
 *   node --import tsx bench/link/english.ts [--households N] [--seed S] [--decide K] [config...]
 *
 * Configs: `text` — what the engine offered before the generic fields (address, postcode and
 * occupation as free text, town as a place); `generic` — address, postcode, locality, occupation;
 * `names` — names and birth date only. `--decide K`: after each run, a reviewer (truth stands in)
 * decides the first K pairs of the review queue and the run is repeated with those decisions.
 */

import { ENGLISH_COLUMNS as C, ENGLISH_FIELDS, englishSet } from '../../src/linkage/eval/english.js';
import { subsetScores } from '../../src/linkage/eval/metrics.js';
import { linkRecords, recordKey } from '../../src/linkage/link.js';
import type { FieldSpec, FieldType, RecordRef } from '../../src/linkage/types.js';
import { takeOption } from './args.js';

const args = process.argv.slice(2);
const opt = (name: string) => takeOption(args, name);
const households = Number(opt('--households') ?? 2000);
const seed = Number(opt('--seed') ?? 11);
const decide = Number(opt('--decide') ?? 0);
const configs = args.length > 0 ? args : ['names', 'text', 'generic'];

const f = (column: string, type: string): FieldSpec => ({ column, type: type as FieldType });
// No middle_name: only list A has it, so it carries no evidence between the lists (and EM, fed
// only relatives' within-list pairs on it, learns noise).
const NAMES = ENGLISH_FIELDS.slice(0, 4); // first, last, full name, birth date
const CONFIGS: Record<string, FieldSpec[]> = {
  names: NAMES,
  text: [...NAMES, f(C.address, 'text'), f(C.postcode, 'text'), f(C.town, 'place'), f(C.occupation, 'text')],
  generic: [...ENGLISH_FIELDS],
};

const set = englishSet({ households, seed });
const personOf = new Map(set.records.map((r, i) => [recordKey(r), set.person[i]!]));
const same = (a: RecordRef, b: RecordRef) => personOf.get(recordKey(a)) === personOf.get(recordKey(b));
const f3 = (x: number) => x.toFixed(3);
process.stdout.write(
  `English list pair: ${set.people} people, ${set.records.length} records (seed ${seed})\n\n| fields | decisions | precision | recall | F1 | model expects P / R | decisions say P / R | seconds |\n|---|---|---|---|---|---|---|---|\n`,
);
for (const name of configs) {
  const fields = CONFIGS[name];
  if (!fields) throw new Error(`unknown config ${name}; use ${Object.keys(CONFIGS).join(', ')}`);
  let decisions: { a: RecordRef; b: RecordRef; same: boolean }[] = [];
  for (const round of decide > 0 ? [0, 1] : [0]) {
    const t = performance.now();
    const r = await linkRecords(set.records, { fields }, { decisions });
    const seconds = (performance.now() - t) / 1000;
    const s = subsetScores(r.clusterIds, set.person);
    const o = r.outcome;
    const fromDecisions = await import('../../src/linkage/learn.js')
      .then((m) =>
        m.qualityFromDecisions?.(o.pairs.w, o.thresholdWeight, o.calibration, o.blockingRecall.estimate),
      )
      .catch(() => null);
    process.stdout.write(
      `| ${name} | ${decisions.length} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(o.expected.expectedPrecision)} / ${f3(o.expected.expectedRecall)} | ${fromDecisions ? `${f3(fromDecisions.precision)} / ${f3(fromDecisions.recall)}` : '—'} | ${seconds.toFixed(1)} |\n`,
    );
    if (round === 0)
      decisions = r.review.slice(0, decide).map((p) => ({ a: p.a, b: p.b, same: same(p.a, p.b) }));
  }
}
