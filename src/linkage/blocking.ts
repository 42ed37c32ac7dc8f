/**
 * Blocking: which record pairs are compared at all. A rule is a conjunction of keys (e.g. the
 * phonetic key of the first surname and the birth year); two records are a candidate pair when
 * some rule gives them the same key. Rules are combined by union and each pair is scored once (for
 * the first rule that produced it). Blocks larger than `maxBlockSize` are split by one more key,
 * and skipped if still too large, so the number of pairs stays bounded whatever the data.
 */
import { UsageError } from '../domain/errors.js';
import type { Encoded } from './encode.js';
import { combineKeySets, firstShared, isMulti, KeySetBuilder, type Keys } from './key-sets.js';
import type { FieldType } from './types.js';

export type AtomKind =
  | 'value'
  | 'first'
  | 'words'
  | 'phonetic'
  | 'prefix'
  | 'year'
  | 'month'
  | 'monthday'
  | 'surnames';

/** Kinds that give a record several keys (one per word): the record sits in several blocks of a rule. */
export const MULTI_KINDS: ReadonlySet<AtomKind> = new Set(['words']);

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
  words: '.words',
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
  words: { kind: 'words', types: ['name', 'fullname'] },
  phonetic: { kind: 'phonetic', types: ['name', 'fullname'] },
  year: { kind: 'year', types: ['date'] },
  month: { kind: 'month', types: ['date'] },
  monthday: { kind: 'monthday', types: ['date'] },
  md: { kind: 'monthday', types: ['date'] },
};

export const BLOCK_SYNTAX = `rules separated by "|", keys in a rule joined by "+"; a key is COLUMN (its normalised value),
COLUMN[:N] (first N characters), COLUMN.first / COLUMN.words / COLUMN.phonetic (name fields: phonetic key
of the first name token / of any of its tokens / of the whole name), COLUMN.year / .month / .monthday (date fields).
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

/** atomKeys memoised by atom: rules share atoms, and a key column costs one pass over the records. */
export function cachedAtomKeys(enc: Encoded): (atom: Atom) => Keys {
  const cache = new Map<string, Keys>();
  return (atom) => {
    const id = atomId(atom);
    let k = cache.get(id);
    if (!k) {
      k = atomKeys(enc, atom);
      cache.set(id, k);
    }
    return k;
  };
}

/**
 * Per-record key of one atom (-1 = the record has no key: it is in no block of a rule using it);
 * for kind "words", the set of its words' phonetic keys (key-sets.ts).
 */
export function atomKeys(enc: Encoded, atom: Atom): Keys {
  const { data } = enc;
  const fd = data.fields[atom.field]!;
  const n = data.n;
  if (atom.kind === 'words') {
    if (fd.type === 'date')
      throw new UsageError(`blocking key .words does not apply to date field ${fd.column}`);
    const dict = data.dicts[fd.dict]!;
    const out = new KeySetBuilder();
    const words: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = fd.value[i]!;
      words.length = 0;
      if (v >= 0)
        for (let t = dict.tokStart[v]!; t < dict.tokStart[v + 1]!; t++) words.push(dict.tokPhon[t]!);
      out.push(words);
    }
    return out.finish();
  }
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

export { combineKeySets };

/** A rule's block membership: enough to tell whether two records share a block of it. */
export interface BlockKeys {
  /** Per record: its block's id in this rule (its smallest, for a rule with several keys per record), or -1. */
  key: Int32Array;
  /** Rules with several keys per record: record i's blocks are keyIds[keyStart[i], keyStart[i+1]), ascending. */
  keyStart?: Int32Array;
  keyIds?: Int32Array;
}

/** Whether records a and b share a block of the rule. */
export function sharesBlock(l: BlockKeys, a: number, b: number): boolean {
  if (l.keyStart) return firstShared(l.keyStart, l.keyIds!, a, b) >= 0;
  const k = l.key[a]!;
  return k >= 0 && k === l.key[b];
}

/** The blocks of one rule, as records sorted by block. */
export interface RuleBlocks extends BlockKeys {
  rule: Rule;
  label: string;
  /** Records of block b are order[starts[b], starts[b+1]). Only blocks of two or more records. */
  order: Int32Array;
  starts: Int32Array;
  /**
   * Record pairs inside the blocks (before removing pairs already produced by earlier rules; a
   * pair sharing two blocks of a rule with several keys per record is counted in both).
   */
  pairs: number;
  largest: number;
  /** Blocks that were over the size limit and split by `refinedBy`. */
  refined: number;
  refinedBy?: string;
  /** Blocks still over the limit after splitting: not compared under this rule. */
  skipped: number;
  /** Records (record × key, for a rule with several keys per record) in skipped blocks. */
  skippedRecords: number;
}

/**
 * Builds the blocks of a rule. Blocks over `maxBlock` records are split by `refine` (another key);
 * those still over the limit are skipped (their records keep no key under this rule, so other
 * rules still pair them). Works on entries (record, key): one per record and key it has.
 */
export function buildRuleBlocks(
  enc: Encoded,
  rule: Rule,
  atomKeysOf: (a: Atom) => Keys,
  maxBlock: number,
  refine: Atom | null,
  columns: readonly string[],
): RuleBlocks {
  const n = enc.data.n;
  const combined = combineKeySets(
    rule.map((a) => atomKeysOf(a)),
    n,
  );
  const multi = isMulti(combined);
  // Entries: record entRec[p] has key entKey[p] (-1 = none); a record's entries are contiguous.
  let entRec: Int32Array;
  let entKey: Int32Array;
  if (multi) {
    entKey = combined.ids.slice();
    entRec = new Int32Array(entKey.length);
    for (let i = 0; i < n; i++) entRec.fill(i, combined.start[i]!, combined.start[i + 1]!);
  } else {
    entKey = combined;
    entRec = new Int32Array(n);
    for (let i = 0; i < n; i++) entRec[i] = i;
  }
  const E = entKey.length;
  const limit = rule.length === 0 ? Number.POSITIVE_INFINITY : maxBlock;
  let counts = countKeys(entKey);
  let refined = 0;
  let refinedBy: string | undefined;
  let over = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k]! > limit) over++;
  if (over > 0 && refine) {
    refined = over;
    refinedBy = atomLabel(refine, columns);
    const extra = atomKeysOf(refine);
    if (isMulti(extra)) throw new Error(`splitting key ${refinedBy} has several values per record`);
    const ids = new Map<number, number>();
    let next = counts.length;
    for (let p = 0; p < E; p++) {
      const k = entKey[p]!;
      if (k < 0 || counts[k]! <= limit) continue;
      const e = extra[entRec[p]!]!;
      if (e < 0) {
        entKey[p] = -1;
        continue;
      }
      const composite = k * SHIFT + e;
      let id = ids.get(composite);
      if (id === undefined) {
        id = next++;
        ids.set(composite, id);
      }
      entKey[p] = id;
    }
    counts = countKeys(entKey);
  }
  let skipped = 0;
  let skippedRecords = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k]! > limit) {
      skipped++;
      skippedRecords += counts[k]!;
    }
  }
  // Drop keys of skipped blocks and of blocks of one, then lay out entries block by block.
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
  for (let p = 0; p < E; p++) {
    const k = entKey[p]!;
    const b = k >= 0 ? blockOf[k]! : -1;
    entKey[p] = b;
    if (b >= 0) starts[b + 1]!++;
  }
  for (let b = 0; b < blocks; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, blocks);
  const order = new Int32Array(starts[blocks]!);
  for (let p = 0; p < E; p++) {
    const b = entKey[p]!;
    if (b >= 0) order[fill[b]!++] = entRec[p]!;
  }
  const layout: BlockKeys = multi ? recordBlocks(entRec, entKey, n) : { key: entKey };
  return {
    rule,
    label: ruleLabel(rule, columns),
    ...layout,
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

/** Per record, its blocks ascending (CSR) and the smallest, from entries grouped by record. */
function recordBlocks(entRec: Int32Array, entBlock: Int32Array, n: number): BlockKeys {
  const key = new Int32Array(n).fill(-1);
  const keyStart = new Int32Array(n + 1);
  for (let p = 0; p < entRec.length; p++) if (entBlock[p]! >= 0) keyStart[entRec[p]! + 1]!++;
  for (let i = 0; i < n; i++) keyStart[i + 1]! += keyStart[i]!;
  const keyIds = new Int32Array(keyStart[n]!);
  const at = keyStart.slice(0, n);
  for (let p = 0; p < entRec.length; p++) if (entBlock[p]! >= 0) keyIds[at[entRec[p]!]!++] = entBlock[p]!;
  for (let i = 0; i < n; i++) {
    const s = keyStart[i]!;
    const e = keyStart[i + 1]!;
    if (e - s > 1) keyIds.subarray(s, e).sort();
    if (e > s) key[i] = keyIds[s]!;
  }
  return { key, keyStart, keyIds };
}

function countKeys(key: Int32Array): Int32Array {
  let max = -1;
  for (let i = 0; i < key.length; i++) if (key[i]! > max) max = key[i]!;
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < key.length; i++) if (key[i]! >= 0) counts[key[i]!]!++;
  return counts;
}
