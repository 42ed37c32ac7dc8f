/** Words that put a weekday ahead of the writer, and words that only look like them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a weekday after "before dawn" or "before midnight"', () => {
  // 2024-05-08 is a Wednesday.
  it('is the last such day: a time of that day, not a deadline', () => {
    assert.deepEqual(
      values('Shortly before midnight on Monday, soldiers surrounded the camp.', '2024-05-08'),
      ['2024-05-06'],
    );
    assert.deepEqual(values('The market was crowded before dawn on Tuesday.', '2024-05-08'), ['2024-05-07']);
  });
  it('a future verb still looks ahead', () => {
    assert.deepEqual(values('The families will gather before dawn on Friday.', '2024-05-08'), ['2024-05-10']);
  });
});

describe('the future marker nearest the weekday decides', () => {
  it('a wish after a past aside', () => {
    assert.deepEqual(
      values(
        'She heard that the court will let families watch from a fenced area, and she wants to go on Friday.',
        '2024-05-08',
      ),
      ['2024-05-10'],
    );
  });
});

describe('a weekday before "the <ordinal>"', () => {
  it('names that day only: no second day near the writer', () => {
    assert.deepEqual(
      values('He was taken in March 2019. It was Friday, the 15th, after prayers.', '2025-11-20'),
      ['2019-03', '2019-03-15'],
    );
    assert.deepEqual(
      values('The army came in May 2004. They counted the graves on Sunday morning, the 23rd.', '2025-11-20'),
      ['2004-05', '2004-05-23'],
    );
  });
});
