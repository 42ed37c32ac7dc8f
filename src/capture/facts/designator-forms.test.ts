/**
 * A place written after a lower-case settlement or division noun takes the phrase as a form
 * (designator-forms.ts): sentences written for this test in the shapes of the development texts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { designatedPhrase, withDesignatorForms } from './designator-forms.js';
import type { Fact } from './index.js';

const place = (text: string, name: string): Fact => {
  const start = text.lastIndexOf(name);
  return {
    kind: 'place',
    value: name,
    start,
    end: start + name.length,
    text: name,
    mentions: [{ start, end: start + name.length, text: name }],
  };
};
const at = (text: string, name: string) => {
  const start = text.lastIndexOf(name);
  return designatedPhrase(text, { start, end: start + name.length, text: name })?.text;
};

describe('a place after a lower-case designator noun', () => {
  it('reads the noun just before the name, in both languages', () => {
    assert.equal(at('We lived in barrio Pueyrredón until the raid.', 'Pueyrredón'), 'barrio Pueyrredón');
    assert.equal(at('the soldiers came to cantón El Rosario at dawn', 'El Rosario'), 'cantón El Rosario');
    assert.equal(at('la misa en la parroquia Santa Lucía', 'Santa Lucía'), 'parroquia Santa Lucía');
    assert.equal(at('bajamos en la estación de metro Plaza Italia', 'Plaza Italia'), 'metro Plaza Italia');
  });

  it('leaves a capitalised noun, a river, a street and a noun on another word alone', () => {
    assert.equal(at('the Barrio Pueyrredón committee', 'Pueyrredón'), undefined);
    assert.equal(at('cruzaron el río Lempa', 'Lempa'), undefined);
    assert.equal(at('en la calle Perú', 'Perú'), undefined);
    assert.equal(at('the barrios of Caracas', 'Caracas'), undefined);
  });

  it('adds the phrase as a form, the bare name staying the value, unless another place is named so', () => {
    const text = 'Vivía en el barrio Obrero. Después, el barrio Obrero quedó vacío.';
    const f = place(text, 'Obrero');
    withDesignatorForms(text, [f]);
    assert.equal(f.value, 'Obrero');
    assert.deepEqual(
      f.mentions!.map((m) => m.text),
      ['barrio Obrero', 'Obrero'],
    );
    const other = place(text, 'barrio Obrero');
    const g = place(text, 'Obrero');
    withDesignatorForms(text, [other, g]);
    assert.deepEqual(
      g.mentions!.map((m) => m.text),
      ['Obrero'],
    );
  });
});
