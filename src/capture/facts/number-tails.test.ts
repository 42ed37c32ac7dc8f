/**
 * A number after a body's name (number-tails.ts): sentences written for this test in the shapes of the
 * development texts (chats, radio headers, comments), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { withNumberTails } from './number-tails.js';

const grown = (text: string, name: string, kind: EntityMention['kind'] = 'organization') => {
  const start = text.indexOf(name);
  const m: EntityMention = { kind, start, end: start + name.length, text: name, value: name };
  return withNumberTails(text, [m]).map((e) => [e.text, e.value]);
};

describe('a number after a body name', () => {
  it('takes a number or a frequency that ends the phrase into the mention and keeps the value', () => {
    assert.deepEqual(grown('Mi hermana estudiaba en la Secundaria Técnica 41.', 'Secundaria Técnica'), [
      ['Secundaria Técnica 41', 'Secundaria Técnica'],
    ]);
    assert.deepEqual(grown('Programa «Voces», Radio Chaski 101.3 FM, Cusco', 'Radio Chaski'), [
      ['Radio Chaski 101.3 FM', 'Radio Chaski'],
    ]);
    assert.deepEqual(grown('He was a pupil at BEHS 4\nin 2021.', 'BEHS'), [['BEHS 4', 'BEHS']]);
  });

  it('leaves a number that counts or goes on', () => {
    assert.deepEqual(grown('La Policía 12 veces negó el hecho.', 'Policía'), [['Policía', 'Policía']]);
    assert.deepEqual(grown('the Army 300 soldiers', 'Army'), [['Army', 'Army']]);
    assert.deepEqual(grown('en Tocoa 12.', 'Tocoa', 'place'), [['Tocoa', 'Tocoa']]);
  });
});
