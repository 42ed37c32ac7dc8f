/**
 * Graded comparison of two records, field by field, and their match weight. Each field type has
 * ordered agreement levels (exact, near, …, else) plus a final "missing" level that carries no
 * evidence. Runs on the encoded columns only, so the same code runs in worker threads.
 */
import { areHalves, type CompoundWords } from './compound-names.js';
import { DAY_NONE, type EncodedData, type FieldData, INITIAL } from './encode.js';
import {
  ADDRESS_LEVELS,
  AddressComparer,
  OCCUPATION_LEVELS,
  OccupationComparer,
  POSTCODE_LEVELS,
  PostcodeComparer,
} from './generic-compare.js';
import { inferNameRoles } from './roles.js';
import { jaroWinklerBuf, osaBuf, osaDistance } from './similarity.js';
import { type FieldType, isNameType } from './types.js';

const NAME_LEVELS = [
  'exact',
  'phonetic',
  'jaro_winkler_0.92',
  'token_subset',
  'swapped_with_other_name',
  'jaro_winkler_0.80',
  'else',
] as const;

export const LEVELS: Readonly<Record<FieldType, readonly string[]>> = {
  name: NAME_LEVELS,
  fullname: NAME_LEVELS,
  date: ['exact', 'typo_or_day_month_swap', 'partial_consistent', 'within_7_days', 'within_60_days', 'else'],
  id: ['exact', 'one_edit', 'two_edits', 'else'],
  text: ['exact', 'jaro_winkler_0.90', 'jaro_winkler_0.75', 'else'],
  place: ['exact', 'jaro_winkler_0.90', 'else'],
  exact: ['exact', 'else'],
  number: ['exact', 'within_1pct', 'within_10pct', 'else'],
  address: ADDRESS_LEVELS,
  postcode: POSTCODE_LEVELS,
  locality: ['exact', 'jaro_winkler_0.90', 'else'],
  occupation: OCCUPATION_LEVELS,
};

/** Number of levels of a field type including the trailing "missing" level. */
export const levelCount = (t: FieldType) => LEVELS[t].length + 1;
export const missingLevel = (t: FieldType) => LEVELS[t].length;

/** Whether the exact level of this type is adjusted for how common the value is. */
export const usesTermFrequency = (t: FieldType) =>
  isNameType(t) ||
  t === 'text' ||
  t === 'place' ||
  t === 'exact' ||
  t === 'id' ||
  t === 'postcode' ||
  t === 'locality' ||
  t === 'occupation' ||
  t === 'address';

/** Date levels, by how two packed dates (YYYYMMDD integers, 0 = unknown part) relate. */
export function dateLevel(pa: number, pb: number, daysA: number, daysB: number): number {
  if (pa < 0 || pb < 0) return 6;
  const completeA = daysA !== DAY_NONE;
  const completeB = daysB !== DAY_NONE;
  if (pa === pb) return completeA ? 0 : 2;
  if (completeA && completeB) {
    if (oneDigitOrSwap(pa, pb)) return 1;
    const d = daysA > daysB ? daysA - daysB : daysB - daysA;
    if (d <= 7) return 3;
    if (d <= 60) return 4;
    return 5;
  }
  const ya = (pa / 10000) | 0;
  const yb = (pb / 10000) | 0;
  if (ya !== yb) return 5;
  const ma = ((pa / 100) | 0) % 100;
  const mb = ((pb / 100) | 0) % 100;
  if (ma !== 0 && mb !== 0 && ma !== mb) return 5;
  const da = pa % 100;
  const db = pb % 100;
  if (ma === mb && da !== 0 && db !== 0 && da !== db) return 5;
  return 2;
}

const digitsA = new Int8Array(8);
const digitsB = new Int8Array(8);

/** One digit of YYYYMMDD differs, two adjacent digits are swapped, or day and month are swapped. */
function oneDigitOrSwap(pa: number, pb: number): boolean {
  const ya = (pa / 10000) | 0;
  const yb = (pb / 10000) | 0;
  if (ya === yb) {
    const ma = ((pa / 100) | 0) % 100;
    const mb = ((pb / 100) | 0) % 100;
    if (ma === pb % 100 && mb === pa % 100) return true;
  }
  let diffs = 0;
  let first = -1;
  let a = pa;
  let b = pb;
  const da = digitsA;
  const db = digitsB;
  for (let k = 0; k < 8; k++) {
    da[k] = a % 10;
    db[k] = b % 10;
    if (da[k] !== db[k]) {
      diffs++;
      if (first < 0) first = k;
    }
    a = (a / 10) | 0;
    b = (b / 10) | 0;
  }
  if (diffs === 1) return true;
  return diffs === 2 && first < 7 && da[first] === db[first + 1] && da[first + 1] === db[first];
}

/**
 * Level computations for one data set. The arrays of each field are pulled into locals once; the
 * methods allocate nothing.
 */
export class Comparator {
  readonly fields: FieldData[];
  /** Per field: the name fields whose values may stand in its place, swapped (see `swapped`). */
  private readonly swapPartners: number[][];
  /** Per field: the parsed dictionary of a generic field (address, postcode, occupation), else null. */
  private readonly generic: (AddressComparer | PostcodeComparer | OccupationComparer | null)[];

  constructor(readonly data: EncodedData) {
    this.fields = data.fields;
    this.generic = data.fields.map((fd) => {
      const d = data.dicts[fd.dict];
      if (!d) return null;
      if (fd.type === 'address') return new AddressComparer(d);
      if (fd.type === 'postcode') return new PostcodeComparer(d);
      if (fd.type === 'occupation') return new OccupationComparer(d);
      return null;
    });
    // Swaps within one record happen between given names and first surname, and between the two
    // surnames (a clerk writing the mother's surname first); not between given names and the
    // mother's surname.
    const roles = inferNameRoles(data.fields);
    this.swapPartners = data.fields.map(() => []);
    const link = (x: number | undefined, y: number | undefined) => {
      if (x === undefined || y === undefined) return;
      this.swapPartners[x]!.push(y);
      this.swapPartners[y]!.push(x);
    };
    link(roles.given, roles.surname1);
    link(roles.surname1, roles.surname2);
  }

  level(f: number, a: number, b: number): number {
    const fd = this.fields[f]!;
    const va = fd.value[a]!;
    const vb = fd.value[b]!;
    switch (fd.type) {
      case 'date':
        return dateLevel(va, vb, fd.days![a]!, fd.days![b]!);
      case 'name':
      case 'fullname':
        return va < 0 || vb < 0 ? 7 : va === vb ? 0 : this.nameLevel(f, fd, a, b, va, vb);
      case 'id': {
        if (va < 0 || vb < 0) return 4;
        if (va === vb) return 0;
        const d = this.data.dicts[fd.dict]!;
        const la = d.start[va + 1]! - d.start[va]!;
        const lb = d.start[vb + 1]! - d.start[vb]!;
        // Consecutive numbers (siblings registered together, twins) are not one typo apart in any
        // useful sense: they are no evidence either way.
        if (la === lb && consecutiveNumbers(d.chars, d.start[va]!, d.start[vb]!, la)) return 4;
        const e = osaBuf(d.chars, d.start[va]!, la, d.start[vb]!, lb, 2);
        if (e === 1) return 1;
        if (e === 2 && la >= 6 && lb >= 6) return 2;
        return 3;
      }
      case 'exact':
        return va < 0 || vb < 0 ? 2 : va === vb ? 0 : 1;
      case 'address':
      case 'postcode':
      case 'occupation': {
        const g = this.generic[f]!;
        const missing = LEVELS[fd.type].length;
        return va < 0 || vb < 0 ? missing : g.level(va, vb);
      }
      case 'place':
      case 'locality': {
        if (va < 0 || vb < 0) return 3;
        if (va === vb) return 0;
        return this.jw(fd.dict, va, vb) >= 0.9 ? 1 : 2;
      }
      case 'text': {
        if (va < 0 || vb < 0) return 4;
        if (va === vb) return 0;
        const s = this.jw(fd.dict, va, vb);
        return s >= 0.9 ? 1 : s >= 0.75 ? 2 : 3;
      }
      case 'number': {
        if (va < 0 || vb < 0) return 4;
        if (va === vb) return 0;
        const xa = fd.num![a]!;
        const xb = fd.num![b]!;
        const diff = Math.abs(xa - xb);
        const scale = Math.max(Math.abs(xa), Math.abs(xb));
        if (diff <= 1 || diff <= 0.01 * scale) return 1;
        return diff <= 0.1 * scale ? 2 : 3;
      }
    }
  }

  private jw(dict: number, va: number, vb: number): number {
    const d = this.data.dicts[dict]!;
    return jaroWinklerBuf(
      d.chars,
      d.start[va]!,
      d.start[va + 1]! - d.start[va]!,
      d.start[vb]!,
      d.start[vb + 1]! - d.start[vb]!,
    );
  }

  private nameLevel(f: number, fd: FieldData, a: number, b: number, va: number, vb: number): number {
    const d = this.data.dicts[fd.dict]!;
    const phon = d.phon;
    if (phon[va] === phon[vb]) return 1;
    const s = this.jw(fd.dict, va, vb);
    if (s >= 0.92) return 2;
    if (tokenSubset(d.tokStart, d.tokPhon, d.tokFirst, va, vb)) return 3;
    for (const g of this.swapPartners[f]!)
      if (this.swapped(fd.dict, va, vb, this.fields[g]!.value, a, b)) return 4;
    return s >= 0.8 ? 5 : 6;
  }

  /**
   * "swapped_with_other_name": two name fields written the other way round in one record
   * ("Pérez Rodríguez" against "Rodríguez Pérez"), or the value stands in the other field of a
   * record that lacks this one ("González" alone against "Rodríguez González"). A one-sided
   * coincidence between two full names ("Pérez González" against "González López": cousins, not
   * a swap) is not a swap. Its own level, so EM learns how much a swap is worth in these lists.
   */
  private swapped(dict: number, va: number, vb: number, other: Int32Array, a: number, b: number): boolean {
    const ga = other[a]!;
    const gb = other[b]!;
    const crossB = gb >= 0 && this.closeLevel(dict, va, gb) >= 0;
    const crossA = ga >= 0 && this.closeLevel(dict, ga, vb) >= 0;
    return (crossA && crossB) || (crossB && ga < 0) || (crossA && gb < 0);
  }

  /** 0 exact, 1 phonetic, 2 Jaro–Winkler ≥ 0.92 (same first letter), else -1. */
  private closeLevel(dict: number, x: number, y: number): number {
    if (x === y) return 0;
    const d = this.data.dicts[dict]!;
    if (d.phon[x] === d.phon[y]) return 1;
    if (d.chars[d.start[x]!] !== d.chars[d.start[y]!]) return -1;
    return this.jw(dict, x, y) >= 0.92 ? 2 : -1;
  }

  /** All levels of a pair into `out` (one byte per field). */
  levels(a: number, b: number, out: Uint8Array, offset = 0): void {
    for (let f = 0; f < this.fields.length; f++) out[offset + f] = this.level(f, a, b);
  }
}

/** Two digit strings of one length whose numbers differ by one (lengths checked by the caller). */
function consecutiveNumbers(chars: Uint16Array, sa: number, sb: number, len: number): boolean {
  if (len > 15) return false;
  let x = 0;
  let y = 0;
  for (let k = 0; k < len; k++) {
    const ca = chars[sa + k]! - 48;
    const cb = chars[sb + k]! - 48;
    if (ca < 0 || ca > 9 || cb < 0 || cb > 9) return false;
    x = x * 10 + ca;
    y = y * 10 + cb;
  }
  return x - y === 1 || y - x === 1;
}

/** Every phonetic token of the value with fewer tokens occurs in the other ("maría" in "maría josé"). */
function tokenSubset(
  tokStart: Int32Array,
  tokPhon: Int32Array,
  tokFirst: Int32Array,
  va: number,
  vb: number,
): boolean {
  let s1 = tokStart[va]!;
  let e1 = tokStart[va + 1]!;
  let s2 = tokStart[vb]!;
  let e2 = tokStart[vb + 1]!;
  if (e1 - s1 > e2 - s2) {
    const ts = s1;
    const te = e1;
    s1 = s2;
    e1 = e2;
    s2 = ts;
    e2 = te;
  }
  if (e1 === s1) return false;
  for (let i = s1; i < e1; i++) {
    const t = tokPhon[i];
    const fi = tokFirst[i]!;
    let found = false;
    for (let j = s2; j < e2; j++) {
      const fj = tokFirst[j]!;
      // An initial stands for any word with its first letter: "J." in "José", "José L." in "José Luis".
      if (tokPhon[j] === t || ((fi & INITIAL || fj & INITIAL) && (fi & 0xffff) === (fj & 0xffff))) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Weights (log2 Bayes factors) per field and level, with per-value weights for exact agreement on
 * fields adjusted for term frequency. Built from a model; plain typed arrays so workers get them
 * by structured clone.
 */
export interface ScoreTables {
  /** log2 of the prior odds: same person vs unrelated. */
  prior: number;
  /** log2 of the prior odds: related different people vs unrelated. */
  priorRelated: number;
  /** Per field: weight (same person vs unrelated) of each level (the last, "missing", is 0). */
  weights: Float64Array[];
  /** Per field: weight (related vs unrelated) of each level. */
  relatedWeights: Float64Array[];
  /** Per field: weight of exact agreement on each dictionary value, or null (use weights[f][0]). */
  tfWeights: (Float32Array | null)[];
  tfRelated: (Float32Array | null)[];
  /** Field evaluation order: cheap comparisons first. */
  order: Int32Array;
  /** Largest weight still reachable from the fields at order position k onwards. */
  suffixMax: Float64Array;
  /**
   * Twin guard: fields it reads (-1 = off) and the weight a guarded pair is capped at. Two records
   * with the same birth date and first surname but clearly different given names are siblings more
   * often than one person, unless the document agrees exactly.
   */
  twin: {
    given: number;
    surname1: number;
    birth: number;
    document: number;
    cap: number;
    sex?: number;
    /**
     * Halves of one compound given name (compound-names.ts): the two-word given names' word pairs
     * and the cap a guarded pair of halves gets instead of `cap` when a document is missing.
     */
    halves?: { words: CompoundWords; cap: number };
  };
  /** Corrections for pairs of dependent fields (model.ts `FieldDependency`); absent = none. */
  dependencies?: { a: number; b: number; width: number; bits: Float64Array }[];
  /** Per record, added (≤ 0) when fields a and b both agree exactly (joint-names.ts). */
  jointNames?: { a: number; b: number; bits: Float32Array };
  /**
   * Match weights per pair of lists (model.ts `listPairIndex` of the two records' sources), used
   * instead of `weights`. Exact agreement on a term-frequency field keeps its value's weight (how
   * rare the value is): shifting it by the pair's m_exact added namesake links between clean lists
   * (synth 200k identity-only, precision 0.9888 against 0.9889 without). Absent = one m for all.
   */
  listPairs?: { weights: Float64Array[][] };
  /**
   * Residence fields (model.ts `ResidenceModel`): their weights W add up apart and enter as
   * log2(2^(W + stayed) + 2^moved) — stayed (log2 of 1 − moved share) or moved house.
   */
  residence?: { field: Uint8Array; stayed: number; moved: number };
}

/**
 * The name level the twin guard takes as "another given name": below 0.80 Jaro–Winkler and no
 * shared word. Merely similar names (0.80–0.92) are left alone: nicknames the list of nicknames
 * does not know ("Gaby", "Alex") sit there, and guarding them cost 4 points of recall on them.
 */
const OTHER_GIVEN_NAME = 6;
/** Name level "phonetic": the same name by its sound. */
const SAME_SOUND = 1;
/** Name level "token_subset": every word of one given name is in the other. */
const WORDS_OF_THE_OTHER = 3;

/** Name level "jaro_winkler_0.92": written alike, as the two forms of one name are (Luis / Luisa). */
const SIMILAR = 2;
/** Document level "one_edit". */
const ONE_EDIT = 1;

/**
 * Whether the two given names hold the masculine and feminine forms of one name, by Spanish
 * grammar: -o against -a (Francisco / Francisca), or a consonant against the same word with -a
 * (Luis / Luisa, Daniel / Daniela). A name written alike without that ("Belkis" / "Bellkis") is a
 * typo, and another sex beside it a recording error.
 */
function twoFormsOfOneName(cmp: Comparator, f: number, a: number, b: number): boolean {
  const x = words(cmp, f, cmp.fields[f]!.value[a]!);
  const y = words(cmp, f, cmp.fields[f]!.value[b]!);
  const forms = (m: string, w: string) =>
    w === `${m}a` || (m.length > 2 && m.endsWith('o') && w === `${m.slice(0, -1)}a`);
  return x.some((m) => y.some((w) => forms(m, w) || forms(w, m)));
}

/** The folded words of a name value (the dictionary keeps them joined by single spaces). */
function words(cmp: Comparator, f: number, v: number): string[] {
  const d = cmp.data.dicts[cmp.fields[f]!.dict]!;
  return String.fromCharCode(...d.chars.subarray(d.start[v]!, d.start[v + 1]!)).split(' ');
}

/**
 * Every word of the shorter given name is a word of the longer one up to one typo (words of at
 * least three letters; shorter words must be equal): "luiw" in "luis jesus", "maeia" in "maria
 * teresa", "aha" in "ana rosa". The token-subset level without the typo, which the guard already
 * leaves alone.
 */
function wordsOfTheOtherUpToATypo(cmp: Comparator, f: number, a: number, b: number): boolean {
  let x = words(cmp, f, cmp.fields[f]!.value[a]!);
  let y = words(cmp, f, cmp.fields[f]!.value[b]!);
  if (x.length > y.length) [x, y] = [y, x];
  // Two one-word names: only two neighbouring letters swapped, a slip of the keyboard ("Aan" /
  // "Ana"); another letter (Ana / Ada) may be another name.
  if (x.length === 1 && y.length === 1) return neighboursSwapped(x[0]!, y[0]!);
  return x.every((w) =>
    y.some((u) => w === u || (w.length >= 3 && u.length >= 3 && osaDistance(w, u, 2) <= 1)),
  );
}

function neighboursSwapped(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  let k = 0;
  while (k < x.length && x[k] === y[k]) k++;
  return k + 1 < x.length && x[k] === y[k + 1] && x[k + 1] === y[k] && x.slice(k + 2) === y.slice(k + 2);
}

/** The weight the twin guard caps a pair at: +∞ when it does not hold the pair. */
function twinCap(cmp: Comparator, t: ScoreTables['twin'], a: number, b: number): number {
  const free = Number.POSITIVE_INFINITY;
  if (t.given < 0 || t.surname1 < 0 || t.birth < 0) return free;
  if (cmp.level(t.birth, a, b) !== 0) return free;
  const given = cmp.level(t.given, a, b);
  // Twins of opposite sex often carry the two forms of one name (Luis / Luisa, Francisco /
  // Francisca): another sex and a given name that is not the same counts as another given name.
  // Not another name: the same name by its sound ("Velkis" / "belkis", "Lucho" / "Luis": the two
  // forms of a name never share a phonetic key, which keeps the final vowel), nor one name that
  // is part of the other ("Ana" / "Ana Rosa": a compound name cut). Beside them another sex is a
  // recording error. Two names of the same words in another order stay held: José María and
  // María José are a boy and a girl.
  const sex = t.sex !== undefined && t.sex >= 0 && cmp.level(t.sex, a, b) === 1;
  const part =
    given === WORDS_OF_THE_OTHER &&
    words(cmp, t.given, cmp.fields[t.given]!.value[a]!).length !==
      words(cmp, t.given, cmp.fields[t.given]!.value[b]!).length;
  const otherSex =
    sex && given > SAME_SOUND && !part && (given !== SIMILAR || twoFormsOfOneName(cmp, t.given, a, b));
  if (given !== OTHER_GIVEN_NAME && !otherSex) return free;
  // Same sex: one name part of the other up to a typo is one name, as the token-subset level is.
  if (!sex && wordsOfTheOtherUpToATypo(cmp, t.given, a, b)) return free;
  if (cmp.level(t.surname1, a, b) > 2) return free;
  if (t.document >= 0 && cmp.level(t.document, a, b) === 0) return free;
  // Halves of one compound name ("María" / "Carmen" where "María del Carmen" occurs), same sex, and
  // no document to disagree: believed as far as the lists' documented halves pairs are one person.
  const h = t.halves;
  if (h && !otherSex) {
    const docs = t.document >= 0 ? cmp.fields[t.document]!.value : null;
    // A one-edit document is a typo of the same number (consecutive ones are not one edit here).
    const undocumented =
      docs === null || docs[a]! < 0 || docs[b]! < 0 || cmp.level(t.document, a, b) === ONE_EDIT;
    if (undocumented && areHalves(cmp.data, t.given, h.words, a, b)) return Math.max(t.cap, h.cap);
  }
  return t.cap;
}

/**
 * The tables with field f left out, as if missing in every record: what a pair would weigh
 * without it (compound-names.ts asks what documented pairs would weigh without their document).
 * No twin guard.
 */
export function withoutField(t: ScoreTables, f: number): ScoreTables {
  const zero = (w: Float64Array[]) => w.map((x, k) => (k === f ? new Float64Array(x.length) : x));
  const tfWeights = t.tfWeights.map((x, k) => (k === f ? null : x));
  const tfRelated = t.tfRelated.map((x, k) => (k === f ? null : x));
  const weights = zero(t.weights);
  return {
    ...t,
    weights,
    relatedWeights: zero(t.relatedWeights),
    tfWeights,
    tfRelated,
    // Leaving a field out lowers no bound: t.suffixMax stays an upper bound.
    dependencies: t.dependencies?.filter((d) => d.a !== f && d.b !== f),
    listPairs: t.listPairs && { weights: t.listPairs.weights.map(zero) },
    twin: { ...t.twin, cap: Number.POSITIVE_INFINITY },
  };
}

const COST: Record<FieldType, number> = {
  exact: 0,
  date: 1,
  number: 1,
  id: 2,
  place: 3,
  text: 4,
  name: 5,
  fullname: 5,
  postcode: 2,
  locality: 3,
  occupation: 5,
  address: 5,
};

export function evaluationOrder(types: readonly FieldType[]): Int32Array {
  return Int32Array.from(types.map((_, i) => i).sort((x, y) => COST[types[x]!] - COST[types[y]!] || x - y));
}

export function suffixMaxima(
  order: Int32Array,
  weights: Float64Array[],
  tfWeights: (Float32Array | null)[],
): Float64Array {
  const out = new Float64Array(order.length + 1);
  for (let k = order.length - 1; k >= 0; k--) {
    const f = order[k]!;
    let max = 0;
    for (const w of weights[f]!) if (w > max) max = w;
    const tf = tfWeights[f];
    if (tf) for (let v = 0; v < tf.length; v++) if (tf[v]! > max) max = tf[v]!;
    out[k] = out[k + 1]! + max;
  }
  return out;
}

export const PRUNED = Number.NEGATIVE_INFINITY;

/** Levels of the pair being scored, per field (one per thread: scoring is synchronous). */
let levelScratch = new Int32Array(16);

/**
 * Match weight of a pair: log2 of P(same person) / P(not the same person), where "not the same"
 * is either related or unrelated people:
 *   w = log2 odds(same : unrelated) − log2(1 + odds(related : unrelated)).
 * Returns PRUNED as soon as the remaining fields cannot lift it to `minWeight` (the second term
 * only lowers the weight, so the bound on the first is safe).
 */
export function scorePair(cmp: Comparator, t: ScoreTables, a: number, b: number, minWeight: number): number {
  let w = t.prior;
  let wr = t.priorRelated;
  const order = t.order;
  if (levelScratch.length < order.length) levelScratch = new Int32Array(order.length);
  let weights = t.weights;
  const lp = t.listPairs;
  if (lp) {
    const sa = cmp.data.source[a]!;
    const sb = cmp.data.source[b]!;
    weights = lp.weights[sa <= sb ? (sb * (sb + 1)) / 2 + sa : (sa * (sa + 1)) / 2 + sb]!;
  }
  const res = t.residence;
  let wHome = 0;
  let homeSeen = false;
  for (let k = 0; k < order.length; k++) {
    if (w + t.suffixMax[k]! < minWeight) return PRUNED;
    const f = order[k]!;
    const l = cmp.level(f, a, b);
    levelScratch[f] = l;
    const tf = t.tfWeights[f];
    let x: number;
    if (l === 0 && tf) {
      const v = cmp.fields[f]!.value[a]!;
      x = tf[v]!;
      wr += t.tfRelated[f]![v]!;
    } else {
      x = weights[f]![l]!;
      wr += t.relatedWeights[f]![l]!;
    }
    if (res?.field[f]) {
      wHome += x;
      if (l !== weights[f]!.length - 1) homeSeen = true;
    } else w += x;
  }
  if (homeSeen) {
    // log2(2^(wHome + stayed) + 2^moved), computed without overflow.
    const s = wHome + res!.stayed;
    const hi = Math.max(s, res!.moved);
    w += hi + Math.log2(2 ** (s - hi) + 2 ** (res!.moved - hi));
  }
  const deps = t.dependencies;
  if (deps)
    for (let d = 0; d < deps.length; d++) {
      const dep = deps[d]!;
      const c = dep.bits[levelScratch[dep.a]! * dep.width + levelScratch[dep.b]!]!;
      w += c;
      wr += c;
    }
  const jn = t.jointNames;
  if (jn && levelScratch[jn.a] === 0 && levelScratch[jn.b] === 0) w += jn.bits[a]!;
  const out = wr > 50 ? w - wr : w - Math.log2(1 + 2 ** wr);
  if (out <= t.twin.cap) return out;
  const cap = twinCap(cmp, t.twin, a, b);
  return Math.min(out, cap);
}
