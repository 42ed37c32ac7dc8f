import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineVocabulary } from './vocab.js';
import {
  ACT_TYPES,
  DEPRIVED_OF_LIBERTY,
  DETENTION_STATUSES,
  SOURCE_RELIABILITY,
  VOCABULARIES,
} from './vocabularies.js';

describe('controlled vocabularies', () => {
  it('refuse duplicate codes, unknown parents and malformed codes at load time', () => {
    assert.throws(
      () =>
        defineVocabulary('x', { es: 'x', en: 'x' }, [
          { code: 'a', es: 'a', en: 'a' },
          { code: 'a', es: 'b', en: 'b' },
        ]),
      /duplicate code "a"/,
    );
    assert.throws(
      () => defineVocabulary('x', { es: 'x', en: 'x' }, [{ code: 'a', es: 'a', en: 'a', parent: 'zz' }]),
      /unknown parent/,
    );
    assert.throws(
      () => defineVocabulary('x', { es: 'x', en: 'x' }, [{ code: 'Bad Code', es: 'a', en: 'a' }]),
      /malformed code/,
    );
    assert.throws(
      () => defineVocabulary('x', { es: 'x', en: 'x' }, [{ code: 'a', es: ' ', en: 'a' }]),
      /Spanish and English/,
    );
  });

  it('label every term in Spanish and English and keep the codes other parts rely on', () => {
    for (const v of Object.values(VOCABULARIES)) {
      assert.ok(v.terms.length > 0, v.id);
      for (const term of v.terms) assert.ok(term.es && term.en, `${v.id}.${term.code}`);
    }
    for (const c of [
      'arbitrary_detention',
      'torture',
      'killing',
      'enforced_disappearance',
      'sexual_violence',
      'persecution',
      'forced_exile',
    ]) {
      assert.ok(ACT_TYPES.has(c), c);
    }
    assert.equal(ACT_TYPES.labelOf('enforced_disappearance', 'es'), 'Desaparición forzada');
    assert.equal(ACT_TYPES.labelOf('nope', 'en'), 'nope');
    assert.equal(SOURCE_RELIABILITY.get('F')?.en, 'Reliability cannot be judged');
    for (const s of DEPRIVED_OF_LIBERTY) assert.ok(DETENTION_STATUSES.has(s));
  });
});
