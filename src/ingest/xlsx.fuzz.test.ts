/**
 * Property tests of the XLSX import path on both engines: real workbooks written with
 * write-excel-file, with random headers (unicode, empty, duplicated, merged) and cells (unicode,
 * formulas, empty rows, huge strings, dates, numbers, booleans, merged cells), then the same
 * workbooks with corrupted bytes. Each import either creates exactly one person per non-empty row
 * or fails with an InputError naming the file (and, for a cell problem, its row and column) — never
 * a TypeError — and a failed import leaves the store as it was: same counts, same audit head.
 * Case counts are printed; TESTIGO_FUZZ_RUNS raises them for a longer run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import writeXlsxFile from 'write-excel-file/node';
import { InputError } from '../domain/errors.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { importTabular } from './import-tabular.js';
import { MappingSpec } from './mapping.js';

const RUNS = Number(process.env.TESTIGO_FUZZ_RUNS ?? 300);
const CASES = Math.max(25, Math.floor(RUNS / 6));
const dir = mkdtempSync(join(tmpdir(), 'testigo-xlsx-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Cell =
  | { k: 'string'; value: string }
  | { k: 'number'; value: number }
  | { k: 'boolean'; value: boolean }
  | { k: 'date'; value: Date }
  | { k: 'formula'; value: string }
  | { k: 'empty' }
  | { k: 'merged'; value: string; span: number };

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    'María José',
    'Pérez',
    '  ',
    '',
    'ñandú',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '漢字',
    '=1+1',
    '"quoted"',
    '<b>&amp;</b>',
    'F',
    'V-12.345.678',
  ),
  fc.constantFrom('1990-05-03', '03/05/1990', '2014', '31/02/2019', 'ayer'),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: text.map((value) => ({ k: 'string' as const, value })) },
  {
    weight: 2,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .map((value) => ({ k: 'number' as const, value })),
  },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ k: 'boolean' as const, value })) },
  {
    weight: 2,
    arbitrary: fc
      .date({
        min: new Date('1900-03-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => ({
        k: 'date' as const,
        value: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('=1+1', '=A2&"x"', '=SUM(A1:A3)', '=NOPE(')
      .map((value) => ({ k: 'formula' as const, value })),
  },
  { weight: 3, arbitrary: fc.constant({ k: 'empty' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 2, max: 3 })
      .map((span) => ({ k: 'merged' as const, value: 'Combinada', span })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 33_000, max: 40_000 })
      .map((n) => ({ k: 'string' as const, value: 'Á'.repeat(n) })),
  },
);
const headerName = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'givenNames',
      'firstSurname',
      'secondSurname',
      'birthDate',
      'sex',
      'personNotes',
      'occupation',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'Nombres ñ', 'givenNames', 'ignored column') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const workbook = fc.record({
  header: fc.array(headerName, { minLength: 1, maxLength: 5 }),
  rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
  mergedHeader: fc.boolean(),
});
type Workbook = { header: string[]; rows: Cell[][]; mergedHeader: boolean };
/** Plausible lists (a name in every row, anything in the notes): most of these must import. */
const name = fc.oneof(
  fc.constantFrom('María José', 'Luis', 'Ñañez', "O'Neil", '李', 'Ana-Lucía'),
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
);
const plausible = fc.record({
  header: fc.constant<string[]>(['givenNames', 'firstSurname', 'personNotes']),
  rows: fc.array(
    fc.tuple(
      name.map((value): Cell => ({ k: 'string', value })),
      fc.oneof(
        name.map((value): Cell => ({ k: 'string', value })),
        fc.constant<Cell>({ k: 'empty' }),
      ),
      cell.filter((c) => c.k !== 'merged'),
    ),
    { maxLength: 10 },
  ),
  mergedHeader: fc.constant(false),
});
const anyWorkbook: fc.Arbitrary<Workbook> = fc.oneof(workbook, plausible);

/** The workbook's sheet data for write-excel-file; merged cells are followed by the nulls they cover. */
function sheetData(w: Workbook): unknown[][] {
  const header: unknown[] = w.header.map((h) => ({ value: h, type: String }));
  if (w.mergedHeader && header.length >= 2) {
    header[0] = { value: w.header[0], type: String, columnSpan: 2 };
    header[1] = null;
  }
  const rows = w.rows.map((r) => {
    const out: unknown[] = [];
    for (const c of r) {
      if (c.k === 'empty') out.push(null);
      else if (c.k === 'string') out.push({ value: c.value, type: String });
      else if (c.k === 'number') out.push({ value: c.value, type: Number });
      else if (c.k === 'boolean') out.push({ value: c.value, type: Boolean });
      else if (c.k === 'date') out.push({ value: c.value, type: Date, format: 'dd/mm/yyyy' });
      else if (c.k === 'formula') out.push({ value: c.value, type: 'Formula' });
      else {
        out.push({ value: c.value, type: String, columnSpan: c.span });
        for (let i = 1; i < c.span; i++) out.push(null);
      }
    }
    return out;
  });
  return [header, ...rows];
}

/** Bounds on the rows the import must create: rows with certain content, plus formula-only rows. */
function expectedRows(w: Workbook): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const r of w.rows) {
    const certain = r.some(
      (c) =>
        c.k === 'number' ||
        c.k === 'boolean' ||
        c.k === 'date' ||
        c.k === 'merged' ||
        (c.k === 'string' && c.value.trim() !== ''),
    );
    const maybe = r.some((c) => c.k === 'formula' || c.k === 'string');
    if (certain) min++;
    if (certain || maybe) max++;
  }
  return { min, max };
}

/** A corruption of real workbook bytes: flipped bytes, a cut, inserted garbage, or zeroed runs. */
const corruption = fc.record({
  kind: fc.constantFrom('flip', 'truncate', 'insert', 'zero'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  n: fc.integer({ min: 1, max: 64 }),
  seed: fc.integer({ min: 0, max: 255 }),
});
function corrupt(bytes: Buffer, c: { kind: string; at: number; n: number; seed: number }): Buffer {
  if (bytes.length === 0) return bytes;
  const pos = Math.min(bytes.length - 1, Math.floor(c.at * bytes.length));
  const b = Buffer.from(bytes);
  if (c.kind === 'flip') {
    for (let i = 0; i < Math.min(c.n, 8); i++) b[(pos + i * 97) % b.length]! ^= 1 + ((c.seed + i) % 255);
    return b;
  }
  if (c.kind === 'truncate') return b.subarray(0, pos);
  if (c.kind === 'insert')
    return Buffer.concat([b.subarray(0, pos), Buffer.alloc(c.n, c.seed), b.subarray(pos)]);
  b.fill(0, pos, Math.min(b.length, pos + c.n));
  return b;
}

for (const backend of BACKENDS) {
  describe(`XLSX import under generated and corrupted workbooks (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    before(async () => {
      t = await backend.open();
      caseId = (await t.store.createCase({ title: 'XLSX' }, 'fuzz')).id;
    });
    after(async () => t?.dispose());

    /** Imports `file`; checks the outcome against the store before and after. */
    async function check(file: string, expected?: { min: number; max: number }, dataRows = 0) {
      const persons = await t.store.count('person', caseId);
      const head = await t.store.auditHead();
      try {
        let timer: NodeJS.Timeout | undefined;
        const rep = await Promise.race([
          importTabular(t.store, caseId, file, MappingSpec.parse({ kind: 'persons' }), 'fuzz'),
          new Promise<undefined>((resolve) => {
            timer = setTimeout(() => resolve(undefined), 5000);
          }),
        ]).finally(() => clearTimeout(timer));
        if (!rep) {
          // Known bug: read-excel-file never settles on some damaged zips (reproduced by the todo
          // test in src/cli/file-inputs.fuzz.test.ts). Nothing may have been written meanwhile.
          assert.equal(await t.store.count('person', caseId), persons, 'nothing was imported');
          return 'hung' as const;
        }
        const created = (await t.store.count('person', caseId)) - persons;
        assert.equal(rep.created.person ?? 0, rep.rows, 'one person per imported row');
        assert.equal(created, rep.rows, 'the store holds exactly the imported rows');
        if (expected) {
          assert.ok(
            rep.rows >= expected.min && rep.rows <= expected.max,
            `imported ${rep.rows} rows, expected between ${expected.min} and ${expected.max}`,
          );
        }
        return 'imported' as const;
      } catch (err) {
        if (!(err instanceof InputError)) throw new Error(`not an InputError: ${(err as Error).stack}`);
        assert.match(err.message, /fuzz\.xlsx/, 'the error names the file');
        for (const i of err.issues) {
          if (i.row === undefined) continue;
          assert.equal(i.file, 'fuzz.xlsx', 'a row problem names the file');
          if (dataRows > 0) assert.ok(i.row >= 1 && i.row <= dataRows + 1, `row ${i.row} is in the sheet`);
        }
        assert.equal(await t.store.count('person', caseId), persons, 'nothing was imported');
        assert.deepEqual(await t.store.auditHead(), head, 'the audit log did not move');
        return 'refused' as const;
      }
    }

    it('imports generated workbooks exactly, or refuses them cleanly', async () => {
      const outcomes = { imported: 0, refused: 0, hung: 0 };
      await fc.assert(
        fc.asyncProperty(anyWorkbook, async (w) => {
          const file = join(dir, 'fuzz.xlsx');
          await writeXlsxFile(sheetData(w) as never).toFile(file);
          outcomes[await check(file, expectedRows(w), w.rows.length)]++;
        }),
        { numRuns: CASES },
      );
      assert.equal((await t.store.verifyAudit()).ok, true);
      process.stderr.write(
        `fuzz: XLSX import (${backend.name}), ${CASES} generated workbooks: ${outcomes.imported} imported, ${outcomes.refused} refused${outcomes.hung ? `, KNOWN BUG: ${outcomes.hung} never finished` : ''}\n`,
      );
    });

    it('refuses corrupted workbooks with an InputError, or imports what they still hold, never half', async () => {
      const base = await writeXlsxFile(
        sheetData({
          header: ['givenNames', 'firstSurname', 'birthDate'],
          rows: [
            [
              { k: 'string', value: 'María José' },
              { k: 'string', value: 'Pérez' },
              { k: 'date', value: new Date(Date.UTC(1990, 4, 3)) },
            ],
            [
              { k: 'string', value: 'Luis' },
              { k: 'string', value: 'Gómez' },
              { k: 'string', value: '1985' },
            ],
          ],
          mergedHeader: false,
        }) as never,
      ).toBuffer();
      const outcomes = { imported: 0, refused: 0, hung: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(corruption, { minLength: 1, maxLength: 3 }), async (cs) => {
          let bytes = base;
          for (const c of cs) bytes = corrupt(bytes, c);
          const file = join(dir, 'fuzz.xlsx');
          writeFileSync(file, bytes);
          outcomes[await check(file)]++;
        }),
        { numRuns: CASES * 2 },
      );
      assert.equal((await t.store.verifyAudit()).ok, true);
      process.stderr.write(
        `fuzz: XLSX import (${backend.name}), ${CASES * 2} corrupted workbooks: ${outcomes.imported} imported, ${outcomes.refused} refused${outcomes.hung ? `, KNOWN BUG: ${outcomes.hung} never finished` : ''}\n`,
      );
    });
  });
}
