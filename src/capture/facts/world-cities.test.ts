/**
 * The world's towns and regions (issue 23, round 4): sentences written for this test, not taken
 * from the evaluation texts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFacts } from './index.js';
import { lookupTown, lookupWellKnownPlace } from './world-cities.js';

const of = (text: string, kind: string) =>
  extractFacts(text, { reference: '2024-05-10' })
    .filter((f) => f.kind === kind)
    .map((f) => f.value);

describe('world gazetteer of towns and regions', () => {
  it('first-level regions and big cities abroad, named without a cue', () => {
    assert.deepEqual(
      of('Los desplazados llegaron a Nariño y luego siguieron hasta Quetzaltenango.', 'place'),
      ['Nariño', 'Quetzaltenango'],
    );
    assert.deepEqual(of('Farmers from Chiapas and Oaxaca marched past Mandalay.', 'place'), [
      'Chiapas',
      'Oaxaca',
      'Mandalay',
    ]);
    assert.equal(lookupWellKnownPlace('Kharkiv')?.countryCode, 'UA');
    assert.equal(lookupWellKnownPlace('Lubumbashi')?.kind, 'city');
  });
  it('not names that are also everyday words, given names or surnames', () => {
    for (const w of ['Victoria', 'Reading', 'Mesa', 'Central', 'La Libertad', 'Sala', 'Roja', 'Florencia'])
      assert.equal(lookupWellKnownPlace(w), undefined, w);
    assert.deepEqual(of('La Sala Penal escuchó a la Cruz Roja.', 'place'), []);
    assert.deepEqual(of('They met at the Reading Room in Mobile homes.', 'place'), []);
  });
  it("a surname that is also a city does not split a person's name", () => {
    assert.deepEqual(of('El abogado Ramiro Ortega Zamora presentó el recurso.', 'person'), [
      'Ramiro Ortega Zamora',
    ]);
    assert.deepEqual(of('El periodista Carlos Urdaneta habló ayer.', 'place'), []);
  });
  it('small towns are known, but only for callers in place context', () => {
    assert.equal(lookupTown('Tecoluca')?.countryCode, 'SV');
    assert.equal(lookupWellKnownPlace('Tecoluca'), undefined);
  });
});
