/** English years as a witness says them: "December of eighty-one", "in '85", "in eighty-six,", "nineteen eighty-two". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { ruleDates } from './index.js';
import { keepSpokenYears, SPOKEN_YEAR_END, spokenYears } from './spoken-years.js';

const values = (text: string, ref = '2025-01-01') => findDates(text, ref).map((d) => d.value);

describe('spoken years', () => {
  it('a month with its two-digit year after "of", in figures or words', () => {
    assert.deepEqual(values('They moved us from Rosario in May of 76, blindfolded.'), ['1976-05']);
    assert.deepEqual(values('What happened in October of seventy-nine, at the river?'), ['1979-10']);
    assert.deepEqual(values('It was the 3rd of April of eighty-four, a Tuesday.'), ['1984-04-03']);
    assert.deepEqual(values('The patrol came back in July of ninety.'), ['1990-07']);
  });
  it('an apostrophe year after a preposition or an article, not a decade', () => {
    assert.deepEqual(values("I was twelve in '89. My brother was older."), ['1989']);
    assert.deepEqual(values("They came in the '70s and in the seventies."), []);
  });
  it('a two-digit year in words only where it closes its clause; a count stays a count', () => {
    assert.deepEqual(values('My father died in the camp, in seventy-eight, of a fever.'), ['1978']);
    assert.deepEqual(values('In seventy-eight cases the court refused.'), []);
    assert.deepEqual(values('In May twenty people were taken.', '2025-06-01'), ['2025-05']);
  });
  it('a whole year in words', () => {
    assert.deepEqual(values('In nineteen seventy-six the soldiers burned the school.'), ['1976']);
    assert.deepEqual(values('We came back in two thousand and four.'), ['2004']);
  });
  it("a two-digit year below 30 is of this century up to the writer's year", () => {
    assert.deepEqual(
      spokenYears('They closed the road in March of 19.', '2025-01-01').map((d) => d.value),
      ['2019-03'],
    );
  });
  it('anchors the days told after it as its year in figures does', () => {
    const read = (year: string) =>
      ruleDates(
        `We crossed the border in April ${year}. In June we reached the camp, and on the 5th we slept.`,
        {
          reference: '2025-01-01',
        },
      ).map((d) => d.value);
    assert.deepEqual(read('of eighty-two'), read('1982'));
    assert.ok(read('of eighty-two').includes('1982-04-05'));
  });
  it('counts as a written year for the other rules', () => {
    assert.ok(SPOKEN_YEAR_END.test('December of eighty-one'));
    assert.ok(SPOKEN_YEAR_END.test("'85"));
    assert.ok(!SPOKEN_YEAR_END.test('the twenty-first'));
    assert.ok(!SPOKEN_YEAR_END.test('Sixty-nine years ago'));
  });
  it("the chooser's reading of a spoken year is taken back", () => {
    const text = 'It started in March of eighty.';
    const [d] = findDates(text, '2025-01-01');
    const moved = { ...d!, value: '2024-03', date: { precision: 'month' as const, value: '2024-03' } };
    assert.deepEqual(
      keepSpokenYears(text, [moved], '2025-01-01').map((x) => x.value),
      ['1980-03'],
    );
  });
});
