/**
 * The learned year chooser (src/capture/facts/story-year-choice.ts), judged by leaving one development round out:
 * for each round, trained on the others and applied to it; per language, how many mentions it moves to the year the
 * gold has (right) and away from it (wrong), at each threshold. `--write` trains on every development round and
 * writes story-year-weights.ts. `--cache` keeps the chooser's inputs (the rules' dates of every development text) and
 * its gold: a change of features or candidates is then measured in about a minute, without re-extracting (stop 46).
 *   node --import tsx bench/capture/story-year-choice.ts [--cache /tmp/x.json] [--later 75] [--l2 1] [--plain]
 *     [--only es] [--candidates next,turn,ago,head|none] [--write]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CANDIDATES, type ExtraCandidate } from '../../src/capture/facts/story-year-candidates.js';
import {
  surestReadings,
  type YearChoiceModel,
  yearChoiceHooks,
} from '../../src/capture/facts/story-year-choice.js';
import {
  examplesFrom,
  FIT_DEFAULTS,
  fitYearChoice,
  type YearExample,
  type YearInputs,
  yearInputs,
} from '../../src/capture/tagger/story-year-train.js';

const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
// `--candidates next,turn,ago`: more years offered to the chooser (story-year-candidates.ts), to measure them.
// The default is the runtime's (`DEFAULT_CANDIDATES`); `--candidates none` offers none.
const offered = arg('--candidates');
yearChoiceHooks.candidates = (
  offered === undefined ? DEFAULT_CANDIDATES : offered === 'none' ? [] : offered.split(',')
) as ExtraCandidate[];
// `--cache`: the chooser's inputs (not its features), so a change of features is measured without re-extracting.
const cache = arg('--cache');
const inputs: YearInputs[] =
  cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : yearInputs();
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(inputs));
const extracted: YearExample[] = examplesFrom(inputs);
// `--only es`: one language's examples alone (does it gain from training beside the other's?).
const only = arg('--only');
const examples = only ? extracted.filter((e) => e.lang === only) : extracted;
const opts = {
  ...FIT_DEFAULTS,
  l2: Number(arg('--l2') ?? FIT_DEFAULTS.l2),
  minCount: Number(arg('--min-count') ?? FIT_DEFAULTS.minCount),
};
const keep = process.argv.includes('--plain') ? (f: string) => !f.includes(':') : (_: string) => true;
const drop = arg('--drop')?.split(',') ?? [];
const shaped = examples.map((e) => ({
  ...e,
  features: e.features.filter((f) => keep(f) && !drop.some((d) => f.includes(d))),
}));

const p = (m: YearChoiceModel, fs: readonly string[]) =>
  1 / (1 + Math.exp(-fs.reduce((z, f) => z + (m.weights[f] ?? 0), 0)));
console.log(
  `examples ${shaped.length}: move ${shaped.filter((e) => e.move).length}; ` +
    ['en', 'es']
      .map(
        (l) =>
          `${l} ${shaped.filter((e) => e.lang === l).length} (move ${shaped.filter((e) => e.lang === l && e.move).length})`,
      )
      .join(', '),
);
const rounds = [...new Set(shaped.map((e) => e.round))];
const scored: { e: YearExample; p: number }[] = [];
for (const r of rounds) {
  const model = fitYearChoice(
    shaped.filter((e) => e.round !== r),
    opts,
  );
  for (const e of shaped.filter((x) => x.round === r)) scored.push({ e, p: p(model, e.features) });
}
const full = fitYearChoice(shaped, opts);
// `--later 71`: the rounds from 71 on judged by a model trained on the earlier rounds only (as if unseen).
const later = Number(arg('--later') ?? 1000);
const older = fitYearChoice(
  shaped.filter((e) => e.round < later),
  opts,
);
const unseen = shaped.filter((e) => e.round >= later).map((e) => ({ e, p: p(older, e.features) }));
const inSample = shaped.map((e) => ({ e, p: p(full, e.features) }));
/**
 * Per mention, the surest other reading over the threshold, or over `SURE_YEAR_FOLLOWED` in a year the text has a
 * reading over it in (as the chooser: `surestReadings`); right when the gold has it (labelled choices only).
 */
function outcome(list: typeof scored, t: number, lang: string) {
  const byText = new Map<
    string,
    { mention: string; value: string; p: number; threshold: number; s: (typeof list)[0] }[]
  >();
  for (const s of list) {
    if (s.e.lang !== lang) continue;
    const text = `${s.e.round}/${s.e.file}`;
    const c = { mention: `${text}/${s.e.at}`, value: s.e.value, p: s.p, threshold: t, s };
    byText.set(text, [...(byText.get(text) ?? []), c]);
  }
  const moved = [...byText.values()].flatMap((cs) => surestReadings(cs).map((c) => c.s));
  const right = moved.filter((s) => s.e.move).length;
  const texts = new Set(moved.map((s) => `${s.e.round}/${s.e.file}`)).size;
  const rs = new Set(moved.map((s) => s.e.round)).size;
  return `${right} right / ${moved.length - right} wrong (${texts} texts, ${rs} rounds)`;
}
for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
  console.log(
    `t=${t}  LORO en ${outcome(scored, t, 'en')}  es ${outcome(scored, t, 'es')}   | in-sample en ${outcome(inSample, t, 'en')}  es ${outcome(inSample, t, 'es')}`,
  );
if (unseen.length)
  for (const t of [0.7, 0.8, 0.85, 0.9])
    console.log(
      `t=${t}  rounds >= ${later}, trained on the earlier: en ${outcome(unseen, t, 'en')}  es ${outcome(unseen, t, 'es')}`,
    );
if (process.argv.includes('--list')) {
  const t = Number(arg('--list'));
  for (const s of scored.filter((x) => x.p >= t).sort((a, b) => b.p - a.p))
    console.log(
      `${s.p.toFixed(2)} ${s.e.move ? 'RIGHT' : 'WRONG'} r${s.e.round}/${s.e.file}@${s.e.at} ${s.e.own} -> ${s.e.value} ${s.e.features.filter((f) => !f.includes(':')).join(' ')}`,
    );
}
if (process.argv.includes('--weights'))
  for (const [f, w] of Object.entries(full.weights)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 40))
    console.log(w, f);
if (process.argv.includes('--write')) {
  // The committed model: every development round, the committed options, every feature.
  const model = fitYearChoice(extracted);
  // In thousandths: whole numbers (a weight such as -0.434 would read to the linter as a constant typed by hand).
  const lines = Object.entries(model.weights)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([f, w]) => `  ${JSON.stringify(f)}: ${Math.round(w * 1000)},`);
  const file = new URL('../../src/capture/facts/story-year-weights.ts', import.meta.url);
  writeFileSync(
    file,
    `// Written by bench/capture/story-year-choice.ts --write from the development rounds' gold. Do not edit.\nimport type { YearChoiceModel } from './story-year-choice.js';\n\n/** The weights in thousandths. */\nconst THOUSANDTHS: Readonly<Record<string, number>> = {\n${lines.join('\n')}\n};\n\nexport const YEAR_CHOICE: YearChoiceModel = {\n  thresholds: ${JSON.stringify(model.thresholds)},\n  weights: Object.fromEntries(Object.entries(THOUSANDTHS).map(([f, w]) => [f, w / 1000])),\n};\n`,
  );
  // Written as the repository's formatter would (quoted keys unquoted): biome check stays clean after a retrain.
  execFileSync('npx', ['biome', 'format', '--write', file.pathname], { stdio: 'ignore' });
  console.log(`wrote ${lines.length} weights`);
}
