import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGLISH_NICKNAMES, NICKNAMES, SPANISH_NICKNAMES } from './nicknames.js';
import { canonicalTokens } from './text.js';

describe('nicknames', () => {
  it('reads common English nicknames as the names they stand for', () => {
    assert.deepEqual(canonicalTokens(['bill', 'smith']), ['william', 'smith']);
    assert.deepEqual(canonicalTokens(['peggy']), ['margaret']);
    assert.deepEqual(canonicalTokens(['bob']), ['robert']);
    assert.deepEqual(canonicalTokens(['liz']), ['elizabeth']);
  });

  it('the English table changes no Spanish entry and lists each nickname once', () => {
    const spanish = new Set(SPANISH_NICKNAMES.map(([k]) => k));
    for (const [k] of ENGLISH_NICKNAMES) assert.ok(!spanish.has(k), `${k} is a Spanish entry too`);
    assert.equal(NICKNAMES.size, SPANISH_NICKNAMES.length + ENGLISH_NICKNAMES.length);
    assert.equal(NICKNAMES.get('pepe'), 'jose');
  });
});
