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

describe('an English deadline or schedule before a day without its year', () => {
  it('is ahead of the writer', () => {
    assert.deepEqual(values('Could your report address the scars? We need it by 10 June.', '2024-05-27'), [
      '2024-06-10',
    ]);
    assert.deepEqual(values('Deadline 15 August.', '2026-07-31'), ['2026-08-15']);
    assert.deepEqual(values('The court has scheduled a hearing for 19 January.', '2026-11-03'), [
      '2027-01-19',
    ]);
  });
  it('unless the sentence tells the past', () => {
    assert.deepEqual(values('By 10 June the soldiers had left the town.', '2024-05-27'), ['2023-06-10']);
    assert.deepEqual(values('The court scheduled a hearing for 19 January.', '2026-11-03'), ['2026-01-19']);
  });
});

describe("an English range's start without its year", () => {
  it('takes the year of the month that ends the range (rangeStartYears in dates.ts)', () => {
    assert.deepEqual(values('Date 21 October – November 2020 Location Oyigbo', '2025-01-01'), [
      '2020-10-21',
      '2020-11',
    ]);
    assert.deepEqual(values('The curfew ran from 20 December to February 2021.', '2025-01-01'), [
      '2020-12-20',
      '2021-02',
    ]);
  });
});

describe('a text with no date of its own', () => {
  const story =
    'Battle of Marawi. Background: the group was founded around 2012. On the afternoon of 23 May 2017 soldiers ' +
    'raided a house. The vicar general was taken hostage; he escaped on 16 September. Families gather every year ' +
    'at the cemetery on 28 December.';
  it("reads a day without its year in the story's year, not the capture's", () => {
    assert.deepEqual(
      findDates(story, '2025-01-01', true).map((d) => d.value),
      // The habit "gather every year at the cemetery on 28 December" is no date (guide §7; stop 44, round 23).
      ['2012', '2017-05-23', '2017-09-16'],
    );
  });
  it("leaves a dated text's days in the writer's time", () => {
    assert.deepEqual(
      findDates(story, '2025-01-01').map((d) => d.value),
      ['2012', '2017-05-23', '2024-09-16'],
    );
  });
});

describe('a free year after a word that compares, asks for, quotes or seasons it', () => {
  it('is a year', () => {
    assert.deepEqual(values('The bones may be older than 1987, the team said.', '2025-03-02'), ['1987']);
    assert.deepEqual(values('Do you have any records on that camp for 2011?', '2025-03-02'), ['2011']);
    assert.deepEqual(values('The old register says 2009, not 2008.', '2025-03-02'), ['2009', '2008']);
    assert.deepEqual(values('They were moved to a colony in the north in spring 2023.', '2025-03-02'), [
      '2023',
    ]);
  });
  it('not a decade, nor a count before its noun', () => {
    assert.deepEqual(
      values('The officers show them maps from 1950s surveys, not 1960s ones.', '2025-03-02'),
      [],
    );
    assert.deepEqual(values('They asked for 2000 signatures.', '2025-03-02'), []);
  });
  it('after a copula or "beyond", and "for" before a copula', () => {
    assert.deepEqual(values('Yes. It was 2001, in the winter, after the floods.', '2025-03-02'), ['2001']);
    assert.deepEqual(values('The closing date for claims is 2027 (to confirm).', '2025-03-02'), ['2027']);
    assert.deepEqual(values('Extend the inquiry beyond 2026.', '2025-03-02'), ['2026']);
    assert.deepEqual(values('The toll for 2024 is higher still.', '2025-03-02'), ['2024']);
    assert.deepEqual(values('The crowd was 2000 people strong.', '2025-03-02'), []);
  });
});
