/**
 * Records → compact columns. Every field value is normalised once per distinct spelling and
 * interned: records hold integer codes in typed arrays, each distinct value is stored once (its
 * characters back to back in one Uint16Array, with its phonetic key and name tokens), so
 * comparisons allocate nothing and the whole data set can be shared with worker threads without
 * copying. All `name` fields share one dictionary so a first surname can be compared with a
 * second one (swapped surnames).
 */
import { normalizeAddress, normalizeLocality, normalizeOccupation, normalizePostcode } from './address.js';
import { dayNumber, isComplete, NO_DATE, parseDate } from './dates.js';
import {
  isPlaceholder,
  normalizeDocumentId,
  normalizePlace,
  normalizeText,
  parseNumber,
} from './normalize.js';
import { givenFirst, inferNameRoles, looksSurnameFirst, type NameRoles, splitGivenFirst } from './roles.js';
import { canonicalTokens, nameTokens, phoneticToken } from './text.js';
import { type FieldSpec, type FieldType, isNameType } from './types.js';

/** Distinct values of one or more fields. */
export interface Dict {
  size: number;
  chars: Uint16Array;
  /** Value v occupies chars[start[v], start[v+1]). */
  start: Int32Array;
  /** Phonetic key id of the whole value (names), else -1. */
  phon: Int32Array;
  /** Names: value v's tokens' phonetic ids are tokPhon[tokStart[v], tokStart[v+1]). */
  tokStart: Int32Array;
  tokPhon: Int32Array;
  /** Per token: its first letter's code, plus INITIAL when the token is a single letter ("J."). */
  tokFirst: Int32Array;
}

export const INITIAL = 0x10000;

export interface FieldData {
  index: number;
  column: string;
  type: FieldType;
  /** Index into EncodedData.dicts; -1 for dates. */
  dict: number;
  /** Per record: dictionary id, or packed date for dates; -1 = missing. */
  value: Int32Array;
  /** Dates: day number of complete dates, else DAY_NONE. */
  days?: Int32Array;
  /** Numbers: the value. */
  num?: Float64Array;
  /** Per dictionary value: how many records hold it in this field (term frequencies). */
  counts?: Int32Array;
  /** Records with a value in this field. */
  present: number;
}

/** Everything the comparison needs, in typed arrays (shareable with workers). */
export interface EncodedData {
  n: number;
  /** Per record: index into `sources`. */
  source: Uint16Array;
  sources: string[];
  fields: FieldData[];
  dicts: Dict[];
}

export const DAY_NONE = -2147483648;

export interface UnreadableValues {
  field: string;
  count: number;
  /** A few examples: record index and the text. */
  samples: { record: number; text: string }[];
}

/** The encoded data plus what stays on the main thread: record ids and dictionary strings. */
export interface Encoded {
  data: EncodedData;
  ids: string[];
  dictValues: string[][];
  unreadable: UnreadableValues[];
  /** What the encoder repaired: swapped name columns, whole names split into their parts. */
  repairs: string[];
}

class GrowInt32 {
  arr = new Int32Array(1024);
  len = 0;
  push(v: number): void {
    if (this.len === this.arr.length) {
      const next = new Int32Array(this.arr.length * 2);
      next.set(this.arr);
      this.arr = next;
    }
    this.arr[this.len++] = v;
  }
}

class GrowFloat64 {
  arr = new Float64Array(1024);
  len = 0;
  push(v: number): void {
    if (this.len === this.arr.length) {
      const next = new Float64Array(this.arr.length * 2);
      next.set(this.arr);
      this.arr = next;
    }
    this.arr[this.len++] = v;
  }
}

function sharedInt32(src: ArrayLike<number>, len: number, shared: boolean): Int32Array {
  const out = new Int32Array(
    shared ? new SharedArrayBuffer(Math.max(4, len * 4)) : new ArrayBuffer(len * 4),
    0,
    len,
  );
  for (let i = 0; i < len; i++) out[i] = src[i]!;
  return out;
}

class DictBuilder {
  readonly values: string[] = [];
  readonly ids = new Map<string, number>();
  readonly phon = new GrowInt32();
  readonly tokStart = new GrowInt32();
  readonly tokPhon = new GrowInt32();
  readonly tokFirst = new GrowInt32();
  constructor(
    private readonly phonIds: Map<string, number> | null,
    readonly withTokens: boolean,
  ) {
    this.tokStart.push(0);
  }
  private phonId(key: string): number {
    const ids = this.phonIds!;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  }
  /** Id of a normalised value; names also get their phonetic key and tokens. */
  intern(norm: string, tokens?: string[]): number {
    let id = this.ids.get(norm);
    if (id !== undefined) return id;
    id = this.values.length;
    this.values.push(norm);
    this.ids.set(norm, id);
    if (this.withTokens && tokens) {
      const canonical = canonicalTokens(tokens);
      const phons = canonical.map(phoneticToken);
      this.phon.push(this.phonId(phons.join(' ')));
      for (const p of phons) this.tokPhon.push(this.phonId(p));
      for (const t of canonical) this.tokFirst.push(t.charCodeAt(0) | (t.length === 1 ? INITIAL : 0));
      this.tokStart.push(this.tokPhon.len);
    } else {
      this.phon.push(-1);
      this.tokStart.push(this.tokPhon.len);
    }
    return id;
  }
  build(shared: boolean): Dict {
    const n = this.values.length;
    let total = 0;
    for (const v of this.values) total += v.length;
    const chars = new Uint16Array(
      shared ? new SharedArrayBuffer(Math.max(2, total * 2)) : new ArrayBuffer(total * 2),
      0,
      total,
    );
    const start = new Int32Array(shared ? new SharedArrayBuffer((n + 1) * 4) : new ArrayBuffer((n + 1) * 4));
    let at = 0;
    for (let v = 0; v < n; v++) {
      start[v] = at;
      const s = this.values[v]!;
      for (let k = 0; k < s.length; k++) chars[at + k] = s.charCodeAt(k);
      at += s.length;
    }
    start[n] = at;
    return {
      size: n,
      chars,
      start,
      phon: sharedInt32(this.phon.arr, this.phon.len, shared),
      tokStart: sharedInt32(this.tokStart.arr, this.tokStart.len, shared),
      tokPhon: sharedInt32(this.tokPhon.arr, this.tokPhon.len, shared),
      tokFirst: sharedInt32(this.tokFirst.arr, this.tokFirst.len, shared),
    };
  }
}

interface FieldBuilder {
  spec: FieldSpec;
  dict: number;
  value: GrowInt32;
  num?: GrowFloat64;
  /** Raw text → dictionary id or packed date (-1 missing, -2 unreadable). */
  cache: Map<string, number> | null;
  unreadable: UnreadableValues;
}

const UNREADABLE = -2;

const GENERIC_NORMALIZE: Record<'address' | 'postcode' | 'locality' | 'occupation', (raw: string) => string> =
  {
    address: normalizeAddress,
    postcode: normalizePostcode,
    locality: normalizeLocality,
    occupation: normalizeOccupation,
  };

/**
 * Builds the columns record by record (streaming: nothing but the codes and the distinct values is
 * kept). Cells are given aligned with the field list.
 */
export class RecordEncoder {
  private readonly fields: FieldBuilder[];
  private readonly dicts: DictBuilder[] = [];
  private readonly sourceIdx = new GrowInt32();
  private readonly sources: string[] = [];
  private readonly ids: string[] = [];
  private readonly nameCache = new Map<string, number>();
  private readonly roles: NameRoles;

  constructor(specs: readonly FieldSpec[]) {
    this.roles = inferNameRoles(specs);
    const phonIds = new Map<string, number>();
    let nameDict = -1;
    this.fields = specs.map((spec) => {
      let dict = -1;
      if (isNameType(spec.type)) {
        if (nameDict < 0) {
          nameDict = this.dicts.length;
          this.dicts.push(new DictBuilder(phonIds, true));
        }
        dict = nameDict;
      } else if (spec.type !== 'date') {
        dict = this.dicts.length;
        this.dicts.push(new DictBuilder(null, false));
      }
      return {
        spec,
        dict,
        value: new GrowInt32(),
        num: spec.type === 'number' ? new GrowFloat64() : undefined,
        cache:
          spec.type === 'fullname'
            ? new Map()
            : spec.type === 'name'
              ? this.nameCache
              : spec.type === 'id' || spec.type === 'number'
                ? null
                : new Map(),
        unreadable: { field: spec.column, count: 0, samples: [] },
      };
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** Registers an input (file); returns its index for `add`. */
  addSource(name: string): number {
    this.sources.push(name);
    return this.sources.length - 1;
  }

  add(source: number, id: string, cells: ArrayLike<string | undefined>): void {
    const record = this.ids.length;
    this.ids.push(id);
    this.sourceIdx.push(source);
    for (let f = 0; f < this.fields.length; f++) {
      const fb = this.fields[f]!;
      const raw = cells[f] ?? '';
      let code: number;
      if (fb.cache) {
        const hit = fb.cache.get(raw);
        if (hit !== undefined) code = hit;
        else {
          code = this.encodeValue(fb, raw);
          fb.cache.set(raw, code);
        }
      } else code = this.encodeValue(fb, raw);
      if (code === UNREADABLE) {
        fb.unreadable.count++;
        if (fb.unreadable.samples.length < 5) fb.unreadable.samples.push({ record, text: raw });
        code = -1;
      }
      fb.value.push(code);
      if (fb.num) fb.num.push(code >= 0 ? parseNumber(raw) : Number.NaN);
    }
  }

  private encodeValue(fb: FieldBuilder, raw: string): number {
    const dict = fb.dict >= 0 ? this.dicts[fb.dict]! : null;
    switch (fb.spec.type) {
      case 'name':
      case 'fullname': {
        if (isPlaceholder(raw)) return -1;
        const tokens = nameTokens(fb.spec.type === 'fullname' ? givenFirst(raw) : raw);
        return tokens.length === 0 ? -1 : dict!.intern(tokens.join(' '), tokens);
      }
      case 'date': {
        if (isPlaceholder(raw)) return -1;
        const p = parseDate(raw);
        return p === NO_DATE ? UNREADABLE : p;
      }
      case 'id': {
        const v = normalizeDocumentId(raw);
        return v === '' ? -1 : dict!.intern(v);
      }
      case 'place': {
        const v = normalizePlace(raw);
        return v === '' ? -1 : dict!.intern(v);
      }
      case 'address':
      case 'postcode':
      case 'locality':
      case 'occupation': {
        const v = GENERIC_NORMALIZE[fb.spec.type](raw);
        return v === '' ? -1 : dict!.intern(v);
      }
      case 'number': {
        if (isPlaceholder(raw)) return -1;
        const x = parseNumber(raw);
        return Number.isNaN(x) ? UNREADABLE : dict!.intern(String(x));
      }
      default: {
        const v = normalizeText(raw);
        return v === '' ? -1 : dict!.intern(v);
      }
    }
  }

  /** Freezes the columns; with `shared`, into SharedArrayBuffers that worker threads can read. */
  finish(shared: boolean): Encoded {
    const n = this.ids.length;
    const repairs = this.repairNameRoles();
    const dicts = this.dicts.map((d) => d.build(shared));
    const fields: FieldData[] = this.fields.map((fb, index) => {
      const value = sharedInt32(fb.value.arr, n, shared);
      let present = 0;
      for (let i = 0; i < n; i++) if (value[i]! >= 0) present++;
      const fd: FieldData = {
        index,
        column: fb.spec.column,
        type: fb.spec.type,
        dict: fb.dict,
        value,
        present,
      };
      if (fb.spec.type === 'date') {
        const days = new Int32Array(
          shared ? new SharedArrayBuffer(Math.max(4, n * 4)) : new ArrayBuffer(n * 4),
        );
        for (let i = 0; i < n; i++) days[i] = isComplete(value[i]!) ? dayNumber(value[i]!) : DAY_NONE;
        fd.days = days;
      } else {
        const counts = new Int32Array(
          shared
            ? new SharedArrayBuffer(Math.max(4, dicts[fb.dict]!.size * 4))
            : new ArrayBuffer(dicts[fb.dict]!.size * 4),
        );
        for (let i = 0; i < n; i++) if (value[i]! >= 0) counts[value[i]!]!++;
        fd.counts = counts;
      }
      if (fb.num) {
        const num = new Float64Array(
          shared ? new SharedArrayBuffer(Math.max(8, n * 8)) : new ArrayBuffer(n * 8),
        );
        num.set(fb.num.arr.subarray(0, n));
        fd.num = num;
      }
      return fd;
    });
    const source = new Uint16Array(
      shared ? new SharedArrayBuffer(Math.max(2, n * 2)) : new ArrayBuffer(n * 2),
    );
    for (let i = 0; i < n; i++) source[i] = this.sourceIdx.arr[i]!;
    return {
      data: { n, source, sources: [...this.sources], fields, dicts },
      ids: this.ids,
      dictValues: this.dicts.map((d) => d.values),
      unreadable: this.fields.map((f) => f.unreadable).filter((u) => u.count > 0),
      repairs,
    };
  }

  /**
   * Puts names in their roles before anything is compared: a list whose given-name and first-surname
   * columns hold the other's values is read the other way round, and a whole name in a `fullname`
   * column fills the empty name columns of its record. Both use how often each word occurs as a
   * given name in the other records (the data, not a fixed list, say what is a given name).
   */
  private repairNameRoles(): string[] {
    const { given, surname1, surname2 } = this.roles;
    const repairs: string[] = [];
    if (given === undefined || surname1 === undefined) return repairs;
    const n = this.ids.length;
    const dict = this.dicts[this.fields[given]!.dict]!;
    const G = this.fields[given]!.value.arr;
    const S1 = this.fields[surname1]!.value.arr;
    const S2 = surname2 !== undefined ? this.fields[surname2]!.value.arr : null;
    const firstWord = (v: number) => {
      const s = dict.values[v]!;
      const k = s.indexOf(' ');
      return k < 0 ? s : s.slice(0, k);
    };
    const countGiven = new Map<string, number>();
    const countSurname = new Map<string, number>();
    const count = () => {
      countGiven.clear();
      countSurname.clear();
      for (let i = 0; i < n; i++) {
        if (G[i]! >= 0)
          for (const t of dict.values[G[i]!]!.split(' ')) countGiven.set(t, (countGiven.get(t) ?? 0) + 1);
        for (const col of [S1, S2])
          if (col && col[i]! >= 0)
            for (const t of dict.values[col[i]!]!.split(' '))
              countSurname.set(t, (countSurname.get(t) ?? 0) + 1);
      }
    };
    const givenness = (t: string) => {
      const g = countGiven.get(t) ?? 0;
      const s = countSurname.get(t) ?? 0;
      return (g + 0.5) / (g + s + 1);
    };
    count();

    // Lists whose given-name and first-surname columns are the wrong way round.
    const sources = this.sources.length;
    const sum = new Float64Array(sources);
    const cnt = new Float64Array(sources);
    const src = this.sourceIdx.arr;
    for (let i = 0; i < n; i++) {
      if (G[i]! < 0 || S1[i]! < 0) continue;
      sum[src[i]!]! += givenness(firstWord(G[i]!)) - givenness(firstWord(S1[i]!));
      cnt[src[i]!]!++;
    }
    const swapped = new Uint8Array(sources);
    for (let s = 0; s < sources; s++)
      if (cnt[s]! >= 20 && sum[s]! / cnt[s]! < -0.2) {
        swapped[s] = 1;
        repairs.push(
          `${this.sources[s]}: the given-name column (${this.fields[given]!.spec.column}) holds surnames and ${this.fields[surname1]!.spec.column} holds given names; read the other way round`,
        );
      }
    if (swapped.some(Boolean)) {
      for (let i = 0; i < n; i++)
        if (swapped[src[i]!]) {
          const t = G[i]!;
          G[i] = S1[i]!;
          S1[i] = t;
        }
      count();
    }

    // Whole names in one column, split into the empty name columns of their record. Spanish
    // grammar (two surnames) only where the data show it: a second-surname column filled in at
    // least a fifth of the records that have a first surname.
    let withS1 = 0;
    let withS2 = 0;
    for (let i = 0; i < n; i++)
      if (S1[i]! >= 0) {
        withS1++;
        if (S2 && S2[i]! >= 0) withS2++;
      }
    const twoSurnames = S2 !== null && withS2 >= 0.2 * withS1;
    const full = this.fields.filter((f) => f.spec.type === 'fullname');
    for (const fb of full) {
      const F = fb.value.arr;
      // Order per list: given names first unless the list's names clearly start with surnames.
      const vote = new Float64Array(sources);
      for (let i = 0; i < n; i++)
        if (F[i]! >= 0) vote[src[i]!]! += looksSurnameFirst(dict.values[F[i]!]!.split(' '), givenness);
      const split = new Map<number, [number, number, number]>();
      let splitCount = 0;
      for (let i = 0; i < n; i++) {
        const v = F[i]!;
        if (v < 0 || G[i]! >= 0 || S1[i]! >= 0 || (S2 && S2[i]! >= 0)) continue;
        const reversed = vote[src[i]!]! > 0;
        const key = reversed ? -v - 1 : v;
        let parts = split.get(key);
        if (!parts) {
          let tokens = dict.values[v]!.split(' ');
          // Surnames first: the last one or two tokens are the given names.
          if (reversed && tokens.length >= 2) {
            const m = tokens.length;
            const k = m >= 4 ? 2 : m === 3 && givenness(tokens[1]!) > 0.5 ? 2 : 1;
            tokens = [...tokens.slice(m - k), ...tokens.slice(0, m - k)];
          }
          const s = splitGivenFirst(tokens, givenness, twoSurnames);
          const intern = (x: string) => (x === '' ? -1 : dict.intern(x, x.split(' ')));
          parts = [intern(s.given), intern(s.surname1), intern(s.surname2)];
          split.set(key, parts);
        }
        G[i] = parts[0];
        S1[i] = parts[1];
        if (S2) S2[i] = parts[2];
        else if (parts[2] >= 0)
          S1[i] = dict.intern(
            `${dict.values[parts[1]]} ${dict.values[parts[2]]}`,
            `${dict.values[parts[1]]} ${dict.values[parts[2]]}`.split(' '),
          );
        // The parts carry the name now; the whole name would count the same evidence twice.
        F[i] = -1;
        splitCount++;
      }
      if (splitCount > 0)
        repairs.push(
          `${fb.spec.column}: ${splitCount} whole name(s) split into given names and surnames${[...vote].some((x) => x > 0) ? ` (surnames first in ${this.sources.filter((_, s) => vote[s]! > 0).join(', ')})` : ''}`,
        );
    }
    this.splitBothSurnames(S1, S2, dict, repairs);
    return repairs;
  }

  /**
   * "Ramírez Pacheco" in the first-surname column and nothing in the second: both surnames written
   * in one column (a form with one "Apellidos" box). Split when each word is itself a whole
   * surname elsewhere in the data, so a compound surname ("San Juan", "Ponce de León") whose
   * parts are not surnames on their own stays whole.
   */
  private splitBothSurnames(
    S1: Int32Array,
    S2: Int32Array | null,
    dict: DictBuilder,
    repairs: string[],
  ): void {
    const { surname1 } = this.roles;
    if (!S2 || surname1 === undefined) return;
    const n = this.ids.length;
    const whole = new Map<number, number>();
    for (let i = 0; i < n; i++)
      for (const v of [S1[i]!, S2[i]!]) if (v >= 0) whole.set(v, (whole.get(v) ?? 0) + 1);
    const parts = new Map<number, [number, number] | null>();
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = S1[i]!;
      if (v < 0 || S2[i]! >= 0) continue;
      let p = parts.get(v);
      if (p === undefined) {
        p = null;
        const words = dict.values[v]!.split(' ');
        if (words.length === 2) {
          const a = dict.ids.get(words[0]!);
          const b = dict.ids.get(words[1]!);
          if (a !== undefined && b !== undefined && (whole.get(a) ?? 0) >= 2 && (whole.get(b) ?? 0) >= 2)
            p = [a, b];
        }
        parts.set(v, p);
      }
      if (!p) continue;
      S1[i] = p[0];
      S2[i] = p[1];
      count++;
    }
    if (count > 0)
      repairs.push(
        `${this.fields[surname1]!.spec.column}: ${count} record(s) with both surnames in one column and the second empty; split into the two`,
      );
  }
}
