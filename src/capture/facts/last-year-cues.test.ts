/** A yearless day or month whose sentence names its year: "Last year …", "last May" (last-year-cues.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { lastOrNextMonthYear, lastYearBefore } from './last-year-cues.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('"Last year" opening the sentence of a yearless day', () => {
  it('puts the day in the year before the writer', () => {
    assert.deepEqual(values('Last year the families walked to the ministry on 20 November.', '2025-12-02'), [
      '2024',
      '2024-11-20',
    ]);
    assert.deepEqual(
      values('El año pasado marcharon hasta la gobernación el 20 de noviembre.', '2025-12-02'),
      ['2024', '2024-11-20'],
    );
  });
  it('not when it dates another verb inside the sentence, nor across a sentence', () => {
    assert.equal(lastYearBefore('A petition filed last year was turned down in March.', 44), false);
    assert.equal(lastYearBefore('Since last year the nurse has come once, in March.', 45), false);
    assert.equal(lastYearBefore('Last year was hard. We met on 3 May.', 31), false);
  });
});

describe('"last" or "next" on a month', () => {
  it('said in that very month, is the year before or after', () => {
    const may = new Date(Date.UTC(2025, 4, 17));
    assert.equal(lastOrNextMonthYear('last May', may, 5), 2024);
    assert.equal(lastOrNextMonthYear('last April', may, 4), 2025);
    assert.equal(lastOrNextMonthYear('next May', may, 5), 2026);
    assert.equal(lastOrNextMonthYear('in May', may, 5), undefined);
    assert.deepEqual(values('The commissioner warned last May of new atrocities.', '2025-05-17'), [
      '2024-05',
    ]);
  });
});
