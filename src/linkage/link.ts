/**
 * Record linkage from start to end: blocking → u from random pairs → m by EM → scoring of candidate
 * pairs → clustering with the chaining guard. `linkEncoded` works on encoded columns (the CLI
 * streams files into them); `linkRecords` takes plain records (the case file). Both accept earlier
 * decisions and can restrict scoring to pairs touching new records, keeping existing clusters.
 */
import { UsageError } from '../domain/errors.js';
import {
  type Atom,
  atomFields,
  atomId,
  buildRuleBlocks,
  cachedAtomKeys,
  parseBlockExpr,
  type Rule,
  type RuleBlocks,
} from './blocking.js';
import { type BlockingChoice, chooseRules, refineAtomFor } from './choose-rules.js';
import { cluster, type Refusal } from './cluster.js';
import { Comparator, levelCount, type ScoreTables, scorePair } from './compare.js';
import { compoundHalvesGuard, type HalvesEvidence } from './compound-names.js';
import { type BlockingRecall, blockingRecall, type CalibrationRow, calibration } from './diagnostics.js';
import { type Encoded, RecordEncoder } from './encode.js';
import { type Keys, keysAgree } from './key-sets.js';
import type { LabelledPairs } from './learn.js';
import {
  defaultM,
  type EmResult,
  estimateDependencies,
  estimateU,
  fieldModel,
  type LinkModel,
  listPairGroups,
  listPairIndex,
  listPairModel,
  probability,
  type RuleModel,
  randomPairs,
  residenceModel,
  runEm,
  scoreTables,
  weightOf,
} from './model.js';
import { Rng } from './random.js';
import { orderByInformation } from './review-order.js';
import { inferIdentityRoles } from './roles.js';
import { type BlockLayout, levelsOf, PairSink, planTasks, type ScoredPairs, scoreRange } from './score.js';
import { type ExpectedQuality, expectedQuality } from './threshold.js';
import {
  type FieldSpec,
  type LinkConfig,
  type LinkRecord,
  type RecordRef,
  type ResolvedConfig,
  resolveConfig,
} from './types.js';

/** Where pair work runs: in this thread, or in a pool of worker threads (parallel.ts). */
export interface PairExecutor {
  levels(a: Int32Array, b: Int32Array): Promise<Uint8Array>;
  score(
    tables: ScoreTables,
    rules: readonly BlockLayout[],
    minWeight: number,
    isNew: Uint8Array | null,
    onProgress?: (visited: number) => void,
  ): Promise<ScoredPairs & { compared: number }>;
  close(): Promise<void>;
}

export function inThreadExecutor(cmp: Comparator): PairExecutor {
  return {
    async levels(a, b) {
      return levelsOf(cmp, a, b);
    },
    async score(tables, rules, minWeight, isNew, onProgress) {
      const sink = new PairSink();
      let compared = 0;
      let visited = 0;
      for (const t of planTasks(rules, 2_000_000)) {
        const s = scoreRange(cmp, tables, rules, t.r, t.b0, t.b1, minWeight, isNew, sink);
        compared += s.compared;
        visited += s.visited;
        onProgress?.(visited);
      }
      return { ...sink.take(), compared };
    },
    async close() {},
  };
}

export interface LinkOptions {
  /** Record-index pairs a person decided on. */
  decisions?: readonly { a: number; b: number; same: boolean }[];
  /** 1 for records new since the last run: only pairs touching one of them are scored. */
  isNew?: Uint8Array;
  /** Clusters from the last run (record indices), kept unless a decision separates them. */
  keep?: readonly (readonly number[])[];
  /** A model from an earlier run: skips estimation (u and m) entirely. */
  model?: LinkModel;
  executor?: PairExecutor;
  /** Stage progress, for the CLI's stderr. */
  onProgress?: (stage: string, done: number, total?: number) => void;
}

export interface RuleReport {
  label: string;
  blocks: number;
  pairs: number;
  largest: number;
  refined: number;
  refinedBy?: string;
  skipped: number;
  skippedRecords: number;
}

export interface LinkOutcome {
  clusterOf: Int32Array;
  clusters: number;
  largest: number;
  /** Scored pairs at or above the review probability (weights are log2 odds). */
  pairs: ScoredPairs;
  refused: Refusal[];
  model: LinkModel;
  rules: RuleReport[];
  automaticBlocking?: BlockingChoice;
  /** Estimated share of same-person pairs that blocking compared at all. */
  blockingRecall: BlockingRecall;
  /** Predicted vs observed (decisions) match rates per probability band. */
  calibration: CalibrationRow[];
  /** The threshold used and the precision and recall the model expects there. */
  expected: ExpectedQuality;
  /**
   * The twin guard's halves rule (compound-names.ts): what the documented halves pairs say and the
   * probability undocumented ones were capped at (absent: held at the guard's cap).
   */
  twinGuard: HalvesEvidence & { liftedCap?: number };
  compared: number;
  thresholdWeight: number;
  reviewWeight: number;
  config: ResolvedConfig;
  seconds: Record<string, number>;
}

/** Samples `count` pairs uniformly from a rule's blocks. */
function samplePairs(rb: RuleBlocks, count: number, rng: Rng): { a: Int32Array; b: Int32Array } {
  const blocks = rb.starts.length - 1;
  const cum = new Float64Array(blocks + 1);
  for (let k = 0; k < blocks; k++) {
    const c = rb.starts[k + 1]! - rb.starts[k]!;
    cum[k + 1] = cum[k]! + (c * (c - 1)) / 2;
  }
  const total = cum[blocks]!;
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const x = rng.float() * total;
    let lo = 0;
    let hi = blocks - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid + 1]! <= x) lo = mid + 1;
      else hi = mid;
    }
    const start = rb.starts[lo]!;
    const size = rb.starts[lo + 1]! - start;
    const i = rng.int(size);
    let j = rng.int(size - 1);
    if (j >= i) j++;
    a[s] = rb.order[start + i]!;
    b[s] = rb.order[start + j]!;
  }
  return { a, b };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Levels of the decided pairs, for EM (learn.ts); undefined without decisions. */
async function decidedLevels(
  decisions: LinkOptions['decisions'],
  exec: PairExecutor,
  data: Encoded['data'],
): Promise<LabelledPairs | undefined> {
  if (!decisions || decisions.length === 0) return undefined;
  const levels = await exec.levels(
    Int32Array.from(decisions, (d) => d.a),
    Int32Array.from(decisions, (d) => d.b),
  );
  const group = Uint16Array.from(decisions, (d) => listPairIndex(data.source[d.a]!, data.source[d.b]!));
  return {
    levels,
    same: Uint8Array.from(decisions, (d) => (d.same ? 1 : 0)),
    count: decisions.length,
    group,
  };
}

/** Estimates u (random pairs) and m (EM per blocking rule, with the decided pairs) and the prior. */
async function estimateModel(
  enc: Encoded,
  rules: readonly RuleBlocks[],
  keysOf: (a: Atom) => Keys,
  cfg: ResolvedConfig,
  exec: PairExecutor,
  progress: (stage: string, done: number, total?: number) => void,
  decisions: LinkOptions['decisions'] = [],
  /** Each decided pair's probability under the model without decisions (learn.ts). */
  predicted?: Float64Array,
): Promise<LinkModel> {
  const { data } = enc;
  const n = data.n;
  const types = data.fields.map((f) => f.type);
  const notes: string[] = [];
  const allPairs = (n * (n - 1)) / 2;
  const rng = new Rng(cfg.seed);

  const uCount = Math.max(1, Math.min(cfg.randomPairs, Math.ceil(allPairs)));
  progress('estimating u from random pairs', 0, uCount);
  const rp = n >= 2 ? randomPairs(n, uCount, rng) : { a: new Int32Array(0), b: new Int32Array(0) };
  const uLevels = await exec.levels(rp.a, rp.b);
  const u = estimateU(uLevels, rp.a.length, types);
  const dependencies = estimateDependencies(uLevels, rp.a.length, types);

  // EM samples, one per rule; past ten rules the per-rule sample shrinks so that EM's total work
  // stays that of ten rules (more, cheaper rules are what lets blocking reach sparse records).
  const perRule = Math.ceil(cfg.emPairsPerRule * Math.min(1, 10 / Math.max(1, rules.length)));
  const samples = rules.map((rb) =>
    rb.pairs >= 2 ? samplePairs(rb, Math.min(perRule, Math.ceil(rb.pairs)), rng) : null,
  );
  // Relatives (the related class) have their own given names and documents.
  const identity = inferIdentityRoles(data.fields);
  const relatedAsRandom = types.map((t, f) => f === identity.given || t === 'id');
  const totalSample = samples.reduce((s, x) => s + (x ? x.a.length : 0), 0);
  progress('estimating m by EM', 0, totalSample);
  const labelled = await decidedLevels(decisions, exec, data);
  if (labelled && predicted) labelled.predicted = predicted;
  const sessions: {
    rule: number;
    use: boolean[];
    em: EmResult;
    a: Int32Array;
    b: Int32Array;
  }[] = [];
  for (let r = 0; r < rules.length; r++) {
    const s = samples[r];
    if (!s || s.a.length < 50) continue;
    const blocked = new Set(rules[r]!.rule.flatMap(atomFields));
    const use = types.map((_, f) => !blocked.has(f));
    if (!use.some(Boolean)) continue;
    const lv = await exec.levels(s.a, s.b);
    const groups = listPairGroups(data, s.a, s.b);
    const em = runEm(
      lv,
      s.a.length,
      types,
      use,
      u,
      undefined,
      relatedAsRandom,
      dependencies,
      labelled,
      groups,
    );
    if (em.classesSwapped)
      notes.push(
        `EM on pairs of ${rules[r]!.label}: its match class agrees less often than its related class; the classes may be the wrong way round (check the review sample)`,
      );
    if (em.convergence.converged && em.learnedFromDecisions === false)
      notes.push(
        `EM on pairs of ${rules[r]!.label} with the decisions did not converge or swapped its classes: the model without them is kept there (they are still honoured)`,
      );
    if (!em.convergence.converged)
      notes.push(
        `EM on pairs of ${rules[r]!.label} did not converge in ${em.iterations} iterations (last gain ${em.convergence.logLikelihoodGain.toExponential(1)} nats, parameter change ${em.convergence.parameterChange.toExponential(1)})${em.learnedFromDecisions === false ? ': the decisions were not learned from there (they are still honoured)' : ''}`,
      );
    sessions.push({ rule: r, use, em, a: s.a, b: s.b });
  }

  // m and r per field: averages over sessions that did not block on the field, weighted by evidence.
  const average = (f: number, L: number, pick: (em: EmResult) => [number[][], number[]]) => {
    let total = 0;
    const acc = new Float64Array(L);
    for (const s of sessions) {
      const [values, evidence] = pick(s.em);
      if (!s.use[f] || evidence[f]! <= 0) continue;
      total += evidence[f]!;
      values[f]!.forEach((x, l) => {
        acc[l]! += x * evidence[f]!;
      });
    }
    return { total, values: Array.from(acc, (x) => x / total) };
  };
  let relatedKnown = true;
  const fields = data.fields.map((fd, f) => {
    const L = levelCount(fd.type) - 1;
    const m = average(f, L, (em) => [em.m, em.evidence]);
    const r = average(f, L, (em) => [em.r, em.evidenceR]);
    const from = sessions.filter((s) => s.use[f]).map((s) => rules[s.rule]!.label);
    if (m.total >= 20) {
      if (r.total < 20) relatedKnown = false;
      return fieldModel(
        fd.column,
        fd.type,
        m.values,
        u[f]!,
        r.total >= 20 ? r.values : [...u[f]!],
        `EM on pairs of ${from.join(', ')}`,
      );
    }
    // A field with no values (a whole-name column every record had split) says nothing about relatives.
    if (fd.present > 0) relatedKnown = false;
    notes.push(
      `too little evidence to estimate m for ${fd.column} (every rule blocks on it, or too few likely matches); default values used`,
    );
    return fieldModel(fd.column, fd.type, defaultM(fd.type), u[f]!, [...u[f]!], 'defaults');
  });

  // Share of same-person (and related) pairs agreeing on each blocking key, from sessions that do
  // not block on its field.
  const atomsSeen = new Map<string, { atom: Atom; num: number; den: number; numR: number; denR: number }>();
  for (const rb of rules)
    for (const a of rb.rule) atomsSeen.set(atomId(a), { atom: a, num: 0, den: 0, numR: 0, denR: 0 });
  for (const entry of atomsSeen.values()) {
    const keys = keysOf(entry.atom);
    for (const s of sessions) {
      if (!atomFields(entry.atom).every((f) => s.use[f])) continue;
      for (let k = 0; k < s.a.length; k++) {
        const p = s.em.posterior[k]!;
        const pr = s.em.posteriorR[k]!;
        const agree = keysAgree(keys, s.a[k]!, s.b[k]!);
        entry.den += p;
        entry.denR += pr;
        if (agree) {
          entry.num += p;
          entry.numR += pr;
        }
      }
    }
  }
  const ruleModels: RuleModel[] = rules.map((rb, r) => {
    const s = sessions.find((x) => x.rule === r);
    let recall = 1;
    let relatedRecall = 1;
    for (const a of rb.rule) {
      const e = atomsSeen.get(atomId(a))!;
      recall *= e.den >= 5 ? e.num / e.den : 0.9;
      relatedRecall *= e.denR >= 5 ? e.numR / e.denR : 0.5;
    }
    const matchShare = s ? s.em.lambda : Number.NaN;
    const relatedShare = s ? s.em.lambdaR : Number.NaN;
    return {
      label: rb.label,
      pairs: rb.pairs,
      matchShare,
      relatedShare,
      recall,
      relatedRecall,
      impliedMatches: (rb.pairs * matchShare) / Math.max(recall, 1e-3),
      impliedRelated: (rb.pairs * relatedShare) / Math.max(relatedRecall, 1e-3),
      ...(s
        ? {
            em: {
              iterations: s.em.iterations,
              converged: s.em.convergence.converged,
              logLikelihoodGain: s.em.convergence.logLikelihoodGain,
              parameterChange: s.em.convergence.parameterChange,
              ...(s.em.learnedFromDecisions !== undefined
                ? { learnedFromDecisions: s.em.learnedFromDecisions }
                : {}),
            },
          }
        : {}),
    };
  });
  const implied = ruleModels.map((r) => r.impliedMatches).filter((x) => Number.isFinite(x) && x > 0);
  let matchingPairs = median(implied);
  if (!Number.isFinite(matchingPairs)) {
    matchingPairs = Math.max(1, n / 4);
    notes.push('no rule gave an estimate of how many pairs match; assumed one match per four records');
  }
  const impliedR = ruleModels.map((r) => r.impliedRelated).filter((x) => Number.isFinite(x) && x > 0);
  let relatedPairs = relatedKnown ? median(impliedR) : 0;
  if (!Number.isFinite(relatedPairs)) relatedPairs = 0;
  const prior = Math.min(0.5, Math.max(1e-12, matchingPairs / Math.max(1, allPairs)));
  const priorRelated = Math.min(0.25, Math.max(1e-12, relatedPairs / Math.max(1, allPairs)));
  for (const f of fields) {
    if (f.m[0]! <= f.u[0]!)
      notes.push(
        `${f.column}: exact agreement is not more common among matches than at random (m ${f.m[0]!.toFixed(3)} ≤ u ${f.u[0]!.toFixed(3)}); check the field's type`,
      );
  }
  progress('estimating m by EM', totalSample, totalSample);
  const listPairs = listPairModel(data, fields, sessions);
  const residence = residenceModel(types, sessions);
  return {
    fields,
    prior,
    priorRelated,
    matchingPairs,
    relatedPairs,
    rules: ruleModels,
    randomPairs: rp.a.length,
    emPairs: totalSample,
    notes,
    dependencies,
    ...(listPairs ? { listPairs } : {}),
    ...(residence ? { residence } : {}),
  };
}

/** Links encoded records. */
export async function linkEncoded(
  enc: Encoded,
  config: LinkConfig,
  opts: LinkOptions = {},
): Promise<LinkOutcome> {
  const cfg = resolveConfig(config);
  if (!(cfg.threshold > 0 && cfg.threshold < 1))
    throw new UsageError(`threshold must be between 0 and 1 (got ${cfg.threshold})`);
  if (!(cfg.reviewMin > 0 && cfg.reviewMin <= cfg.threshold))
    throw new UsageError(
      `the review probability must be above 0 and at most the threshold (got ${cfg.reviewMin})`,
    );
  const { data } = enc;
  const n = data.n;
  const columns = data.fields.map((f) => f.column);
  const cmp = new Comparator(data);
  const exec = opts.executor ?? inThreadExecutor(cmp);
  const progress = opts.onProgress ?? (() => {});
  const seconds: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    seconds[name] = (t - t0) / 1000;
    t0 = t;
  };

  // Blocking.
  const keysOf = cachedAtomKeys(enc);
  progress('blocking', 0);
  let ruleList: Rule[];
  let refine: (Atom | null)[];
  let choice: BlockingChoice | undefined;
  if (cfg.block) {
    ruleList = parseBlockExpr(cfg.block, data.fields);
    refine = ruleList.map((r) => refineAtomFor(enc, r, keysOf));
  } else {
    choice = chooseRules(enc, keysOf, cfg.pairsPerRecord, cfg.seed);
    ruleList = choice.rules;
    refine = choice.refine;
  }
  const rules = ruleList.map((r, i) =>
    buildRuleBlocks(enc, r, keysOf, cfg.maxBlockSize, refine[i] ?? null, columns),
  );
  lap('blocking');

  // Model.
  // Review that learns (learn.ts): a decision corrects what the model without decisions said about its pair.
  let predicted: Float64Array | undefined;
  if (!opts.model && opts.decisions?.length) {
    const plain = scoreTables(await estimateModel(enc, rules, keysOf, cfg, exec, () => {}), data);
    predicted = Float64Array.from(opts.decisions, (d) =>
      probability(scorePair(cmp, plain, d.a, d.b, Number.NEGATIVE_INFINITY)),
    );
  }
  const model =
    opts.model ?? (await estimateModel(enc, rules, keysOf, cfg, exec, progress, opts.decisions, predicted));
  if (opts.model && opts.model.fields.length !== data.fields.length)
    throw new UsageError('the model given was estimated for different fields');
  const tables = scoreTables(model, data);
  const thresholdWeight = weightOf(cfg.threshold);
  const reviewWeight = weightOf(cfg.reviewMin);
  // Twin guard: such pairs stay just under the threshold, so a person sees them in review.
  const roles = inferIdentityRoles(cfg.fields);
  tables.twin = { ...roles, cap: Math.max(reviewWeight, thresholdWeight - 1) };
  lap('model');
  const twinGuard = compoundHalvesGuard(cmp, tables, roles);
  if (twinGuard.liftedCap !== undefined)
    tables.twin.halves = { words: twinGuard.words, cap: weightOf(twinGuard.liftedCap) };
  lap('twin guard');

  // Scoring.
  const totalBlockPairs = rules.reduce((s, r) => s + r.pairs, 0);
  progress('scoring pairs', 0, totalBlockPairs);
  const scored = await exec.score(tables, rules, reviewWeight, opts.isNew ?? null, (v) =>
    progress('scoring pairs', v, totalBlockPairs),
  );
  lap('scoring');

  const blocking = blockingRecall(
    scored,
    rules.map((r) => ({
      label: r.label,
      key: r.key,
      keyStart: r.keyStart,
      keyIds: r.keyIds,
      all: r.rule.length === 0,
      modelRecall: model.rules.find((x) => x.label === r.label)?.recall ?? 0,
    })),
  );
  const expected = expectedQuality(
    scored.w,
    thresholdWeight,
    cfg.thresholdChosen,
    blocking.estimate,
    model.matchingPairs,
  );
  const calibrationTable = calibration(
    scored,
    (opts.decisions ?? []).map((d) => ({
      w: scorePair(cmp, tables, d.a, d.b, Number.NEGATIVE_INFINITY),
      same: d.same,
    })),
  );

  // Clustering.
  progress('clustering', 0);
  const mustLink: [number, number][] = [];
  const cannotLink: [number, number][] = [];
  for (const d of opts.decisions ?? []) (d.same ? mustLink : cannotLink).push([d.a, d.b]);
  const c = cluster(scored, {
    n,
    thresholdWeight,
    chainMargin: cfg.chainMargin,
    maxClusterSize: cfg.maxClusterSize,
    weightOf: (x, y) => scorePair(cmp, tables, x, y, Number.NEGATIVE_INFINITY),
    mustLink,
    cannotLink,
    keep: opts.keep,
  });
  lap('clustering');
  if (!opts.executor) await exec.close();
  return {
    clusterOf: c.clusterOf,
    clusters: c.clusters,
    largest: c.largest,
    pairs: { a: scored.a, b: scored.b, w: scored.w },
    refused: c.refused,
    model,
    rules: rules.map((r) => ({
      label: r.label,
      blocks: r.starts.length - 1,
      pairs: r.pairs,
      largest: r.largest,
      refined: r.refined,
      refinedBy: r.refinedBy,
      skipped: r.skipped,
      skippedRecords: r.skippedRecords,
    })),
    automaticBlocking: choice,
    blockingRecall: blocking,
    calibration: calibrationTable,
    expected,
    twinGuard: {
      compoundNames: twinGuard.compoundNames,
      samePerson: twinGuard.samePerson,
      otherPerson: twinGuard.otherPerson,
      shareLower: twinGuard.shareLower,
      ...(twinGuard.liftedCap !== undefined ? { liftedCap: twinGuard.liftedCap } : {}),
    },
    compared: scored.compared,
    thresholdWeight,
    reviewWeight,
    config: cfg,
    seconds,
  };
}

// ---------------------------------------------------------------------------------------------
// Plain-record API (the case file)

export interface ScoredPair {
  a: RecordRef;
  b: RecordRef;
  probability: number;
  /** log2 posterior odds. */
  weight: number;
}

export interface LinkRecordsResult {
  /** Entities: each a list of records, in input order; cluster ids are "c1", "c2", … by first record. */
  clusters: { id: string; records: RecordRef[] }[];
  /** Cluster id of each input record, aligned with the input. */
  clusterIds: string[];
  /** Pairs at or above the review probability. */
  pairs: ScoredPair[];
  /** Pairs a person should look at: uncertain ones and links the chaining guard refused. */
  review: (ScoredPair & { status: string })[];
  model: LinkModel;
  outcome: LinkOutcome;
}

export interface LinkRecordsOptions {
  decisions?: readonly { a: RecordRef; b: RecordRef; same: boolean }[];
  /** Records new since the last run: only candidate pairs touching one of them are scored. */
  onlyPairsTouching?: ReadonlySet<string> | readonly RecordRef[];
  /** Clusters from the last run, kept unless a decision separates them. */
  existingClusters?: readonly (readonly RecordRef[])[];
  model?: LinkModel;
  executor?: (enc: Encoded) => PairExecutor;
}

/** Key of a record across sources: "source\u0000id". */
export const recordKey = (r: RecordRef) => `${r.source}\u0000${r.id}`;

/**
 * Encodes records in the order given (sources numbered as first met), with each record's position
 * by `recordKey`; a record given twice is an error. `shared`: typed arrays worker threads can read.
 */
export function encodeRecords(
  records: readonly LinkRecord[],
  fields: readonly FieldSpec[],
  shared = false,
): { enc: Encoded; index: Map<string, number> } {
  const encoder = new RecordEncoder(fields);
  const sourceIdx = new Map<string, number>();
  const index = new Map<string, number>();
  const cells: (string | undefined)[] = new Array(fields.length);
  for (const r of records) {
    let s = sourceIdx.get(r.source);
    if (s === undefined) {
      s = encoder.addSource(r.source);
      sourceIdx.set(r.source, s);
    }
    const key = recordKey(r);
    if (index.has(key)) throw new UsageError(`record ${r.id} of ${r.source} appears twice`);
    index.set(key, encoder.size);
    fields.forEach((f, k) => {
      cells[k] = r.values[f.column];
    });
    encoder.add(s, r.id, cells);
  }
  return { enc: encoder.finish(shared), index };
}

/**
 * Links plain records: returns entities, scored pairs, pairs for review and the estimated model.
 * Pure apart from optional worker threads (when `executor` is given).
 */
export async function linkRecords(
  records: readonly LinkRecord[],
  config: LinkConfig,
  opts: LinkRecordsOptions = {},
): Promise<LinkRecordsResult> {
  const { enc, index } = encodeRecords(records, config.fields, Boolean(opts.executor));
  const find = (r: RecordRef) => {
    const i = index.get(recordKey(r));
    if (i === undefined)
      throw new UsageError(`record ${r.id} of ${r.source} is not among the records to link`);
    return i;
  };
  let isNew: Uint8Array | undefined;
  if (opts.onlyPairsTouching) {
    isNew = new Uint8Array(enc.data.n);
    const keys = Array.isArray(opts.onlyPairsTouching)
      ? (opts.onlyPairsTouching as readonly RecordRef[]).map(recordKey)
      : [...(opts.onlyPairsTouching as ReadonlySet<string>)];
    for (const k of keys) {
      const i = index.get(k);
      if (i !== undefined) isNew[i] = 1;
    }
  }
  const executor = opts.executor?.(enc);
  try {
    const outcome = await linkEncoded(enc, config, {
      decisions: opts.decisions?.map((d) => ({ a: find(d.a), b: find(d.b), same: d.same })),
      isNew,
      keep: opts.existingClusters?.map((g) => g.filter((r) => index.has(recordKey(r))).map(find)),
      model: opts.model,
      executor,
    });
    const refs = records.map((r) => ({ source: r.source, id: r.id }));
    const clusterIds = Array.from(outcome.clusterOf, (c) => `c${c + 1}`);
    const clusters: { id: string; records: RecordRef[] }[] = Array.from(
      { length: outcome.clusters },
      (_, c) => ({
        id: `c${c + 1}`,
        records: [],
      }),
    );
    outcome.clusterOf.forEach((c, i) => {
      clusters[c]!.records.push(refs[i]!);
    });
    const pair = (a: number, b: number, w: number): ScoredPair => ({
      a: refs[a]!,
      b: refs[b]!,
      probability: 1 / (1 + 2 ** -w),
      weight: w,
    });
    const pairs = Array.from(outcome.pairs.w, (w, k) => pair(outcome.pairs.a[k]!, outcome.pairs.b[k]!, w));
    const review = reviewPairs(outcome).map((r) => ({ ...pair(r.a, r.b, r.w), status: r.status }));
    return { clusters, clusterIds, pairs, review, model: outcome.model, outcome };
  } finally {
    await executor?.close();
  }
}

export interface ReviewItem {
  a: number;
  b: number;
  w: number;
  status: string;
}

const REFUSAL_TEXT: Record<Refusal['reason'], string> = {
  chain: 'not linked: another record of these groups clearly differs (chaining guard)',
  size: 'not linked: the group would exceed the maximum cluster size',
  decision: 'not linked: a recorded decision separates these groups',
};

/**
 * Pairs for a person to look at: pairs between the review probability and the threshold, and
 * links the clustering refused. Most informative first (review-order.ts): the most uncertain
 * pairs, of the kinds of doubt that many pairs share, so a reviewer with little time settles the
 * real doubts before near-certain pairs.
 */
export function reviewPairs(o: LinkOutcome): ReviewItem[] {
  const items: ReviewItem[] = [];
  const { a, b, w } = o.pairs;
  for (let k = 0; k < w.length; k++) {
    if (w[k]! >= o.thresholdWeight) continue;
    const same = o.clusterOf[a[k]!] === o.clusterOf[b[k]!];
    items.push({
      a: a[k]!,
      b: b[k]!,
      w: w[k]!,
      status: same ? 'uncertain; linked through other records' : 'uncertain; not linked',
    });
  }
  for (const r of o.refused) items.push({ a: r.a, b: r.b, w: r.w, status: REFUSAL_TEXT[r.reason] });
  return orderByInformation(items);
}
