/** A relative year or month restated by the date after it ("Last year, in April"): one date, in that year. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a relative year or month restated by the date after it', () => {
  it("puts a month in last year's year, and the year is no date of its own", () => {
    assert.deepEqual(
      values('Last year, in May, the soldiers burned our granary near the river.', '2026-11-30'),
      ['2025-05'],
    );
  });
  it('gives this year to a month said after it', () => {
    assert.deepEqual(values('We have written to the ministry again this year, in February.', '2024-10-02'), [
      '2024-02',
    ]);
  });
  it('puts a day after "next year" in the next year', () => {
    assert.deepEqual(values('Next year, on 3 March, we will read the names again.', '2025-03-03'), [
      '2026-03-03',
    ]);
  });
  it('gives a bare ordinal the month named before it, and the month is no date of its own', () => {
    assert.deepEqual(
      values('He wrote a story last October, on the 9th, about the checkpoint.', '2026-02-10'),
      ['2025-10-09'],
    );
  });
  it('leaves a full day after a relative month as two dates (GUIDE: "Next month, on 1 October")', () => {
    assert.deepEqual(values('Next month, on 1 October, there will be a holiday.', '2025-09-05'), [
      '2025-10',
      '2025-10-01',
    ]);
  });
  it('does not join dates in different clauses', () => {
    assert.deepEqual(values('They promised it last year. In June the court sat.', '2026-09-01'), [
      '2025',
      '2026-06',
    ]);
  });
});

describe('"N years ago" restated by its date', () => {
  it('this week of the anniversary', () => {
    assert.deepEqual(
      values('Eight years ago this week, on 12 and 13 March 2017, the police came.', '2025-03-14'),
      ['2017-03-12', '2017-03-13'],
    );
  });
  it('on the night of a day', () => {
    assert.deepEqual(
      values('Thirty years ago, on the night of 4 to 5 June 1995, the camp burned.', '2025-06-04'),
      ['1995-06-04', '1995-06-05'],
    );
  });
  it('does the same in Spanish after a comma: "El año pasado, en febrero"', () => {
    assert.deepEqual(values('El año pasado, en febrero, me llamaron de la fiscalía.', '2026-01-20'), [
      '2025-02',
    ]);
    assert.deepEqual(values('Volví el año pasado, en agosto, a ver la casa.', '2025-03-10'), ['2024-08']);
    assert.deepEqual(values('Este año, el 3 de marzo, leeremos los nombres.', '2026-01-20'), ['2026-03-03']);
  });
  it('leaves a Spanish relative year alone when no date follows it', () => {
    assert.deepEqual(values('Murió el año pasado, en Salto, sin ver nada.', '2026-01-20'), ['2025']);
  });
});
