/**
 * The LCMCR Gibbs sampler against posteriors computed without it. With the unobserved summed out
 * (prior p(N) ∝ 1/N), the posterior of the model's parameters θ given the observed table is
 *   p(θ | n_w) ∝ p(θ) · Π_w p_w(θ)^{n_w} · (1 − p_0(θ))^{−n},
 * and N − n | θ ~ NegBin(n, 1 − p_0(θ)). With one class, θ integrates out in closed form; with
 * two, importance sampling from the prior gives P(N ≤ x) to any precision. Either check fails if
 * a step of the sampler (n0's law, the unobserved in λ's counts, the stick-breaking, α) is wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lcmcr } from './lcmcr.js';
import { lgamma, Random } from './random.js';
import { type CaptureTable, listTotals, observedTotal } from './table.js';

/** Share of draws at or below x. */
const cdf = (draws: number[], x: number) => draws.filter((d) => d <= x).length / draws.length;

/** Quantile p of a weighted sample (values with weights). */
function weightedQuantile(values: Float64Array, weights: Float64Array, p: number): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  let total = 0;
  for (const w of weights) total += w;
  let acc = 0;
  for (const i of order) {
    acc += weights[i]!;
    if (acc >= p * total) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

describe('LCMCR against exact posteriors', () => {
  it('one class: the posterior of N equals the closed form Σ_N (1/N) N!/(N−n)! Π_j B(a_j + 1, N − a_j + 1)', () => {
    // 3 lists, 202 people; list totals a_j. With K* = 1, λ_j ~ Beta(1, 1) integrate out exactly.
    const t: CaptureTable = { lists: ['A', 'B', 'C'], counts: [0, 60, 50, 20, 40, 15, 12, 5] };
    const n = observedTotal(t);
    const a = listTotals(t);
    const logPost: number[] = [];
    let max = Number.NEGATIVE_INFINITY;
    for (let N = n; N <= 21 * n; N++) {
      let lp = -Math.log(N) + lgamma(N + 1) - lgamma(N - n + 1);
      for (const aj of a) lp += lgamma(aj + 1) + lgamma(N - aj + 1) - lgamma(N + 2);
      logPost.push(lp);
      if (lp > max) max = lp;
    }
    const w = logPost.map((l) => Math.exp(l - max));
    const total = w.reduce((x, y) => x + y, 0);
    let acc = 0;
    const exactCdf = (x: number) => {
      acc = 0;
      for (let N = n; N <= x; N++) acc += w[N - n]!;
      return acc / total;
    };
    let mean = 0;
    w.forEach((v, i) => {
      mean += ((n + i) * v) / total;
    });
    const r = lcmcr(t, {
      seed: 11,
      maxClasses: 1,
      chains: 2,
      burnIn: 500,
      iterations: 40_000,
      maxIterations: 40_000,
      thin: 2,
    });
    let sampled = 0;
    for (const d of r.draws) sampled += d / r.draws.length;
    assert.ok(Math.abs(sampled / mean - 1) < 0.01, `mean ${sampled.toFixed(1)} vs exact ${mean.toFixed(1)}`);
    // P(N ≤ x) at the sampler's quantiles against the exact CDF (MC sd ≈ 0.005 here).
    for (const p of [0.1, 0.5, 0.9]) {
      const x = [...r.draws].sort((u, v) => u - v)[Math.floor(p * r.draws.length)]!;
      const e = exactCdf(x);
      assert.ok(Math.abs(e - p) < 0.03, `P(N ≤ ${x}): exact ${e.toFixed(3)}, sampler ${p}`);
    }
  });

  it('two classes, α ~ Gamma(0.25, 0.25): P(N ≤ x) equals importance sampling of the collapsed posterior', () => {
    // A small table: 3 lists, 42 people (P(N > 21 n) is negligible, so the cap on n0 does not matter).
    const t: CaptureTable = { lists: ['A', 'B', 'C'], counts: [0, 8, 7, 4, 6, 4, 3, 10] };
    const n = observedTotal(t);
    const rng = new Random(2024, 99);
    const draws = 200_000;
    const values = new Float64Array(draws);
    const logW = new Float64Array(draws);
    const lam = new Float64Array(6);
    for (let s = 0; s < draws; s++) {
      // Prior: α ~ Gamma(0.25, rate 0.25); V ~ Beta(1, α), π = (V, 1 − V); λ_jk ~ U(0, 1).
      const alpha = Math.exp(rng.logGamma(0.25)) / 0.25;
      const [lv, l1v] = rng.logBeta(1, alpha);
      for (let i = 0; i < 6; i++) lam[i] = rng.uniform();
      const logPi = [lv, l1v];
      const pw = (w: number) => {
        let p = 0;
        for (let k = 0; k < 2; k++) {
          let lp = logPi[k]!;
          for (let j = 0; j < 3; j++) lp += Math.log(w & (1 << j) ? lam[3 * k + j]! : 1 - lam[3 * k + j]!);
          p += Math.exp(lp);
        }
        return p;
      };
      const p0 = pw(0);
      let lw = -n * Math.log1p(-p0);
      for (let w = 1; w < 8; w++) lw += t.counts[w]! * Math.log(pw(w));
      logW[s] = lw;
      values[s] = n + rng.negativeBinomial(n, 1 - p0);
    }
    let max = Number.NEGATIVE_INFINITY;
    for (const l of logW) if (l > max) max = l;
    const weights = logW.map((l) => Math.exp(l - max));
    let sw = 0;
    let sw2 = 0;
    for (const w of weights) {
      sw += w;
      sw2 += w * w;
    }
    const essIs = (sw * sw) / sw2;
    assert.ok(essIs > 1000, `importance sampling ESS ${essIs.toFixed(0)}`);
    const r = lcmcr(t, {
      seed: 5,
      maxClasses: 2,
      chains: 2,
      burnIn: 1000,
      iterations: 40_000,
      maxIterations: 40_000,
      thin: 2,
    });
    const isCdf = (x: number) => {
      let s = 0;
      for (let i = 0; i < draws; i++) if (values[i]! <= x) s += weights[i]!;
      return s / sw;
    };
    for (const p of [0.25, 0.5, 0.75, 0.9]) {
      const x = weightedQuantile(values, weights, p);
      const want = isCdf(x);
      const got = cdf(r.draws, x);
      assert.ok(
        Math.abs(got - want) < 0.04,
        `P(N ≤ ${x}): importance sampling ${want.toFixed(3)}, sampler ${got.toFixed(3)}`,
      );
    }
  });
});
