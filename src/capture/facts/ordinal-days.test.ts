/** English days written as an ordinal alone ("the 18th"): the month and year of the day or month named before. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const all = (text: string, ref: string) => findDates(text, ref).map((d) => [d.text, d.value]);
const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a day written as an ordinal alone', () => {
  it("takes a letter's month from its head", () => {
    assert.deepEqual(
      all(
        'Glinoe, 18 November 2025\nDear Mama, Your parcel of the 3rd arrived on the 11th, opened.',
        '2025-11-18',
      ),
      [
        ['18 November 2025', '2025-11-18'],
        ['3rd', '2025-11-03'],
        ['11th', '2025-11-11'],
      ],
    );
  });
  it("takes the month of a day of the writer's time written just before, in the same paragraph, over a story's", () => {
    assert.deepEqual(
      values(
        'My father was taken at the Jisr checkpoint on 3 October 2013.\n\nSince the prison opened on 9 December we looked at every list. My aunt drove there on the 11th and found nothing.',
        '2024-12-20',
      ),
      ['2013-10-03', '2024-12-09', '2024-12-11'],
    );
  });
  it('not across a line, nor from a weekday', () => {
    assert.deepEqual(
      values('Interview of 14 May 2026.\nIn May 1985: we left on Sunday the 12th.', '2026-05-14').includes(
        '2026-05-12',
      ),
      false,
    );
  });
  it("takes a story's month and year from the day dated before it, however far back the story is", () => {
    assert.deepEqual(
      values(
        'The crack appeared on 24 April 2013. On the 25th my mother came by bus, and by the 26th we knew.',
        '2025-04-12',
      ),
      ['2013-04-24', '2013-04-25', '2013-04-26'],
    );
    assert.deepEqual(
      values(
        'Fifty-two years ago tonight the gate fell. Students were killed between the 16th and the 19th.',
        '2025-11-17',
      ),
      ['1973-11-17', '2025-11-17', '1973-11-16', '1973-11-19'],
    );
  });
  it('a month with its year in the same sentence names it', () => {
    assert.deepEqual(
      values(
        'On 3 October 2013 he was arrested. In February 2016 he pleaded no contest and was freed on the 19th.',
        '2026-01-01',
      ),
      ['2013-10-03', '2016-02', '2016-02-19'],
    );
  });
  it('"of last month" counts from the reference, one day (guide §7: "17 December this year" is one day)', () => {
    assert.deepEqual(values('Old Rainisoa died on the 30th of last month.', '1948-11-14'), ['1948-10-30']);
    assert.deepEqual(values('Bring the papers when you come on the 18th of next month.', '2023-01-12'), [
      '2023-02-18',
    ]);
  });
  it("in the writer's time, a plan is the next such day and a past told the last", () => {
    assert.deepEqual(values('I will be out on the 3rd, in the morning.', '2010-12-28'), ['2011-01-03']);
    assert.deepEqual(values('On the 15th he was moved to the detention centre.', '2025-04-03'), [
      '2025-03-15',
    ]);
    assert.deepEqual(values('The court told him to come back on the 18th.', '2025-11-04'), ['2025-11-18']);
  });
  it('a past told with an irregular verb lies behind; an errand set by a told verb lies ahead', () => {
    assert.deepEqual(values('We lit candles on the 21st in the lane where he fell.', '2025-09-03'), [
      '2025-08-21',
    ]);
    assert.deepEqual(values('A cousin saw him at the clinic after the 26th, she said.', '2025-11-10'), [
      '2025-10-26',
    ]);
    assert.deepEqual(values('The clerk said to file the papers by the 17th.', '2025-01-10'), ['2025-01-17']);
  });
  it('a weekday beside it must fit: else a year written before that fits, or nothing', () => {
    assert.deepEqual(
      values(
        'In 2012 we lived in Minova.\nRecorded on Thursday 14 August 2025.\nThat was on the Tuesday, the 20th.',
        '2025-08-14',
      ),
      ['2012', '2025-08-14'],
    );
    assert.deepEqual(
      values('On 3 December 2008 she was taken. We heard on the Thursday, the 4th.', '2025-12-03'),
      ['2008-12-03', '2008-12-04'],
    );
  });
  it('an ordinal before its noun is no day', () => {
    assert.deepEqual(
      values('On 3 May 2024 the 33rd Light Infantry Division entered the 4th floor.', '2025-01-01'),
      ['2024-05-03'],
    );
    assert.deepEqual(
      values(
        'Since 1 March 2020, the 18th and 19th centuries were studied; the 36th anniversary.',
        '2025-01-01',
      ),
      ['2020-03-01'],
    );
    assert.deepEqual(values('It was the 3th of the list, 2st place.', '2025-01-01'), []);
  });
  it("a weekday and ordinal in a story told decades later takes the story's month when the weekday fits", () => {
    assert.deepEqual(
      values('The bombing came on 13 May 1985, but we were told to leave on Sunday the 12th.', '2026-05-13'),
      ['1985-05-13', '1985-05-12'],
    );
  });
  it("after a head's day and a story's month years back, an ordinal is left unread unless a weekday decides", () => {
    assert.deepEqual(
      values(
        'Transcribed 3 May 2025.\nWhere were you in April 1995?\nBefore dawn on the 18th they came.',
        '2025-04-22',
      ),
      ['2025-05-03', '1995-04'],
    );
    const counted = values(
      'Transcribed 3 May 2025.\nWhere were you in April 1995?\nThey counted on Sunday morning, the 23rd.',
      '2025-04-22',
    );
    assert.ok(counted.includes('1995-04-23'), counted.join(' '));
  });
  it('the second of two ordinals joined by "and" is a day too; "the 4th and final" is no day', () => {
    assert.deepEqual(values('On 2 May 2024 they came. On the 3rd and 4th we fled.', '2025-01-01'), [
      '2024-05-02',
      '2024-05-03',
      '2024-05-04',
    ]);
    assert.deepEqual(values('It was the 4th and final hearing.', '2025-01-01'), []);
  });
});

describe('a day written in ordinal words', () => {
  it("takes the story's year as a day in figures would", () => {
    assert.deepEqual(
      all(
        'They arrested me on 12 January 2019. I stayed there until the twenty-sixth of February.',
        '2026-02-14',
      ),
      [
        ['12 January 2019', '2019-01-12'],
        ['twenty-sixth of February', '2019-02-26'],
      ],
    );
    assert.deepEqual(
      values('In November 2020 they took him. He died there on the first of November.', '2026-01-29'),
      ['2020-11', '2020-11-01'],
    );
  });
  it('reads its own year, and no ordinal that is no day of a month', () => {
    assert.deepEqual(values('It was the thirty-first of July 2001.', '2025-12-14'), ['2001-07-31']);
    assert.deepEqual(values('the first of many, the second of the month', '2025-12-14'), []);
  });
});

describe('an ordinal beside its weekday', () => {
  it("takes the story's month the weekday fits over the head's day", () => {
    const v = values(
      'Recorded on Monday 11 August 2025.\n\nQ: Where were you in March 2011?\n\nA: At home. That was on the Friday, the 18th.',
      '2025-08-11',
    );
    assert.ok(v.includes('2011-03-18'));
  });
  it("not a month of the writer's year written without its year", () => {
    const v = values(
      'Before dawn on 3 June 2009 they came. I was filling in the report for May. We heard on the Thursday, the 4th.',
      '2025-06-20',
    );
    assert.ok(v.includes('2009-06-04') && !v.includes('2025-05-04'));
  });
});
