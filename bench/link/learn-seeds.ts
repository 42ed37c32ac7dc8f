/**
 * Does review learn? For each seed: link an adversarial set, let truth decide the first K pairs of
 * the review queue, link again with those decisions, and count errors on the pairs nobody decided
 * (linked but different people, or the same person and not linked). learn.test.ts asserts the same
 * over a few seeds; this prints the table for more seeds and sizes.
 *
 *   node --import tsx bench/link/learn-seeds.ts [--people N] [--decide K] [--perturbation P] [seed...]
 */
import { ADVERSARIAL_FIELDS, adversarialSet, type Perturbation } from '../../src/linkage/eval/adversarial.js';
import { undecidedErrors } from '../../src/linkage/eval/review-errors.js';
import { takeOption } from './args.js';

const args = process.argv.slice(2);
const people = Number(takeOption(args, '--people') ?? 400);
const decide = Number(takeOption(args, '--decide') ?? 60);
const perturbation = (takeOption(args, '--perturbation') ?? 'common_name') as Perturbation;
const seeds = args.length > 0 ? args.map(Number) : [1, 2, 3, 4, 5, 6, 7, 8];

process.stdout.write(`| seed | decisions | errors before | errors after |\n|---|---|---|---|\n`);
let sumBefore = 0;
let sumAfter = 0;
for (const seed of seeds) {
  const set = adversarialSet(perturbation, { people, seed });
  const r = await undecidedErrors(set, [...ADVERSARIAL_FIELDS], decide);
  sumBefore += r.before;
  sumAfter += r.after;
  process.stdout.write(`| ${seed} | ${r.decisions} | ${r.before} | ${r.after} |\n`);
}
process.stdout.write(`| all (${perturbation}, ${people} people) | | ${sumBefore} | ${sumAfter} |\n`);
