/** The months listed after a month without its year take that month's year. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a list of months', () => {
  it('each month listed is a date, in the first one’s year', () => {
    const v = values(
      'Informa que en los meses de febrero, marzo y abril las brigadas no pudieron entrar.',
      '2019-06-10',
    );
    assert.deepEqual(v, ['2019-02', '2019-03', '2019-04']);
    const w = values(
      'En octubre de 2020 empezó la huelga. La prensa la cubrió en noviembre y diciembre de ese año.',
      '2025-01-10',
    );
    assert.ok(w.includes('2020-11') && w.includes('2020-12'), w.join(' '));
  });
  it('not a capitalized name, nor a month with a year of its own', () => {
    assert.ok(!values('Se reunieron en marzo y Mayo Flores habló.', '2019-06-10').includes('2019-05'));
    assert.deepEqual(values('Los partes de mayo y junio de 1967.', '2025-01-10'), ['1967-05', '1967-06']);
  });
});
