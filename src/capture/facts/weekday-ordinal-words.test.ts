/** A day spelled as an ordinal word after its weekday ("on the Saturday, the twelfth"): the story's month. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a weekday and an ordinal word', () => {
  it("takes the month of the story's month named before", () => {
    const v = values(
      'Interview of 20 March 2026.\nQ: Tell us about March 2008.\nA: On the Friday, the fourteenth, the shops burned.',
      '2026-03-20',
    );
    assert.ok(v.includes('2008-03-14'));
    assert.ok(!v.some((d) => d.startsWith('2026-03-1') && d !== '2026-03-20'));
  });
  it('gives the weekday read alone the day, and a day joined by "or"', () => {
    const v = values(
      'Recorded on 2 May 2025. It began in May 1994, and in June of 1992 too. So on Monday the second and Tuesday the third we hid; on the Sunday, the eighth, or the ninth, they came.',
      '2025-05-02',
    );
    for (const d of ['1994-05-02', '1994-05-03', '1994-05-08', '1994-05-09']) assert.ok(v.includes(d), d);
    assert.ok(!v.includes('2025-04-28') && !v.includes('2025-04-29'));
  });
  it('lets a figure after it continue its month', () => {
    const v = values(
      'Transcribed on 20 July 2024. We lived in the valley in the summer of 1993. On the Thursday, the fifteenth, the shelling began. The next day, the 16th, the buses came.',
      '2024-07-20',
    );
    assert.ok(v.includes('1993-07-15') && v.includes('1993-07-16'));
  });
  it('keeps a weekday already read as that day, and reads no noun', () => {
    assert.ok(
      values('Next Tuesday, the tenth, we speak with the lawyers.', '2026-02-03').includes('2026-02-10'),
    );
    assert.deepEqual(values('On Sunday the second time they came, nobody opened.', '2026-02-03').length, 1);
    assert.ok(!values('It was Friday, the first of many visits.', '2026-02-03').includes('2026-01-01'));
  });
});
