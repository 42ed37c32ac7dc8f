import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from '../facts/dates.js';
import { yearChoices } from '../facts/story-year-choice.js';
import { examplesFrom, fitYearChoice } from './story-year-train.js';

const REF = '2025-01-01';

/** A text as the bench caches it: the chooser's input and the gold dates. */
function cached(text: string, gold: (own: string, other: string) => string[]) {
  const found = findDates(text, REF);
  const [choice] = yearChoices(text, found, REF);
  assert.ok(choice);
  return {
    choice,
    texts: [
      {
        round: 40,
        file: 'en-x.txt',
        lang: 'en',
        gold: gold(choice.mention.value, choice.value),
        inputs: [{ text, found, reference: REF, undated: false }],
      },
    ],
  };
}

describe('year-choice examples from cached inputs', () => {
  const text = 'The soldiers came to the village in March 1982. On 14 July they burned the school.';

  it('labels a choice a move when only the other reading is in the gold', () => {
    const { choice, texts } = cached(text, (_own, other) => [other, '1982-03']);
    const [e] = examplesFrom(texts).filter((x) => x.value === choice.value);
    assert.equal(e?.move, true);
    assert.equal(e?.own, choice.mention.value);
  });

  it('labels it a stay when only its own reading is, and skips it when both or neither are', () => {
    const stay = cached(text, (own) => [own]);
    assert.equal(examplesFrom(stay.texts).find((x) => x.value === stay.choice.value)?.move, false);
    const both = cached(text, (own, other) => [own, other]);
    assert.equal(
      examplesFrom(both.texts).find((x) => x.value === both.choice.value),
      undefined,
    );
    const neither = cached(text, () => []);
    assert.equal(examplesFrom(neither.texts).length, 0);
  });

  it('learns a weight that moves what the gold moves', () => {
    const moves = [
      { features: ['bias', 'a'], move: true },
      { features: ['bias', 'b'], move: false },
    ];
    const model = fitYearChoice([...moves, ...moves, ...moves]);
    assert.ok((model.weights.a ?? 0) > 0 && (model.weights.b ?? 0) < 0);
  });
});
