/**
 * A multiclass averaged perceptron over named binary features (Collins 2002; the averaged weights
 * generalise like a regularised linear model). Training is deterministic: the examples are visited
 * in an order shuffled by a fixed-seed generator, so the same data gives the same weights, digit for
 * digit, and the committed model can be checked by retraining. Pure.
 */

export const LABELS = ['none', 'person', 'organization', 'place'] as const;
export type Label = (typeof LABELS)[number];

export interface Example {
  features: readonly string[];
  label: Label;
}

/** The committed form: one row of per-label weights for every feature kept. */
export interface TaggerModel {
  labels: readonly Label[];
  /** feature → weights in the order of `labels` (rounded: the model is a text file). */
  weights: Readonly<Record<string, readonly number[]>>;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Features seen in fewer training examples are dropped (noise, and a smaller file). */
  minCount: number;
  /**
   * How many perceptrons, each visiting the examples in its own order (seeds seed, seed+1, …), are
   * averaged into the model: one order's luck weighs less (steadier margins from one data change to the next).
   */
  bags: number;
}
export const TRAIN_DEFAULTS: TrainOptions = { epochs: 12, seed: 20261205, minCount: 2, bags: 5 };

/** mulberry32: a small, well-mixed 32-bit generator; the seed fixes the visiting order. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function scores(model: TaggerModel, features: readonly string[]): number[] {
  const s = model.labels.map(() => 0);
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let k = 0; k < s.length; k++) s[k]! += w[k]!;
  }
  return s;
}

/** The best label and its margin over "none" (how sure the model is that the span is a name of that kind). */
export function predict(model: TaggerModel, features: readonly string[]): { label: Label; margin: number } {
  const s = scores(model, features);
  let best = 0;
  for (let k = 1; k < s.length; k++) if (s[k]! > s[best]!) best = k;
  return { label: model.labels[best]!, margin: s[best]! - s[0]! };
}

// `|| 0`: no -0, which the committed text cannot tell from 0.
const round = (x: number) => Math.round(x * 1000) / 1000 || 0;

export function train(examples: readonly Example[], opts: TrainOptions = TRAIN_DEFAULTS): TaggerModel {
  if (opts.bags <= 1) return trainOne(examples, opts);
  const sum = new Map<string, number[]>();
  for (let b = 0; b < opts.bags; b++) {
    const m = trainOne(examples, { ...opts, seed: opts.seed + b });
    for (const [f, ws] of Object.entries(m.weights)) {
      const acc = sum.get(f) ?? ws.map(() => 0);
      ws.forEach((x, k) => {
        acc[k]! += x;
      });
      sum.set(f, acc);
    }
  }
  const weights: Record<string, number[]> = {};
  for (const f of [...sum.keys()].sort()) {
    const avg = sum.get(f)!.map((x) => round(x / opts.bags));
    if (avg.some((x) => x !== 0)) weights[f] = avg;
  }
  return { labels: [...LABELS], weights };
}

function trainOne(examples: readonly Example[], opts: TrainOptions): TaggerModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = (f: string) => (counts.get(f) ?? 0) >= opts.minCount;
  const L = LABELS.length;
  const labelIndex = new Map(LABELS.map((l, i) => [l, i]));
  // w: current weights; u: sum of c·update (the averaging trick: average = w − u / c).
  const w = new Map<string, Float64Array>();
  const u = new Map<string, Float64Array>();
  const row = (m: Map<string, Float64Array>, f: string) => {
    let r = m.get(f);
    if (!r) {
      r = new Float64Array(L);
      m.set(f, r);
    }
    return r;
  };
  const data = examples.map((e) => ({
    f: [...new Set(e.features)].filter(kept).sort(),
    y: labelIndex.get(e.label)!,
  }));
  const order = data.map((_, i) => i);
  const rand = generator(opts.seed);
  let c = 1;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const { f, y } = data[i]!;
      const s = new Float64Array(L);
      for (const x of f) {
        const r = w.get(x);
        if (r) for (let k = 0; k < L; k++) s[k]! += r[k]!;
      }
      let guess = 0;
      for (let k = 1; k < L; k++) if (s[k]! > s[guess]!) guess = k;
      if (guess !== y) {
        for (const x of f) {
          row(w, x)[y]! += 1;
          row(w, x)[guess]! -= 1;
          row(u, x)[y]! += c;
          row(u, x)[guess]! -= c;
        }
      }
      c++;
    }
  }
  const weights: Record<string, number[]> = {};
  for (const f of [...w.keys()].sort()) {
    const r = w.get(f)!;
    const a = u.get(f)!;
    const avg = [...r].map((x, k) => round(x - a[k]! / c));
    if (avg.some((x) => x !== 0)) weights[f] = avg;
  }
  return { labels: [...LABELS], weights };
}

/**
 * A model from its committed form: feature names and their weights in thousandths (whole numbers:
 * exact in text), label by label, in one flat list.
 */
export function unpack(
  labels: readonly Label[],
  names: readonly string[],
  milli: readonly number[],
): TaggerModel {
  if (milli.length !== names.length * labels.length)
    throw new Error(
      `tagger weights: ${milli.length} numbers for ${names.length} features × ${labels.length} labels`,
    );
  const weights: Record<string, number[]> = {};
  names.forEach((n, i) => {
    weights[n] = milli.slice(i * labels.length, (i + 1) * labels.length).map((k) => k / 1000 || 0);
  });
  return { labels, weights };
}

/** The committed form of a model: its feature names and their weights in thousandths. */
export function pack(model: TaggerModel): { names: string[]; milli: number[] } {
  const names = Object.keys(model.weights);
  return { names, milli: names.flatMap((n) => model.weights[n]!.map((w) => Math.round(w * 1000))) };
}
