/** A month alone about three months ahead of the writer, with nothing told in the past (dates.ts nearerAhead). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a month alone, a season ahead', () => {
  it('is the coming one when it lies at most half as far as the last one', () => {
    assert.deepEqual(
      values(
        'I have applied to the fund for help with a family gathering at the river in September.',
        '2026-05-26',
      ),
      ['2026-09'],
    );
  });
  it('the last one when the sentence tells the past', () => {
    assert.deepEqual(values('The parish held a family gathering at the river in September.', '2026-05-26'), [
      '2025-09',
    ]);
  });
});
