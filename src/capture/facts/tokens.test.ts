/**
 * The whole text's tokens shared once per extraction (textTokens, text-cache.ts) are the tokens tokenize makes, on
 * phrases written for this test in the shapes of the development texts; the rules' reading of them (entities.ts
 * marks months read as given names) leaves them as tokenize made them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from '../language.js';
import { withTextCache } from '../text-cache.js';
import { findEntities } from './entities.js';
import { textTokens, tokenize } from './tokens.js';

describe('textTokens', () => {
  const one = 'La Fiscalía de Maduro’s case y el Caracas-based diario; D.ª Rosa Ibarra declaró.';
  const two = 'By Hannah Osei in Dhaka: the Attorney General’s office said on 3 March.';
  it('gives the tokens tokenize gives, the same array for the same text inside one extraction', () => {
    withTextCache(() => {
      const first = textTokens(one);
      assert.deepEqual(first, tokenize(one));
      assert.equal(textTokens(one), first);
      assert.deepEqual(textTokens(two), tokenize(two));
      assert.equal(textTokens(one), first);
    });
  });
  it('makes them anew outside an extraction', () => {
    const first = textTokens(one);
    assert.deepEqual(first, tokenize(one));
    assert.notEqual(textTokens(one), first);
  });
  it('leaves them as tokenize made them after the rules read months as names', () => {
    const months =
      'Julio Argañaraz marchó a la Plaza de Mayo con Abril Cáceres el 5 de mayo; June Atkins wrote.';
    withTextCache(() => {
      const shared = textTokens(months);
      const names = findEntities(months).map((e) => e.text);
      assert.ok(names.includes('Julio Argañaraz'), names.join(' | '));
      assert.equal(textTokens(months), shared);
      assert.deepEqual(shared, tokenize(months));
      // A second reading in the same extraction reads the same names.
      assert.deepEqual(
        findEntities(months).map((e) => e.text),
        names,
      );
    });
  });
});

describe('detectLanguage, its counts kept for the extraction', () => {
  it('answers each hint as the first call did', () => {
    const mixed = 'the el of de and y';
    withTextCache(() => {
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
    });
    assert.equal(detectLanguage('el hombre que vino de la sierra fue detenido'), 'es');
  });
});
