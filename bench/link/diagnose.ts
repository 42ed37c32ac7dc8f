import { cluster } from '../../src/linkage/cluster.js';
import { Comparator, missingLevel, scorePair } from '../../src/linkage/compare.js';
import { encodeRecords, linkRecords } from '../../src/linkage/link.js';
import { probability, scoreTables, weightOf } from '../../src/linkage/model.js';
import { SYNTH_EVENT_FIELDS, SYNTH_IDENTITY_FIELDS } from '../../src/test-support/synth-fields.js';
import { readSynthDir } from './synth-dir.js';

const argv = process.argv.slice(2);
const dir = argv.find((a) => !a.startsWith('--'))!;
const show = Number(argv[argv.indexOf('--show') + 1] ?? 0) || 0;
const FIELDS = [...SYNTH_IDENTITY_FIELDS, ...(argv.includes('--all-fields') ? SYNTH_EVENT_FIELDS : [])].map(
  (s) => {
    const [column, type] = s.split(':');
    return { column: column!, type: type as 'name' };
  },
);

const { records, person } = readSynthDir(dir);
const t0 = performance.now();
const res = await linkRecords(records, { fields: FIELDS });
const o = res.outcome;
process.stdout.write(
  `linked ${records.length} records in ${((performance.now() - t0) / 1000).toFixed(1)} s; rules: ${o.rules.map((r) => `${r.label} (${r.pairs})`).join(' | ')}\n`,
);
process.stdout.write(`blocking recall estimate ${JSON.stringify(o.blockingRecall)}\n`);
if (o.automaticBlocking)
  process.stdout.write(
    `automatic blocking: budget ${o.automaticBlocking.budget}, estimated distinct pairs of the chosen rules ${Math.round(o.automaticBlocking.budgetUsed)} (summed over rules ${Math.round(o.automaticBlocking.blockPairs)}), simulated union recall ${o.automaticBlocking.unionRecall.toFixed(4)}; pairs compared ${o.compared}\n  ${o.automaticBlocking.chosen.map((c) => `${c.label}: ${Math.round(c.pairs)} (new ${Math.round(c.newPairs)})`).join('\n  ')}\n`,
  );
const scored = new Map<string, number>();
for (let k = 0; k < o.pairs.w.length; k++) scored.set(`${o.pairs.a[k]},${o.pairs.b[k]}`, o.pairs.w[k]!);
const byPerson = new Map<string, number[]>();
person.forEach((p, i) => {
  byPerson.set(p, [...(byPerson.get(p) ?? []), i]);
});
// Rebuild a comparator for unscored pairs (the encoding linkRecords itself uses).
const { enc: e } = encodeRecords(records, FIELDS);
const cmp = new Comparator(e.data);
const tables = scoreTables(res.model, e.data);
process.stdout.write(
  `dependencies: ${(res.model.dependencies ?? []).map((d) => `${FIELDS[d.a]!.column}×${FIELDS[d.b]!.column} ${d.bits[0]!.toFixed(2)}`).join(', ')}\n`,
);
process.stdout.write(
  `prior ${tables.prior.toFixed(1)} related ${tables.priorRelated.toFixed(1)}\n${res.model.fields
    .map(
      (f, k) =>
        `${f.column}: m ${f.m.map((x) => x.toFixed(3)).join(' ')} | u ${f.u.map((x) => x.toFixed(4)).join(' ')} | r ${f.r.map((x) => x.toFixed(3)).join(' ')} | w ${Array.from(tables.weights[k]!, (x) => x.toFixed(1)).join(' ')} | wr ${Array.from(tables.relatedWeights[k]!, (x) => x.toFixed(1)).join(' ')}`,
    )
    .join('\n')}\n`,
);
let truePairs = 0;
/** Same-person pairs never compared that would score at or above the threshold. */
const missedLinks: [number, number][] = [];
let found = 0;
let notCompared = 0;
let lowScore = 0;
let unlinked = 0;
const samples: string[] = [];
for (const ids of byPerson.values())
  for (let x = 0; x < ids.length; x++)
    for (let y = x + 1; y < ids.length; y++) {
      const a = ids[x]!;
      const b = ids[y]!;
      truePairs++;
      if (o.clusterOf[a] === o.clusterOf[b]) {
        found++;
        continue;
      }
      const w =
        scored.get(`${Math.min(a, b)},${Math.max(a, b)}`) ??
        scored.get(`${a},${b}`) ??
        scored.get(`${b},${a}`);
      let why: string;
      if (w === undefined) {
        const w2 = scorePair(cmp, tables, a, b, Number.NEGATIVE_INFINITY);
        why = w2 >= o.reviewWeight ? `not compared (${w2.toFixed(1)})` : `low (${w2.toFixed(1)})`;
        if (w2 >= o.thresholdWeight) missedLinks.push([a, b]);
        if (w2 >= o.reviewWeight) notCompared++;
        else lowScore++;
      } else if (w < o.thresholdWeight) {
        lowScore++;
        why = `review (${w.toFixed(1)})`;
      } else {
        unlinked++;
        why = `refused (${w.toFixed(1)})`;
      }
      if (samples.length < show) {
        const row = (i: number) => FIELDS.map((f) => records[i]!.values[f.column] ?? '').join('|');
        const parts = FIELDS.map((_, f) => {
          const l = cmp.level(f, a, b);
          return `${l}:${tables.weights[f]![l]!.toFixed(1)}/${tables.relatedWeights[f]![l]!.toFixed(1)}`;
        }).join(' ');
        samples.push(`${why}  [${parts}]\n  ${row(a)}\n  ${row(b)}`);
      }
    }
process.stdout.write(
  `true pairs ${truePairs}; linked ${found} (recall ${(found / truePairs).toFixed(4)}); missed: not compared (would score ≥ review) ${notCompared}, scored below threshold ${lowScore}, above threshold but not linked ${unlinked}\n`,
);
let fp = 0;
let predicted = 0;
const byCluster = new Map<number, number[]>();
o.clusterOf.forEach((c, i) => {
  byCluster.set(c, [...(byCluster.get(c) ?? []), i]);
});
for (const ids of byCluster.values())
  for (let x = 0; x < ids.length; x++)
    for (let y = x + 1; y < ids.length; y++) {
      predicted++;
      if (person[ids[x]!] !== person[ids[y]!]) fp++;
    }
process.stdout.write(`precision ${((predicted - fp) / predicted).toFixed(4)}\n${samples.join('\n')}\n`);

// Truth against the model: share of scored pairs that are the same person, per probability band.
const bands = [0.2, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01];
const bandRows = bands.slice(0, -1).map((from, i) => ({ from, to: bands[i + 1]!, pairs: 0, same: 0, p: 0 }));
for (let k = 0; k < o.pairs.w.length; k++) {
  const p = probability(o.pairs.w[k]!);
  const row = bandRows.find((r) => p >= r.from && p < r.to);
  if (!row) continue;
  row.pairs++;
  row.p += p;
  if (person[o.pairs.a[k]!] === person[o.pairs.b[k]!]) row.same++;
}
process.stdout.write(
  `calibration against truth (band: pairs, mean predicted, observed same person)\n${bandRows
    .map(
      (r) =>
        `  [${r.from}, ${Math.min(1, r.to)}): ${r.pairs}, ${(r.p / Math.max(1, r.pairs)).toFixed(3)}, ${(r.same / Math.max(1, r.pairs)).toFixed(3)}`,
    )
    .join('\n')}\n`,
);
// Calibration against truth in the review band and just above the threshold, by how much evidence
// a pair has: the fields missing in one record or the other (a cut that depends on the evidence
// is justified only if the probabilities are off for one kind of pair and not the other).
{
  const evBands = [0.2, 0.35, 0.5, 0.7];
  const kinds = ['0 missing', '1–2 missing', '3+ missing'];
  const cells = new Map<string, { pairs: number; p: number; same: number }>();
  for (let k = 0; k < o.pairs.w.length; k++) {
    const p = probability(o.pairs.w[k]!);
    const bi = evBands.findIndex((from, i) => p >= from && p < (evBands[i + 1] ?? 1.01));
    if (bi < 0 || bi === evBands.length - 1) continue;
    const a = o.pairs.a[k]!;
    const b = o.pairs.b[k]!;
    let missing = 0;
    for (let f = 0; f < FIELDS.length; f++)
      if (cmp.level(f, a, b) === missingLevel(FIELDS[f]!.type)) missing++;
    const key = `[${evBands[bi]}, ${evBands[bi + 1]}) ${kinds[missing === 0 ? 0 : missing <= 2 ? 1 : 2]}`;
    const c = cells.get(key) ?? { pairs: 0, p: 0, same: 0 };
    c.pairs++;
    c.p += p;
    if (person[a] === person[b]) c.same++;
    cells.set(key, c);
  }
  process.stdout.write(
    `calibration by evidence (band, fields missing: pairs, mean predicted, observed)\n${[...cells]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([k, c]) => `  ${k}: ${c.pairs}, ${(c.p / c.pairs).toFixed(3)}, ${(c.same / c.pairs).toFixed(3)}`)
      .join('\n')}\n`,
  );
}

/**
 * Cuts computed per run from the probabilities alone (pairs, before clustering): the one of best
 * expected F1, and the lowest with an expected precision of at least 0.98.
 */
function computedCuts(): { bestF1: number; precision98: number } {
  const ws = Float64Array.from(o.pairs.w).sort().reverse();
  const matches = o.expected.expectedMatches;
  let tp = 0;
  let best = { f1: -1, w: o.thresholdWeight };
  let p98 = ws[0] ?? o.thresholdWeight;
  for (let k = 0; k < ws.length; k++) {
    tp += probability(ws[k]!);
    const f1 = (2 * tp) / (k + 1 + matches);
    if (f1 > best.f1) best = { f1, w: ws[k]! };
    if (tp / (k + 1) >= 0.98) p98 = ws[k]!;
  }
  return { bestF1: probability(best.w), precision98: probability(p98) };
}

// What other thresholds would have given (same pairs, clustering rerun). The twin guard caps twins
// 1 bit under the run's threshold (p 0.33 at 0.5), so cuts below 0.34 would link them here and are
// not what a run at that threshold does: they are left out.
if (argv.includes('--sweep')) {
  const cuts = computedCuts();
  process.stdout.write(
    `computed cuts: best expected F1 at p ${cuts.bestF1.toFixed(3)}; expected precision 0.98 down to p ${cuts.precision98.toFixed(3)}\n`,
  );
  const thresholds = [0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, cuts.bestF1, cuts.precision98].filter(
    (t, i, all) => t >= 0.34 && all.indexOf(t) === i,
  );
  for (const t of thresholds) {
    const c = cluster(o.pairs, {
      n: records.length,
      thresholdWeight: weightOf(t),
      chainMargin: o.config.chainMargin,
      maxClusterSize: o.config.maxClusterSize,
      weightOf: (x, y) => scorePair(cmp, tables, x, y, Number.NEGATIVE_INFINITY),
    });
    let tp = 0;
    let pred = 0;
    const members = new Map<number, number[]>();
    c.clusterOf.forEach((k, i) => {
      const l = members.get(k);
      if (l) l.push(i);
      else members.set(k, [i]);
    });
    for (const ids of members.values())
      for (let x = 0; x < ids.length; x++)
        for (let y = x + 1; y < ids.length; y++) {
          pred++;
          if (person[ids[x]!] === person[ids[y]!]) tp++;
        }
    process.stdout.write(
      `threshold ${+t.toFixed(4)}: precision ${(tp / pred).toFixed(4)} recall ${(tp / truePairs).toFixed(4)}\n`,
    );
  }
}

// Which blocking keys would have found the never-compared pairs, and at what cost (--keys).
if (argv.includes('--keys')) {
  const { atomKeys, atomLabel, combineKeySets } = await import('../../src/linkage/blocking.js');
  const { keysAgree, pairsSharingKeys } = await import('../../src/linkage/key-sets.js');
  type A = import('../../src/linkage/blocking.js').Atom;
  const atoms: A[] = [];
  e.data.fields.forEach((f, k) => {
    const kinds =
      f.type === 'name'
        ? ['first', 'words', 'phonetic']
        : f.type === 'date'
          ? ['value', 'year', 'monthday']
          : ['value'];
    for (const kind of kinds) atoms.push({ field: k, kind: kind as A['kind'] });
  });
  atoms.push({ field: 1, kind: 'surnames', field2: 2 });
  for (const f of [0, 1, 2]) atoms.push({ field: f, kind: 'prefix', n: 1 });
  const keys = atoms.map((a) => atomKeys(e, a));
  const labels = atoms.map((a) =>
    atomLabel(
      a,
      FIELDS.map((f) => f.column),
    ),
  );
  const rows: { label: string; found: number; cost: number }[] = [];
  const tryRule = (idx: number[]) => {
    if (new Set(idx.map((k) => atoms[k]!.field)).size < idx.length) return;
    const ks = idx.map((k) => keys[k]!);
    let hit = 0;
    for (const [i, j] of missedLinks) if (ks.every((k) => keysAgree(k, i, j))) hit++;
    if (hit < 10) return;
    const cost = pairsSharingKeys(combineKeySets(ks, e.data.n), 2_000_001);
    if (cost <= 2_000_000) rows.push({ label: idx.map((k) => labels[k]).join('+'), found: hit, cost });
  };
  for (let x = 0; x < atoms.length; x++) {
    tryRule([x]);
    for (let y = x + 1; y < atoms.length; y++) {
      tryRule([x, y]);
      for (let z = y + 1; z < atoms.length; z++) tryRule([x, y, z]);
    }
  }
  rows.sort((p, q) => q.found / (q.cost + 1e4) - p.found / (p.cost + 1e4));
  process.stdout.write(
    `never-compared pairs that would link: ${missedLinks.length}\n${missedLinks
      .slice(0, show)
      .map(
        ([i, j]) =>
          `  ${FIELDS.map((f) => records[i]!.values[f.column] ?? '').join('|')}\n  ${FIELDS.map((f) => records[j]!.values[f.column] ?? '').join('|')}\n`,
      )
      .join('')}key: found, cost (pairs)\n${rows
      .slice(0, 60)
      .map((r) => `  ${r.label}: ${r.found}, ${r.cost}`)
      .join('\n')}\n`,
  );
}
