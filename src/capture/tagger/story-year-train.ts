/**
 * Training for story-year-choice.ts: its examples from the development rounds' gold, and a deterministic logistic
 * regression (full-batch gradient descent from zero, L2-penalised), so the committed weights can be checked by
 * retraining (story-year-weights.test.ts).
 */
import { readdirSync } from 'node:fs';
import { commentOptions, documentOptions } from '../extract.js';
import { ruleDates } from '../facts/index.js';
import {
  type YearChoiceInput,
  type YearChoiceModel,
  yearChoiceHooks,
  yearChoices,
} from '../facts/story-year-choice.js';
import { loadDoc, ROUNDS } from './corpus.js';

/** A choice with its gold: `move` when only the other year's reading is annotated, not when only its own is. */
export interface YearExample {
  round: number;
  file: string;
  lang: string;
  /** The mention's start and own value, and the other reading (one mention may have several). */
  at: number;
  own: string;
  value: string;
  move: boolean;
  features: string[];
}

/** The development rounds (12 and up; 1–11 are the guard, held-apart rounds are not in ROUNDS). */
export const TRAINING_ROUNDS: readonly number[] = ROUNDS.map((r) =>
  Number(r.name.replace('eval', '') || 1),
).filter((n) => n > 11);

/** One development text: its gold dates and what the chooser was given for it (the article, each comment). */
export interface YearInputs {
  round: number;
  file: string;
  lang: string;
  gold: string[];
  inputs: YearChoiceInput[];
}

/** What the chooser is given in every text of `rounds`, read with the chooser off (each distinct input once). */
export function yearInputs(rounds: readonly number[] = TRAINING_ROUNDS): YearInputs[] {
  const out: YearInputs[] = [];
  const saved = { ...yearChoiceHooks };
  let seen: YearChoiceInput[] = [];
  yearChoiceHooks.model = null;
  yearChoiceHooks.sink = (_choices, input) => {
    const same = (s: YearChoiceInput) =>
      s.text === input.text && s.reference === input.reference && s.undated === input.undated;
    if (!seen.some(same)) seen.push({ ...input, found: [...input.found] });
  };
  try {
    for (const round of rounds) {
      const dir = new URL(`../eval${round}/`, import.meta.url);
      for (const file of readdirSync(dir)
        .filter((f) => /\.(html|txt)$/.test(f))
        .sort()) {
        seen = [];
        const { doc, ann } = loadDoc(dir, `eval${round}`, file);
        // The chooser sees only the dates stage, run on the article and then each comment as extraction runs it.
        const article = documentOptions(doc);
        ruleDates(doc.text, article);
        for (const [i, o] of commentOptions([], doc.author, doc.comments, article).entries())
          ruleDates(doc.comments[i]!.text, o);
        out.push({ round, file, lang: file.slice(0, 2), gold: ann.dates ?? [], inputs: seen });
      }
    }
  } finally {
    Object.assign(yearChoiceHooks, saved);
    if (!saved.sink) delete yearChoiceHooks.sink;
  }
  return out;
}

/** The labelled choices of some texts' inputs: a choice is labelled when the gold has one reading and not the other. */
export function examplesFrom(texts: readonly YearInputs[]): YearExample[] {
  const out: YearExample[] = [];
  for (const t of texts) {
    const gold = new Set(t.gold);
    for (const input of t.inputs)
      for (const c of yearChoices(input.text, input.found, input.reference, input.undated)) {
        const own = gold.has(c.mention.value);
        const other = gold.has(c.value);
        if (own === other) continue;
        out.push({
          round: t.round,
          file: t.file,
          lang: t.lang,
          at: c.mention.start,
          own: c.mention.value,
          value: c.value,
          move: other,
          features: c.features,
        });
      }
  }
  return out;
}

/** Every labelled choice the rules leave in `rounds`, read with the chooser off. */
export function yearExamples(rounds: readonly number[] = TRAINING_ROUNDS): YearExample[] {
  return examplesFrom(yearInputs(rounds));
}

export interface FitOptions {
  /** L2 penalty per feature weight. */
  l2: number;
  iterations: number;
  rate: number;
  /** Features seen in fewer examples are dropped. */
  minCount: number;
  /** Per language moved, the probability a mention must reach (chosen by leaving one round out: HISTORY.md). */
  thresholds: Readonly<Record<string, number>>;
}
export const FIT_DEFAULTS: FitOptions = {
  l2: 1,
  iterations: 1500,
  rate: 2,
  minCount: 3,
  thresholds: { en: 0.9, es: 0.85 },
};

const round3 = (x: number) => Math.round(x * 1000) / 1000 || 0;

/** Logistic regression by full-batch gradient descent from zero (deterministic; weights rounded to 0.001). */
export function fitYearChoice(
  examples: readonly Pick<YearExample, 'features' | 'move'>[],
  opts: FitOptions = FIT_DEFAULTS,
): YearChoiceModel {
  const count = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) count.set(f, (count.get(f) ?? 0) + 1);
  const names = [...count]
    .filter(([, n]) => n >= opts.minCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const rows = examples.map((e) => [
    ...new Set(e.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : []))),
  ]);
  const w = new Float64Array(names.length);
  const n = examples.length || 1;
  for (let it = 0; it < opts.iterations; it++) {
    const grad = new Float64Array(names.length);
    for (const [k, row] of rows.entries()) {
      let z = 0;
      for (const i of row) z += w[i]!;
      const err = 1 / (1 + Math.exp(-z)) - (examples[k]!.move ? 1 : 0);
      for (const i of row) grad[i]! += err;
    }
    for (let i = 0; i < w.length; i++) w[i]! -= (opts.rate * (grad[i]! + opts.l2 * w[i]!)) / n;
  }
  const weights: Record<string, number> = {};
  for (const [i, f] of names.entries()) if (round3(w[i]!) !== 0) weights[f] = round3(w[i]!);
  return { thresholds: opts.thresholds, weights };
}
