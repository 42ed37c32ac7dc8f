/** Spanish days with their month counted from the writer's: "el 24 de este mes", "el 30 del mes pasado". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const all = (text: string, ref: string) => findDates(text, ref).map((d) => [d.text, d.value]);

describe('a Spanish day "de este mes", "del mes pasado", "del mes que viene"', () => {
  it("is that day of the writer's month, the one before or the one after", () => {
    assert.deepEqual(all('Cumple 16 años el 21 de este mes y sigue preso.', '2019-03-04'), [
      ['21 de este mes', '2019-03-21'],
    ]);
    assert.deepEqual(all('Se lo llevaron el 28 del mes pasado.', '2020-01-06'), [
      ['28 del mes pasado', '2019-12-28'],
    ]);
    assert.deepEqual(all('La vista es el 2 del mes que viene.', '2021-11-20'), [
      ['2 del mes que viene', '2021-12-02'],
    ]);
  });
  it('the month alone stays a month', () => {
    assert.deepEqual(all('Este mes no hubo visitas.', '2019-03-04'), [['Este mes', '2019-03']]);
  });
});
