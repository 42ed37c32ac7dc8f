/** An ordinal day right after its month takes that month's reading (month-then-ordinal.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { ordinalsAfterTheirMonth } from './month-then-ordinal.js';

const values = (text: string, ref: string) =>
  ordinalsAfterTheirMonth(text, findDates(text, ref))
    .map((d) => `${d.text}=${d.value}`)
    .filter((v) => /\d(?:st|nd|rd|th)=/u.test(v));

describe('an ordinal right after its month', () => {
  it('is a day of that month and year, across a full stop', () => {
    const text = 'They let me out in March 2024. On the 9th. My cousin was waiting at the gate.';
    assert.deepEqual(values(text, '2026-05-03'), ['9th=2024-03-09']);
  });
  it('after a comma, with a hedge, and the ordinal joined to it', () => {
    const text =
      'The trial was in August 2020. The first visit came in October 2020, the 3rd, I think, or the 4th. We talked through a glass.';
    assert.deepEqual(values(text, '2026-05-03'), ['3rd=2020-10-03', '4th=2020-10-04']);
  });
  it('but not after a month that closes a day ("from the 24th of May; on the 26th")', () => {
    const text = 'The village was shelled from the 24th of May 1992; on the 26th the men were marched away.';
    assert.ok(!values(text, '2026-05-31').includes('26th=1992-05-24'));
    assert.deepEqual(
      ordinalsAfterTheirMonth(text, findDates(text, '2026-05-31')),
      findDates(text, '2026-05-31'),
    );
  });
  it('nor after a month farther back in the text', () => {
    const text =
      'She was born in May 1990. Years later, after the war and the camps, on the 12th they called us.';
    const found = findDates(text, '2026-05-03');
    assert.deepEqual(ordinalsAfterTheirMonth(text, found), found);
  });
});
