/** A year said beside its yearless day or month: one date. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleDates } from './index.js';

const values = (text: string, reference = '2023-09-09') => ruleDates(text, { reference }).map((d) => d.value);

describe('restated years', () => {
  it('a year, then ", in the <Month>": the month of that year, the year not again', () => {
    assert.deepEqual(values('My son was born in eighty-eight, in the March, in the camp.'), ['1988-03']);
    assert.deepEqual(values('My son was born in 1988, in the March, in the camp.'), ['1988-03']);
  });
  it('a day, then ", the \'74 I mean": that day of that year', () => {
    assert.deepEqual(values("It was the 11th of June, the '74 I mean, not this one."), ['1974-06-11']);
  });
  it('a year and a month of two events stay apart', () => {
    assert.deepEqual(values('She was held with me in 2001, and was released in July.'), ['2001', '2023-07']);
  });
});
