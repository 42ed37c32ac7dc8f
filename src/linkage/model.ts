/**
 * The Fellegi–Sunter model: for each field and agreement level, m = P(level | same person) and
 * u = P(level | different people); a pair's match weight is log2 of the prior odds plus the sum of
 * log2(m/u) over its fields. u comes from random record pairs (almost all of them different
 * people); m is estimated without labels by EM on candidate pairs, once per blocking rule with the
 * fields that rule blocks on left out (in its pairs those fields agree by construction, which would
 * bias their m), and averaged over rules. The prior — how many pairs match — follows from each
 * rule's estimated matches divided by the share of all matches that rule can find.
 */
import {
  evaluationOrder,
  LEVELS,
  levelCount,
  missingLevel,
  type ScoreTables,
  suffixMaxima,
  usesTermFrequency,
} from './compare.js';
import type { EncodedData } from './encode.js';
import { jointNameBits } from './joint-names.js';
import { correctedShare, type LabelledPairs, logit, sigmoid } from './learn.js';
import type { Rng } from './random.js';
import { inferIdentityRoles } from './roles.js';
import type { FieldType } from './types.js';

export interface FieldModel {
  column: string;
  type: FieldType;
  /** Level names, without the final "missing" level (which carries no evidence). */
  levels: string[];
  m: number[];
  u: number[];
  /** P(level | related different people): relatives and co-victims share some fields. */
  r: number[];
  /** log2(m/u) per level. */
  weights: number[];
  /** log2(r/u) per level. */
  relatedWeights: number[];
  /** Whether exact agreement is weighted by how common the value is. */
  termFrequency: boolean;
  /** Where m and r came from: EM in rules not blocking on this field, or defaults when the data were too few. */
  mFrom: string;
}

export interface RuleModel {
  label: string;
  pairs: number;
  /** EM's share of matches among this rule's candidate pairs. */
  matchShare: number;
  /** EM's share of related different people among this rule's candidate pairs. */
  relatedShare: number;
  /** Estimated share of all same-person pairs that agree on this rule's keys. */
  recall: number;
  /** Same for related pairs. */
  relatedRecall: number;
  /** Same-person pairs implied: pairs × matchShare / recall. */
  impliedMatches: number;
  impliedRelated: number;
  /** How EM on this rule's pairs ended (absent when the rule had no EM session). */
  em?: RuleEm;
}

export interface RuleEm {
  iterations: number;
  converged: boolean;
  /** Log-likelihood gain of the last iteration (nats) and largest parameter change in it. */
  logLikelihoodGain: number;
  parameterChange: number;
  /** With decisions: whether EM learned from them. */
  learnedFromDecisions?: boolean;
}

export interface LinkModel {
  fields: FieldModel[];
  /** Probability that two records drawn at random belong to the same person. */
  prior: number;
  /** Probability that two records drawn at random belong to related different people. */
  priorRelated: number;
  /** Estimated same-person record pairs in the data. */
  matchingPairs: number;
  /** Estimated related-people record pairs in the data. */
  relatedPairs: number;
  rules: RuleModel[];
  randomPairs: number;
  emPairs: number;
  notes: string[];
  /**
   * Pairs of fields that are not independent among strangers (a municipality implies its state,
   * a given name the sex): the correction that turns the sum of their two weights into the weight
   * of their joint level. Absent in models saved before it existed (no correction).
   */
  dependencies?: FieldDependency[];
  /**
   * m per pair of lists (lists differ in quality: a hand-copied list has more typos and gaps than
   * a register), shrunk toward the pooled m where a list pair has few likely matches. Indexed by
   * `listPairIndex`; absent with one list, too many lists, or in models saved before it existed.
   */
  listPairs?: ListPairModel;
  /**
   * Where a person lives (address, postcode, locality) is one fact: a person who moved disagrees
   * on all of it at once. Matches are a mixture — stayed (the fields' m) or moved (the fields as
   * at random, u) — so a move costs log2(moved share) once instead of a disagreement per field.
   */
  residence?: ResidenceModel;
}

export interface ResidenceModel {
  /** The fields that move together. */
  fields: number[];
  /** Share of same-person pairs whose residence differs as between strangers. */
  moved: number;
}

/** Field types that describe where a person lives and change together when they move. */
export const RESIDENCE_TYPES: ReadonlySet<FieldType> = new Set(['address', 'postcode', 'locality']);
/** Bounds of the moved share: a small floor keeps one move from weighing like a contradiction. */
const MOVED_MIN = 0.005;
const MOVED_MAX = 0.5;

/** The residence fields among `use`, when there are at least two of them (else no group). */
export function residenceFields(types: readonly FieldType[], use: readonly boolean[]): number[] {
  const fields = types.map((t, f) => (use[f] && RESIDENCE_TYPES.has(t) ? f : -1)).filter((f) => f >= 0);
  return fields.length >= 2 ? fields : [];
}

export interface ListPairModel {
  /** The lists, in the data's source order (a saved model is used per pair only on the same lists). */
  sources: string[];
  /** m[pair][field][level]. */
  m: number[][][];
  /** Match evidence (sum of posteriors) behind each pair's m, per field. */
  evidence: number[][];
}

/** Lists beyond this share one m (the pairs of lists grow as their square). */
export const MAX_LISTS_PER_PAIR_M = 12;
/**
 * Fewer lists share one m: two lists have one pair between them, whose m the pooled one already
 * is (apart from within-list pairs, which rarely hold the same person).
 */
export const MIN_LISTS_PER_PAIR_M = 3;
/**
 * A list pair gets its own m only when both lists have at least this many records. EM on a few
 * hundred records per list is unstable (its match class can hold namesakes), and a per-pair m
 * fitted to that moved the adversarial common-name lists of 400 people from precision 0.970 to
 * 0.912 (learn.test.ts); from 2,000 people up it gained (list-pairs.test.ts, bench/link/README.md).
 */
export const MIN_RECORDS_PER_PAIR_M = 1000;
/**
 * How many likely matches the pooled m is worth when it is blended into one list pair's m: a pair
 * of lists with far more than this many matches in the EM sample gets its own m; one with few keeps
 * close to the pooled one.
 */
export const LIST_PAIR_SHRINKAGE = 30;

/** Index of the unordered pair of lists (sa, sb), the list with itself included. */
export const listPairIndex = (sa: number, sb: number) =>
  sa <= sb ? (sb * (sb + 1)) / 2 + sa : (sa * (sa + 1)) / 2 + sb;
export const listPairCount = (lists: number) => (lists * (lists + 1)) / 2;

/**
 * Joint agreement of two fields among random pairs. `bits[la × width + lb]` = log2(u_a·u_b / u_ab):
 * added to both the match and the related weight, it replaces the product of the two marginal
 * u's by their joint probability (m is taken as independent: matches agree on both anyway).
 */
export interface FieldDependency {
  a: number;
  b: number;
  /** Levels of field b, including its "missing" level (where the correction is 0). */
  width: number;
  bits: number[];
}

/** Dependence below this (bits at joint exact agreement) is left alone. */
const DEPENDENCE_MIN_BITS = 0.5;
/** Random pairs needed in a level combination before its correction is trusted. */
const DEPENDENCE_MIN_COUNT = 20;

/**
 * Finds field pairs whose exact agreements coincide among random pairs far more (or less) than
 * independence predicts, strongest first, each field in at most one pair (so corrections never
 * stack). Without it, a pair agreeing on state and municipality counts the state twice: with
 * Venezuelan lists that is 4 bits of false confidence on every pair from one municipality.
 */
export function estimateDependencies(
  levels: Uint8Array,
  pairs: number,
  types: readonly FieldType[],
): FieldDependency[] {
  const F = types.length;
  const L = types.map((t) => levelCount(t) - 1);
  const found: (FieldDependency & { strength: number })[] = [];
  for (let a = 0; a < F; a++)
    for (let b = a + 1; b < F; b++) {
      const La = L[a]!;
      const Lb = L[b]!;
      const joint = new Float64Array(La * Lb);
      let both = 0;
      for (let k = 0; k < pairs; k++) {
        const la = levels[k * F + a]!;
        const lb = levels[k * F + b]!;
        if (la >= La || lb >= Lb) continue;
        joint[la * Lb + lb]!++;
        both++;
      }
      if (both === 0 || joint[0]! < DEPENDENCE_MIN_COUNT) continue;
      const ma = new Float64Array(La);
      const mb = new Float64Array(Lb);
      for (let la = 0; la < La; la++)
        for (let lb = 0; lb < Lb; lb++) {
          ma[la]! += joint[la * Lb + lb]!;
          mb[lb]! += joint[la * Lb + lb]!;
        }
      const width = Lb + 1;
      const bits = new Array<number>((La + 1) * width).fill(0);
      for (let la = 0; la < La; la++)
        for (let lb = 0; lb < Lb; lb++) {
          const c = joint[la * Lb + lb]!;
          if (c < DEPENDENCE_MIN_COUNT) continue;
          bits[la * width + lb] = Math.log2((ma[la]! * mb[lb]!) / (both * c));
        }
      const strength = Math.abs(bits[0]!);
      if (strength >= DEPENDENCE_MIN_BITS) found.push({ a, b, width, bits, strength });
    }
  found.sort((x, y) => y.strength - x.strength || x.a - y.a || x.b - y.b);
  const used = new Set<number>();
  const out: FieldDependency[] = [];
  for (const d of found) {
    if (used.has(d.a) || used.has(d.b)) continue;
    used.add(d.a);
    used.add(d.b);
    out.push({ a: d.a, b: d.b, width: d.width, bits: d.bits });
  }
  return out;
}

/** Starting (and fallback) m per type: most same-person pairs agree exactly. */
const DEFAULT_M: Record<FieldType, number[]> = {
  name: [0.75, 0.08, 0.06, 0.04, 0.02, 0.03, 0.02],
  fullname: [0.75, 0.08, 0.06, 0.04, 0.02, 0.03, 0.02],
  date: [0.85, 0.05, 0.04, 0.02, 0.01, 0.03],
  id: [0.92, 0.04, 0.01, 0.03],
  text: [0.7, 0.15, 0.08, 0.07],
  place: [0.9, 0.03, 0.07],
  exact: [0.95, 0.05],
  number: [0.85, 0.08, 0.04, 0.03],
  address: [0.7, 0.1, 0.08, 0.06, 0.06],
  postcode: [0.85, 0.04, 0.06, 0.05],
  locality: [0.9, 0.03, 0.07],
  occupation: [0.6, 0.15, 0.1, 0.15],
};

/** Uniform random pairs of distinct records. */
export function randomPairs(n: number, count: number, rng: Rng): { a: Int32Array; b: Int32Array } {
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const x = rng.int(n);
    let y = rng.int(n - 1);
    if (y >= x) y++;
    a[k] = x;
    b[k] = y;
  }
  return { a, b };
}

/** u per field and level from the levels of random pairs; add-half smoothing keeps unseen levels above 0. */
export function estimateU(levels: Uint8Array, pairs: number, types: readonly FieldType[]): number[][] {
  const F = types.length;
  return types.map((t, f) => {
    const L = levelCount(t) - 1;
    const counts = new Float64Array(L);
    let total = 0;
    for (let k = 0; k < pairs; k++) {
      const l = levels[k * F + f]!;
      if (l < L) {
        counts[l]!++;
        total++;
      }
    }
    return Array.from(counts, (c) => (c + 0.5) / (total + 0.5 * L));
  });
}

export interface EmResult {
  /** P(level | same person). */
  m: number[][];
  /** P(level | related different people) — relatives, co-victims of one event. */
  r: number[][];
  /** Shares of same-person and related pairs among the pairs given. */
  lambda: number;
  lambdaR: number;
  /** Per pair: probability of being the same person, and of being related. */
  posterior: Float64Array;
  posteriorR: Float64Array;
  iterations: number;
  /** How EM ended (see `LOG_LIKELIHOOD_TOLERANCE`). */
  convergence: EmConvergence;
  /**
   * The "match" class agrees exactly less often than the related class: the classes may be the
   * wrong way round. Reported, not corrected: swapping them outright (tried) cost far more recall
   * than it saved when EM merely split matches across both classes.
   */
  classesSwapped: boolean;
  /** With decisions: whether EM learned from them (it does not when it fails to converge without them). */
  learnedFromDecisions?: boolean;
  /** Per field: sum of match posterior over pairs where the field is present. */
  evidence: number[];
  evidenceR: number[];
  /** With list-pair groups: m per group (shrunk toward `m`) and its evidence per field. */
  mByGroup?: number[][][];
  evidenceByGroup?: number[][];
  /** Share of matches that moved house (residence group), and the match mass it rests on. */
  moved?: number;
  movedEvidence?: number;
}

/**
 * Whether EM stopped at a maximum of its likelihood. `converged`: every parameter settled
 * (change < PARAMETER_SETTLED), or, when the iteration limit came first, the likelihood reached a
 * plateau (last iteration's gain < LOG_LIKELIHOOD_TOLERANCE nats and no parameter moved by
 * PARAMETER_TOLERANCE or more).
 */
export interface EmConvergence {
  converged: boolean;
  /** Observed-data log-likelihood of the EM sample (nats) at the last E-step. */
  logLikelihood: number;
  /** Its gain over the last iteration (nats). */
  logLikelihoodGain: number;
  /** Largest change of any parameter (a probability) in the last M-step. */
  parameterChange: number;
}

/**
 * EM stops early when no parameter moves by more than this in an iteration: settled for any use.
 */
export const PARAMETER_SETTLED = 1e-6;
/**
 * A plateau of the likelihood: the last iteration gained less than this many nats. At that rate
 * a thousand more iterations would gain under 1 nat in all — less than the 1.92 nats (half of
 * χ²₁ at 95 %) by which the likelihood of two models must differ before the data prefer one — so
 * what EM still does is drift along a ridge of models the data cannot tell apart (three classes
 * on a handful of level patterns are not identified: bench/link/README.md, link7). Decisions are
 * exactly what can pick a point on that ridge; before, such an EM never learned from them.
 */
export const LOG_LIKELIHOOD_TOLERANCE = 1e-3;
/**
 * And no parameter moved by this much in the last iteration: a probability drifting 1e-3 per
 * iteration is still travelling, whatever the likelihood says (Splink's default, `em_convergence`,
 * is 1e-4 on the same quantity and is met by most sessions measured; 1e-3 admits the slow ridges).
 */
export const PARAMETER_TOLERANCE = 1e-3;

/** Pairs in groups (pairs of lists), each group with its own m shrunk toward the pooled one. */
export interface PairGroups {
  /** Group of each pair. */
  of: Uint16Array;
  count: number;
  /**
   * Groups that keep the pooled m: pairs within one list. A list rarely holds the same person
   * twice, so EM's match class there would fit whatever agrees most among different people.
   */
  pooled: Uint8Array;
}

/**
 * EM over three classes of pairs with u fixed: same person (m), related different people (r) and
 * unrelated (u). The related class captures non-matches that agree on several fields together —
 * siblings share both surnames, co-detainees share the date and place of the event — which the
 * two-class model would count as independent evidence for a match. Its r starts halfway between
 * m and u and EM finds which fields relatives share. Only fields marked `use` enter; pairs with
 * the same level pattern are grouped, so an iteration costs the number of distinct patterns.
 */
export function runEm(
  levels: Uint8Array,
  pairs: number,
  types: readonly FieldType[],
  use: readonly boolean[],
  u: readonly number[][],
  maxIterations = 300,
  /**
   * Fields on which related people agree no more than strangers (given names, documents: a
   * sibling has other ones). Their r stays u, so the related class models relatives — shared
   * surnames, place, birth date — and cannot turn into "same name, other person".
   */
  relatedAsRandom: readonly boolean[] = [],
  /** Dependent field pairs: unrelated pairs get their joint u, as in scoring. */
  dependencies: readonly FieldDependency[] = [],
  /** Pairs a person decided on: fixed membership, and evidence for their pattern (learn.ts). */
  labelled?: LabelledPairs,
  /** Pairs of lists: m per list pair (u and r stay shared). */
  groups?: PairGroups,
): EmResult {
  const F = types.length;
  const G = groups && groups.count > 1 ? groups.count : 1;
  const groupOf = (k: number) => (G > 1 ? groups!.of[k]! : 0);
  const fieldsUsed = types.map((_, f) => f).filter((f) => use[f]);
  const deps = dependencies
    .map((d) => ({ ...d, ia: fieldsUsed.indexOf(d.a), ib: fieldsUsed.indexOf(d.b) }))
    .filter((d) => d.ia >= 0 && d.ib >= 0);
  // Group pairs by pattern.
  const patternOf = new Int32Array(pairs);
  const ids = new Map<string, number>();
  const patterns: number[][] = [];
  const counts: number[] = [];
  /** List-pair group of each pattern (patterns of different groups are kept apart). */
  const groupOfPattern: number[] = [];
  for (let k = 0; k < pairs; k++) {
    let key = G > 1 ? `${groupOf(k)}:` : '';
    for (const f of fieldsUsed) key += String.fromCharCode(65 + levels[k * F + f]!);
    let id = ids.get(key);
    if (id === undefined) {
      id = patterns.length;
      ids.set(key, id);
      patterns.push(fieldsUsed.map((f) => levels[k * F + f]!));
      counts.push(0);
      groupOfPattern.push(groupOf(k));
    }
    counts[id]!++;
    patternOf[k] = id;
  }
  // Decided pairs join the pattern they compare as (a new one if no sampled pair has it).
  const decidedSame: number[] = new Array<number>(patterns.length).fill(0);
  const decidedDiff: number[] = new Array<number>(patterns.length).fill(0);
  /** Pattern of each decided pair. */
  const decidedPattern = new Int32Array(labelled?.count ?? 0);
  for (let k = 0; k < (labelled?.count ?? 0); k++) {
    const g = G > 1 ? (labelled!.group?.[k] ?? 0) : 0;
    let key = G > 1 ? `${g}:` : '';
    for (const f of fieldsUsed) key += String.fromCharCode(65 + labelled!.levels[k * F + f]!);
    let id = ids.get(key);
    if (id === undefined) {
      id = patterns.length;
      ids.set(key, id);
      patterns.push(fieldsUsed.map((f) => labelled!.levels[k * F + f]!));
      counts.push(0);
      groupOfPattern.push(g);
      decidedSame.push(0);
      decidedDiff.push(0);
    }
    if (labelled!.same[k]) decidedSame[id]!++;
    else decidedDiff[id]!++;
    decidedPattern[k] = id;
  }
  const P = patterns.length;
  /** Decided pairs of each pattern (indices into `labelled`). */
  const decidedOf: number[][] = Array.from({ length: P }, () => []);
  for (let k = 0; k < decidedPattern.length; k++) decidedOf[decidedPattern[k]!]!.push(k);
  // Two phases when there are decisions (learn.ts): EM without them to convergence, which gives the
  // log-odds each pattern had when the decided pairs were scored (`unsupervised`), then EM with them.
  // When EM does not converge (a flat likelihood: on the English list pair, names only, a few
  // decisions then moved it along the ridge and cost 0.06 of precision) the decisions are not
  // learned from; they are still honoured in clustering.
  let learning = (labelled?.count ?? 0) === 0;
  let phaseEnd = maxIterations;
  const unsupervised = new Float64Array(P);
  /** Match and related mass of each pattern for the M-step: its sampled pairs plus its decided ones. */
  const massM = new Float64Array(P);
  const massR = new Float64Array(P);
  const m = types.map((t) => [...DEFAULT_M[t]]);
  /** m of each list-pair group (one group: the pooled m itself). */
  const mG =
    G > 1
      ? Array.from({ length: G }, (_, g) => (groups!.pooled[g] ? m : types.map((t) => [...DEFAULT_M[t]])))
      : [m];
  const r = types.map((t, f) =>
    relatedAsRandom[f] ? [...u[f]!] : DEFAULT_M[t].map((x, l) => 0.5 * x + 0.5 * u[f]![l]!),
  );
  let lambda = 0.3;
  let lambdaR = 0.1;
  // Residence fields (positions in fieldsUsed): a match either stayed (m) or moved (u).
  const residence = residenceFields(types, use);
  const isResidence = fieldsUsed.map((f) => residence.includes(f));
  let moved = 0.1;
  /** Per pattern: the share of its match mass that stayed (1 without residence fields present). */
  const stayed = new Float64Array(P).fill(1);
  let movedMass = 0;
  const postM = new Float64Array(P);
  const postR = new Float64Array(P);
  let iterations = 0;
  let logLik = Number.NaN;
  let prevLogLik = Number.NaN;
  let lastChange = Number.POSITIVE_INFINITY;
  let lastGain = Number.NaN;
  let converged = false;
  /** The model EM reached without decisions, kept in case EM with them does not converge. */
  let snapshot:
    | {
        m: number[][];
        mG: (number[][] | null)[];
        r: number[][];
        lambda: number;
        lambdaR: number;
        moved: number;
        movedMass: number;
        postM: Float64Array;
        postR: Float64Array;
        logLik: number;
        lastChange: number;
        lastGain: number;
      }
    | undefined;
  for (; iterations < phaseEnd; iterations++) {
    // E-step.
    prevLogLik = logLik;
    logLik = 0;
    let sumM = 0;
    let sumR = 0;
    const lmPrior = Math.log(lambda);
    const lrPrior = Math.log(lambdaR);
    const luPrior = Math.log(Math.max(1e-12, 1 - lambda - lambdaR));
    for (let p = 0; p < P; p++) {
      let lm = lmPrior;
      let lr = lrPrior;
      let lu = luPrior;
      const pat = patterns[p]!;
      const mp = mG[groupOfPattern[p]!]!;
      let stayM = 0;
      let movedM = 0;
      let anyResidence = false;
      for (let i = 0; i < fieldsUsed.length; i++) {
        const f = fieldsUsed[i]!;
        const l = pat[i]!;
        if (l >= m[f]!.length) continue; // missing: no evidence
        if (isResidence[i]) {
          anyResidence = true;
          stayM += Math.log(mp[f]![l]!);
          movedM += Math.log(u[f]![l]!);
        } else lm += Math.log(mp[f]![l]!);
        lr += Math.log(r[f]![l]!);
        lu += Math.log(u[f]![l]!);
      }
      if (anyResidence) {
        const a = Math.log(1 - moved) + stayM;
        const b = Math.log(moved) + movedM;
        const hi = Math.max(a, b);
        const both = hi + Math.log(Math.exp(a - hi) + Math.exp(b - hi));
        lm += both;
        stayed[p] = Math.exp(a - both);
      }
      for (const d of deps) lu -= d.bits[pat[d.ia]! * d.width + pat[d.ib]!]! * Math.LN2;
      const top = Math.max(lm, lr, lu);
      const em = Math.exp(lm - top);
      const er = Math.exp(lr - top);
      const eu = Math.exp(lu - top);
      const z = em + er + eu;
      logLik += counts[p]! * (top + Math.log(z));
      postM[p] = em / z;
      postR[p] = er / z;
      massM[p] = postM[p]! * counts[p]!;
      massR[p] = postR[p]! * counts[p]!;
      const ds = decidedSame[p]!;
      const dd = decidedDiff[p]!;
      if (!learning) unsupervised[p] = logit(postM[p]!);
      else if (ds + dd > 0) {
        // Undecided pairs of a decided pattern move by what the decisions say the model got wrong
        // on the decided pairs themselves (learn.ts `correctedShare`); the decided pairs add no
        // mass of their own: the review queue chose them, they are not a sample of the pattern.
        const now = logit(postM[p]!);
        const shift = now - unsupervised[p]!;
        const predicted = decidedOf[p]!.map((k) =>
          labelled!.predicted ? sigmoid(logit(labelled!.predicted[k]!) + shift) : postM[p]!,
        );
        const q = correctedShare(postM[p]!, predicted, ds);
        const relatedShare = er + eu > 0 ? er / (er + eu) : 0;
        postM[p] = q;
        postR[p] = (1 - q) * relatedShare;
        massM[p] = q * counts[p]!;
        massR[p] = (1 - q) * counts[p]! * relatedShare;
      }
      // The class shares are those of the sampled pairs: decided ones are not a random sample.
      sumM += postM[p]! * counts[p]!;
      sumR += postR[p]! * counts[p]!;
    }
    // M-step.
    const nextLambda = Math.min(1 - 1e-6, Math.max(1e-9, sumM / pairs));
    const nextLambdaR = Math.min(1 - nextLambda - 1e-9, Math.max(1e-9, sumR / pairs));
    let change = Math.max(Math.abs(nextLambda - lambda), Math.abs(nextLambdaR - lambdaR));
    lambda = nextLambda;
    lambdaR = nextLambdaR;
    if (residence.length > 0) {
      let num = 0;
      let den = 0;
      for (let p = 0; p < P; p++) {
        if (stayed[p] === 1 && !patterns[p]!.some((l, i) => isResidence[i] && l < m[fieldsUsed[i]!]!.length))
          continue;
        num += massM[p]! * (1 - stayed[p]!);
        den += massM[p]!;
      }
      if (den > 0) {
        const next = Math.min(MOVED_MAX, Math.max(MOVED_MIN, num / den));
        change = Math.max(change, Math.abs(next - moved));
        moved = next;
        movedMass = den;
      }
    }
    for (let i = 0; i < fieldsUsed.length; i++) {
      const f = fieldsUsed[i]!;
      const L = m[f]!.length;
      const accM = new Float64Array(L);
      const accR = new Float64Array(L);
      const accG = G > 1 ? new Float64Array(G * L) : null;
      const totG = G > 1 ? new Float64Array(G) : null;
      let totM = 0;
      let totR = 0;
      for (let p = 0; p < P; p++) {
        const l = patterns[p]![i]!;
        if (l >= L) continue;
        // A residence field's m is that of the matches that stayed.
        const mass = isResidence[i] ? massM[p]! * stayed[p]! : massM[p]!;
        accM[l]! += mass;
        accR[l]! += massR[p]!;
        totM += mass;
        totR += massR[p]!;
        if (accG) {
          const g = groupOfPattern[p]!;
          accG[g * L + l]! += mass;
          totG![g]! += mass;
        }
      }
      if (totM > 0) {
        const next = floored(Array.from(accM, (x) => (x + 0.01) / (totM + 0.01 * L)));
        for (let l = 0; l < L; l++) change = Math.max(change, Math.abs(next[l]! - m[f]![l]!));
        m[f] = next;
        // Each list pair: its own matches' levels, with the pooled m worth LIST_PAIR_SHRINKAGE matches.
        if (accG)
          for (let g = 0; g < G; g++) {
            if (groups!.pooled[g]) continue;
            const tot = totG![g]! + LIST_PAIR_SHRINKAGE;
            const nextG = floored(
              Array.from({ length: L }, (_, l) => (accG[g * L + l]! + LIST_PAIR_SHRINKAGE * next[l]!) / tot),
            );
            for (let l = 0; l < L; l++) change = Math.max(change, Math.abs(nextG[l]! - mG[g]![f]![l]!));
            mG[g]![f] = nextG;
          }
      }
      if (totR > 0 && !relatedAsRandom[f]) {
        const next = floored(Array.from(accR, (x) => (x + 0.01) / (totR + 0.01 * L)));
        for (let l = 0; l < L; l++) change = Math.max(change, Math.abs(next[l]! - r[f]![l]!));
        r[f] = next;
      }
    }
    lastChange = change;
    const gain = logLik - prevLogLik;
    lastGain = gain;
    // Settled: no parameter moves by more than PARAMETER_SETTLED. Plateau: the likelihood has stopped
    // rising in any way the data could tell apart (see LOG_LIKELIHOOD_TOLERANCE); judged at the end
    // of a phase, so a run that settles takes exactly the iterations it took before.
    const settled = change < PARAMETER_SETTLED;
    const plateau = Math.abs(gain) < LOG_LIKELIHOOD_TOLERANCE && change < PARAMETER_TOLERANCE;
    const lastOfPhase = iterations === phaseEnd - 1;
    if (!learning && (settled || (lastOfPhase && plateau))) {
      learning = true;
      phaseEnd = iterations + 1 + maxIterations;
      snapshot = {
        m: m.map((x) => [...x]),
        mG: mG.map((g) => (g === m ? null : g.map((x) => [...x]))),
        r: r.map((x) => [...x]),
        lambda,
        lambdaR,
        moved,
        movedMass,
        postM: postM.slice(),
        postR: postR.slice(),
        logLik,
        lastChange,
        lastGain,
      };
      continue;
    }
    if (settled) {
      iterations++;
      converged = true;
      break;
    }
    if (lastOfPhase) converged = plateau;
  }
  // EM with the decisions must converge too, and keep the classes the way EM without them had them.
  // On the English list pair (names only, seed 12, 52 decisions) small rules' EM with decisions
  // swapped the match and related classes — m(birth date agrees) 0.90 → 0.02, r 0.45 → 0.96 — on
  // likelihoods within 1 nat of each other (the ridge), and one ran off without converging:
  // recall 0.94 → 0.87. Then the model without decisions is kept.
  if (
    snapshot &&
    (!converged ||
      (matchClassLeads(snapshot.m, snapshot.r, fieldsUsed, relatedAsRandom) &&
        !matchClassLeads(m, r, fieldsUsed, relatedAsRandom)))
  ) {
    const s = snapshot;
    for (let f = 0; f < F; f++) {
      m[f] = s.m[f]!;
      r[f] = s.r[f]!;
    }
    s.mG.forEach((g, i) => {
      if (g) for (let f = 0; f < F; f++) mG[i]![f] = g[f]!;
    });
    lambda = s.lambda;
    lambdaR = s.lambdaR;
    moved = s.moved;
    movedMass = s.movedMass;
    postM.set(s.postM);
    postR.set(s.postR);
    logLik = s.logLik;
    lastChange = s.lastChange;
    lastGain = s.lastGain;
    learning = false;
    converged = true;
  }
  // Class check: EM finds two clusters of agreeing pairs but does not know which one is "same
  // person". The match class should be the one that agrees more on the fields both classes learn.
  const classesSwapped = !matchClassLeads(m, r, fieldsUsed, relatedAsRandom);
  const posterior = new Float64Array(pairs);
  const posteriorR = new Float64Array(pairs);
  for (let k = 0; k < pairs; k++) {
    posterior[k] = postM[patternOf[k]!]!;
    posteriorR[k] = postR[patternOf[k]!]!;
  }
  const evidenceOf = (post: Float64Array) =>
    types.map((t, f) => {
      if (!use[f]) return 0;
      const miss = missingLevel(t);
      let e = 0;
      for (let k = 0; k < pairs; k++) if (levels[k * F + f]! !== miss) e += post[k]!;
      return e;
    });
  let evidenceByGroup: number[][] | undefined;
  if (G > 1) {
    evidenceByGroup = Array.from({ length: G }, () => new Array<number>(F).fill(0));
    for (let f = 0; f < F; f++) {
      if (!use[f]) continue;
      const miss = missingLevel(types[f]!);
      for (let k = 0; k < pairs; k++)
        if (levels[k * F + f]! !== miss) evidenceByGroup[groupOf(k)]![f]! += posterior[k]!;
    }
  }
  return {
    m,
    r,
    lambda,
    lambdaR,
    posterior,
    posteriorR,
    iterations,
    convergence: {
      converged,
      logLikelihood: logLik,
      logLikelihoodGain: lastGain,
      parameterChange: lastChange,
    },
    classesSwapped,
    ...((labelled?.count ?? 0) > 0 ? { learnedFromDecisions: learning } : {}),
    evidence: evidenceOf(posterior),
    evidenceR: evidenceOf(posteriorR),
    ...(G > 1 ? { mByGroup: mG, evidenceByGroup } : {}),
    ...(residence.length > 0 ? { moved, movedEvidence: movedMass } : {}),
  };
}

/**
 * Whether the match class agrees exactly more often than the related class, over the fields both
 * classes learn (sum of log ratios of exact agreement).
 */
export function matchClassLeads(
  m: readonly number[][],
  r: readonly number[][],
  fields: readonly number[],
  relatedAsRandom: readonly boolean[] = [],
): boolean {
  let lead = 0;
  for (const f of fields) if (!relatedAsRandom[f]) lead += Math.log(m[f]![0]!) - Math.log(r[f]![0]!);
  return lead >= 0;
}

/**
 * No agreement level is impossible for the same person (any field can be mis-recorded): m never
 * falls below this, so one disagreement weighs at most about log2(1/0.0005) ≈ 11 bits.
 */
const M_FLOOR = 0.0005;

/**
 * Probabilities of the levels of one field with every level at least M_FLOOR, still summing to
 * one: the mass lifted onto rare levels is taken from the others in proportion (levels sitting at
 * the floor stay there), so agreement levels are not overstated.
 */
export function floored(p: number[]): number[] {
  const out = p.map((x) => Math.max(x, 0));
  const sum0 = out.reduce((a, b) => a + b, 0);
  for (let l = 0; l < out.length; l++) out[l] = sum0 > 0 ? out[l]! / sum0 : 1 / out.length;
  const atFloor = new Array<boolean>(out.length).fill(false);
  for (let round = 0; round < out.length; round++) {
    let fixed = 0;
    let free = 0;
    for (let l = 0; l < out.length; l++) {
      if (atFloor[l] || out[l]! < M_FLOOR) {
        atFloor[l] = true;
        fixed += M_FLOOR;
      } else free += out[l]!;
    }
    if (free <= 0) return out.map(() => 1 / out.length);
    const scale = (1 - fixed) / free;
    let again = false;
    for (let l = 0; l < out.length; l++) {
      if (atFloor[l]) out[l] = M_FLOOR;
      else {
        out[l] = out[l]! * scale;
        if (out[l]! < M_FLOOR) again = true;
      }
    }
    if (!again) break;
  }
  return out;
}

export const defaultM = (t: FieldType) => [...DEFAULT_M[t]];

export function fieldModel(
  column: string,
  type: FieldType,
  m: number[],
  u: number[],
  r: number[],
  mFrom: string,
): FieldModel {
  return {
    column,
    type,
    levels: [...LEVELS[type]],
    m,
    u,
    r,
    weights: m.map((mi, l) => Math.log2(mi / u[l]!)),
    relatedWeights: r.map((ri, l) => Math.log2(ri / u[l]!)),
    termFrequency: usesTermFrequency(type),
    mFrom,
  };
}

/**
 * Turns a model into the tables the scorer reads. Exact agreement on a value with relative
 * frequency p weighs log2(m_exact / p) instead of log2(m_exact / u_exact) — a shared "González" is
 * weaker evidence than a shared "Zambrano" — with p kept at or above u_exact/32 so that one rare
 * value cannot outweigh disagreement on everything else.
 */
export function scoreTables(model: LinkModel, data: EncodedData): ScoreTables {
  const weights = model.fields.map((f) => Float64Array.from([...f.weights, 0]));
  const relatedWeights = model.fields.map((f) => Float64Array.from([...f.relatedWeights, 0]));
  const tf = (f: FieldModel, i: number, top: number) => {
    const fd = data.fields[i]!;
    if (!f.termFrequency || !fd.counts || fd.present === 0) return null;
    const counts = fd.counts;
    const out = new Float32Array(counts.length);
    const floor = f.u[0]! / 32;
    const lm = Math.log2(top);
    for (let v = 0; v < counts.length; v++) {
      const p = Math.max(counts[v]! / fd.present, floor);
      out[v] = lm - Math.log2(p);
    }
    return out;
  };
  const tfWeights = model.fields.map((f, i) => tf(f, i, f.m[0]!));
  const tfRelated = model.fields.map((f, i) => tf(f, i, f.r[0]!));
  // Given name and first surname agreeing together: their joint frequency, not the product.
  const roles = inferIdentityRoles(data.fields);
  let jointNames: ScoreTables['jointNames'];
  if (roles.given >= 0 && roles.surname1 >= 0 && tfWeights[roles.given] && tfWeights[roles.surname1]) {
    const bits = jointNameBits(
      data,
      roles.given,
      roles.surname1,
      model.fields[roles.given]!.u[0]! / 32,
      model.fields[roles.surname1]!.u[0]! / 32,
    );
    if (bits) jointNames = { a: roles.given, b: roles.surname1, bits };
  }
  const order = evaluationOrder(model.fields.map((f) => f.type));
  const unrelated = 1 - model.prior - model.priorRelated;
  const dependencies = (model.dependencies ?? []).map((d) => ({
    a: d.a,
    b: d.b,
    width: d.width,
    bits: Float64Array.from(d.bits),
  }));
  const listPairs = listPairTables(model, data);
  const res = model.residence;
  const residence = res
    ? {
        field: Uint8Array.from(model.fields, (_, f) => (res.fields.includes(f) ? 1 : 0)),
        stayed: Math.log2(1 - res.moved),
        moved: Math.log2(res.moved),
      }
    : undefined;
  // Residence fields enter the weight through their mixture, not one by one: the bound leaves
  // them out of the suffix and adds their largest total to every position.
  const outside = (ws: Float64Array[]) =>
    ws.map((x, f) => (residence?.field[f] ? new Float64Array(x.length) : x));
  const tfOutside = (ts: (Float32Array | null)[]) => ts.map((x, f) => (residence?.field[f] ? null : x));
  const residenceMax = (ws: Float64Array[], ts: (Float32Array | null)[]) => {
    let total = 0;
    if (residence)
      for (const f of res!.fields) {
        let mx = 0;
        for (const x of ws[f]!) mx = Math.max(mx, x);
        const t = ts[f];
        if (t) for (const x of t) mx = Math.max(mx, x);
        total += mx;
      }
    return total;
  };
  const suffixMax = suffixMaxima(order, outside(weights), tfOutside(tfWeights));
  let residenceBound = residenceMax(weights, tfWeights);
  // With weights per list pair, the bound takes the largest of every pair's.
  if (listPairs)
    for (let g = 0; g < listPairs.weights.length; g++) {
      const sm = suffixMaxima(order, outside(listPairs.weights[g]!), tfOutside(tfWeights));
      for (let k = 0; k < suffixMax.length; k++) suffixMax[k] = Math.max(suffixMax[k]!, sm[k]!);
      residenceBound = Math.max(residenceBound, residenceMax(listPairs.weights[g]!, tfWeights));
    }
  for (let k = 0; k < suffixMax.length; k++) suffixMax[k]! += residenceBound;
  // The bound must stay an upper bound: every positive correction may still come.
  const lift = dependencies.reduce((s, d) => s + Math.max(0, ...d.bits), 0);
  for (let k = 0; k < suffixMax.length; k++) suffixMax[k]! += lift;
  return {
    prior: Math.log2(model.prior / unrelated),
    priorRelated: Math.log2(model.priorRelated / unrelated),
    weights,
    relatedWeights,
    tfWeights,
    tfRelated,
    order,
    suffixMax,
    dependencies,
    jointNames,
    listPairs,
    residence,
    twin: { given: -1, surname1: -1, birth: -1, document: -1, cap: Number.POSITIVE_INFINITY },
  };
}

/** Weights per list pair for the scorer, when the model has them for these very lists. */
function listPairTables(model: LinkModel, data: EncodedData): ScoreTables['listPairs'] {
  const lp = model.listPairs;
  if (!lp || lp.sources.length !== data.sources.length || lp.sources.some((s, i) => s !== data.sources[i]))
    return undefined;
  const weights = lp.m.map((mg) =>
    model.fields.map((f, i) => Float64Array.from([...mg[i]!.map((x, l) => Math.log2(x / f.u[l]!)), 0])),
  );
  return { weights };
}

/** Posterior probability from a match weight (log2 odds). */
export const probability = (w: number) => (w > 60 ? 1 : w < -60 ? 0 : 1 / (1 + 2 ** -w));
/** Match weight from a probability. */
export const weightOf = (p: number) => Math.log2(p / (1 - p));

/** The list-pair group of each sampled pair, or undefined when m is pooled (one list, or too many). */
export function listPairGroups(data: EncodedData, a: Int32Array, b: Int32Array): PairGroups | undefined {
  const lists = data.sources.length;
  if (lists < MIN_LISTS_PER_PAIR_M || lists > MAX_LISTS_PER_PAIR_M) return undefined;
  const of = new Uint16Array(a.length);
  for (let k = 0; k < a.length; k++) of[k] = listPairIndex(data.source[a[k]!]!, data.source[b[k]!]!);
  const pooled = pooledListPairs(data);
  return pooled.every(Boolean) ? undefined : { of, count: listPairCount(lists), pooled };
}

/**
 * m per list pair for the whole run: each EM session's list-pair m, averaged over the sessions
 * that did not block on the field, weighted by the match evidence behind it (as the pooled m is).
 * A list pair no session saw keeps the pooled m.
 */
export function listPairModel(
  data: EncodedData,
  fields: readonly FieldModel[],
  sessions: readonly { use: readonly boolean[]; em: EmResult }[],
): ListPairModel | undefined {
  const lists = data.sources.length;
  if (
    lists < MIN_LISTS_PER_PAIR_M ||
    lists > MAX_LISTS_PER_PAIR_M ||
    fields.some((f) => f.mFrom === 'defaults')
  )
    return undefined;
  const G = listPairCount(lists);
  const m: number[][][] = [];
  const evidence: number[][] = [];
  const pooled = pooledListPairs(data);
  if (pooled.every(Boolean)) return undefined;
  for (let g = 0; g < G; g++) {
    const mg: number[][] = [];
    const eg: number[] = [];
    fields.forEach((fm, f) => {
      if (pooled[g]) {
        mg.push([...fm.m]);
        eg.push(0);
        return;
      }
      const acc = new Float64Array(fm.m.length);
      let total = 0;
      for (const s of sessions) {
        const e = s.em.evidenceByGroup?.[g]?.[f] ?? 0;
        const values = s.em.mByGroup?.[g]?.[f];
        if (!s.use[f] || e <= 0 || !values) continue;
        total += e;
        values.forEach((x, l) => {
          acc[l]! += x * e;
        });
      }
      mg.push(total > 0 ? Array.from(acc, (x) => x / total) : [...fm.m]);
      eg.push(total);
    });
    m.push(mg);
    evidence.push(eg);
  }
  return { sources: [...data.sources], m, evidence };
}

/**
 * The share of matches that moved house, over the EM sessions that saw the residence group
 * (weighted by the match mass behind each); undefined when no session did.
 */
export function residenceModel(
  types: readonly FieldType[],
  sessions: readonly { use: readonly boolean[]; em: EmResult }[],
): ResidenceModel | undefined {
  const fields = residenceFields(
    types,
    types.map(() => true),
  );
  if (fields.length === 0) return undefined;
  let num = 0;
  let den = 0;
  for (const s of sessions) {
    if (s.em.moved === undefined || !s.em.movedEvidence) continue;
    num += s.em.moved * s.em.movedEvidence;
    den += s.em.movedEvidence;
  }
  return den >= 20 ? { fields, moved: num / den } : undefined;
}

/**
 * List pairs that keep the pooled m: pairs within one list (a list rarely holds the same person
 * twice, so EM's match class there fits whatever agrees most among different people) and pairs
 * with a list too short for its own estimate (MIN_RECORDS_PER_PAIR_M).
 */
function pooledListPairs(data: EncodedData): Uint8Array {
  const lists = data.sources.length;
  const size = new Int32Array(lists);
  for (let i = 0; i < data.n; i++) size[data.source[i]!]!++;
  const pooled = new Uint8Array(listPairCount(lists));
  for (let a = 0; a < lists; a++)
    for (let b = a; b < lists; b++)
      if (a === b || size[a]! < MIN_RECORDS_PER_PAIR_M || size[b]! < MIN_RECORDS_PER_PAIR_M)
        pooled[listPairIndex(a, b)] = 1;
  return pooled;
}
