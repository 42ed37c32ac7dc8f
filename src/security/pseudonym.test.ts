import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pseudonym } from './pseudonym.js';

describe('pseudonym', () => {
  const a = 'aa'.repeat(16);
  const b = 'bb'.repeat(16);
  it('is stable per case salt and record, and differs across case files (remembered per salt)', () => {
    const first = pseudonym(a, 'per_1');
    assert.match(first, /^Persona [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    assert.equal(pseudonym(a, 'per_1'), first);
    // Asked again after the first answer was remembered: another case's salt is another pseudonym.
    assert.notEqual(pseudonym(b, 'per_1'), first);
    assert.notEqual(pseudonym(a, 'per_2'), first);
    assert.equal(pseudonym(a, 'per_1', 'Testigo').slice('Testigo '.length), first.slice('Persona '.length));
  });
});
