/**
 * The committed weights are what training on the committed data gives: retraining (fixed seed,
 * fixed order) reproduces weights.ts number for number. Fails when the features, the labels, the
 * data or the trainer change without `node --import tsx bench/capture/tagger.ts --write`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXTRA, examplesOf, loadSet, ROUNDS } from './corpus.js';
import { train } from './perceptron.js';
import { WEIGHTS } from './weights.js';

describe('committed tagger weights', () => {
  it('retraining on every annotated round, the fixtures and own-heldout reproduces them', () => {
    const docs = [...ROUNDS, ...EXTRA].flatMap((r) => loadSet(r.dir, r.name));
    const model = train(docs.flatMap(examplesOf));
    assert.deepEqual(model.labels, WEIGHTS.labels);
    assert.equal(Object.keys(model.weights).length, Object.keys(WEIGHTS.weights).length);
    assert.deepEqual(model.weights, WEIGHTS.weights);
  });
});
