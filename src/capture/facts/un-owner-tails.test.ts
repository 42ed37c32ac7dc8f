/**
 * The UN written after a body's name as its owner (un-owner-tails.ts): sentences written for this test in
 * the shapes of the development texts (UN communiqués, reports, rulings), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { withUnOwnerTails } from './un-owner-tails.js';

const grown = (text: string, name: string, kind: EntityMention['kind'] = 'organization') => {
  const start = text.indexOf(name);
  const m: EntityMention = { kind, start, end: start + name.length, text: name, value: name };
  return withUnOwnerTails(text, [m]).map((e) => [e.text, e.value]);
};

describe('the UN as owner after a body name', () => {
  it('takes "de la ONU" / "of the United Nations" into the mention and keeps the value', () => {
    assert.deepEqual(
      grown(
        'La familia escribió al Comité contra la Tortura de la ONU en marzo.',
        'Comité contra la Tortura',
      ),
      [['Comité contra la Tortura de la ONU', 'Comité contra la Tortura']],
    );
    assert.deepEqual(
      grown('un informe de la Junta Consultiva de las Naciones Unidas, ayer', 'Junta Consultiva'),
      [['Junta Consultiva de las Naciones Unidas', 'Junta Consultiva']],
    );
    assert.deepEqual(grown('a letter to the Advisory Board of the United Nations.', 'Advisory Board'), [
      ['Advisory Board of the United Nations', 'Advisory Board'],
    ]);
  });

  it('leaves another owner, a longer word and other kinds alone', () => {
    assert.deepEqual(grown('la Unidad Especial de la Policía Nacional', 'Unidad Especial'), [
      ['Unidad Especial', 'Unidad Especial'],
    ]);
    assert.deepEqual(grown('el Foro de la ONUDI en Viena', 'Foro'), [['Foro', 'Foro']]);
    assert.deepEqual(grown('la sede en Ginebra de la ONU', 'Ginebra', 'place'), [['Ginebra', 'Ginebra']]);
  });
});
