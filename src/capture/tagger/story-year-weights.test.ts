/**
 * The committed year-choice weights are what training on the development rounds gives: retraining (full-batch
 * gradient descent from zero) reproduces story-year-weights.ts number for number. Fails when the features, the
 * date rules or the gold change without `node --import tsx bench/capture/story-year-choice.ts --write`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { YEAR_CHOICE } from '../facts/story-year-weights.js';
import { fitYearChoice, yearExamples } from './story-year-train.js';

describe('committed year-choice weights', () => {
  it('retraining on the development rounds reproduces them', () => {
    const model = fitYearChoice(yearExamples());
    assert.deepEqual(model.thresholds, YEAR_CHOICE.thresholds);
    assert.deepEqual(model.weights, YEAR_CHOICE.weights);
  });
});
