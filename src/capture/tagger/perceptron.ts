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
  const data = prepare(examples, opts.minCount);
  if (opts.bags <= 1) return modelOf(data.names, trainOne(data, opts.epochs, opts.seed));
  // Summed bag by bag in feature order, then averaged: the same sums, hence the same digits, as adding
  // each bag's rounded model (a bag's zero rows add nothing).
  const sum = new Float64Array(data.names.length * LABELS.length);
  for (let b = 0; b < opts.bags; b++) {
    const avg = trainOne(data, opts.epochs, opts.seed + b);
    for (let i = 0; i < avg.length; i++) sum[i]! += avg[i]!;
  }
  return modelOf(
    data.names,
    sum.map((x) => round(x / opts.bags)),
  );
}

interface Prepared {
  /** The kept features, sorted; an example's features are indices into it. */
  names: string[];
  examples: { f: Int32Array; y: number }[];
}

/**
 * Each example's distinct kept features as sorted indices (features seen in fewer than `minCount`
 * examples dropped): training then adds numbers in arrays instead of looking strings up in maps,
 * in the same order, so the weights are the same to the last digit.
 */
function prepare(examples: readonly Example[], minCount: number): Prepared {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts.keys()].filter((f) => counts.get(f)! >= minCount).sort();
  const id = new Map(names.map((f, i) => [f, i]));
  const labelIndex = new Map(LABELS.map((l, i) => [l, i]));
  return {
    names,
    examples: examples.map((e) => ({
      // Sorted names have sorted indices: the order the scores are summed in is the names' order.
      f: Int32Array.from(
        [...new Set(e.features)].flatMap((f) => (id.has(f) ? [id.get(f)!] : [])).sort((a, b) => a - b),
      ),
      y: labelIndex.get(e.label)!,
    })),
  };
}

/** One perceptron's averaged weights, rounded, feature by feature (row i·L … i·L+L−1). */
function trainOne(data: Prepared, epochs: number, seed: number): Float64Array {
  const L = LABELS.length;
  // w: current weights; u: sum of c·update (the averaging trick: average = w − u / c).
  const w = new Float64Array(data.names.length * L);
  const u = new Float64Array(data.names.length * L);
  const order = data.examples.map((_, i) => i);
  const rand = generator(seed);
  const s = new Float64Array(L);
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const { f, y } = data.examples[i]!;
      s.fill(0);
      for (const x of f) for (let k = 0; k < L; k++) s[k]! += w[x * L + k]!;
      let guess = 0;
      for (let k = 1; k < L; k++) if (s[k]! > s[guess]!) guess = k;
      if (guess !== y) {
        for (const x of f) {
          w[x * L + y]! += 1;
          w[x * L + guess]! -= 1;
          u[x * L + y]! += c;
          u[x * L + guess]! -= c;
        }
      }
      c++;
    }
  }
  return w.map((x, i) => round(x - u[i]! / c));
}

/** The committed shape: features with a non-zero weight, sorted, each with its row of weights. */
function modelOf(names: readonly string[], flat: Float64Array): TaggerModel {
  const L = LABELS.length;
  const weights: Record<string, number[]> = {};
  names.forEach((f, i) => {
    const row = [...flat.subarray(i * L, i * L + L)];
    if (row.some((x) => x !== 0)) weights[f] = row;
  });
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
