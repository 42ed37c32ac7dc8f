import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../domain/errors.js';
import { tempDir } from '../test-support/stores.js';
import { BATCH_ROWS, openTabular } from './tabular.js';

function csv(lines: string[]): string {
  const path = join(tempDir('testigo-tabular-'), 'list.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('CSV rows in batches', () => {
  const n = 2 * BATCH_ROWS + 7;
  const lines = ['id,name', ...Array.from({ length: n }, (_, i) => ` R${i} ,"Pérez, ${i}"`)];

  it('gives every row once, in order, with its spreadsheet row number and trimmed cells', async () => {
    const t = await openTabular(csv(lines));
    assert.deepEqual(t.columns, ['id', 'name']);
    const sizes: number[] = [];
    const rows: { row: number; cells: string[] }[] = [];
    for await (const b of t.batches) {
      sizes.push(b.length);
      rows.push(...b);
    }
    assert.equal(rows.length, n);
    assert.ok(sizes.every((s) => s <= BATCH_ROWS));
    assert.deepEqual(rows[0], { row: 2, cells: ['R0', 'Pérez, 0'] });
    assert.deepEqual(rows[n - 1], { row: n + 1, cells: [`R${n - 1}`, `Pérez, ${n - 1}`] });
  });

  it('names the row of a ragged line deep in the file, also row by row', async () => {
    const bad = [...lines];
    bad[BATCH_ROWS + 10] = 'R,x,y';
    for (const mode of ['batches', 'rows'] as const) {
      const t = await openTabular(csv(bad));
      await assert.rejects(
        (async () => {
          for await (const _ of t[mode]);
        })(),
        (e: unknown) => e instanceof InputError && e.message.includes(`row ${BATCH_ROWS + 11} has 3 cells`),
      );
    }
  });

  it('stops on invalid UTF-8 with an InputError', async () => {
    const path = csv(lines.slice(0, 50));
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('id,name\nR1,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    );
    await assert.rejects(
      (async () => {
        for await (const _ of (await openTabular(path)).batches);
      })(),
      (e: unknown) => e instanceof InputError && /not valid UTF-8/.test(e.message),
    );
  });
});
