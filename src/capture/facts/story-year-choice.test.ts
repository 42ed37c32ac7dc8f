import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import {
  chooseStoryYears,
  SURE_YEAR_FOLLOWED,
  surestReadings,
  yearChoiceHooks,
  yearChoices,
} from './story-year-choice.js';

const REF = '2025-01-01';

describe('story year choices', () => {
  it('offers a yearless day the year written before it and the reference year', () => {
    const text =
      'The militia entered the village in March 1994. On 6 April the plane was shot down and the killing began.';
    const found = findDates(text, REF);
    const choices = yearChoices(text, found, REF);
    const values = choices.map((c) => c.value);
    const own = choices[0]?.mention.value;
    assert.ok(own);
    // Whatever the rules read, the other year is offered and the own reading is not.
    assert.ok(!values.includes(own));
    assert.ok(values.includes('1994-04-06') || values.includes('2025-04-06'));
    for (const c of choices) assert.ok(c.features.includes('bias') && c.features.includes('lang=en'));
  });

  it('offers nothing for a day whose year is written', () => {
    const text = 'El 12 de julio de 2019 nos llevaron a la comisaría de Tolemaida.';
    assert.deepEqual(yearChoices(text, findDates(text, REF), REF), []);
  });

  it('moves a mention only when the model is over its threshold', () => {
    const text = 'En abril de 2002 empezó todo. El 12 de julio nos llevaron al cuartel.';
    const found = findDates(text, REF);
    const [choice] = yearChoices(text, found, REF);
    assert.ok(choice);
    const kind = choice.features.find((f) => f.startsWith('is='))!;
    const saved = yearChoiceHooks.model;
    try {
      yearChoiceHooks.model = { thresholds: { es: 0.8 }, weights: { [kind]: 0.5 } };
      assert.deepEqual(
        chooseStoryYears(text, found, REF).map((d) => d.value),
        found.map((d) => d.value),
      );
      yearChoiceHooks.model = { thresholds: { es: 0.8 }, weights: { [kind]: 5 } };
      const moved = chooseStoryYears(text, found, REF);
      assert.equal(moved.find((d) => d.start === choice.mention.start)?.value, choice.value);
      // The mentions given are not changed.
      assert.notEqual(choice.mention.value, choice.value);
    } finally {
      yearChoiceHooks.model = saved;
    }
  });
  it('tells the year written most and how many yearless days are offered each year', () => {
    // A testimony: 2017 written twice, 2024 once; "4 March" and "19 March" are weighed.
    const text =
      'They took us in January 2017. In February 2017 the beatings began. On 4 March we were moved. ' +
      'In 2024 I met him again, he said on 19 March he was released.';
    const choices = yearChoices(text, findDates(text, REF), REF);
    assert.ok(choices.length >= 2);
    for (const c of choices) {
      assert.equal(c.features.includes('alt-most-written'), c.value.startsWith('2017'));
      assert.equal(c.features.includes('own-most-written'), c.mention.value.startsWith('2017'));
      // The reference's year is offered to both yearless days: to every one of them.
      if (c.value.startsWith('2025')) assert.ok(c.features.includes('alt-share=>8'));
    }
  });

  it('moves a reading under its threshold only in a year the text is sure of elsewhere', () => {
    const under = (SURE_YEAR_FOLLOWED + 0.9) / 2;
    const weighed = [
      { mention: 'On the 25th of January', value: '2017-01-25', p: 0.95, threshold: 0.9 },
      { mention: 'In March', value: '2017-03', p: under, threshold: 0.9 },
      { mention: 'In March', value: '2025-03', p: under + 0.01, threshold: 0.9 },
      { mention: 'in June', value: '2019-06', p: under, threshold: 0.9 },
      { mention: 'in July', value: '2017-07', p: SURE_YEAR_FOLLOWED - 0.1, threshold: 0.9 },
    ];
    // March follows the sure 2017 (not the likelier 2025 no reading is sure of); June's 2019 and July's weak 2017 stay.
    assert.deepEqual(
      surestReadings(weighed).map((c) => `${c.mention}=${c.value}`),
      ['On the 25th of January=2017-01-25', 'In March=2017-03'],
    );
    // With no sure reading, nothing moves.
    assert.deepEqual(surestReadings(weighed.slice(1)), []);
  });
});
