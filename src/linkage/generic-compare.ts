/**
 * Agreement levels of the generic fields (address.ts): addresses by house number and street,
 * postcodes by area, occupations by shared words. The dictionary values are parsed once per data
 * set (per worker), so a comparison is integer work plus, for near-miss streets and words, one
 * Jaro–Winkler.
 */
import { ADDRESS_SEP, postcodeArea } from './address.js';
import type { Dict } from './encode.js';
import { jaroWinkler, osaDistance } from './similarity.js';

export const ADDRESS_LEVELS = [
  'exact',
  'same_number_and_street',
  'same_street',
  'shares_half_the_words',
  'else',
] as const;
export const POSTCODE_LEVELS = ['exact', 'one_edit', 'same_area', 'else'] as const;
export const OCCUPATION_LEVELS = ['exact', 'most_words', 'shares_a_word', 'else'] as const;

const dictValue = (d: Dict, v: number) =>
  String.fromCharCode(...d.chars.subarray(d.start[v]!, d.start[v + 1]!));

/** Words of each value as ids (sorted), with the id → word table for near-miss checks. */
class WordSets {
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly words: string[] = [];
  constructor(values: readonly string[]) {
    const index = new Map<string, number>();
    const start = [0];
    const ids: number[] = [];
    for (const v of values) {
      const set = new Set<number>();
      for (const w of v.split(' ')) {
        if (w === '') continue;
        let id = index.get(w);
        if (id === undefined) {
          id = this.words.length;
          index.set(w, id);
          this.words.push(w);
        }
        set.add(id);
      }
      ids.push(...[...set].sort((x, y) => x - y));
      start.push(ids.length);
    }
    this.start = Int32Array.from(start);
    this.ids = Int32Array.from(ids);
  }

  /** Words of a found (exactly, or within Jaro–Winkler 0.92 for words of 5+ letters) in b, and the larger word count. */
  overlap(a: number, b: number): { shared: number; size: number } {
    const sa = this.start[a]!;
    const ea = this.start[a + 1]!;
    const sb = this.start[b]!;
    const eb = this.start[b + 1]!;
    let shared = 0;
    for (let i = sa; i < ea; i++) {
      const wi = this.ids[i]!;
      for (let j = sb; j < eb; j++) {
        const wj = this.ids[j]!;
        if (wi === wj || this.close(wi, wj)) {
          shared++;
          break;
        }
      }
    }
    return { shared, size: Math.max(ea - sa, eb - sb) };
  }

  private close(x: number, y: number): boolean {
    const a = this.words[x]!;
    const b = this.words[y]!;
    return a.length >= 5 && b.length >= 5 && a[0] === b[0] && jaroWinkler(a, b) >= 0.92;
  }
}

/** Address levels: needs the parsed house numbers and streets of one dictionary. */
export class AddressComparer {
  private readonly number: Int32Array;
  private readonly street: Int32Array;
  private readonly streets: string[] = [];
  private readonly words: WordSets;

  constructor(d: Dict) {
    const numbers = new Map<string, number>();
    const streets = new Map<string, number>();
    this.number = new Int32Array(d.size);
    this.street = new Int32Array(d.size);
    const all: string[] = [];
    for (let v = 0; v < d.size; v++) {
      const [num = '', street = '', unit = ''] = dictValue(d, v).split(ADDRESS_SEP);
      if (num === '') this.number[v] = -1;
      else {
        if (!numbers.has(num)) numbers.set(num, numbers.size);
        this.number[v] = numbers.get(num)!;
      }
      if (street === '') this.street[v] = -1;
      else {
        if (!streets.has(street)) {
          streets.set(street, this.streets.length);
          this.streets.push(street);
        }
        this.street[v] = streets.get(street)!;
      }
      all.push(`${num} ${street} ${unit}`);
    }
    this.words = new WordSets(all);
  }

  level(a: number, b: number): number {
    if (a === b) return 0;
    const sa = this.street[a]!;
    const sb = this.street[b]!;
    const sameStreet =
      sa >= 0 && sb >= 0 && (sa === sb || jaroWinkler(this.streets[sa]!, this.streets[sb]!) >= 0.92);
    if (sameStreet) {
      const na = this.number[a]!;
      return na >= 0 && na === this.number[b] ? 1 : 2;
    }
    const o = this.words.overlap(a, b);
    return o.size > 0 && 2 * o.shared >= o.size ? 3 : 4;
  }
}

/** Occupation levels over word stems (the encoded value is the sorted set of stems). */
export class OccupationComparer {
  private readonly words: WordSets;
  constructor(d: Dict) {
    this.words = new WordSets(Array.from({ length: d.size }, (_, v) => dictValue(d, v)));
  }
  level(a: number, b: number): number {
    if (a === b) return 0;
    const o = this.words.overlap(a, b);
    if (o.size > 0 && 2 * o.shared >= o.size) return 1;
    return o.shared > 0 ? 2 : 3;
  }
}

/** Postcode levels: one typo (or two swapped characters), else the same area. */
export class PostcodeComparer {
  private readonly codes: string[];
  private readonly area: Int32Array;
  constructor(d: Dict) {
    this.codes = Array.from({ length: d.size }, (_, v) => dictValue(d, v));
    const areas = new Map<string, number>();
    this.area = Int32Array.from(this.codes, (c) => {
      const k = postcodeArea(c);
      if (!areas.has(k)) areas.set(k, areas.size);
      return areas.get(k)!;
    });
  }
  level(a: number, b: number): number {
    if (a === b) return 0;
    const x = this.codes[a]!;
    const y = this.codes[b]!;
    if (x.length === y.length && osaDistance(x, y, 2) === 1) return 1;
    return this.area[a] === this.area[b] ? 2 : 3;
  }
}
