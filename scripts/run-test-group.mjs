#!/usr/bin/env node
// Runs several test files in this one process (run-tests.mjs starts it for the unit tier's pure
// files, under `node --import tsx`): each file's top-level tests join this process's root test, so
// the files pay Node's and tsx's start-up once. They are imported one after the other, in the order
// given; a file that fails to load fails the run.
// Usage: node --import tsx scripts/run-test-group.mjs <file.test.ts> [...]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
