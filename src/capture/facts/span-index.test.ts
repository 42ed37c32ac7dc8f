import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanIndex } from './span-index.js';

/** A small deterministic generator, so a failure names its seed. */
function spansOf(seed: number, n: number): { start: number; end: number; id: number }[] {
  let x = seed;
  const next = (m: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % m;
  };
  return Array.from({ length: n }, (_, id) => {
    const start = next(200);
    return { start, end: start + next(25), id };
  });
}

describe('SpanIndex', () => {
  it('answers as a scan of every span would, in the order the spans were given', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const spans = spansOf(seed, 1 + (seed % 60));
      const index = new SpanIndex(spans);
      for (let start = -5; start < 230; start += 3)
        for (const len of [0, 1, 4, 17, 60]) {
          const end = start + len;
          const over = spans.filter((s) => s.start < end && start < s.end);
          const inside = spans.filter((s) => s.start >= start && s.end <= end);
          assert.deepEqual(
            index.overlapping(start, end),
            over,
            `seed ${seed} overlapping [${start}, ${end})`,
          );
          assert.deepEqual(index.inside(start, end), inside, `seed ${seed} inside [${start}, ${end})`);
          assert.equal(
            index.someOverlapping(start, end, (s) => s.id % 2 === 0),
            over.some((s) => s.id % 2 === 0),
          );
        }
    }
  });

  it('holds nothing when given nothing', () => {
    const index = new SpanIndex<{ start: number; end: number }>([]);
    assert.deepEqual(index.overlapping(0, 10), []);
    assert.equal(index.someOverlapping(0, 10), false);
  });
});
