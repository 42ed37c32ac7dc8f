import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { IntegrityError } from '../domain/errors.js';
import { DataKey } from '../security/field-cipher.js';
import { RowSealer } from './row-sealer.js';
import { openRow } from './sealing.js';

describe('row sealing on a worker thread', () => {
  it('seals exactly as DataKey does: the main thread opens every row, bound to its list and row', async () => {
    const key = new DataKey('cas_w', 'k3', randomBytes(32));
    const keys = { current: key, get: (v: string) => (v === 'k3' ? key : undefined) };
    const sealer = new RowSealer(key);
    try {
      const rows: [number, string][] = Array.from({ length: 5000 }, (_, i) => [
        i + 1,
        JSON.stringify([`Nombre ñ ${i}`, `V-${i}`]),
      ]);
      const out = await sealer.seal('lst_1', rows);
      assert.equal(out.length, rows.length);
      assert.equal(new Set(out).size, out.length, 'fresh nonces');
      for (let i = 0; i < rows.length; i += 97) {
        assert.match(out[i]!, /^tgf1\.k3\./);
        assert.equal(openRow(keys, 'lst_1', rows[i]![0], out[i]!), rows[i]![1]);
      }
      assert.throws(
        () => openRow(keys, 'lst_1', 2, out[0]!),
        IntegrityError,
        'a row moved to another row number',
      );
      assert.throws(() => openRow(keys, 'lst_2', 1, out[0]!), IntegrityError, 'a row moved to another list');
    } finally {
      await sealer.close();
    }
  });
});
