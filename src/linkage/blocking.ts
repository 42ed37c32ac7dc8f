/**
 * Blocking: which record pairs are compared at all. A rule is a conjunction of keys (e.g. the
 * phonetic key of the first surname and the birth year); two records are a candidate pair when
 * some rule gives them the same key. Rules are combined by union and each pair is scored once (for
 * the first rule that produced it). Blocks larger than `maxBlockSize` are split by one more key,
 * and skipped if still too large, so the number of pairs stays bounded whatever the data.
 */
import { UsageError } from '../domain/errors.js';
import type { Encoded } from './encode.js';
import { Rng } from './random.js';
import { inferNameRoles } from './roles.js';
import { type FieldType, isNameType } from './types.js';

export type AtomKind = 'value' | 'first' | 'phonetic' | 'prefix' | 'year' | 'month' | 'monthday' | 'surnames';

/** One key of a rule: a field and what of its value is used. */
export interface Atom {
  field: number;
  kind: AtomKind;
  /** Prefix length for kind "prefix". */
  n?: number;
  /**
   * Kind "surnames" (a cross-column key): the second surname's field. The key is the unordered
   * pair of the two surnames' first-word phonetic keys, so "Pérez Rodríguez" and "Rodríguez Pérez"
   * share a block.
   */
  field2?: number;
}

/** Identity of an atom, for caches. */
export const atomId = (a: Atom) => `${a.field}:${a.kind}:${a.n ?? ''}:${a.field2 ?? ''}`;

/** Fields an atom reads. */
export const atomFields = (a: Atom): number[] => (a.field2 === undefined ? [a.field] : [a.field, a.field2]);

export type Rule = Atom[];

const KIND_SUFFIX: Record<AtomKind, string> = {
  value: '',
  first: '.first',
  phonetic: '.phonetic',
  prefix: '',
  year: '.year',
  month: '.month',
  monthday: '.monthday',
  surnames: '',
};

export function atomLabel(a: Atom, columns: readonly string[]): string {
  if (a.kind === 'surnames') return `{${columns[a.field]}.first,${columns[a.field2!]}.first}`;
  return `${columns[a.field]}${KIND_SUFFIX[a.kind]}${a.kind === 'prefix' ? `[:${a.n}]` : ''}`;
}

export function ruleLabel(r: Rule, columns: readonly string[]): string {
  return r.length === 0 ? '(all pairs)' : r.map((a) => atomLabel(a, columns)).join('+');
}

const ATTRS: Record<string, { kind: AtomKind; types: FieldType[] }> = {
  first: { kind: 'first', types: ['name', 'fullname'] },
  phonetic: { kind: 'phonetic', types: ['name', 'fullname'] },
  year: { kind: 'year', types: ['date'] },
  month: { kind: 'month', types: ['date'] },
  monthday: { kind: 'monthday', types: ['date'] },
  md: { kind: 'monthday', types: ['date'] },
};

export const BLOCK_SYNTAX = `rules separated by "|", keys in a rule joined by "+"; a key is COLUMN (its normalised value),
COLUMN[:N] (first N characters), COLUMN.first / COLUMN.phonetic (name fields: phonetic key of the first
name token / of the whole name), COLUMN.year / .month / .monthday (date fields).
Example: first_surname.phonetic+birth_date.year|document_id|given_names.first+birth_date`;

/** Parses a `--block` expression against the configured fields. */
export function parseBlockExpr(expr: string, fields: readonly { column: string; type: FieldType }[]): Rule[] {
  const columns = fields.map((f) => f.column);
  const rules: Rule[] = [];
  for (const ruleText of expr.split('|')) {
    const rule: Rule = [];
    const terms = ruleText.split('+').map((t) => t.trim());
    for (const term of terms) {
      const m = term.match(/^(.+?)(?:\.([a-z]+))?(?:\[:(\d+)\])?$/);
      if (!m || term === '')
        throw new UsageError(
          `--block: empty or malformed key "${term}" in "${ruleText.trim()}"\n${BLOCK_SYNTAX}`,
        );
      let column = m[1]!;
      let attr: string | undefined = m[2];
      // A column name may itself contain a dot; prefer the longest configured column.
      if (attr && columns.includes(`${column}.${attr}`)) {
        column = `${column}.${attr}`;
        attr = undefined;
      }
      const field = columns.indexOf(column);
      if (field < 0)
        throw new UsageError(
          `--block: "${column}" is not one of the --field columns (${columns.join(', ')})\n${BLOCK_SYNTAX}`,
        );
      const type = fields[field]!.type;
      if (attr) {
        const spec = ATTRS[attr];
        if (!spec) throw new UsageError(`--block: unknown key part ".${attr}" in "${term}"\n${BLOCK_SYNTAX}`);
        if (!spec.types.includes(type))
          throw new UsageError(
            `--block: ".${attr}" applies to ${spec.types.join('/')} fields; ${column} is ${type}`,
          );
        if (m[3]) throw new UsageError(`--block: "${term}" combines .${attr} with a prefix; use one of them`);
        rule.push({ field, kind: spec.kind });
      } else if (m[3]) {
        const n = Number(m[3]);
        if (n < 1) throw new UsageError(`--block: prefix length must be at least 1 in "${term}"`);
        rule.push({ field, kind: 'prefix', n });
      } else rule.push({ field, kind: 'value' });
    }
    if (new Set(rule.map((a) => atomLabel(a, columns))).size !== rule.length)
      throw new UsageError(`--block: a key appears twice in "${ruleText.trim()}"`);
    rules.push(rule);
  }
  return rules;
}

/** Per-record key of one atom (-1 = the record has no key: it is in no block of a rule using it). */
export function atomKeys(enc: Encoded, atom: Atom): Int32Array {
  const { data } = enc;
  const fd = data.fields[atom.field]!;
  const n = data.n;
  const out = new Int32Array(n);
  const value = fd.value;
  if (fd.type === 'date') {
    for (let i = 0; i < n; i++) {
      const p = value[i]!;
      if (p < 0) {
        out[i] = -1;
        continue;
      }
      const y = (p / 10000) | 0;
      const m = ((p / 100) | 0) % 100;
      const d = p % 100;
      switch (atom.kind) {
        case 'year':
          out[i] = y;
          break;
        case 'month':
          out[i] = m === 0 ? -1 : y * 100 + m;
          break;
        case 'monthday':
          out[i] = m === 0 || d === 0 ? -1 : m * 100 + d;
          break;
        case 'prefix': {
          const k = Math.min(8, atom.n!);
          const need = k <= 4 ? 0 : k <= 6 ? 1 : 2;
          out[i] = (need >= 1 && m === 0) || (need === 2 && d === 0) ? -1 : Math.floor(p / 10 ** (8 - k));
          break;
        }
        default:
          out[i] = p;
      }
    }
    return out;
  }
  // Dictionary fields: compute the key per distinct value once.
  const dict = data.dicts[fd.dict]!;
  if (atom.kind === 'surnames') {
    const other = data.fields[atom.field2!]!.value;
    const firstPhon = (v: number) =>
      v >= 0 && dict.tokStart[v + 1]! > dict.tokStart[v]! ? dict.tokPhon[dict.tokStart[v]!]! : -1;
    const ids = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = firstPhon(value[i]!);
      const y = firstPhon(other[i]!);
      if (x < 0 || y < 0) {
        out[i] = -1;
        continue;
      }
      const composite = Math.min(x, y) * SHIFT + Math.max(x, y);
      let id = ids.get(composite);
      if (id === undefined) {
        id = ids.size;
        ids.set(composite, id);
      }
      out[i] = id;
    }
    return out;
  }
  let perValue: Int32Array | null = null;
  if (atom.kind === 'first') {
    perValue = new Int32Array(dict.size);
    for (let v = 0; v < dict.size; v++)
      perValue[v] = dict.tokStart[v + 1]! > dict.tokStart[v]! ? dict.tokPhon[dict.tokStart[v]!]! : -1;
  } else if (atom.kind === 'phonetic') {
    perValue = dict.phon;
  } else if (atom.kind === 'prefix') {
    perValue = new Int32Array(dict.size);
    const ids = new Map<string, number>();
    const strings = enc.dictValues[fd.dict]!;
    for (let v = 0; v < dict.size; v++) {
      const p = strings[v]!.slice(0, atom.n);
      let id = ids.get(p);
      if (id === undefined) {
        id = ids.size;
        ids.set(p, id);
      }
      perValue[v] = id;
    }
  } else if (atom.kind !== 'value') {
    throw new UsageError(`blocking key .${atom.kind} does not apply to ${fd.type} field ${fd.column}`);
  }
  for (let i = 0; i < n; i++) {
    const v = value[i]!;
    out[i] = v < 0 ? -1 : perValue ? perValue[v]! : v;
  }
  return out;
}

const SHIFT = 134217728; // 2^27: atom keys stay below it (dictionary ids, packed dates ≤ 22001231)

/** Compact ids (0..K-1) of the combination of several keys; -1 when any key is missing. */
export function combineKeys(keys: readonly Int32Array[], n: number, subset?: Int32Array): Int32Array {
  const len = subset ? subset.length : n;
  const out = new Int32Array(len);
  const ids = new Map<number, number>();
  for (let s = 0; s < len; s++) {
    const i = subset ? subset[s]! : s;
    let k = keys.length === 0 ? 0 : keys[0]![i]!;
    for (let j = 1; j < keys.length && k >= 0; j++) {
      const kj = keys[j]![i]!;
      if (kj < 0) {
        k = -1;
        break;
      }
      const composite = k * SHIFT + kj;
      let id = ids.get(composite);
      if (id === undefined) {
        id = ids.size;
        ids.set(composite, id);
      }
      k = id;
    }
    if (k >= 0 && keys.length === 1) {
      let id = ids.get(k);
      if (id === undefined) {
        id = ids.size;
        ids.set(k, id);
      }
      k = id;
    }
    out[s] = k;
  }
  return out;
}

/** The blocks of one rule, as records sorted by block. */
export interface RuleBlocks {
  rule: Rule;
  label: string;
  /** Per record: its block's id in this rule, or -1 (no key, a block of one, or a skipped block). */
  key: Int32Array;
  /** Records of block b are order[starts[b], starts[b+1]). Only blocks of two or more records. */
  order: Int32Array;
  starts: Int32Array;
  /** Record pairs inside the blocks (before removing pairs already produced by earlier rules). */
  pairs: number;
  largest: number;
  /** Blocks that were over the size limit and split by `refinedBy`. */
  refined: number;
  refinedBy?: string;
  /** Blocks still over the limit after splitting: not compared under this rule. */
  skipped: number;
  skippedRecords: number;
}

/**
 * Builds the blocks of a rule. Blocks over `maxBlock` records are split by `refine` (another key);
 * those still over the limit are skipped (their records keep no key under this rule, so other
 * rules still pair them).
 */
export function buildRuleBlocks(
  enc: Encoded,
  rule: Rule,
  atomKeysOf: (a: Atom) => Int32Array,
  maxBlock: number,
  refine: Atom | null,
  columns: readonly string[],
): RuleBlocks {
  const n = enc.data.n;
  const key = combineKeys(
    rule.map((a) => atomKeysOf(a)),
    n,
  );
  const limit = rule.length === 0 ? Number.POSITIVE_INFINITY : maxBlock;
  let counts = countKeys(key);
  let refined = 0;
  let refinedBy: string | undefined;
  let over = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k]! > limit) over++;
  if (over > 0 && refine) {
    refined = over;
    refinedBy = atomLabel(refine, columns);
    const extra = atomKeysOf(refine);
    const ids = new Map<number, number>();
    let next = counts.length;
    for (let i = 0; i < n; i++) {
      const k = key[i]!;
      if (k < 0 || counts[k]! <= limit) continue;
      const e = extra[i]!;
      if (e < 0) {
        key[i] = -1;
        continue;
      }
      const composite = k * SHIFT + e;
      let id = ids.get(composite);
      if (id === undefined) {
        id = next++;
        ids.set(composite, id);
      }
      key[i] = id;
    }
    counts = countKeys(key);
  }
  let skipped = 0;
  let skippedRecords = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k]! > limit) {
      skipped++;
      skippedRecords += counts[k]!;
    }
  }
  // Drop keys of skipped blocks and of blocks of one, then lay out records block by block.
  let blocks = 0;
  let pairs = 0;
  let largest = 0;
  const blockOf = new Int32Array(counts.length).fill(-1);
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    if (c >= 2 && c <= limit) {
      blockOf[k] = blocks++;
      pairs += (c * (c - 1)) / 2;
      if (c > largest) largest = c;
    }
  }
  const starts = new Int32Array(blocks + 1);
  for (let i = 0; i < n; i++) {
    const k = key[i]!;
    const b = k >= 0 ? blockOf[k]! : -1;
    key[i] = b;
    if (b >= 0) starts[b + 1]!++;
  }
  for (let b = 0; b < blocks; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, blocks);
  const order = new Int32Array(starts[blocks]!);
  for (let i = 0; i < n; i++) {
    const b = key[i]!;
    if (b >= 0) order[fill[b]!++] = i;
  }
  return {
    rule,
    label: ruleLabel(rule, columns),
    key,
    order,
    starts,
    pairs,
    largest,
    refined,
    refinedBy,
    skipped,
    skippedRecords,
  };
}

function countKeys(key: Int32Array): Int32Array {
  let max = -1;
  for (let i = 0; i < key.length; i++) if (key[i]! > max) max = key[i]!;
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < key.length; i++) if (key[i]! >= 0) counts[key[i]!]!++;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Automatic choice of rules

/**
 * Assumed probability that a key agrees between two records of the same person when both have
 * the field — used only to choose rules (the comparison weights are estimated from the data).
 */
const AGREE: Record<string, number> = {
  'name.first': 0.93,
  'name.phonetic': 0.85,
  /** Initial agreeing when the first word's key does not (a typo after the first letter). */
  'name.initial': 0.6,
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
  name: ['first', 'phonetic', 'prefix'],
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

/**
 * Chooses rules so that the union finds nearly every same-person pair while the candidate pairs
 * stay within `pairsPerRecord × n`. Same-person pairs are simulated from each field's fill rate
 * and assumed agreement rates (AGREE); pair counts are estimated on a sample of records. Greedy:
 * each step adds the rule that finds the most simulated pairs not yet found, net of a small
 * penalty for its cost, until the gain is negligible or the budget is spent.
 */
export function chooseRules(
  enc: Encoded,
  atomKeysOf: (a: Atom) => Int32Array,
  pairsPerRecord: number,
  seed: number,
): BlockingChoice {
  const { data } = enc;
  const n = data.n;
  const fields = data.fields;
  const allPairs = (n * (n - 1)) / 2;
  const budget = Math.max(pairsPerRecord * n, 200_000);
  if (allPairs <= budget)
    return {
      rules: [[]],
      chosen: [{ label: '(all pairs)', pairs: allPairs, recall: 1 }],
      unionRecall: 1,
      refine: [null],
      budget,
      budgetUsed: allPairs,
    };

  const rng = new Rng(seed ^ 0x5bd1e995);
  const atoms: Atom[] = [];
  for (const f of fields) {
    if (f.present / n < 0.05) continue;
    for (const kind of CANDIDATE_KINDS[f.type])
      atoms.push(kind === 'prefix' ? { field: f.index, kind, n: 1 } : { field: f.index, kind });
  }
  // Cross-column key: the two surnames' first words as an unordered pair.
  const roles = inferNameRoles(fields);
  if (roles.surname1 !== undefined && roles.surname2 !== undefined)
    atoms.push({ field: roles.surname1, kind: 'surnames', field2: roles.surname2 });
  // Simulated same-person pairs. Which fields both records have comes from two real records drawn
  // at random: lists leave fields out together (a list without birth dates often lacks documents
  // too), and assuming independent gaps overrates rules on rarely-filled fields. Whether a present
  // field's key agrees comes from the assumed agreement rates (AGREE).
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
      else if (isNameType(f.type))
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

  // Pair counts from a sample of records.
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
  const sampleKeys = atoms.map((a) => {
    const full = atomKeysOf(a);
    return Int32Array.from(sample, (i) => full[i]!);
  });
  const estimatePairs = (idx: number[]): number => {
    const keys = combineKeys(
      idx.map((k) => sampleKeys[k]!),
      sampleSize,
    );
    const counts = new Map<number, number>();
    for (let i = 0; i < sampleSize; i++)
      if (keys[i]! >= 0) counts.set(keys[i]!, (counts.get(keys[i]!) ?? 0) + 1);
    let p = 0;
    for (const c of counts.values()) p += (c * (c - 1)) / 2;
    return p * scale;
  };

  interface Candidate {
    idx: number[];
    pairs: number;
    bits: Uint8Array;
    recall: number;
  }
  const perRule = budget / 2;
  const candidates: Candidate[] = [];
  const bitsOf = (idx: number[]) => {
    const bits = new Uint8Array(VIRTUAL);
    let hits = 0;
    for (let v = 0; v < VIRTUAL; v++) {
      let ok = 1;
      for (const k of idx) ok &= agreeBits[k]![v]!;
      bits[v] = ok;
      hits += ok;
    }
    return { bits, recall: hits / VIRTUAL };
  };
  const consider = (idx: number[]): number => {
    const pairs = estimatePairs(idx);
    const { bits, recall } = bitsOf(idx);
    if (pairs <= perRule && recall > 0.01) candidates.push({ idx, pairs, bits, recall });
    return pairs;
  };
  // Rules of one, two and three keys on distinct fields. A longer rule is tried when each shorter
  // rule inside it is costly (over an eighth of the budget): a cheaper rule inside it would find a
  // superset of its pairs, but at a price that may crowd out rules finding other pairs.
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
  const columns = fields.map((f) => f.column);
  const rules = chosen.map((c) => c.idx.map((k) => atoms[k]!));
  if (rules.length === 0) {
    // Nothing affordable: fall back to the most selective single key, split as needed.
    let bestAtom = 0;
    let bestPairs = Number.POSITIVE_INFINITY;
    atoms.forEach((_, k) => {
      const p = estimatePairs([k]);
      if (p < bestPairs) {
        bestPairs = p;
        bestAtom = k;
      }
    });
    if (atoms.length === 0)
      return {
        rules: [[]],
        chosen: [{ label: '(all pairs)', pairs: allPairs, recall: 1 }],
        unionRecall: 1,
        refine: [null],
        budget,
        budgetUsed: allPairs,
      };
    rules.push([atoms[bestAtom]!]);
    chosen.push({ idx: [bestAtom], pairs: bestPairs, ...bitsOf([bestAtom]) });
  }
  // A rule keyed on the first word of both surnames takes them as an unordered pair, so records
  // whose surnames are the other way round still meet (same blocks otherwise).
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
  // Splitting key per rule: the most selective well-filled key on a field the rule does not use.
  const selectivity = atoms.map((_, k) => estimatePairs([k]));
  const refine = rules.map((r) => {
    const used = new Set(r.flatMap(atomFields));
    let best: number | null = null;
    for (let k = 0; k < atoms.length; k++) {
      const a = atoms[k]!;
      if (a.kind === 'prefix' || atomFields(a).some((f) => used.has(f) || fields[f]!.present / n < 0.6))
        continue;
      if (best === null || selectivity[k]! < selectivity[best]!) best = k;
    }
    return best === null ? null : atoms[best]!;
  });
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

/** Splitting key for user-given rules: the most selective well-filled key on a field the rule does not use. */
export function refineAtomFor(enc: Encoded, rule: Rule, atomKeysOf: (a: Atom) => Int32Array): Atom | null {
  const used = new Set(rule.flatMap(atomFields));
  let best: Atom | null = null;
  let bestCollide = Number.POSITIVE_INFINITY;
  for (const f of enc.data.fields) {
    if (used.has(f.index) || f.present / Math.max(1, enc.data.n) < 0.6) continue;
    for (const kind of CANDIDATE_KINDS[f.type]) {
      if (kind === 'prefix') continue;
      const atom: Atom = { field: f.index, kind };
      const keys = atomKeysOf(atom);
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
