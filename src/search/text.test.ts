import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexTerms, matchesQuery, queryTerms, termsOf } from './text.js';

describe('search terms', () => {
  it('stems and folds a word, and a caller changing the answer does not change the next one', () => {
    const t = termsOf('Torturado');
    assert.ok(t.includes('tortur'));
    t.length = 0;
    t.push('x');
    assert.ok(termsOf('Torturado').includes('tortur'));
    assert.ok(!termsOf('Torturado').includes('x'));
    assert.ok(indexTerms('torturado en Mérida').split(' ').includes('merida'));
    assert.ok(matchesQuery('TORTURA', queryTerms('torturado')));
    assert.ok(!matchesQuery('x', queryTerms('torturado')));
  });
});
