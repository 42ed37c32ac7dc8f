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
  it('English rows and notes: after a preposition or a past participle', () => {
    assert.deepEqual(
      values(
        'N-03\t19\t13/11/2019\tFo Tan\treleased 16/11/2019; complaint filed 18/11\nNote: the family reached a lawyer only on 14/11.',
        '2019-11-30',
      ),
      ['2019-11-13', '2019-11-16', '2019-11-18', '2019-11-14'],
    );
    assert.deepEqual(values('12\tHadi Salim\t04/11/2019\tTahrir Square\tbody returned 05/11', '2025-10-01'), [
      '2019-11-04',
      '2019-11-05',
    ]);
  });
  it('not a post count, a score or a figure without a word before it', () => {
    assert.deepEqual(
      values('Status 03/09/2025. 10/12 of the rows are checked; the vote was 11/04.', '2025-09-03'),
      ['2025-09-03'],
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
