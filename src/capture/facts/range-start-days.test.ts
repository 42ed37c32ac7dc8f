import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayMention } from './calendar.js';
import { rangeStartDays } from './range-start-days.js';

describe("a range's first ordinal in its second's month", () => {
  it('takes the month and year the second end was read in', () => {
    const text = 'They came in the night of the 3rd to the 4th of March, four men.';
    const at = text.indexOf('4th');
    const second = dayMention(at, '4th of March', '1996-03-04', false);
    const out = rangeStartDays(text, [second]);
    assert.deepEqual(
      out.map((d) => [d.text, d.value]),
      [
        ['4th of March', '1996-03-04'],
        ['3rd', '1996-03-03'],
      ],
    );
  });
  it('not when the first is read already or the second is not', () => {
    const text = 'from the 11th to the 13th of May';
    const first = dayMention(text.indexOf('11th'), '11th', '2001-05-11', false);
    const second = dayMention(text.indexOf('13th'), '13th of May', '2001-05-13', false);
    assert.equal(rangeStartDays(text, [first, second]).length, 2);
    assert.equal(rangeStartDays(text, []).length, 0);
  });
});
