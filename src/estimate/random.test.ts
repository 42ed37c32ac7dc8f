import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lgamma, Random } from './random.js';

const moments = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean: m, variance: xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) };
};
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

/** Pearson χ² of draws against a pmf, cells with expected count < 5 pooled; returns [χ², df]. */
function chiSquare(xs: number[], pmf: (k: number) => number, max: number): [number, number] {
  const obs = new Map<number, number>();
  for (const x of xs) obs.set(x, (obs.get(x) ?? 0) + 1);
  let chi = 0;
  let df = -1;
  let poolE = 0;
  let poolO = 0;
  for (let k = 0; k <= max; k++) {
    const e = xs.length * pmf(k);
    const o = obs.get(k) ?? 0;
    if (e < 5) {
      poolE += e;
      poolO += o;
      continue;
    }
    chi += (o - e) ** 2 / e;
    df++;
  }
  if (poolE > 0) {
    chi += (poolO - poolE) ** 2 / poolE;
    df++;
  }
  return [chi, df];
}

const binomPmf = (n: number, p: number) => (k: number) =>
  Math.exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p));

describe('seeded random numbers', () => {
  it('repeats a sequence for a seed and separates streams', () => {
    const r0 = new Random(7);
    const a = draw(5, () => r0.uniform());
    const r1 = new Random(7);
    const r2 = new Random(7);
    assert.deepEqual(
      draw(5, () => r1.uniform()),
      draw(5, () => r2.uniform()),
    );
    const s1 = new Random(7, 1);
    assert.notDeepEqual(
      draw(5, () => s1.uniform()),
      a,
    );
    const r3 = new Random(3);
    const u = draw(20000, () => r3.uniform());
    assert.ok(u.every((x) => x > 0 && x < 1));
    const m = moments(u);
    assert.ok(Math.abs(m.mean - 0.5) < 0.01 && Math.abs(m.variance - 1 / 12) < 0.003);
  });

  it('gives log Γ to 1e-12', () => {
    assert.ok(Math.abs(lgamma(1)) < 1e-12 && Math.abs(lgamma(2)) < 1e-12);
    assert.ok(Math.abs(lgamma(11) - Math.log(3628800)) < 1e-12);
    assert.ok(Math.abs(lgamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-12);
  });

  it('draws binomials with the right distribution, by inversion and by BTRS', () => {
    const r = new Random(11);
    // χ² critical value at 0.999 is below df + 3.1·√(2 df) + 10 for these df.
    for (const [n, p] of [
      [12, 0.3],
      [60, 0.1],
      [200, 0.35],
      [1000, 0.8],
    ] as const) {
      const xs = draw(40000, () => r.binomial(n, p));
      const [chi, df] = chiSquare(xs, binomPmf(n, p), n);
      assert.ok(chi < df + 3.1 * Math.sqrt(2 * df) + 10, `Bin(${n}, ${p}): χ² ${chi.toFixed(1)} on ${df} df`);
    }
    const big = moments(draw(20000, () => r.binomial(1e7, 0.02)));
    assert.ok(Math.abs(big.mean - 2e5) < 5, `mean ${big.mean}`);
    assert.ok(Math.abs(big.variance / (1e7 * 0.02 * 0.98) - 1) < 0.05, `variance ${big.variance}`);
    assert.equal(r.binomial(0, 0.5), 0);
    assert.equal(r.binomial(9, 1), 9);
  });

  it('draws gamma, beta, Poisson and negative binomial with the right moments', () => {
    const r = new Random(5);
    for (const shape of [0.25, 1, 3.5, 400]) {
      const g = moments(draw(40000, () => r.gamma(shape)));
      assert.ok(Math.abs(g.mean / shape - 1) < 0.04, `Gamma(${shape}) mean ${g.mean}`);
      assert.ok(Math.abs(g.variance / shape - 1) < 0.08, `Gamma(${shape}) variance ${g.variance}`);
    }
    for (const [a, b] of [
      [1, 1],
      [1, 30],
      [5, 1],
      [3, 7],
    ] as const) {
      const m = moments(draw(40000, () => r.beta(a, b)));
      assert.ok(Math.abs(m.mean - a / (a + b)) < 0.01, `Beta(${a}, ${b}) mean ${m.mean}`);
      const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
      assert.ok(Math.abs(m.variance / v - 1) < 0.06, `Beta(${a}, ${b}) variance ${m.variance}`);
    }
    for (const lam of [3, 40, 5000]) {
      const m = moments(draw(40000, () => r.poisson(lam)));
      assert.ok(Math.abs(m.mean / lam - 1) < 0.02, `Poisson(${lam}) mean ${m.mean}`);
      assert.ok(Math.abs(m.variance / lam - 1) < 0.05, `Poisson(${lam}) variance ${m.variance}`);
    }
    // Failures before 200 successes with p = 0.8: mean 50, variance 62.5.
    const nb = moments(draw(40000, () => r.negativeBinomial(200, 0.8)));
    assert.ok(Math.abs(nb.mean - 50) < 0.3, `NB mean ${nb.mean}`);
    assert.ok(Math.abs(nb.variance / 62.5 - 1) < 0.05, `NB variance ${nb.variance}`);
  });

  it('keeps gamma and beta draws exact in log space for tiny shapes (no underflow to 0 or 1)', () => {
    // log G(a) has mean ψ(a) and variance ψ′(a); for a = 0.001: ψ ≈ −1000.576, ψ′ ≈ 1e6 (sd 1000).
    // In linear space G(0.001) = G(1.001)·U^1000 underflows to 0 for most U.
    const r = new Random(11);
    const lg = draw(20000, () => r.logGamma(0.001));
    assert.ok(lg.every(Number.isFinite), 'every log-gamma draw is finite');
    const m = moments(lg);
    assert.ok(Math.abs(m.mean + 1000.576) < 35, `E log G(0.001) = ${m.mean}`);
    assert.ok(Math.abs(m.variance / 1e6 - 1) < 0.1, `Var log G(0.001) = ${m.variance}`);
    // Beta(6, 0.001): V is within 1e-16 of 1 almost always, yet log(1 − V) must stay exact:
    // E log(1 − V) = ψ(0.001) − ψ(6.001) ≈ −1002.28; E log V = ψ(6) − ψ(6.001) ≈ −0.00018.
    const out = new Float64Array(2);
    const lv: number[] = [];
    const l1v: number[] = [];
    for (let i = 0; i < 20000; i++) {
      r.logBetaInto(6, 0.001, out);
      lv.push(out[0]!);
      l1v.push(out[1]!);
    }
    assert.ok(l1v.every(Number.isFinite), 'log(1 − V) never −∞');
    assert.ok(Math.abs(moments(l1v).mean + 1002.28) < 35, `E log(1 − V) = ${moments(l1v).mean}`);
    assert.ok(Math.abs(moments(lv).mean) < 0.01, `E log V = ${moments(lv).mean}`);
    // The shortcut shapes agree with the general path: Beta(1, 0.001) and Beta(2.5, 3.5).
    const one: number[] = [];
    for (let i = 0; i < 20000; i++) {
      r.logBetaInto(1, 0.001, out);
      one.push(out[1]!);
    }
    assert.ok(Math.abs(moments(one).mean + 1000) < 35, `Beta(1, 0.001): E log(1 − V) = ${moments(one).mean}`);
    const mid = draw(20000, () => Math.exp(r.logBeta(2.5, 3.5)[0]));
    assert.ok(Math.abs(moments(mid).mean - 2.5 / 6) < 0.01);
  });
});
