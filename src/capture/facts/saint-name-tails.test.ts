/** A place's name goes on past a saint's "de" (saint-name-tails.ts): shapes written for this test. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { saintNameTail, withSaintNameTails } from './saint-name-tails.js';

const at = (text: string, name: string, kind: EntityMention['kind'] = 'place'): EntityMention => {
  const start = text.indexOf(name);
  return { kind, start, end: start + name.length, text: name, value: name };
};

describe('a place cut at a saint’s "de"', () => {
  it('reads the tail after a saint', () => {
    const text =
      'La llevaron al Hospital Comarcal Nuestra Señora de las Nieves, y luego a la calle Pedro de Valdivia.';
    assert.equal(saintNameTail(text, at(text, 'Hospital Comarcal Nuestra Señora')), ' de las Nieves');
    assert.equal(saintNameTail(text, at(text, 'calle Pedro')), undefined);
  });
  it('reads none after a given name or surname, a plain name or a lower-case word', () => {
    const text =
      'en el Hospital Regional Carlos Ruiz de Tarija y en la plaza Central de Oruro, San Ramón de noche';
    assert.equal(saintNameTail(text, at(text, 'Hospital Regional Carlos Ruiz')), undefined);
    assert.equal(saintNameTail(text, at(text, 'plaza Central')), undefined);
    assert.equal(saintNameTail(text, at(text, 'San Ramón')), undefined);
  });
  it('grows the place and drops what was read inside the tail', () => {
    const text = 'Rezamos en la parroquia San Benito de Palermo con los vecinos.';
    const out = withSaintNameTails(text, [at(text, 'parroquia San Benito'), at(text, 'Palermo')]);
    assert.deepEqual(
      out.map((m) => [m.text, m.value]),
      [['parroquia San Benito de Palermo', 'parroquia San Benito de Palermo']],
    );
  });
  it('leaves persons and organizations as read', () => {
    const text = 'Habló Juan de Dios Pérez ante la Fundación San Martín de Porres.';
    const mentions = [at(text, 'Juan', 'person'), at(text, 'Fundación San Martín', 'organization')];
    assert.deepEqual(withSaintNameTails(text, mentions), mentions);
  });
});
