import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, UsageError } from '../domain/errors.js';
import { chapman, chapmanFromTable, lincolnPetersen } from './chapman.js';
import { combineChapman, combineProfiles } from './combine.js';
import { canonicalInputs, chooseMethod, dataWarnings, estimate, estimateStrata } from './estimate.js';
import { lcmcr } from './lcmcr.js';
import { fitLoglinear, pairTerms, profileLikelihood, searchModels } from './loglinear.js';
import { lgamma, Random } from './random.js';
import { posteriorSvg, strataSvg } from './svg.js';
import { type CaptureTable, listTotals, observedTotal, tablesFromRows } from './table.js';

/** Expected counts of an exactly independent population (non-integer on purpose). */
function independentTable(N: number, p: number[]): CaptureTable {
  const k = p.length;
  const counts = new Array(1 << k).fill(0);
  for (let w = 1; w < 1 << k; w++)
    counts[w] = N * p.reduce((a, pj, j) => a * (w & (1 << j) ? pj : 1 - pj), 1);
  return { lists: p.map((_, j) => `L${j + 1}`), counts };
}

/** A simulated population with latent classes (heterogeneous capture). */
function simulate(N: number, classes: { weight: number; p: number[] }[], seed: number): CaptureTable {
  const rng = new Random(seed);
  const k = classes[0]!.p.length;
  const counts = new Array(1 << k).fill(0);
  for (let i = 0; i < N; i++) {
    let u = rng.uniform();
    let c = classes[classes.length - 1]!;
    for (const cl of classes) {
      if (u < cl.weight) {
        c = cl;
        break;
      }
      u -= cl.weight;
    }
    let w = 0;
    c.p.forEach((pj, j) => {
      if (rng.uniform() < pj) w |= 1 << j;
    });
    counts[w]++;
  }
  counts[0] = 0;
  return { lists: names(k), counts };
}
const names = (k: number) => Array.from({ length: k }, (_, j) => `L${j + 1}`);

/** Fitted expected count of cell w from a fit's coefficients. */
const mu = (beta: number[], terms: number[], k: number, w: number) => {
  let eta = beta[0]!;
  for (let j = 0; j < k; j++) if (w & (1 << j)) eta += beta[1 + j]!;
  terms.forEach((t, i) => {
    if ((w & t) === t) eta += beta[1 + k + i]!;
  });
  return Math.exp(eta);
};

const near = (a: number, b: number, tol: number, what = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b} (tolerance ${tol})`);

/** A real-looking 3-list table (integer counts, not exactly independent). */
const three: CaptureTable = { lists: ['A', 'B', 'C'], counts: [0, 120, 100, 30, 90, 25, 20, 8] };

describe('two lists', () => {
  it('computes Lincoln–Petersen, Chapman and its log-transformed interval by hand', () => {
    assert.equal(lincolnPetersen(100, 80, 20), 400);
    assert.equal(lincolnPetersen(10, 10, 0), Number.POSITIVE_INFINITY);
    const c = chapman(100, 80, 20);
    near(c.estimate, (101 * 81) / 21 - 1, 1e-9, 'Chapman');
    near(c.variance, (101 * 81 * 80 * 60) / (21 ** 2 * 22), 1e-9, 'variance');
    const t = chapmanFromTable({ lists: ['A', 'B'], counts: [0, 80, 60, 20] });
    assert.equal(t.observed, 160);
    // Chao (1987): n + f0/C, n + f0·C with C = exp(1.96 √log(1 + var/f0²)).
    const f0 = (101 * 81) / 21 - 1 - 160;
    const C = Math.exp(1.959964 * Math.sqrt(Math.log(1 + c.variance / f0 ** 2)));
    near(t.interval[0], 160 + f0 / C, 1e-9, 'lower');
    near(t.interval[1], 160 + f0 * C, 1e-9, 'upper');
    const r = estimate({ lists: ['A', 'B'], counts: [0, 80, 60, 20] });
    assert.equal(r.method, 'chapman');
    assert.ok(r.warnings.some((w) => /independent/.test(w)));
    assert.match(r.reason ?? '', /two lists/);
    const forced = estimate({ lists: ['A', 'B'], counts: [0, 80, 60, 20] }, { method: 'lcmcr' });
    assert.equal(forced.method, 'chapman');
    assert.match(forced.reason ?? '', /LCMCR needs at least 3 lists/);
    const thin = estimate({ lists: ['A', 'B'], counts: [0, 80, 60, 3] });
    assert.ok(thin.warnings.some((w) => /biased \(m < 7\)/.test(w)));
  });
});

describe('log-linear models', () => {
  it('recovers the total of an exactly independent 3-list population', () => {
    const t = independentTable(1000, [0.5, 0.4, 0.2]);
    const f = fitLoglinear(t, [])!;
    near(f.estimate, 1000, 1e-6, 'estimate');
    near(f.unobserved, 1000 * 0.5 * 0.6 * 0.8, 1e-6, 'unobserved');
    assert.ok(f.converged);
  });

  it('fits the independence model on 3 lists as in closed form (Darroch 1958)', () => {
    // MLE: p_j = n_j / N and N − n = N Π(1 − n_j/N); fitted cells N Π p_j^x (1 − p_j)^(1−x).
    const f = fitLoglinear(three, [])!;
    const N = f.estimate;
    const nj = listTotals(three);
    const n = observedTotal(three);
    near(N - n, N * nj.reduce((a, m) => a * (1 - m / N), 1), 1e-6, 'Darroch equation');
    for (let w = 1; w < 8; w++) {
      const expected = N * nj.reduce((a, m, j) => a * (w & (1 << j) ? m / N : 1 - m / N), 1);
      near(mu(f.beta, [], 3, w), expected, 1e-6, `cell ${w}`);
    }
    near(N, 796.6, 0.05, 'N̂');
  });

  it('gives the classic closed form in the all-two-way model of 3 lists', () => {
    const t = three;
    const terms = pairTerms(3);
    const f = fitLoglinear(t, terms)!;
    assert.equal(f.df, 0);
    for (let w = 1; w < 8; w++) near(mu(f.beta, terms, 3, w), t.counts[w]!, 1e-6, `cell ${w}`);
    // No three-way interaction: z000 = z100·z010·z001·z111 / (z110·z101·z011).
    const c = t.counts;
    near(f.unobserved, (c[1]! * c[2]! * c[4]! * c[7]!) / (c[3]! * c[5]! * c[6]!), 1e-6, 'z000');
  });

  it('reproduces the observed two-way margins in the all-two-way model of 4 lists', () => {
    const t = simulate(3000, [{ weight: 1, p: [0.3, 0.25, 0.2, 0.35] }], 9);
    const terms = pairTerms(4);
    const f = fitLoglinear(t, terms)!;
    assert.equal(f.df, 15 - 11);
    for (const pair of [...terms, 1, 2, 4, 8]) {
      let obs = 0;
      let fit = 0;
      for (let w = 1; w < 16; w++)
        if ((w & pair) === pair) {
          obs += t.counts[w]!;
          fit += mu(f.beta, terms, 4, w);
        }
      near(fit, obs, 1e-6, `margin ${pair}`);
    }
  });

  it('puts the profile-likelihood limits where the closed-form profile drops by χ²₁/2', () => {
    // Independence on 3 lists: ℓ(N) = log N! − log (N−n)! + Σ_j [n_j log(n_j/N) + (N−n_j) log(1 − n_j/N)].
    const nj = listTotals(three);
    const n = observedTotal(three);
    const ell = (N: number) =>
      lgamma(N + 1) -
      lgamma(N - n + 1) +
      nj.reduce((a, m) => a + m * Math.log(m / N) + (N - m) * Math.log(1 - m / N), 0);
    let best = Number.NEGATIVE_INFINITY;
    for (let N = n; N < 2000; N += 0.01) best = Math.max(best, ell(N));
    const p = profileLikelihood(three, []);
    near(p.max - p.logLik(700), best - ell(700), 1e-6, 'profile shape');
    near(2 * (best - ell(p.interval[0])), 3.841459, 1e-3, 'lower limit');
    near(2 * (best - ell(p.interval[1])), 3.841459, 1e-3, 'upper limit');
    assert.ok(!p.upperOpen);
    assert.ok(p.interval[0] > n && p.interval[0] < 796.6 && p.interval[1] > 796.6);
    const r = estimate(three, { method: 'loglinear' });
    assert.deepEqual(r.interval, p.interval);
  });

  it('searches all hierarchical two-way models of 5 lists and finds dependence', () => {
    const rng = new Random(3);
    // Lists 1 and 2 share sources: being on 1 makes 2 much likelier.
    const counts = new Array(32).fill(0);
    for (let i = 0; i < 5000; i++) {
      let w = 0;
      const on1 = rng.uniform() < 0.3;
      if (on1) w |= 1;
      if (rng.uniform() < (on1 ? 0.6 : 0.1)) w |= 2;
      for (const j of [2, 3, 4]) if (rng.uniform() < 0.2) w |= 1 << j;
      counts[w]++;
    }
    counts[0] = 0;
    const fits = searchModels({ lists: names(5), counts }, { criterion: 'bic', threeWay: false });
    assert.equal(fits.length, 1024);
    assert.equal(fits[0]!.name, '[12][3][4][5]');
    const est = estimate({ lists: names(5), counts }, { method: 'loglinear' });
    assert.ok(est.interval[0] <= 5000 && 5000 <= est.interval[1], `interval ${est.interval} covers 5000`);
    assert.equal(est.models!.length, 5);
    assert.equal(est.models![0]!.model, est.averaged![0]!.model);
    assert.ok(est.model.startsWith(est.averaged!.length > 1 ? 'average of' : est.averaged![0]!.model));
    // The independence model ignores the dependence and lands far below.
    const indep = fitLoglinear({ lists: names(5), counts }, [])!;
    assert.ok(indep.estimate < est.interval[0]);
  });

  it('never fits a term whose lists share no one, and refuses data no model fits', () => {
    // Lists 1 and 2 never overlap: [12] is not estimable.
    const t: CaptureTable = { lists: names(3), counts: [0, 50, 40, 0, 30, 10, 12, 0] };
    assert.equal(fitLoglinear(t, [3]), undefined);
    assert.ok(searchModels(t).every((f) => !f.terms.includes(3)));
    assert.throws(
      () => estimate({ lists: names(3), counts: [0, 10, 3, 0, 7, 0, 0, 0] }),
      (e: unknown) => e instanceof InputError && /no one is on more than one list/.test(e.message),
    );
    // A list that holds no one is left out, with a warning (here: two lists remain, so Chapman).
    const r = estimate({ lists: names(3), counts: [0, 10, 10, 5, 0, 0, 0, 0] }, { method: 'loglinear' });
    assert.equal(r.method, 'chapman');
    assert.deepEqual(r.lists, ['L1', 'L2']);
    assert.ok(r.warnings.includes('list L3 holds no one here: left out'));
    near(r.estimate, (16 * 16) / 6 - 1, 1e-9, 'Chapman on the two lists left');
    // The empty list's coefficient runs to −∞: the fit is refused or flagged, never returned clean.
    const f = fitLoglinear({ lists: names(3), counts: [0, 10, 10, 5, 0, 0, 0, 0] }, []);
    assert.ok(f === undefined || f.warnings.length > 0);
  });

  it('reports an upper limit the data do not give', () => {
    // One person on two lists out of hundreds: N is barely bounded above.
    const t: CaptureTable = { lists: names(3), counts: [0, 300, 300, 1, 300, 0, 0, 0] };
    const r = estimate(t, { method: 'loglinear' });
    assert.ok(r.interval[1] > 10 * r.observed, `upper ${r.interval[1]}`);
    assert.ok(r.warnings.some((w) => /tiny overlap/.test(w)));
  });
});

describe('combining strata', () => {
  it('combines log-linear strata by the profile likelihood of the sum', () => {
    const a = simulate(1500, [{ weight: 1, p: [0.3, 0.25, 0.35] }], 21);
    const b = simulate(800, [{ weight: 1, p: [0.2, 0.3, 0.25] }], 22);
    const pa = profileLikelihood(a, []);
    const pb = profileLikelihood(b, []);
    // One stratum: its own interval back.
    const one = combineProfiles([pa]);
    near(one.interval[0], pa.interval[0], 0.5, 'single lower');
    near(one.interval[1], pa.interval[1], 0.5, 'single upper');
    // Two strata: at each limit the best split of T has deviance χ²₁ (brute force over splits).
    const c = combineProfiles([pa, pb]);
    const dev = (T: number) => {
      let min = Number.POSITIVE_INFINITY;
      const [lo, hi] = pa.interval;
      for (let i = 0; i <= 4000; i++) {
        const x = lo + ((hi - lo) * i) / 4000;
        if (T - x < observedTotal(b)) continue;
        min = Math.min(min, 2 * (pa.max - pa.logLik(x)) + 2 * (pb.max - pb.logLik(T - x)));
      }
      return min;
    };
    near(dev(c.interval[0]), 3.841459, 0.02, 'combined lower');
    near(dev(c.interval[1]), 3.841459, 0.02, 'combined upper');
    // Narrower than adding the intervals, wider than either alone.
    assert.ok(c.interval[0] > pa.interval[0] + pb.interval[0]);
    assert.ok(c.interval[1] < pa.interval[1] + pb.interval[1]);
    const rs = estimateStrata(
      new Map([
        ['a', a],
        ['b', b],
      ]),
      { method: 'loglinear' },
    );
    const all = rs[2]!;
    assert.equal(all.stratum, '(all)');
    near(all.estimate, rs[0]!.estimate + rs[1]!.estimate, 1e-9, 'sum');
    assert.ok(all.interval[0] <= 2300 && 2300 <= all.interval[1], `${all.interval}`);
  });

  it('uses one method for all strata, and mixes in two-list strata through their profile', () => {
    const a = simulate(1500, [{ weight: 1, p: [0.3, 0.25, 0.35] }], 31);
    // A regional list (L3) that holds no one in stratum b.
    const b0 = simulate(900, [{ weight: 1, p: [0.3, 0.3, 0] }], 32);
    const tables = new Map([
      ['a', a],
      ['b', b0],
    ]);
    const rs = estimateStrata(tables);
    assert.match(rs[0]!.reason!, /stratum "b" has fewer than 3 lists/);
    assert.deepEqual(
      rs.map((r) => r.method),
      ['loglinear', 'chapman', 'loglinear'],
    );
    assert.ok(rs[1]!.warnings.includes('list L3 holds no one here: left out'));
    assert.ok(rs[2]!.warnings.some((w) => /Lincoln–Petersen profile/.test(w)));
    const [lo, hi] = rs[2]!.interval;
    const sum = rs[0]!.estimate + rs[1]!.estimate;
    assert.ok(lo < sum && sum < hi, `${lo} < ${sum} < ${hi}`);
    assert.ok(lo > rs[0]!.interval[0] + rs[1]!.interval[0] && hi < rs[0]!.interval[1] + rs[1]!.interval[1]);
    assert.throws(() => estimateStrata(tables, { method: 'lcmcr' }), /stratum "b" has fewer/);
  });

  it('adds Chapman variances across strata', () => {
    const c = combineChapman([
      { observed: 160, estimate: 388.5, variance: 1200 },
      { observed: 90, estimate: 150, variance: 300 },
    ]);
    assert.equal(c.estimate, 538.5);
    assert.equal(c.variance, 1500);
    const f0 = 538.5 - 250;
    const C = Math.exp(1.959964 * Math.sqrt(Math.log(1 + 1500 / f0 ** 2)));
    near(c.interval[1], 250 + f0 * C, 1e-9, 'upper');
    const rs = estimateStrata(
      new Map([
        ['x', { lists: ['A', 'B'], counts: [0, 80, 60, 20] }],
        ['y', { lists: ['A', 'B'], counts: [0, 40, 30, 10] }],
      ]),
    );
    assert.equal(rs[2]!.method, 'chapman');
    near(rs[2]!.variance!, rs[0]!.variance! + rs[1]!.variance!, 1e-9, 'variance');
  });
});

describe('Bayesian latent-class MSE (LCMCR)', () => {
  const pop = simulate(
    2000,
    [
      { weight: 0.4, p: [0.6, 0.5, 0.5, 0.6, 0.5] },
      { weight: 0.6, p: [0.25, 0.3, 0.2, 0.25, 0.3] },
    ],
    11,
  );

  it('covers the true total of a heterogeneous population where log-linear independence fails', () => {
    const r = lcmcr(pop, {
      seed: 5,
      iterations: 6000,
      maxIterations: 12_000,
      burnIn: 1000,
      thin: 5,
      chains: 2,
    });
    assert.ok(r.interval[0] <= 2000 && 2000 <= r.interval[1], `interval ${r.interval}`);
    assert.ok(Number.isFinite(r.rhat) && r.rhat < 1.2, `R-hat ${r.rhat}`);
    assert.ok(r.ess > 20 && r.ess <= r.draws.length, `ESS ${r.ess}`);
    if (r.ess < 200)
      assert.ok(
        r.warnings.some((w) => /ESS/.test(w)),
        'low ESS is reported',
      );
    const indep = fitLoglinear(pop, [])!;
    assert.ok(indep.estimate < r.interval[0], 'heterogeneity biases independence downwards');
  });

  it('is reproducible for a seed, and the seed matters', () => {
    const o = { iterations: 300, maxIterations: 300, burnIn: 100, chains: 2, thin: 1 };
    const a = lcmcr(pop, { seed: 42, ...o });
    const b = lcmcr(pop, { seed: 42, ...o });
    assert.deepEqual(a.draws, b.draws);
    assert.equal(a.draws.length, 600);
    const c = lcmcr(pop, { seed: 43, ...o });
    assert.notDeepEqual(a.draws, c.draws);
    assert.notDeepEqual(a.perChain[0], a.perChain[1], 'chains differ');
  });

  it('flags chains that disagree and truncation that binds', () => {
    const r = lcmcr(pop, { seed: 1, iterations: 40, burnIn: 0, thin: 1, chains: 4, maxClasses: 2 });
    assert.ok(r.warnings.some((w) => /ESS/.test(w)));
    assert.ok(
      r.warnings.some((w) => /truncation may bind: on average 2\.0 of the 2 latent classes/.test(w)),
      r.warnings.join('; '),
    );
  });

  it('refuses settings and data it cannot use', () => {
    assert.throws(() => lcmcr(pop, { iterations: 0 }), UsageError);
    assert.throws(() => lcmcr(pop, { chains: 1.5 }), UsageError);
    assert.throws(() => lcmcr(pop, { iterations: 10, thin: 5 }), /too few draws/);
    assert.throws(() => lcmcr({ lists: ['A', 'B'], counts: [0, 1, 2, 3] }), /at least 3 lists/);
  });

  it('combines strata by summing posterior draws', () => {
    const tables = new Map([
      ['A', pop],
      ['B', simulate(1000, [{ weight: 1, p: [0.3, 0.3, 0.3, 0.3, 0.3] }], 12)],
    ]);
    const rs = estimateStrata(tables, { method: 'lcmcr', seed: 1, iterations: 1000, burnIn: 500, chains: 2 });
    assert.deepEqual(
      rs.map((r) => r.stratum),
      ['A', 'B', '(all)'],
    );
    const all = rs[2]!;
    assert.equal(all.observed, rs[0]!.observed + rs[1]!.observed);
    assert.deepEqual(
      all.draws!.slice(0, 5),
      [0, 1, 2, 3, 4].map((i) => rs[0]!.draws![i]! + rs[1]!.draws![i]!),
    );
    assert.ok(all.interval[0] <= 3000 && 3000 <= all.interval[1], `${all.interval}`);
    assert.ok(Number.isFinite(all.diagnostics!.rhat));
    // Strata draw from their own random streams: the same table in two strata gives other draws
    // (common random numbers would correlate the strata and distort the summed interval).
    const twins = estimateStrata(
      new Map([
        ['x', pop],
        ['y', pop],
      ]),
      { method: 'lcmcr', seed: 1, iterations: 200, burnIn: 50, chains: 2, thin: 1 },
    );
    assert.notDeepEqual(twins[0]!.draws, twins[1]!.draws);
  });
});

describe('choosing a method and warning about the data', () => {
  it('says which method and why', () => {
    assert.equal(chooseMethod({ lists: ['A', 'B'], counts: [0, 80, 60, 20] }).method, 'loglinear');
    assert.equal(chooseMethod({ lists: names(3), counts: [0, 10, 8, 2, 9, 1, 2, 1] }).method, 'loglinear');
    assert.match(chooseMethod({ lists: names(3), counts: [0, 100, 80, 2, 90, 3, 2, 1] }).reason, /overlap/);
    const c = chooseMethod(three);
    assert.equal(c.method, 'lcmcr');
    assert.match(c.reason, /heterogeneity/);
  });

  it('warns about tiny overlaps, empty cells, a dominating list and few people', () => {
    const w = dataWarnings({ lists: names(3), counts: [0, 900, 0, 3, 0, 40, 2, 1] });
    assert.ok(w.some((x) => /tiny overlap between L2 and L3 \(3\)/.test(x)));
    assert.ok(w.some((x) => /2 of 7 capture patterns are empty/.test(x)));
    assert.ok(
      w.some((x) => /list L1 holds 100% of everyone/.test(x)),
      w.join('; '),
    );
    assert.ok(
      dataWarnings({ lists: names(3), counts: [0, 5, 5, 2, 5, 2, 2, 1] }).some((x) => /only 22/.test(x)),
    );
  });
});

describe('reproducibility and plots', () => {
  it('hashes the same inputs and settings the same way, whatever the defaults given', () => {
    const a = canonicalInputs(three, {});
    assert.equal(a, canonicalInputs(new Map([['', three]]), { method: 'auto', seed: 1, chains: 4 }));
    assert.notEqual(a, canonicalInputs(three, { seed: 2 }));
    assert.match(a, /"engine":"testigo-estimate\/4"/);
  });

  it('draws standalone SVG', () => {
    const draws = Array.from({ length: 1000 }, (_, i) => 900 + (i % 200));
    const svg = posteriorSvg(draws, [905, 1095], 850);
    const bars = strataSvg([
      { stratum: 'Zulia & <Lara>', observed: 300, estimate: 420, interval: [380, 500] },
      { stratum: '(all)', observed: 600, estimate: 800, interval: [700, 950] },
    ]);
    for (const s of [svg, bars]) {
      assert.match(s, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.doesNotMatch(s, /href|url\(|@import|<script|<style/);
      // Every element opened is closed.
      const open = (s.match(/<[a-z]+[\s>]/g) ?? []).length;
      const closed = (s.match(/<\/[a-z]+>|\/>/g) ?? []).length;
      assert.equal(open, closed);
    }
    assert.match(svg, /95% interval 905 – 1,095/);
    assert.match(bars, /Zulia &amp; &lt;Lara&gt;/);
  });
});

describe('capture-history input', () => {
  const rows = (lines: string[][]) => lines.map((cells, i) => ({ row: i + 2, cells }));
  const read = (columns: string[], lines: string[][], strata?: string) =>
    tablesFromRows({ file: 'h.csv', columns, rows: rows(lines), strata });

  it('reads patterns with and without counts, by stratum', async () => {
    const t = await read(
      ['A', 'B', 'C', 'count', 'state'],
      [
        ['1', '0', '0', '10', 'Zulia'],
        ['1', '1', '0', '3', 'Zulia'],
        ['0', '0', '1', '4', 'Lara'],
        ['1', '1', '0', '2', 'Zulia'],
        ['0', '1', '1', '1', ''],
      ],
      'state',
    );
    assert.deepEqual([...t.keys()].sort(), ['(blank)', 'Lara', 'Zulia']);
    assert.deepEqual(t.get('Zulia')!.counts, [0, 10, 0, 5, 0, 0, 0, 0]);
    assert.deepEqual(t.get('Zulia')!.lists, ['A', 'B', 'C']);
    const u = await read(
      ['A', 'B'],
      [
        ['1', '0'],
        ['1', '0'],
        ['1', '1'],
      ],
    );
    assert.deepEqual(u.get('')!.counts, [0, 2, 0, 1]);
  });

  it('names the file, row and column of every bad value', async () => {
    const bad = async (columns: string[], lines: string[][], re: RegExp, strata?: string) =>
      assert.rejects(
        read(columns, lines, strata),
        (e: unknown) =>
          e instanceof InputError &&
          (re.test(e.message) || e.issues.some((i) => re.test(`${i.file}:${i.row}:${i.field}:${i.message}`))),
      );
    await bad(['A', 'B'], [['1', '2']], /h\.csv:2:B:"2" is not 0 or 1/);
    await bad(['A', 'B'], [['1', 'yes']], /h\.csv:2:B:"yes" is not 0 or 1/);
    await bad(['A', 'B', 'count'], [['1', '0', '-3']], /2:count:"-3" is not a non-negative whole number/);
    await bad(['A', 'B', 'count'], [['1', '0', '2.5']], /2:count:"2.5"/);
    await bad(['A', 'B', 'count'], [['1', '0', '']], /2:count:""/);
    await bad(
      ['A', 'B'],
      [
        ['1', '0'],
        ['0', '0'],
      ],
      /h\.csv:3:undefined:.*on no list/,
    );
    await bad(['A'], [['1']], /at least 2 list columns are needed, found 1 \(A\)/);
    await bad(['A', 'count'], [['1', '3']], /at least 2 list columns/);
    await bad(['A', 'B'], [['1', '0']], /strata column "region" is not in the file/, 'region');
    await bad(['A', 'B'], [], /h\.csv has no data rows/);
  });
});
