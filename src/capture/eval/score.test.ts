/** The evaluation's scoring: entity matching by any written form, splits, misses, extras. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '../facts/index.js';
import { type Annotation, precision, recall, scoreKind, tally } from './score.js';

const person = (value: string, ...texts: string[]): Fact => ({
  kind: 'person',
  text: texts[0] ?? value,
  start: 0,
  end: 1,
  value,
  mentions: (texts.length ? texts : [value]).map((text) => ({ start: 0, end: 1, text })),
});
const ann: Annotation = {
  persons: [['Antonio Ledezma', 'Ledezma'], ['Nicolás Maduro', 'Maduro'], ['Lilian Tintori']],
  places: [],
  organizations: [],
  dates: [],
};

describe('evaluation scoring', () => {
  it('matches by value or any mention, folds accents, counts splits, extras and misses', () => {
    const t = tally();
    scoreKind(
      t,
      'x',
      'persons',
      [
        person('Antonio Ledezma', 'Antonio Ledezma', 'Ledezma'),
        person('Nicolas Maduro'),
        person('Maduro'), // the same person suggested twice: a split
        person('Alfredo Romero'), // not annotated
      ],
      ann,
    );
    assert.deepEqual([t.tp, t.fp, t.fn, t.splits], [2, 2, 1, 1]);
    assert.equal(precision(t), 0.5);
    assert.equal(recall(t), 2 / 3);
    assert.ok(t.errors.some((e) => e.includes('missed persons Lilian Tintori')));
  });
});
