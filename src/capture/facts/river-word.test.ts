/** "Río" as a word of a longer name (river-word.ts): sentences written for this test. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { riverWordOfName } from './river-word.js';

const at = (text: string, word: string) => {
  const start = text.indexOf(word);
  return riverWordOfName(text, { start, end: start + word.length, text: word });
};

describe('the "Río" of a longer name', () => {
  it('is no place before a capitalized word or after "de"/"del"', () => {
    assert.equal(at('la Fundación Río Verde de Tabasco', 'Río'), true);
    assert.equal(at('vivía en Paso del Río, Colima', 'Río'), true);
    assert.equal(at('RADIO DEL RÍO 101.3', 'RÍO'), true);
  });
  it('stays Rio de Janeiro alone', () => {
    assert.equal(at('la policía de Río mató a cinco', 'Río'), false);
    assert.equal(at('Volvió a Río en marzo.', 'Río'), false);
  });
});
