/**
 * Dense ids for pairs of int32 (a, b), numbered in order of first appearance. Blocking combines
 * keys this way (key-sets.ts `combineKeySets`: the key of "surname AND birth date" is the id of
 * the pair of their ids). A Map keyed by a·2^27 + b did the same, but those keys are doubles
 * above 2^31, which V8 hashes slowly: it was most of the blocking stage (20.6 s of 20.7 s building
 * 30 rules' blocks at 200k records, machine shared). Open addressing on typed arrays instead.
 */
export class PairIds {
  private a: Int32Array;
  private b: Int32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** Id of (a, b): the one it already has, or the next one. */
  id(a: number, b: number): number {
    let slot = slotOf(a, b) & this.mask;
    for (;;) {
      const id = this.ids[slot]!;
      if (id < 0) break;
      if (this.a[slot] === a && this.b[slot] === b) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    this.a[slot] = a;
    this.b[slot] = b;
    this.ids[slot] = id;
    // Kept at most half full, so probes stay short.
    if (this.size * 2 > this.ids.length) this.grow();
    return id;
  }

  private grow() {
    const { a, b, ids } = this;
    const capacity = ids.length * 2;
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    for (let s = 0; s < ids.length; s++) {
      if (ids[s]! < 0) continue;
      let slot = slotOf(a[s]!, b[s]!) & this.mask;
      while (this.ids[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.a[slot] = a[s]!;
      this.b[slot] = b[s]!;
      this.ids[slot] = ids[s]!;
    }
  }
}

/** A 32-bit mix of the two values (multiply-xorshift), so consecutive ids spread over the table. */
function slotOf(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
