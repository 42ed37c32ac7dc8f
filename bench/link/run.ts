/**
 * Record-linkage benchmark: `testigo synth` then `testigo link` over 5 lists, at each size given
 * (records, approximately; default 100,000 and 1,000,000), reporting wall time, peak RSS of the
 * link process (its own, from getrusage), and pairwise precision, recall and F1 against truth.csv.
 * Runs the CLI from the sources through tsx (BENCH_CLI=dist: the compiled build).
 *
 *   node --import tsx bench/link/run.ts [--identity] [--people] [records...]
 *
 * --identity: identity fields only (no event date, no act type), as lists from other sources have.
 * --people: the numbers are people, not records.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pairwiseScores } from '../../src/linkage/evaluate.js';
import { SYNTH_FIELDS, SYNTH_IDENTITY_FIELDS } from '../../src/test-support/synth-fields.js';

const root = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const identityOnly = argv.includes('--identity');
const asPeople = argv.includes('--people');
const sizes = argv.filter((a) => !a.startsWith('--')).map(Number);
const targets = sizes.length > 0 ? sizes : [100_000, 1_000_000];
/** Records per person over 5 lists at the synth's default capture rates (measured: 1.636). */
const RECORDS_PER_PERSON = 1.636;
const FIELDS = identityOnly ? SYNTH_IDENTITY_FIELDS : SYNTH_FIELDS;

// The sources through tsx (transpiled once at start-up; the hot loops run the same JavaScript as
// dist/), so the benchmark measures the working tree, not a stale build. BENCH_CLI=dist for the build.
const compiled = join(root, 'dist', 'cli', 'main.js');
const useDist = process.env.BENCH_CLI === 'dist' && existsSync(compiled);
const cli = useDist ? [compiled] : ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts')];

function testigo(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [...cli, ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`testigo ${args[0]} failed (exit ${r.status})`);
  return (performance.now() - t) / 1000;
}

const rowsOf = (path: string) => readFileSync(path, 'utf8').trim().split('\n').slice(1);

process.stdout.write(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; CLI: ${useDist ? 'dist' : 'tsx'}\n`,
);
const results: Record<string, unknown>[] = [];
for (const target of targets) {
  const people = asPeople ? target : Math.round(target / RECORDS_PER_PERSON);
  const dir = join(root, 'bench', 'out', `link-${target}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const synthSeconds = testigo([
    'synth',
    '--people',
    String(people),
    '--lists',
    '5',
    '--seed',
    '2026',
    '--out',
    dir,
  ]);
  const lists = [1, 2, 3, 4, 5].map((k) => join(dir, `list${k}.csv`));
  const report = join(dir, 'report.json');
  const out = join(dir, 'clusters.csv');
  const linkSeconds = testigo([
    'link',
    ...lists,
    '--id',
    'record_id',
    ...FIELDS.flatMap((f) => ['--field', f]),
    '--out',
    out,
    '--report',
    report,
  ]);
  const truth = new Map<string, string>();
  for (const line of rowsOf(join(dir, 'truth.csv'))) {
    const [s, id, p] = line.split(',');
    truth.set(`${s},${id}`, p!);
  }
  const predicted: string[] = [];
  const actual: string[] = [];
  for (const line of rowsOf(out)) {
    const k = line.lastIndexOf(',');
    predicted.push(line.slice(k + 1));
    actual.push(truth.get(line.slice(0, k))!);
  }
  const s = pairwiseScores(predicted, actual);
  const rep = JSON.parse(readFileSync(report, 'utf8'));
  const row = {
    records: predicted.length,
    people,
    fields: identityOnly ? 'identity' : 'all',
    blockingRecall: rep.blocking.estimatedRecall?.estimate,
    synthSeconds: +synthSeconds.toFixed(1),
    linkWallSeconds: +linkSeconds.toFixed(1),
    stages: rep.seconds,
    peakRssMiB: rep.peakRssMiB,
    candidatePairs: rep.candidatePairsCompared,
    precision: +s.precision.toFixed(4),
    recall: +s.recall.toFixed(4),
    f1: +s.f1.toFixed(4),
  };
  results.push(row);
  process.stdout.write(`${JSON.stringify(row)}\n`);
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
