/** A witness's two-digit year whose clause goes on with a verb, a clitic or "sin" (guide §7: "en el 87" = 1987). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { twoDigitYearsGoingOn } from './es-year-clauses.js';

const years = (text: string) => twoDigitYearsGoingOn(text).map((d) => [d.text, d.value]);

describe('a two-digit year going on with its clause', () => {
  it('before a past verb, a clitic, "sin" or a gerund', () => {
    assert.deepEqual(years('En el 72 quemaron la escuela.'), [['72', '1972']]);
    assert.deepEqual(years('Desde el 81 lo buscamos.'), [['81', '1981']]);
    assert.deepEqual(years('Se fue en el 56 sin despedirse.'), [['56', '1956']]);
    assert.deepEqual(years('Volvió en el 83 pidiendo trabajo.'), [['83', '1983']]);
  });
  it('not a share, a house number or an anniversary', () => {
    assert.deepEqual(years('Subió en el 60 por ciento.'), []);
    assert.deepEqual(years('Vive en el 45 de la calle Sucre.'), []);
    assert.deepEqual(years('en el 40 aniversario del golpe'), []);
    assert.deepEqual(years('en el 12 lo dejaron'), []);
  });
});
