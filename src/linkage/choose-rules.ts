/**
 * Automatic choice of blocking rules: which conjunctions of keys to block on so that the union of
 * rules finds nearly every same-person pair within a budget of candidate pairs. Same-person pairs
 * are simulated (which fields both records have, from real record pairs; whether a key agrees, from
 * assumed agreement rates); pair counts are estimated on a sample of records; rules are then chosen
 * greedily by simulated pairs found per candidate pair spent. Keys and rule syntax: blocking.ts.
 */
import { type Atom, type AtomKind, atomFields, MULTI_KINDS, type Rule, ruleLabel } from './blocking.js';
import type { Encoded, EncodedData, FieldData } from './encode.js';
import { combineKeySets, isMulti, type Keys, pairsSharingKeys, subsetKeys } from './key-sets.js';
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
  /** Candidate pairs allowed, and estimated candidate pairs of the chosen rules (sum over rules). */
  budget: number;
  budgetUsed: number;
}

const VIRTUAL = 8192;
/** At most this many rules: each costs a pass over its blocks and an EM sample. */
const MAX_RULES = 16;

/** Blocking on nothing: every pair is a candidate (small inputs, or no usable key). */
const allPairsChoice = (allPairs: number, budget: number): BlockingChoice => ({
  rules: [[]],
  chosen: [{ label: '(all pairs)', pairs: allPairs, recall: 1 }],
  unionRecall: 1,
  refine: [null],
  budget,
  budgetUsed: allPairs,
});

/**
 * Chooses rules so that the union finds nearly every same-person pair while the candidate pairs
 * stay within `pairsPerRecord × n`. Same-person pairs are simulated (simulateAgreement); pair counts
 * are estimated on a sample of records (pairEstimator). Greedy: each step adds the rule that finds
 * the most simulated pairs not yet found per candidate pair spent, until no rule finds more or the
 * budget is spent.
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
  const budget = Math.max(pairsPerRecord * n, 200_000);
  if (allPairs <= budget) return allPairsChoice(allPairs, budget);

  const rng = new Rng(seed ^ 0x5bd1e995);
  const roles = inferNameRoles(fields);
  const multiWord = fields.map((f) => multiWordOf(data, f));
  const atoms = candidateAtoms(fields, n, roles, multiWord);
  const agreeBits = simulateAgreement(atoms, fields, n, rng, multiWord);
  const estimatePairs = pairEstimator(atoms, atomKeysOf, n, allPairs, rng, budget);
  const bitsOf = (idx: number[]) => coverageOf(agreeBits, idx);
  const candidates = candidateRules(atoms, budget, estimatePairs, bitsOf);
  const { chosen, total, coveredCount } = greedyCover(candidates, budget);

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
    chosen.push({ idx: [bestAtom], pairs: bestPairs, ...bitsOf([bestAtom]) });
  }
  unorderSurnames(rules, roles);
  const refine = refineKeys(rules, atoms, fields, n, estimatePairs);
  return {
    rules,
    chosen: chosen.map((c, r) => ({
      label: ruleLabel(rules[r]!, columns),
      pairs: c.pairs,
      recall: c.recall,
    })),
    unionRecall: coveredCount / VIRTUAL,
    refine,
    budget,
    budgetUsed: total,
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
): (idx: number[]) => number {
  const sampleSize = Math.min(n, 30_000);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < sampleSize; i++) {
    const j = i + rng.int(n - i);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const sample = perm.slice(0, sampleSize);
  const scale = allPairs / ((sampleSize * (sampleSize - 1)) / 2);
  const sampleKeys = atoms.map((a) => subsetKeys(atomKeysOf(a), sample));
  return (idx: number[]): number => {
    const keys = combineKeySets(
      idx.map((k) => sampleKeys[k]!),
      sampleSize,
    );
    return pairsSharingKeys(keys, cap / scale) * scale;
  };
}

interface Candidate {
  idx: number[];
  pairs: number;
  bits: Uint8Array;
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
  estimatePairs: (idx: number[]) => number,
  bitsOf: (idx: number[]) => { bits: Uint8Array; recall: number },
): Candidate[] {
  const perRule = budget / 2;
  const candidates: Candidate[] = [];
  const consider = (idx: number[]): number => {
    const pairs = estimatePairs(idx);
    const { bits, recall } = bitsOf(idx);
    if (pairs <= perRule && recall > 0.01) candidates.push({ idx, pairs, bits, recall });
    return pairs;
  };
  const costly = budget / 8;
  const tooBig = new Set<string>();
  const disjoint = (idx: number[]) => {
    const used = idx.flatMap((k) => atomFields(atoms[k]!));
    return new Set(used).size === used.length;
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

/** Budgeted maximum coverage, greedily: the rule finding most new simulated pairs per pair spent. */
function greedyCover(
  candidates: readonly Candidate[],
  budget: number,
): { chosen: Candidate[]; total: number; coveredCount: number } {
  const covered = new Uint8Array(VIRTUAL);
  let coveredCount = 0;
  let total = 0;
  const chosen: Candidate[] = [];
  while (chosen.length < MAX_RULES) {
    // Any rule that still finds simulated pairs is worth its cost while the budget lasts: the
    // simulation assumes fields fail independently, so it underrates what extra rules recover.
    let best: Candidate | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    let bestGain = 0;
    for (const c of candidates) {
      if (chosen.includes(c) || total + c.pairs > budget) continue;
      let gain = 0;
      for (let v = 0; v < VIRTUAL; v++) if (c.bits[v] && !covered[v]) gain++;
      const g = gain / VIRTUAL;
      // Simulated pairs found per candidate pair spent (budgeted maximum coverage), a rule's
      // cost counted at no less than 1 % of the budget so that tiny rules do not win on ratio alone.
      const score = g / Math.max(c.pairs, budget / 100);
      if (gain > 0 && score > bestScore) {
        best = c;
        bestScore = score;
        bestGain = g;
      }
    }
    if (!best || bestGain <= 0) break;
    chosen.push(best);
    total += best.pairs;
    for (let v = 0; v < VIRTUAL; v++)
      if (best.bits[v] && !covered[v]) {
        covered[v] = 1;
        coveredCount++;
      }
  }
  return { chosen, total, coveredCount };
}

/**
 * A rule keyed on the first word of both surnames takes them as an unordered pair, so records
 * whose surnames are the other way round still meet (same blocks otherwise).
 */
function unorderSurnames(rules: Rule[], roles: NameRoles): void {
  if (roles.surname1 !== undefined && roles.surname2 !== undefined)
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const s1 = rule.findIndex((a) => a.field === roles.surname1 && a.kind === 'first');
      const s2 = rule.findIndex((a) => a.field === roles.surname2 && a.kind === 'first');
      if (s1 < 0 || s2 < 0) continue;
      rules[r] = [
        { field: roles.surname1, kind: 'surnames', field2: roles.surname2 },
        ...rule.filter((_, k) => k !== s1 && k !== s2),
      ];
    }
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
