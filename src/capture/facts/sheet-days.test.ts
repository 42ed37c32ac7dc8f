/** Days in figures without a year in a sheet whose rows write their days in full. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a sheet\'s "el dd/mm" takes the year of its rows', () => {
  it('the year of the full day written last before it', () => {
    assert.deepEqual(
      values(
        '3 | Rufino Almada | 30 | 14/08/2011 | Tegucigalpa | Llegó desde Choluteca el 12/08',
        '2025-10-14',
      ),
      ['2011-08-14', '2011-08-12'],
    );
    assert.deepEqual(
      values(
        '| Hospital Central | 09/05/2018 | sin insulina desde el 06/05\n| audiencia 21/05 |',
        '2026-03-14',
      ),
      ['2018-05-09', '2018-05-06', '2018-05-21'],
    );
  });
  it('a row\'s cells: a bare cell, a bracketed one and a header\'s "al"', () => {
    assert.deepEqual(
      values(
        'N.º | Nombre | Fecha | Situación al 30/04\n1 | Pérez, Ana | 03/03/2016 | libre (09/03)\n2 | Ruiz, Eva | 11/03 | presa',
        '2026-01-10',
      ),
      ['2016-04-30', '2016-03-03', '2016-03-09', '2016-03-11'],
    );
  });
  it("a note's bracketed day under the sheet is the writer's, not the rows' year", () => {
    assert.equal(
      values('| 2 | 05/12/2002 | Kabul |\nNotes by Ana (26/10): rows checked.', '2026-10-30').includes(
        '2002-10-26',
      ),
      false,
    );
  });
  it('nothing without a full day in the text, nor a post count, nor a span', () => {
    assert.deepEqual(values('Lo vi el 12/08 en la plaza.', '2025-10-14'), []);
    assert.deepEqual(
      values('Registro del 14/08/2011. 1/8 Hoy hablamos.', '2011-08-20').includes('2011-01-08'),
      false,
    );
    assert.deepEqual(values('Detenido el 14/08/2011; huelga el 03–17/09', '2025-10-14'), ['2011-08-14']);
  });
});
