#!/usr/bin/env node
// Runs several test files in this one process (run-tests.mjs starts it for the unit tier, under
// `node --import tsx`), so they pay Node's, tsx's and their shared modules' start-up once. Each file
// is imported inside a suite named by its path: its tests and top-level hooks belong to that suite
// (a top-level `before` runs before that file's tests only), and the report names the file of each
// test, failures included. A file that fails to load fails its suite.
// Usage: node --import tsx scripts/run-test-group.mjs <file.test.ts> [...]
import { resolve } from 'node:path';
import { describe } from 'node:test';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2))
  describe(file, async () => {
    await import(pathToFileURL(resolve(file)).href);
  });
