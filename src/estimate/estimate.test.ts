import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../domain/errors.js';
import { chapman, chapmanFromTable, lincolnPetersen } from './chapman.js';
import { estimate, estimateStrata } from './estimate.js';
import { lcmcr } from './lcmcr.js';
import { fitLoglinear, pairTerms, profileInterval, searchModels } from './loglinear.js';
import { Random } from './random.js';
import { type CaptureTable, tablesFromRows } from './table.js';

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
  return { lists: c0(k), counts };
}
const c0 = (k: number) => Array.from({ length: k }, (_, j) => `L${j + 1}`);

const mu = (beta: number[], terms: number[], k: number, w: number) => {
  let eta = beta[0]!;
  for (let j = 0; j < k; j++) if (w & (1 << j)) eta += beta[1 + j]!;
  terms.forEach((t, i) => {
    if ((w & t) === t) eta += beta[1 + k + i]!;
  });
  return Math.exp(eta);
};

describe('two lists', () => {
  it('computes Lincoln–Petersen and Chapman by hand', () => {
    assert.equal(lincolnPetersen(100, 80, 20), 400);
    const c = chapman(100, 80, 20);
    assert.ok(Math.abs(c.estimate - ((101 * 81) / 21 - 1)) < 1e-9);
    assert.ok(Math.abs(c.variance - (101 * 81 * 80 * 60) / (21 ** 2 * 22)) < 1e-9);
    const t = chapmanFromTable({ lists: ['A', 'B'], counts: [0, 80, 60, 20] });
    assert.equal(t.observed, 160);
    assert.ok(t.interval[0] > 160 && t.interval[0] < t.estimate && t.interval[1] > t.estimate);
    const r = estimate({ lists: ['A', 'B'], counts: [0, 80, 60, 20] });
    assert.equal(r.method, 'chapman');
    assert.ok(r.warnings.some((w) => /independent/.test(w)));
  });
});

describe('log-linear models', () => {
  it('recovers the total of an exactly independent 3-list population', () => {
    const t = independentTable(1000, [0.5, 0.4, 0.2]);
    const f = fitLoglinear(t, [])!;
    assert.ok(Math.abs(f.estimate - 1000) < 1e-6, `estimate ${f.estimate}`);
    assert.ok(Math.abs(f.unobserved - 1000 * 0.5 * 0.6 * 0.8) < 1e-6);
    const [lo, hi] = profileInterval(t, []);
    assert.ok(lo < 1000 && hi > 1000 && lo >= 1000 - 240);
  });

  it('fits observed cells exactly in the saturated-minus-one model of 3 lists', () => {
    const t: CaptureTable = { lists: c0(3), counts: [0, 60, 45, 12, 30, 9, 8, 5] };
    const terms = pairTerms(3);
    const f = fitLoglinear(t, terms)!;
    assert.equal(f.df, 0);
    for (let w = 1; w < 8; w++)
      assert.ok(Math.abs(mu(f.beta, terms, 3, w) - t.counts[w]!) < 1e-6, `cell ${w}`);
  });

  it('reproduces the observed two-way margins in the all-two-way model of 4 lists', () => {
    const t = simulate(3000, [{ weight: 1, p: [0.3, 0.25, 0.2, 0.35] }], 9);
    const terms = pairTerms(4);
    const f = fitLoglinear(t, terms)!;
    for (const pair of terms) {
      let obs = 0;
      let fit = 0;
      for (let w = 1; w < 16; w++)
        if ((w & pair) === pair) {
          obs += t.counts[w]!;
          fit += mu(f.beta, terms, 4, w);
        }
      assert.ok(Math.abs(obs - fit) < 1e-5, `margin ${pair}: ${obs} vs ${fit}`);
    }
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
    const fits = searchModels({ lists: c0(5), counts }, { criterion: 'bic', threeWay: false });
    assert.equal(fits.length, 1024);
    assert.match(fits[0]!.name, /\[12\]/);
    const est = estimate({ lists: c0(5), counts }, { method: 'loglinear' });
    assert.ok(est.interval[0] <= 5000 && 5000 <= est.interval[1], `interval ${est.interval} covers 5000`);
  });
});

describe('Bayesian latent-class MSE', () => {
  const pop = simulate(
    2000,
    [
      { weight: 0.4, p: [0.6, 0.5, 0.5, 0.6, 0.5] },
      { weight: 0.6, p: [0.25, 0.3, 0.2, 0.25, 0.3] },
    ],
    11,
  );

  it('covers the true total of a heterogeneous population and reports diagnostics', () => {
    const r = lcmcr(pop, { seed: 5, iterations: 4000, burnIn: 1000, chains: 3 });
    assert.ok(r.interval[0] <= 2000 && 2000 <= r.interval[1], `interval ${r.interval}`);
    assert.ok(r.rhat < 1.1, `R-hat ${r.rhat}`);
    assert.ok(r.ess > 30, `ESS ${r.ess}`);
    if (r.ess < 400)
      assert.ok(
        r.warnings.some((w) => /ESS/.test(w)),
        'low ESS is reported',
      );
  });

  it('is reproducible for a seed', () => {
    const a = lcmcr(pop, { seed: 42, iterations: 300, burnIn: 100, chains: 2 });
    const b = lcmcr(pop, { seed: 42, iterations: 300, burnIn: 100, chains: 2 });
    assert.deepEqual(a.draws, b.draws);
    const c = lcmcr(pop, { seed: 43, iterations: 300, burnIn: 100, chains: 2 });
    assert.notDeepEqual(a.draws, c.draws);
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
    assert.ok(all.interval[0] <= 3000 && 3000 <= all.interval[1]);
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
      ],
      'state',
    );
    assert.deepEqual([...t.keys()].sort(), ['Lara', 'Zulia']);
    assert.equal(t.get('Zulia')!.counts[1], 10);
    assert.equal(t.get('Zulia')!.counts[3], 3);
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
          (re.test(e.message) || e.issues.some((i) => re.test(`${i.row}:${i.field}:${i.message}`))),
      );
    await bad(['A', 'B'], [['1', '2']], /2:B:"2" is not 0 or 1/);
    await bad(['A', 'B', 'count'], [['1', '0', '-3']], /2:count:"-3" is not a non-negative whole number/);
    await bad(['A', 'B', 'count'], [['1', '0', '2.5']], /2:count:"2.5"/);
    await bad(
      ['A', 'B'],
      [
        ['1', '0'],
        ['0', '0'],
      ],
      /3:.*on no list/,
    );
    await bad(['A'], [['1']], /at least 2 list columns/);
    await bad(['A', 'B'], [['1', '0']], /strata column "region" is not in the file/, 'region');
    await bad(['A', 'B'], [], /no data rows/);
  });
});
