/**
 * Property tests of the importers: arbitrary bytes as a CSV file, arbitrary JSON as a case file.
 * Every input either reads cleanly or fails with an InputError naming the file — never another
 * exception — and a failed case-file import writes nothing (checked on both engines). Case counts
 * are printed; TESTIGO_FUZZ_RUNS raises them for a longer run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { InputError, TestigoError } from '../domain/errors.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { importCaseJson } from './case-json.js';
import { openTabular } from './tabular.js';

const RUNS = Number(process.env.TESTIGO_FUZZ_RUNS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'testigo-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** CSV-ish bytes: mostly plausible text with separators, quotes and accents, sometimes raw bytes. */
const csvBytes = fc.oneof(
  fc
    .array(
      fc.array(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '""', ',', 'ñ', 'José', '\r', ' ', '')),
        {
          maxLength: 6,
        },
      ),
      { maxLength: 12 },
    )
    .map((rows) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8')),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
);

describe('CSV reader under arbitrary input (fast-check)', () => {
  it('reads or fails with an InputError naming the file', async () => {
    let cases = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(csvBytes, async (bytes) => {
        cases++;
        const path = join(dir, 'fuzz.csv');
        writeFileSync(path, bytes);
        try {
          const t = await openTabular(path);
          for await (const r of t.rows) assert.equal(r.cells.length, t.columns.length);
        } catch (err) {
          rejected++;
          assert.ok(err instanceof InputError, `not an InputError: ${(err as Error).stack}`);
          assert.match((err as Error).message, /fuzz\.csv/);
        }
      }),
      { numRuns: RUNS },
    );
    process.stderr.write(`fuzz: CSV reader, ${cases} cases (${rejected} rejected with a clear error)\n`);
  });
});

for (const backend of BACKENDS) {
  describe(`case-file JSON import under arbitrary input (${backend.name})`, () => {
    let t: TestStore;
    before(async () => {
      t = await backend.open();
    });
    after(async () => t?.dispose());

    it('rejects bad documents with a TestigoError and writes nothing', async () => {
      const anyJson = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        // Near-valid documents: the right format tag with arbitrary records.
        fc.record({
          format: fc.constant('testigo-case-file'),
          version: fc.constantFrom(1, 2, '1'),
          caseFile: fc.jsonValue({ maxDepth: 2 }),
          records: fc.dictionary(
            fc.constantFrom('persons', 'acts', 'events', 'nope'),
            fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
          ),
        }),
      );
      let cases = 0;
      const before = (await t.store.auditHead()).seq;
      await fc.assert(
        fc.asyncProperty(anyJson, async (doc) => {
          cases++;
          try {
            await importCaseJson(t.store, doc, 'fuzz', { file: 'fuzz.json' });
            assert.fail('an arbitrary document was accepted');
          } catch (err) {
            assert.ok(err instanceof TestigoError, `not a TestigoError: ${(err as Error).stack}`);
          }
        }),
        { numRuns: Math.max(50, Math.floor(RUNS / 3)) },
      );
      assert.equal((await t.store.auditHead()).seq, before, 'nothing was written');
      assert.equal((await t.store.listCases()).length, 0);
      process.stderr.write(`fuzz: case-file import (${backend.name}), ${cases} cases\n`);
    });
  });
}
