/**
 * One list much noisier than the others (src/linkage/eval/noisy-list.ts) on the adversarial lists:
 * pairwise precision, recall and F1 overall, on pairs touching the noisy list and on pairs of the
 * clean lists only. Engine defaults, identity fields, unsupervised, in process.
 *
 *   node --import tsx bench/link/noisy-list.ts [--people N] [--seed S] [--source lista2]
 */

import { ADVERSARIAL_FIELDS, adversarialSet } from '../../src/linkage/eval/adversarial.js';
import { subsetScores } from '../../src/linkage/eval/metrics.js';
import { noisyList } from '../../src/linkage/eval/noisy-list.js';
import { linkRecords } from '../../src/linkage/link.js';
import { takeOption } from './args.js';

const args = process.argv.slice(2);
const people = Number(takeOption(args, '--people') ?? 5000);
const seed = Number(takeOption(args, '--seed') ?? 7);
const source = takeOption(args, '--source') ?? 'lista2';
const set = noisyList(adversarialSet('none', { people, seed }), { source });
const t = performance.now();
const result = await linkRecords(set.records, { fields: [...ADVERSARIAL_FIELDS] });
const seconds = (performance.now() - t) / 1000;
const f3 = (x: number) => x.toFixed(3);
const row = (name: string, s: ReturnType<typeof subsetScores>) =>
  `| ${name} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${s.truePairs} |`;
// Pairs of the clean lists only: drop the noisy list's records and score what is left.
const keep = set.records.map((r) => r.source !== source);
const clean = subsetScores(
  result.clusterIds.filter((_, i) => keep[i]),
  set.person.filter((_, i) => keep[i]),
);
process.stdout.write(
  [
    `noisy list ${source}, ${set.records.length} records, ${people} people, seed ${seed}, ${seconds.toFixed(1)} s`,
    '| pairs | precision | recall | F1 | true pairs |',
    '|---|---|---|---|---|',
    row('all', subsetScores(result.clusterIds, set.person)),
    row('touching the noisy list', subsetScores(result.clusterIds, set.person, set.affected)),
    row('clean lists only', clean),
    '',
  ].join('\n'),
);
