/** A Spanish day in words after its weekday ("el día jueves veinte de noviembre"): that day (stop 47). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a weekday before a day in words and its month', () => {
  // 2025-11-20 is a Thursday.
  it('is that day, not a bare weekday and a month', () => {
    assert.deepEqual(
      values(
        'Se fija la continuación para el día jueves veinte de noviembre del presente año.',
        '2025-11-04',
      ),
      ['2025-11-20'],
    );
    assert.deepEqual(
      values('Este jueves veinte de noviembre presentamos el informe en la sede.', '2025-11-04'),
      ['2025-11-20'],
    );
  });
});
