/**
 * The whole text's tokens kept for the last text (textTokens) are the tokens tokenize makes, on phrases written
 * for this test in the shapes of the development texts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from '../language.js';
import { textTokens, tokenize } from './tokens.js';

describe('textTokens', () => {
  const one = 'La Fiscalía de Maduro’s case y el Caracas-based diario; D.ª Rosa Ibarra declaró.';
  const two = 'By Hannah Osei in Dhaka: the Attorney General’s office said on 3 March.';
  it('gives the tokens tokenize gives, the same array while the text is the same', () => {
    const first = textTokens(one);
    assert.deepEqual(first, tokenize(one));
    assert.equal(textTokens(one), first);
    assert.deepEqual(textTokens(two), tokenize(two));
    assert.notEqual(textTokens(one), first);
    assert.deepEqual(textTokens(one), first);
  });
});

describe('detectLanguage, its counts kept for the last text', () => {
  it('answers each hint as the first call did', () => {
    const mixed = 'the el of de and y';
    for (const text of [
      'el hombre que vino de la sierra fue detenido',
      mixed,
      'he was taken to the camp in May',
      mixed,
    ])
      for (const hint of [undefined, 'es', 'en-GB', 'fr'])
        assert.equal(detectLanguage(text, hint), detectLanguage(`${text}`, hint), `${text} ${hint}`);
    assert.equal(detectLanguage(mixed, 'en'), 'en');
    assert.equal(detectLanguage(mixed, 'es'), 'es');
    assert.equal(detectLanguage('el hombre que vino de la sierra fue detenido'), 'es');
  });
});
