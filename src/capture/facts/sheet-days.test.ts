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
  it('nothing without a full day in the text, nor a post count, nor a span', () => {
    assert.deepEqual(values('Lo vi el 12/08 en la plaza.', '2025-10-14'), []);
    assert.deepEqual(
      values('Registro del 14/08/2011. 1/8 Hoy hablamos.', '2011-08-20').includes('2011-01-08'),
      false,
    );
    assert.deepEqual(values('Detenido el 14/08/2011; huelga el 03–17/09', '2025-10-14'), ['2011-08-14']);
  });
});
