import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedTable } from '../test-support/mse-reference.js';
import { averageProfiles, icWeights } from './average.js';
import { estimate } from './estimate.js';
import { MIN_TERM_SUPPORT, profileLikelihood } from './loglinear.js';
import type { CaptureTable } from './table.js';

/** People on every list of a term written as list numbers, e.g. "124". */
function support(t: CaptureTable, digits: string): number {
  const term = [...digits].reduce((m, d) => m | (1 << (Number(d) - 1)), 0);
  let s = 0;
  for (let w = 1; w < t.counts.length; w++) if ((w & term) === term) s += t.counts[w]!;
  return s;
}

describe('log-linear: sparsity guard and model averaging', () => {
  const kosovo = publishedTable('kosovo-1999');
  const uk = publishedTable('uk-modern-slavery-2013-5lists');

  it('one model: the average is its profile peak and interval (Rcapture on Kosovo [14][34][123])', () => {
    // Rcapture closedpCI.t: peak 10,334.5, profile interval [8,994.3 – 12,110.4].
    const p = profileLikelihood(kosovo, [0b1001, 0b1100, 0b0111, 0b0011, 0b0101, 0b0110]);
    assert.ok(Math.abs(p.argmax - 10334.5) < 1, `peak ${p.argmax}`);
    const a = averageProfiles([p], [1], 4400);
    assert.ok(Math.abs(a.estimate - p.argmax) < 0.5, `estimate ${a.estimate} vs peak ${p.argmax}`);
    assert.ok(Math.abs(a.interval[0] - 8994.3) < 1 && Math.abs(a.interval[1] - 12110.4) < 1, `${a.interval}`);
  });

  it('averages the models within the ΔIC window, point and interval from the same profiles', () => {
    const r = estimate(kosovo, { method: 'loglinear' });
    assert.ok(r.averaged!.length > 1, 'Kosovo has several models within ΔBIC 4');
    const w = r.averaged!.map((m) => m.weight);
    assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    const peaks = r.averaged!.map((m) => m.estimate);
    assert.ok(
      r.estimate > Math.min(...peaks) && r.estimate < Math.max(...peaks),
      `${r.estimate} within ${peaks}`,
    );
    assert.ok(r.interval[0] < Math.min(...peaks) && r.interval[1] > Math.max(...peaks) * 0.95);
    assert.match(r.model, /^average of \d models within ΔBIC 4/);
    assert.ok(r.warnings.some((x) => /model uncertainty/.test(x)));
    assert.deepEqual(icWeights([10, 10]), [0.5, 0.5]);
  });

  it('UK 2013: the default answer rests on no interaction term supported by fewer than 5 people', () => {
    // Before the guard BIC chose a model with a three-way term on 2 people (25,311).
    const r = estimate(uk, { method: 'loglinear' });
    for (const m of r.averaged!)
      for (const term of m.model.match(/\[(\d{2,})\]/g) ?? []) {
        const s = support(uk, term.slice(1, -1));
        assert.ok(s >= MIN_TERM_SUPPORT, `${m.model}: ${term} rests on ${s} people`);
      }
    // The guard can be lowered, and then the sparse terms come back into the search.
    const loose = estimate(uk, { method: 'loglinear', minTermSupport: 1 });
    const terms = loose.averaged!.flatMap((m) => m.model.match(/\[(\d{2,})\]/g) ?? []);
    assert.ok(
      terms.some((t) => support(uk, t.slice(1, -1)) < MIN_TERM_SUPPORT),
      terms.join(' '),
    );
  });
});
