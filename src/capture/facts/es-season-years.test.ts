/** A season with a two-digit year ("la primavera del 36") names the year (guide §7). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seasonTwoDigitYears } from './es-season-years.js';

const years = (text: string) =>
  seasonTwoDigitYears(text, new Date('2025-01-01T00:00:00Z')).map((d) => d.value);

describe('a season with a two-digit year', () => {
  it('is the year of the 1900s from 30, of the 2000s below up to the reference', () => {
    assert.deepEqual(years('Se fue a una reunión en la primavera del 36, y con eso bastó.'), ['1936']);
    assert.deepEqual(years('¿Qué recuerda usted del verano del 76?'), ['1976']);
    assert.deepEqual(years('Eso fue en el invierno de 08.'), ['2008']);
    assert.deepEqual(years('Volverán en el otoño del 29.'), []);
  });
  it('is no share or decimal', () => {
    assert.deepEqual(years('La cosecha del verano del 40 % se perdió.'), []);
    assert.deepEqual(years('un verano de 12,5 grados'), []);
  });
});
