import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bounds, FuzzyDate, formatFuzzyDate, latestDay, parseLooseDate } from './dates.js';

describe('fuzzy dates', () => {
  it('validates precision and real calendar days', () => {
    assert.equal(FuzzyDate.safeParse({ precision: 'day', value: '2016-02-29' }).success, true);
    assert.equal(FuzzyDate.safeParse({ precision: 'day', value: '2017-02-29' }).success, false);
    assert.equal(FuzzyDate.safeParse({ precision: 'month', value: '2017-13' }).success, false);
    assert.equal(FuzzyDate.safeParse({ precision: 'year', value: '2017-05' }).success, false);
    assert.equal(FuzzyDate.safeParse({ precision: 'range', from: '2017-05', to: '2017-03' }).success, false);
    assert.equal(FuzzyDate.safeParse({ precision: 'range', from: '2017-03', to: '2017-05' }).success, true);
  });

  it('gives the earliest and latest day each date can mean', () => {
    assert.deepEqual(bounds({ precision: 'year', value: '2017' }), ['2017-01-01', '2017-12-31']);
    assert.deepEqual(bounds({ precision: 'month', value: '2016-02' }), ['2016-02-01', '2016-02-29']);
    assert.deepEqual(bounds({ precision: 'range', from: '2017-03', to: '2017-05' }), [
      '2017-03-01',
      '2017-05-31',
    ]);
    assert.equal(bounds({ precision: 'unknown' }), undefined);
    assert.equal(latestDay('2019-04'), '2019-04-30');
    assert.equal(formatFuzzyDate({ precision: 'range', from: '2017', to: '2018' }), '2017 – 2018');
  });

  it('reads the date formats of NGO spreadsheets, day first', () => {
    const day = (value: string) => ({ precision: 'day', value });
    assert.deepEqual(parseLooseDate('03/05/2017'), day('2017-05-03'));
    assert.deepEqual(parseLooseDate('3-5-2017'), day('2017-05-03'));
    assert.deepEqual(parseLooseDate('20170503'), day('2017-05-03'));
    assert.deepEqual(parseLooseDate('2017-05-03'), day('2017-05-03'));
    assert.deepEqual(parseLooseDate('2017-05-03T10:00:00Z'), day('2017-05-03'));
    assert.deepEqual(parseLooseDate('3 de mayo de 2017'), day('2017-05-03'));
    assert.deepEqual(parseLooseDate('May 3, 2017'), day('2017-05-03'));
    assert.deepEqual(parseLooseDate('mayo 2017'), { precision: 'month', value: '2017-05' });
    assert.deepEqual(parseLooseDate('05/2017'), { precision: 'month', value: '2017-05' });
    assert.deepEqual(parseLooseDate('2017'), { precision: 'year', value: '2017' });
    assert.equal(parseLooseDate('31/02/2017'), undefined);
    assert.equal(parseLooseDate('ayer'), undefined);
    assert.equal(parseLooseDate(''), undefined);
  });
});
