/** An English gathering named by its day, still to come (en-gatherings.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a gathering named by its day', () => {
  it('lies ahead when something is meant for it or comes before it', () => {
    assert.deepEqual(
      values('Notes prepared for the monthly meeting of 20 October at the town hall.', '2025-11-02'),
      ['2026-10-20'],
    );
    assert.deepEqual(values('Release them before the regional elections of 3 November.', '2025-11-20'), [
      '2026-11-03',
    ]);
  });
  it('is the past when the gathering alone is named', () => {
    assert.deepEqual(values('We thank the bishop for hosting the meeting of 20 October.', '2025-11-02'), [
      '2025-10-20',
    ]);
    assert.deepEqual(values('She counts the hearing of 26 October as a postponement.', '2025-11-02'), [
      '2025-10-26',
    ]);
  });
});
