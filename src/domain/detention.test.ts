import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deprivedOfLibertyOn, monthlySeries } from './detention.js';

const day = (value: string) => ({ precision: 'day' as const, value });
const month = (value: string) => ({ precision: 'month' as const, value });

describe('political-prisoner counts from detention timelines', () => {
  const periods = [
    { personId: 'a', status: 'detained', from: day('2017-04-10'), to: day('2017-06-01') },
    { personId: 'a', status: 'house_arrest', from: day('2017-06-01'), to: day('2018-01-15') },
    { personId: 'a', status: 'escaped', from: day('2018-01-15') },
    { personId: 'b', status: 'incommunicado', from: month('2017-05') },
    { personId: 'c', status: 'released_with_conditions', from: day('2017-01-01') },
    { personId: 'd', status: 'detained', from: day('2016-12-01'), to: month('2017-05') },
  ];

  it('counts each person once, only for statuses that deprive of liberty', () => {
    assert.deepEqual(deprivedOfLibertyOn(periods, '2017-04-20'), {
      day: '2017-04-20',
      certain: 2,
      possible: 2,
    });
    assert.deepEqual(deprivedOfLibertyOn(periods, '2017-07-01'), {
      day: '2017-07-01',
      certain: 2,
      possible: 2,
    });
    assert.deepEqual(deprivedOfLibertyOn(periods, '2018-02-01'), {
      day: '2018-02-01',
      certain: 1,
      possible: 1,
    });
  });

  it('reports imprecise dates as a range instead of guessing', () => {
    // b entered "in May 2017" and d left "in May 2017": on 15 May both are uncertain.
    assert.deepEqual(deprivedOfLibertyOn(periods, '2017-05-15'), {
      day: '2017-05-15',
      certain: 1,
      possible: 3,
    });
  });

  it('builds a monthly series', () => {
    const s = monthlySeries(periods, '2016-11', '2017-02');
    assert.deepEqual(
      s.map((d) => [d.day, d.certain]),
      [
        ['2016-11-01', 0],
        ['2016-12-01', 1],
        ['2017-01-01', 1],
        ['2017-02-01', 1],
      ],
    );
  });
});
