import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkRecords } from '../link.js';
import { ENGLISH_FIELDS, englishSet } from './english.js';

describe('English list pair (generic fields)', () => {
  it('a whole-name column left empty by splitting does not switch the relatives model off', async () => {
    const set = englishSet({ households: 400, seed: 3 });
    const fields = [...ENGLISH_FIELDS];
    const r = await linkRecords(set.records, { fields });
    // Every full name was split into the name columns, so full_name has no values left.
    assert.ok(r.model.notes.some((n) => n.startsWith('too little evidence to estimate m for full_name')));
    assert.ok(r.model.priorRelated > 1e-6, `related prior ${r.model.priorRelated}`);
  });
});
