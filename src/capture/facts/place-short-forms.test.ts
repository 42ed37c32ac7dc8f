/**
 * A part of a site's name written after a definite article is that site (place-short-forms.ts): sentences
 * written for this test in the shapes of the development texts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from './index.js';
import { withPlaceShortForms } from './place-short-forms.js';

/** One place fact per name, its mention the name's first occurrence from `from`. */
const place = (text: string, name: string, from = 0): Fact => {
  const start = text.indexOf(name, from);
  const mention = { start, end: start + name.length, text: name };
  return { kind: 'place', value: name, ...mention, mentions: [mention] };
};
const values = (facts: Fact[]) =>
  facts.map((f) => `${f.value}: ${f.mentions!.map((m) => m.text).join(' / ')}`);

describe('a part of a site name after a definite article', () => {
  it('joins the one longer place holding its words, in both languages', () => {
    const en =
      'He was held at the Penitenciaría Norte in Cuenca and was moved back to the Norte. The family waited.';
    assert.deepEqual(
      values(withPlaceShortForms(en, [place(en, 'Penitenciaría Norte'), place(en, 'Norte', 60)])),
      ['Penitenciaría Norte: Penitenciaría Norte / Norte'],
    );
    const es = 'Entraron al Palacio de Gobierno a las diez; hasta la noche nadie salió del Palacio.';
    assert.deepEqual(
      values(withPlaceShortForms(es, [place(es, 'Palacio de Gobierno'), place(es, 'Palacio', 30)])),
      ['Palacio de Gobierno: Palacio de Gobierno / Palacio'],
    );
  });

  it('leaves a town written as an adjective, a gazetteer place and a part of two places', () => {
    const adjective = 'At the Ramdi Rural Hospital, survivors of the Ramdi strike were treated.';
    const facts = [place(adjective, 'Ramdi Rural Hospital'), place(adjective, 'Ramdi', 30)];
    assert.equal(withPlaceShortForms(adjective, facts).length, 2);
    const town = 'They marched from the Lima Cathedral to the Lima, then home.';
    assert.equal(
      withPlaceShortForms(town, [place(town, 'Lima Cathedral'), place(town, 'Lima', 30)]).length,
      2,
    );
    const two = 'Between the Estadio Norte and the Hospital Norte lies the Norte, a barrio.';
    const three = [place(two, 'Estadio Norte'), place(two, 'Hospital Norte'), place(two, 'Norte', 50)];
    assert.equal(withPlaceShortForms(two, three).length, 3);
  });

  it('keeps the villages of a twin-village name apart', () => {
    const text = 'Soldiers entered Kembe-Tarasa at night; in the Tarasa, three houses burned.';
    const facts = [place(text, 'Kembe-Tarasa'), place(text, 'Tarasa', 30)];
    assert.equal(withPlaceShortForms(text, facts).length, 2);
  });
});
