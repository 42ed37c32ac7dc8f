/**
 * The capture tagger, trained and judged honestly: leave one round out. For each evaluation round
 * (src/capture/eval, eval2 … eval6) the tagger is trained on the other rounds plus the development
 * fixtures and bench/capture/own-heldout, and that round is scored with bench:capture's scorer —
 * rules alone against rules + tagger, per language and kind. `--write` then trains on everything
 * and writes src/capture/tagger/weights.ts (deterministic: the same data gives the same file).
 *   node --import tsx bench/capture/tagger.ts [--write] [--errors] [--adopt person:0,organization:10]
 *     [--pool-from 12] [--pools 12-19,22-29] [--leave-out 22-35] [--write-only]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { KINDS, precision, recall, scoreKind, type Tally, tally } from '../../src/capture/eval/score.js';
import { ruleEntities } from '../../src/capture/facts/index.js';
import { tokenize } from '../../src/capture/facts/tokens.js';
import { candidates } from '../../src/capture/tagger/candidates.js';
import {
  type CorpusDoc,
  EXTRA,
  examplesOf,
  factsOf,
  loadSet,
  ROUNDS,
} from '../../src/capture/tagger/corpus.js';
import { normForm } from '../../src/capture/tagger/label.js';
import {
  ADOPTED,
  BY_LANGUAGE,
  KEEP as COMMITTED_KEEP,
  DROP_MARGIN,
  DROP_MARGINS,
  KIND_MARGINS,
} from '../../src/capture/tagger/model.js';
import {
  type Example,
  pack,
  type TaggerModel,
  TRAIN_DEFAULTS,
  train,
} from '../../src/capture/tagger/perceptron.js';
import type { RefineOptions, TaggedKind } from '../../src/capture/tagger/refine.js';

const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
// Hyperparameters other than the committed defaults are for exploring only; --write uses the defaults.
const trainOpts = {
  ...TRAIN_DEFAULTS,
  epochs: Number(arg('--epochs') ?? TRAIN_DEFAULTS.epochs),
  minCount: Number(arg('--min-count') ?? TRAIN_DEFAULTS.minCount),
  seed: Number(arg('--seed') ?? TRAIN_DEFAULTS.seed),
  bags: Number(arg('--bags') ?? TRAIN_DEFAULTS.bags),
};
// `--adopt person:0,organization:10`: the kinds to try and their thresholds; the committed ones by default.
const adopt: ReadonlyMap<TaggedKind, number> = arg('--adopt')
  ? new Map(
      arg('--adopt')!
        .split(',')
        .map((x) => x.split(':'))
        .map(([k, t]) => [k as TaggedKind, Number(t ?? 0)]),
    )
  : ADOPTED;
const dropMargin = DROP_MARGIN;
// `--adopt-en organization:5`: thresholds for texts in one language, over those of --adopt.
const parseKinds = (x: string) =>
  new Map(
    x
      .split(',')
      .map((y) => y.split(':'))
      .map(([k, t]) => [k as TaggedKind, Number(t ?? 0)]),
  );
const byLanguage: Record<string, ReadonlyMap<TaggedKind, number>> = { ...BY_LANGUAGE };
for (const lang of ['en', 'es'])
  if (arg(`--adopt-${lang}`)) byLanguage[lang] = parseKinds(arg(`--adopt-${lang}`)!);
// `--keep place`: adopted kinds whose rule spans the tagger may not drop (it only adds spans of them).
const keep = new Set(
  (arg('--keep') ?? [...(COMMITTED_KEEP ?? [])].join(',')).split(',').filter(Boolean) as TaggedKind[],
);

const t0 = performance.now();
const LAST = ROUNDS.at(-1)!.name.slice(4);
const rounds = ROUNDS.map((r) => ({ name: r.name, docs: loadSet(r.dir, r.name) }));
const extra = EXTRA.flatMap((r) => loadSet(r.dir, r.name));
const examples = new Map<CorpusDoc, Example[]>();
for (const d of [...rounds.flatMap((r) => r.docs), ...extra]) examples.set(d, examplesOf(d));
{
  const labels = new Map<string, number>();
  for (const xs of examples.values()) for (const x of xs) labels.set(x.label, (labels.get(x.label) ?? 0) + 1);
  process.stdout.write(
    `${examples.size} documents, candidate spans by distant label: ${[...labels].map(([l, n]) => `${l} ${n}`).join(', ')}; loaded and featurized in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

// Candidate coverage: the share of annotated entities (rounds 2 on) one of whose forms is a candidate
// span of the text or its comments — an entity without one can never be added by the tagger.
{
  const cov = new Map<string, { n: number; covered: number }>();
  for (const r of rounds.filter((x) => x.name !== 'eval'))
    for (const d of r.docs) {
      const spans = new Set<string>();
      for (const t of [d.doc.text, ...d.doc.comments.map((c) => c.text)]) {
        const { entities } = ruleEntities(t, { reference: d.doc.reference.day });
        for (const c of candidates(t, tokenize(t), entities)) spans.add(normForm(t.slice(c.start, c.end)));
      }
      for (const k of ['persons', 'organizations', 'places'] as const)
        for (const g of d.ann[k] ?? []) {
          const x = cov.get(`${d.lang} ${k}`) ?? { n: 0, covered: 0 };
          x.n++;
          if (g.some((f) => spans.has(normForm(f)))) x.covered++;
          cov.set(`${d.lang} ${k}`, x);
        }
    }
  process.stdout.write(
    `candidate coverage, eval2–${LAST} (annotated entities with a form among the candidate spans): ${[...cov]
      .map(([k, x]) => `${k} ${(x.covered / x.n).toFixed(3)} (${x.covered}/${x.n})`)
      .join(', ')}\n`,
  );
}

type Scores = Map<string, Tally>; // `${lang} ${kind}` → tally
function score(docs: readonly CorpusDoc[], tagger: RefineOptions | null): Scores {
  const s: Scores = new Map();
  for (const d of docs) {
    const facts = factsOf(d.doc, tagger);
    for (const k of KINDS) {
      const key = `${d.lang} ${k}`;
      const t = s.get(key) ?? tally();
      s.set(key, t);
      scoreKind(t, d.file, k, facts, d.ann as never);
    }
  }
  return s;
}
const pr = (t: Tally | undefined) => (t ? `${precision(t).toFixed(3)} / ${recall(t).toFixed(3)}` : '–');
const add = (a: Scores, b: Scores) => {
  for (const [k, t] of b) {
    const x = a.get(k) ?? tally();
    x.tp += t.tp;
    x.fp += t.fp;
    x.fn += t.fn;
    x.splits += t.splits;
    a.set(k, x);
  }
};

// "place=4+person=2" → those kinds' margins ("0": none).
const marginsOf = (x: string) =>
  new Map(
    x
      .split('+')
      .filter((y) => y.includes('='))
      .map((y) => y.split('=') as [TaggedKind, string])
      .map(([k, m]) => [k, Number(m)] as const),
  );
// `--quick`: the adopted variant only (add + drop), for exploring.
const variants: { name: string; opts: (m: TaggerModel) => RefineOptions }[] = [
  ...(process.argv.includes('--quick') ? [] : [0]).map(() => ({
    name: 'rules + tagger (add)',
    opts: (model: TaggerModel) => ({
      model,
      kinds: adopt,
      drop: false,
      dropMargin,
      kindMargins: KIND_MARGINS,
      keep,
      byLanguage,
    }),
  })),
  // `--drop-margins 0,organization=5`: one variant per entry, a margin for every kind or, as
  // kind=margin (joined by "+"), for some kinds over the committed ones.
  ...(arg('--drop-margins') ?? String(DROP_MARGIN)).split(',').flatMap((d) =>
    (arg('--kind-margins') ?? 'committed').split(',').map((km) => ({
      name: `rules + tagger (add + drop > ${d}${arg('--kind-margins') ? `, kind > ${km}` : ''})`,
      opts: (model: TaggerModel) => ({
        model,
        kinds: adopt,
        drop: true,
        dropMargin: /=/.test(d) ? dropMargin : Number(d),
        dropMargins: /=/.test(d) ? new Map([...DROP_MARGINS, ...marginsOf(d)]) : DROP_MARGINS,
        kindMargins: km === 'committed' ? KIND_MARGINS : marginsOf(km),
        keep,
        byLanguage,
      }),
    })),
  ),
];
const pooledRules: Scores = new Map();
const pooled = variants.map(() => new Map() as Scores);
// `--pool-from 12`: also pool the rounds from eval12 on (at stop 36, the rounds no rule was written
// against); `--pools 12-19,22-29`: pool each range of rounds apart (rounds written at different stops).
/** "12-19,22,28-35": ranges of round numbers, a lone number its own range. */
const rangesOf = (spec: string): [number, number][] =>
  spec
    .split(',')
    .filter(Boolean)
    .map((r) => {
      const [a, b] = r.split('-').map(Number) as [number, number?];
      return [a, b ?? a];
    });
const roundNumber = (name: string) => Number(name.slice(4) || 1);
const inRange = ([a, b]: [number, number], name: string) => roundNumber(name) >= a && roundNumber(name) <= b;
const poolRanges: [number, number][] = [
  ...(arg('--pool-from') ? [[Number(arg('--pool-from')), Number.POSITIVE_INFINITY] as [number, number]] : []),
  ...rangesOf(arg('--pools') ?? ''),
];
const poolsOf = poolRanges.map((range) => ({
  range,
  rules: new Map() as Scores,
  tagged: variants.map(() => new Map() as Scores),
}));
process.stdout.write(
  `\n| left out | lang | kind | rules P / R | ${variants.map((v) => `${v.name} P / R`).join(' | ')} |\n|---|---|---|---|${variants.map(() => '---|').join('')}\n`,
);
// `--leave-out 22-35`: only those rounds are left out in turn (each still trained on all others);
// `--write-only`: none (just train on everything and write).
const leftOut = process.argv.includes('--write-only')
  ? []
  : rounds.filter(
      (r) => !arg('--leave-out') || rangesOf(arg('--leave-out')!).some((x) => inRange(x, r.name)),
    );
// `--train-every 2`: train on every second of the other rounds only (a learning curve: how much would
// more annotated rounds still help?). The fixtures and own texts are always trained on.
const trainEvery = Number(arg('--train-every') ?? 1);
const trainRounds = (held: (typeof rounds)[number]) =>
  rounds.filter((r) => r !== held).filter((_, i) => i % trainEvery === 0);
for (const held of leftOut) {
  const trainSet = [...trainRounds(held).flatMap((r) => r.docs), ...extra].flatMap((d) => examples.get(d)!);
  const model = train(trainSet, trainOpts);
  const base = score(held.docs, null);
  const tagged = variants.map((v) => score(held.docs, v.opts(model)));
  if (process.argv.includes('--errors')) {
    const last = tagged[tagged.length - 1]!;
    for (const [key, t] of last) {
      const before = new Set(base.get(key)?.errors);
      const after = new Set(t.errors);
      for (const e of t.errors) if (!before.has(e)) process.stdout.write(`  ${held.name} new: ${e}\n`);
      for (const e of before) if (!after.has(e)) process.stdout.write(`  ${held.name} fixed: ${e}\n`);
      if (process.argv.includes('--all-errors'))
        for (const e of t.errors) if (before.has(e)) process.stdout.write(`  ${held.name} kept: ${e}\n`);
    }
  }
  if (held.name !== 'eval') {
    add(pooledRules, base);
    for (const [i, t] of tagged.entries()) add(pooled[i]!, t);
  }
  for (const p of poolsOf)
    if (inRange(p.range, held.name)) {
      add(p.rules, base);
      for (const [i, t] of tagged.entries()) add(p.tagged[i]!, t);
    }
  for (const lang of ['en', 'es'])
    for (const k of ['persons', 'organizations', 'places'])
      process.stdout.write(
        `| ${held.name} | ${lang} | ${k} | ${pr(base.get(`${lang} ${k}`))} | ${tagged.map((t) => pr(t.get(`${lang} ${k}`))).join(' | ')} |\n`,
      );
}
for (const lang of leftOut.length ? ['en', 'es'] : [])
  for (const k of ['persons', 'organizations', 'places'])
    process.stdout.write(
      `| ${arg('--leave-out') ? `left out ${arg('--leave-out')}` : `eval2–${LAST}`} pooled | ${lang} | ${k} | ${pr(pooledRules.get(`${lang} ${k}`))} | ${pooled.map((t) => pr(t.get(`${lang} ${k}`))).join(' | ')} |\n`,
    );
for (const p of poolsOf) {
  const label = `eval${p.range[0]}–${Number.isFinite(p.range[1]) ? p.range[1] : LAST} pooled`;
  for (const lang of ['en', 'es'])
    for (const k of ['persons', 'organizations', 'places'])
      process.stdout.write(
        `| ${label} | ${lang} | ${k} | ${pr(p.rules.get(`${lang} ${k}`))} | ${p.tagged.map((t) => pr(t.get(`${lang} ${k}`))).join(' | ')} |\n`,
      );
}

if (process.argv.includes('--write')) {
  const all = [...rounds.flatMap((r) => r.docs), ...extra].flatMap((d) => examples.get(d)!);
  const model = train(all);
  const file = new URL('../../src/capture/tagger/weights.ts', import.meta.url);
  writeFileSync(file, weightsModule(model));
  // Formatted as the linter wants it, so that retraining on the same data leaves the file unchanged.
  execFileSync('npx', ['biome', 'format', '--write', file.pathname], { stdio: 'ignore' });
  process.stdout.write(`\nwrote ${file.pathname}: ${Object.keys(model.weights).length} features\n`);
}

/** The model as a TS module: feature names and weights (thousandths) in two parallel arrays. */
export function weightsModule(model: TaggerModel): string {
  const { names, milli } = pack(model);
  return `// Written by bench/capture/tagger.ts --write from the annotated rounds, fixtures and own-heldout. Do not edit.
import { type TaggerModel, unpack } from './perceptron.js';

const FEATURES: readonly string[] = ${JSON.stringify(names)};

/** Weights in thousandths, ${model.labels.length} per feature in the order of the labels below. */
const WEIGHTS_MILLI: readonly number[] = ${JSON.stringify(milli)};

export const WEIGHTS: TaggerModel = unpack(${JSON.stringify(model.labels)}, FEATURES, WEIGHTS_MILLI);
`;
}
