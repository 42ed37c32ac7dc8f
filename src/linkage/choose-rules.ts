/**
 * Automatic choice of blocking rules: which conjunctions of keys to block on so that the union of
 * rules finds nearly every same-person pair within a budget of candidate pairs. Same-person pairs
 * are simulated (which fields both records have, from real record pairs; whether a key agrees, from
 * assumed agreement rates); pair counts are estimated on a sample of records; rules are then chosen
 * greedily by simulated pairs found per candidate pair spent, a rule's price being the pairs it adds
 * to those the rules already chosen compare (the union: a pair is scored once, however many rules
 * produce it). Keys and rule syntax: blocking.ts.
 */
import { type Atom, type AtomKind, atomFields, MULTI_KINDS, type Rule, ruleLabel } from './blocking.js';
import type { Encoded, EncodedData, FieldData } from './encode.js';
import {
  combineKeySets,
  forEachPairSharingKeys,
  isMulti,
  type Keys,
  keysAgree,
  pairsSharingKeys,
  subsetKeys,
} from './key-sets.js';
import { Rng } from './random.js';
import { inferNameRoles, type NameRoles } from './roles.js';
import { type FieldType, isNameType } from './types.js';

/**
 * Assumed probability that a key agrees between two records of the same person when both have
 * the field — used only to choose rules (the comparison weights are estimated from the data).
 */
const AGREE: Record<string, number> = {
  'name.first': 0.93,
  'name.phonetic': 0.85,
  /** Initial agreeing when the first word's key does not (a typo after the first letter). */
  'name.initial': 0.6,
  /**
   * Some word's key agreeing when the first word's does not, given that one of the two records
   * has two words or more ("Ana Daniela" / "DANIELA": a word dropped, words in another order).
   */
  'name.words': 0.6,
  'date.year': 0.94,
  'date.monthday': 0.9,
  'id.value': 0.93,
  'place.value': 0.92,
  'exact.value': 0.95,
  'text.value': 0.7,
  'number.value': 0.9,
  'postcode.value': 0.9,
  'locality.value': 0.9,
};

const CANDIDATE_KINDS: Record<FieldType, AtomKind[]> = {
  // "words" only where values of two words or more are common (candidateAtoms).
  name: ['first', 'words', 'phonetic', 'prefix'],
  fullname: ['first', 'phonetic'],
  date: ['value', 'year', 'monthday'],
  id: ['value'],
  place: ['value'],
  exact: ['value'],
  text: ['value'],
  number: ['value'],
  // Addresses and occupations are written too many ways for one key; their postcode and locality are not.
  address: [],
  postcode: ['value'],
  locality: ['value'],
  occupation: [],
};

export interface RuleEstimate {
  label: string;
  /** Estimated candidate pairs (from a sample of records). */
  pairs: number;
  /** Of those, estimated pairs that no rule chosen before it compares (what it adds to the union). */
  newPairs: number;
  /** Share of same-person pairs the rule would find, under the assumed agreement rates. */
  recall: number;
}

export interface BlockingChoice {
  rules: Rule[];
  /** Chosen rules with their estimates, in order. */
  chosen: RuleEstimate[];
  /** Share of same-person pairs the union finds, under the assumed agreement rates. */
  unionRecall: number;
  /** Key used to split over-large blocks of each rule. */
  refine: (Atom | null)[];
  /**
   * Candidate pairs allowed, and estimated distinct candidate pairs of the chosen rules (their
   * union: each pair is scored once, however many rules share it).
   */
  budget: number;
  budgetUsed: number;
  /** Estimated pairs in the chosen rules' blocks, summed over rules (a shared pair once per rule). */
  blockPairs: number;
}

const VIRTUAL = 8192;
/**
 * At most this many distinct candidate pairs, whatever the size: scoring time follows the pairs
 * compared, and 1M records must link in 90 s on two cores (measured: 17.7M pairs at 1M, the whole
 * per-record budget once it counts distinct pairs, took 110 s; bench/link/README.md).
 */
const MAX_BUDGET = 7_000_000;
/** At most this many rules: each costs a pass over its blocks and an EM sample. */
const MAX_RULES = 32;
/**
 * The scorer still visits a pair once per rule sharing it (to skip it when an earlier rule has
 * it), so the chosen rules' pairs summed over rules stay within this many budgets.
 */
const VISITS_PER_BUDGET = 3;
/**
 * Sampled pairs kept per candidate rule to measure its overlap with the chosen rules (thinned by
 * a hash of the pair, so two rules keep the same pairs of their overlap).
 */
const OVERLAP_SAMPLE = 8000;

/** Blocking on nothing: every pair is a candidate (small inputs, or no usable key). */
const allPairsChoice = (allPairs: number, budget: number): BlockingChoice => ({
  rules: [[]],
  chosen: [{ label: '(all pairs)', pairs: allPairs, newPairs: allPairs, recall: 1 }],
  unionRecall: 1,
  refine: [null],
  budget,
  budgetUsed: allPairs,
  blockPairs: allPairs,
});

/**
 * Chooses rules so that the union finds nearly every same-person pair while the candidate pairs
 * stay within `pairsPerRecord × n`. Same-person pairs are simulated (simulateAgreement); pair counts
 * are estimated on a sample of records (pairEstimator). Greedy: each step adds the rule that finds
 * the most simulated pairs not yet found per candidate pair it adds to the union, until no rule
 * finds more or the budget is spent.
 */
export function chooseRules(
  enc: Encoded,
  atomKeysOf: (a: Atom) => Keys,
  pairsPerRecord: number,
  seed: number,
): BlockingChoice {
  const { data } = enc;
  const n = data.n;
  const fields = data.fields;
  const allPairs = (n * (n - 1)) / 2;
  const budget = Math.max(Math.min(pairsPerRecord * n, MAX_BUDGET), 200_000);
  if (allPairs <= budget) return allPairsChoice(allPairs, budget);

  const rng = new Rng(seed ^ 0x5bd1e995);
  const roles = inferNameRoles(fields);
  const multiWord = fields.map((f) => multiWordOf(data, f));
  const atoms = candidateAtoms(fields, n, roles, multiWord);
  const agreeBits = simulateAgreement(atoms, fields, n, rng, multiWord);
  const sampled = pairEstimator(atoms, atomKeysOf, n, allPairs, rng, budget);
  const estimatePairs = (idx: number[]) => sampled.estimate(idx).pairs;
  const bitsOf = (idx: number[]) => coverageOf(agreeBits, idx);
  const candidates = candidateRules(atoms, budget, sampled, bitsOf);
  const { chosen, coveredCount } = greedyCover(candidates, budget, sampled);

  const columns = fields.map((f) => f.column);
  const rules = chosen.map((c) => c.idx.map((k) => atoms[k]!));
  if (rules.length === 0) {
    // Nothing affordable: fall back to the most selective single key, split as needed.
    if (atoms.length === 0) return allPairsChoice(allPairs, budget);
    let bestAtom = 0;
    let bestPairs = Number.POSITIVE_INFINITY;
    atoms.forEach((_, k) => {
      const p = estimatePairs([k]);
      if (p < bestPairs) {
        bestPairs = p;
        bestAtom = k;
      }
    });
    rules.push([atoms[bestAtom]!]);
    chosen.push({
      idx: [bestAtom],
      pairs: bestPairs,
      newPairs: bestPairs,
      recall: bitsOf([bestAtom]).recall,
    });
  }
  // The surnames pair first in a rule's label (as rules built from the two ordered keys read).
  for (const r of rules) r.sort((x, y) => Number(y.kind === 'surnames') - Number(x.kind === 'surnames'));
  const refine = refineKeys(rules, atoms, fields, n, estimatePairs);
  return {
    rules,
    chosen: chosen.map((c, r) => ({
      label: ruleLabel(rules[r]!, columns),
      pairs: c.pairs,
      newPairs: c.newPairs,
      recall: c.recall,
    })),
    unionRecall: coveredCount / VIRTUAL,
    refine,
    budget,
    budgetUsed: chosen.reduce((t, c) => t + c.newPairs, 0),
    blockPairs: chosen.reduce((t, c) => t + c.pairs, 0),
  };
}

/** Name fields: per record, whether its value has two words or more (null for other fields). */
function multiWordOf(data: EncodedData, f: FieldData): Uint8Array | null {
  if (!isNameType(f.type)) return null;
  const { tokStart } = data.dicts[f.dict]!;
  return Uint8Array.from(f.value, (v) => (v >= 0 && tokStart[v + 1]! - tokStart[v]! >= 2 ? 1 : 0));
}

/** Share of a field's values with two words or more at which a key on any word is worth trying. */
const MULTI_WORD_SHARE = 0.05;

/** The keys rules are made of: each well-filled field's candidate kinds, and the surnames as a pair. */
function candidateAtoms(
  fields: readonly FieldData[],
  n: number,
  roles: NameRoles,
  multiWord: readonly (Uint8Array | null)[],
): Atom[] {
  const atoms: Atom[] = [];
  for (const f of fields) {
    if (f.present / n < 0.05) continue;
    const mw = multiWord[f.index];
    let multi = 0;
    if (mw) for (let i = 0; i < n; i++) multi += mw[i]!;
    for (const kind of CANDIDATE_KINDS[f.type]) {
      if (kind === 'words' && multi < MULTI_WORD_SHARE * f.present) continue;
      atoms.push(kind === 'prefix' ? { field: f.index, kind, n: 1 } : { field: f.index, kind });
    }
  }
  // Cross-column key: the two surnames' first words as an unordered pair.
  if (roles.surname1 !== undefined && roles.surname2 !== undefined)
    atoms.push({ field: roles.surname1, kind: 'surnames', field2: roles.surname2 });
  return atoms;
}

/**
 * Simulated same-person pairs. Which fields both records have comes from two real records drawn
 * at random: lists leave fields out together (a list without birth dates often lacks documents
 * too), and assuming independent gaps overrates rules on rarely-filled fields. Whether a present
 * field's key agrees comes from the assumed agreement rates (AGREE). One bit per atom and pair.
 */
function simulateAgreement(
  atoms: readonly Atom[],
  fields: readonly FieldData[],
  n: number,
  rng: Rng,
  multiWord: readonly (Uint8Array | null)[],
): Uint8Array[] {
  const agreeBits = atoms.map(() => new Uint8Array(VIRTUAL));
  const fieldCount = fields.length;
  for (let v = 0; v < VIRTUAL; v++) {
    const i = rng.int(n);
    let j = rng.int(n - 1);
    if (j >= i) j++;
    const presentBoth = new Array<boolean>(fieldCount);
    const sameValue = new Array<boolean>(fieldCount);
    const sameFirst = new Array<boolean>(fieldCount);
    for (const f of fields) {
      presentBoth[f.index] = f.value[i]! >= 0 && f.value[j]! >= 0;
      // Whole-value agreement for names/dates drives the weaker keys too.
      sameValue[f.index] = rng.float() < (isNameType(f.type) ? AGREE['name.phonetic']! : 0.86);
      sameFirst[f.index] =
        sameValue[f.index]! ||
        rng.float() < (AGREE['name.first']! - AGREE['name.phonetic']!) / (1 - AGREE['name.phonetic']!);
    }
    atoms.forEach((a, k) => {
      const f = fields[a.field]!;
      if (!atomFields(a).every((x) => presentBoth[x])) return;
      const same = sameValue[a.field]!;
      let agree: boolean;
      if (a.kind === 'surnames') agree = sameFirst[a.field]! && sameFirst[a.field2!]!;
      else if (a.kind === 'words') {
        const mw = multiWord[a.field]!;
        agree = sameFirst[a.field]! || ((mw[i]! | mw[j]!) === 1 && rng.float() < AGREE['name.words']!);
      } else if (isNameType(f.type))
        agree =
          a.kind === 'phonetic'
            ? same
            : a.kind === 'first'
              ? sameFirst[a.field]!
              : sameFirst[a.field]! || rng.float() < AGREE['name.initial']!;
      else if (f.type === 'date')
        agree = a.kind === 'value' ? same : same || rng.float() < (a.kind === 'year' ? 0.5 : 0.3);
      else agree = rng.float() < (AGREE[`${f.type}.${a.kind}`] ?? 0.9);
      agreeBits[k]![v] = agree ? 1 : 0;
    });
  }
  return agreeBits;
}

/** A rule's candidate pairs estimated on the sample of records, and its keys there. */
interface SampledRule {
  pairs: number;
  keys: Keys;
}

interface PairEstimator {
  estimate: (idx: number[]) => SampledRule;
  /**
   * The same on a second sample of records, drawn apart from the first (when the data has room
   * for two): rules are chosen on the first sample, which favours rules whose pairs it happens to
   * undercount, so what a chosen rule costs is measured again on records that played no part in
   * choosing it.
   */
  heldOut: (idx: number[]) => Keys;
  /** Candidate pairs of the whole data one pair of a sample stands for. */
  scale: number;
}

/**
 * Estimated candidate pairs of a rule (atoms by index), counted on a sample of records and scaled.
 * A pair two records share through several keys (two words of a name) counts once, as it is scored
 * once; `cap` (pairs of the whole data) stops the exact count of a rule that is too costly anyway.
 */
function pairEstimator(
  atoms: readonly Atom[],
  atomKeysOf: (a: Atom) => Keys,
  n: number,
  allPairs: number,
  rng: Rng,
  cap: number,
): PairEstimator {
  const sampleSize = Math.min(n, SAMPLE);
  const twoSamples = n >= 2 * sampleSize;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < (twoSamples ? 2 : 1) * sampleSize; i++) {
    const j = i + rng.int(n - i);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const sample = perm.slice(0, sampleSize);
  const scale = allPairs / ((sampleSize * (sampleSize - 1)) / 2);
  const sampleKeys = atoms.map((a) => subsetKeys(atomKeysOf(a), sample));
  const heldOutSample = twoSamples ? perm.slice(sampleSize, 2 * sampleSize) : sample;
  const heldOutKeys = new Map<number, Keys>();
  const heldOutAtom = (k: number) => {
    let keys = heldOutKeys.get(k);
    if (!keys) {
      keys = twoSamples ? subsetKeys(atomKeysOf(atoms[k]!), heldOutSample) : sampleKeys[k]!;
      heldOutKeys.set(k, keys);
    }
    return keys;
  };
  return {
    scale,
    heldOut: (idx) => combineKeySets(idx.map(heldOutAtom), sampleSize),
    estimate: (idx: number[]): SampledRule => {
      const keys = combineKeySets(
        idx.map((k) => sampleKeys[k]!),
        sampleSize,
      );
      return { pairs: pairsSharingKeys(keys, cap / scale) * scale, keys };
    },
  };
}

/** Records in the sample pair counts are estimated on (below 2^16: pairs are packed in 32 bits). */
const SAMPLE = 30_000;

/** Whether to keep sampled pair (a, b) at `rate`: a hash of the pair, the same for every rule. */
function keepPair(a: number, b: number, rate: number): boolean {
  if (rate >= 1) return true;
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296 < rate;
}

/** A rule's sampled pairs (packed a·2^16 + b), thinned to about OVERLAP_SAMPLE. */
function overlapSample(keys: Keys, samplePairs: number): { pairs: Uint32Array; rate: number } {
  const rate = Math.min(1, OVERLAP_SAMPLE / Math.max(1, samplePairs));
  const kept: number[] = [];
  forEachPairSharingKeys(keys, (a, b) => {
    if (keepPair(a, b, rate)) kept.push(a * 65536 + b);
  });
  return { pairs: Uint32Array.from(kept), rate };
}

interface Candidate {
  idx: number[];
  pairs: number;
  bits: Uint8Array;
  recall: number;
  /**
   * The rule's sampled pairs that no chosen rule shares a block with (as far as checked): the
   * first `fresh` entries. Each stands for `weight` candidate pairs of the whole data.
   */
  unseen: Uint32Array;
  fresh: number;
  weight: number;
  /** Chosen rules `unseen` has been checked against. */
  checked: number;
}

/** A chosen rule: its estimated pairs, those it added to the union, and its simulated recall. */
interface Chosen {
  idx: number[];
  pairs: number;
  newPairs: number;
  recall: number;
}

/** Which simulated pairs a rule finds (all its keys agree), and their share. */
function coverageOf(agreeBits: readonly Uint8Array[], idx: number[]): { bits: Uint8Array; recall: number } {
  const bits = new Uint8Array(VIRTUAL);
  let hits = 0;
  for (let v = 0; v < VIRTUAL; v++) {
    let ok = 1;
    for (const k of idx) ok &= agreeBits[k]![v]!;
    bits[v] = ok;
    hits += ok;
  }
  return { bits, recall: hits / VIRTUAL };
}

/**
 * Rules of one, two and three keys on distinct fields within half the budget. A longer rule is
 * tried when each shorter rule inside it is costly (over an eighth of the budget): a cheaper rule
 * inside it would find a superset of its pairs, but at a price that may crowd out rules finding
 * other pairs.
 */
function candidateRules(
  atoms: readonly Atom[],
  budget: number,
  sampled: PairEstimator,
  bitsOf: (idx: number[]) => { bits: Uint8Array; recall: number },
): Candidate[] {
  const perRule = budget / 2;
  const candidates: Candidate[] = [];
  const consider = (idx: number[]): number => {
    const { pairs, keys } = sampled.estimate(idx);
    const { bits, recall } = bitsOf(idx);
    if (pairs <= perRule && recall > 0.01) {
      const { pairs: unseen, rate } = overlapSample(keys, pairs / sampled.scale);
      candidates.push({
        idx,
        pairs,
        bits,
        recall,
        unseen,
        fresh: unseen.length,
        weight: sampled.scale / rate,
        checked: 0,
      });
    }
    return pairs;
  };
  const costly = budget / 8;
  const tooBig = new Set<string>();
  // Both surnames' first words are blocked on as an unordered pair (the "surnames" key), which
  // is also what is costed: a rule holding the two ordered keys would be run as that pair.
  const pairKey = atoms.find((a) => a.kind === 'surnames');
  const ordered = (a: Atom) =>
    a.kind === 'first' && pairKey !== undefined && (a.field === pairKey.field || a.field === pairKey.field2);
  const disjoint = (idx: number[]) => {
    const used = idx.flatMap((k) => atomFields(atoms[k]!));
    return new Set(used).size === used.length && idx.filter((k) => ordered(atoms[k]!)).length < 2;
  };
  for (let a = 0; a < atoms.length; a++) if (consider([a]) > costly) tooBig.add(`${a}`);
  for (let a = 0; a < atoms.length; a++)
    for (let b = a + 1; b < atoms.length; b++) {
      if (!disjoint([a, b])) continue;
      if (!tooBig.has(`${a}`) || !tooBig.has(`${b}`)) continue;
      if (consider([a, b]) > costly) tooBig.add(`${a},${b}`);
    }
  for (let a = 0; a < atoms.length; a++)
    for (let b = a + 1; b < atoms.length; b++)
      for (let c = b + 1; c < atoms.length; c++) {
        if (!disjoint([a, b, c])) continue;
        if (!tooBig.has(`${a},${b}`) || !tooBig.has(`${a},${c}`) || !tooBig.has(`${b},${c}`)) continue;
        consider([a, b, c]);
      }
  return candidates;
}

/**
 * Budgeted maximum coverage, greedily: the rule finding most new simulated pairs per candidate
 * pair it adds to the union of the chosen rules' pairs. What a rule adds is measured on its
 * sampled pairs: those sharing a block of a chosen rule (the scorer's test, sharesBlock) cost
 * nothing, as the scorer compares each pair once. A rule's price only falls as rules are chosen,
 * so it is brought up to date only when its best possible score could win (lazily).
 */
function greedyCover(
  candidates: readonly Candidate[],
  budget: number,
  sampled: PairEstimator,
): { chosen: Chosen[]; coveredCount: number } {
  const covered = new Uint8Array(VIRTUAL);
  let coveredCount = 0;
  let union = 0;
  let visits = 0;
  const chosen: Chosen[] = [];
  const chosenKeys: Keys[] = [];
  const chosenHeldOut: Keys[] = [];
  // A rule's cost is counted at no less than 1 % of the budget, so that tiny rules do not win on
  // ratio alone (nor rules whose pairs other rules already compare).
  const floor = budget / 100;
  let live = candidates.map((c) => ({ c, gain: 0 }));
  while (chosen.length < MAX_RULES) {
    // Any rule that still finds simulated pairs is worth its cost while the budget lasts: the
    // simulation assumes fields fail independently, so it underrates what extra rules recover.
    for (const x of live) {
      let g = 0;
      for (let v = 0; v < VIRTUAL; v++) if (x.c.bits[v] && !covered[v]) g++;
      x.gain = g / VIRTUAL;
    }
    // Gains only fall: a rule finding nothing new now never will. Best possible score first.
    live = live.filter((x) => x.gain > 0).sort((x, y) => y.gain - x.gain);
    let best: { c: Candidate; cost: number } | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const { c, gain: g } of live) {
      if (g / floor <= bestScore) break;
      if (visits + c.pairs > VISITS_PER_BUDGET * budget) continue;
      const cost = freshPairs(c, chosenKeys);
      if (union + cost > budget) continue;
      const score = g / Math.max(cost, floor);
      if (score > bestScore) {
        best = { c, cost };
        bestScore = score;
      }
    }
    if (!best) break;
    const { c } = best;
    live = live.filter((x) => x.c !== c);
    // What the rule costs, measured on the held-out sample (see PairEstimator.heldOut).
    const keys = sampled.heldOut(c.idx);
    const charged = heldOutPairs(keys, chosenHeldOut, sampled.scale);
    if (union + charged.fresh > budget) continue;
    chosen.push({ idx: c.idx, pairs: charged.all, newPairs: charged.fresh, recall: c.recall });
    chosenKeys.push(sampled.estimate(c.idx).keys);
    chosenHeldOut.push(keys);
    union += charged.fresh;
    visits += charged.all;
    for (let v = 0; v < VIRTUAL; v++)
      if (c.bits[v] && !covered[v]) {
        covered[v] = 1;
        coveredCount++;
      }
  }
  return { chosen, coveredCount };
}

/** A rule's pairs in the held-out sample, all and those no chosen rule shares a block with, scaled. */
function heldOutPairs(keys: Keys, chosen: readonly Keys[], scale: number): { all: number; fresh: number } {
  let all = 0;
  let fresh = 0;
  forEachPairSharingKeys(keys, (a, b) => {
    all++;
    for (const k of chosen) if (keysAgree(k, a, b)) return;
    fresh++;
  });
  return { all: all * scale, fresh: fresh * scale };
}

/** Estimated pairs of a candidate that no chosen rule compares (sampled pairs checked against new rules). */
function freshPairs(c: Candidate, chosenKeys: readonly Keys[]): number {
  for (; c.checked < chosenKeys.length; c.checked++) {
    const keys = chosenKeys[c.checked]!;
    let w = 0;
    for (let p = 0; p < c.fresh; p++) {
      const packed = c.unseen[p]!;
      if (!keysAgree(keys, packed >>> 16, packed & 0xffff)) c.unseen[w++] = packed;
    }
    c.fresh = w;
  }
  return c.fresh * c.weight;
}

/** Splitting key per rule: the most selective well-filled key on a field the rule does not use. */
function refineKeys(
  rules: readonly Rule[],
  atoms: readonly Atom[],
  fields: readonly FieldData[],
  n: number,
  estimatePairs: (idx: number[]) => number,
): (Atom | null)[] {
  const selectivity = atoms.map((_, k) => estimatePairs([k]));
  return rules.map((r) => {
    const used = new Set(r.flatMap(atomFields));
    let best: number | null = null;
    for (let k = 0; k < atoms.length; k++) {
      const a = atoms[k]!;
      if (
        a.kind === 'prefix' ||
        MULTI_KINDS.has(a.kind) ||
        atomFields(a).some((f) => used.has(f) || fields[f]!.present / n < 0.6)
      )
        continue;
      if (best === null || selectivity[k]! < selectivity[best]!) best = k;
    }
    return best === null ? null : atoms[best]!;
  });
}

/** Splitting key for user-given rules: the most selective well-filled key on a field the rule does not use. */
export function refineAtomFor(enc: Encoded, rule: Rule, atomKeysOf: (a: Atom) => Keys): Atom | null {
  const used = new Set(rule.flatMap(atomFields));
  let best: Atom | null = null;
  let bestCollide = Number.POSITIVE_INFINITY;
  for (const f of enc.data.fields) {
    if (used.has(f.index) || f.present / Math.max(1, enc.data.n) < 0.6) continue;
    for (const kind of CANDIDATE_KINDS[f.type]) {
      if (kind === 'prefix' || MULTI_KINDS.has(kind)) continue;
      const atom: Atom = { field: f.index, kind };
      const keys = atomKeysOf(atom);
      if (isMulti(keys)) continue;
      const counts = new Map<number, number>();
      let present = 0;
      for (let i = 0; i < keys.length; i++)
        if (keys[i]! >= 0) {
          present++;
          counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
        }
      let collide = 0;
      for (const c of counts.values()) collide += (c / present) * (c / present);
      if (collide < bestCollide) {
        bestCollide = collide;
        best = atom;
      }
    }
  }
  return best;
}
