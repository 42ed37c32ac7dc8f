import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkRecords } from '../link.js';
import type { FieldSpec } from '../types.js';
import { ENGLISH_COLUMNS as C, englishSet } from './english.js';

describe('English list pair (generic fields)', () => {
  it('a whole-name column left empty by splitting does not switch the relatives model off', async () => {
    const set = englishSet({ households: 400, seed: 3 });
    const fields: FieldSpec[] = [
      { column: C.first, type: 'name' },
      { column: C.last, type: 'name' },
      { column: C.full, type: 'fullname' },
      { column: C.birth, type: 'date' },
      { column: C.address, type: 'address' },
      { column: C.postcode, type: 'postcode' },
      { column: C.town, type: 'locality' },
      { column: C.occupation, type: 'occupation' },
    ];
    const r = await linkRecords(set.records, { fields });
    // Every full name was split into the name columns, so full_name has no values left.
    assert.ok(r.model.notes.some((n) => n.startsWith('too little evidence to estimate m for full_name')));
    assert.ok(r.model.priorRelated > 1e-6, `related prior ${r.model.priorRelated}`);
  });
});
