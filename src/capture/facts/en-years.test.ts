/** English years and months with no preposition before them: "that November", "b. 1958", "released 1991". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('English years and months without a preposition', () => {
  it('"that <Month>" is of the year written last before it', () => {
    assert.deepEqual(
      values(
        'Eight guardsmen were indicted in March 1974; the judge dismissed the case that November.',
        '2026-05-04',
      ),
      ['1974-03', '1974-11'],
    );
    assert.deepEqual(values('He was hanged at Pentonville that July.', '2026-04-13'), []);
    assert.deepEqual(values('In 1940, Theresa May said that May was hard.', '2026-04-13'), ['1940']);
  });
  it('a birth year after "b."', () => {
    assert.deepEqual(
      values('Witness: Laxmi Devi Adhikari, b. 1958, mother of the disappeared.', '2026-11-10'),
      ['1958'],
    );
    assert.deepEqual(values('Witness: Selahattin Ekinci (b. 1961)', '2026-02-14'), ['1961']);
  });
  it('a year right after what happened in it, but not a count before its noun', () => {
    assert.deepEqual(values('| 4 | W-03 | released 1991 under amnesty; died 2012 |', '2025-09-12'), [
      '1991',
      '2012',
    ]);
    assert.deepEqual(values('Left Bahrain 2013; asylum in the United Kingdom', '2025-06-18'), ['2013']);
    assert.deepEqual(values('The army released 2000 prisoners.', '2025-06-18'), []);
  });
  it("a timeline's year opening its line", () => {
    assert.deepEqual(
      values('Timeline:\n- 1942: Camp built on the land.\n- 1993: families return.', '2025-09-09'),
      ['1942', '1993'],
    );
  });
});
