/**
 * String similarities on UTF-16 code units held in one buffer (the encoded dictionaries keep all
 * values of a field back to back), so comparing two values allocates nothing. String versions
 * wrap them for tests and callers that hold plain strings.
 */

const MAX_LEN = 256;
const flagsA = new Uint8Array(MAX_LEN);
const flagsB = new Uint8Array(MAX_LEN);

/**
 * Jaro similarity of buf[a, a+la) and buf[b, b+lb): matching characters within the usual window,
 * half the transpositions. 1 for equal strings, 0 when nothing matches (and for two empty strings
 * it is 1 by convention).
 */
export function jaroBuf(buf: Uint16Array, a: number, la: number, b: number, lb: number): number {
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (la > MAX_LEN) la = MAX_LEN;
  if (lb > MAX_LEN) lb = MAX_LEN;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    // Ternaries, not Math.min/max: the innermost loop of pair scoring.
    // biome-ignore lint/complexity/useMathMinMax: hot loop
    const lo = i - window > 0 ? i - window : 0;
    // biome-ignore lint/complexity/useMathMinMax: hot loop
    const hi = i + window + 1 < lb ? i + window + 1 : lb;
    const c = buf[a + i];
    for (let j = lo; j < hi; j++) {
      if (flagsB[j] === 0 && buf[b + j] === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let half = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (buf[a + i] !== buf[b + k]) half++;
    k++;
  }
  const t = half / 2;
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/** Jaro–Winkler: Jaro boosted by the common prefix (up to 4 characters, scale 0.1). */
export function jaroWinklerBuf(buf: Uint16Array, a: number, la: number, b: number, lb: number): number {
  const j = jaroBuf(buf, a, la, b, lb);
  if (j <= 0.7) return j;
  const max = Math.min(4, la, lb);
  let p = 0;
  while (p < max && buf[a + p] === buf[b + p]) p++;
  return j + p * 0.1 * (1 - j);
}

const rowPrev2 = new Int32Array(MAX_LEN + 1);
const rowPrev = new Int32Array(MAX_LEN + 1);
const rowCur = new Int32Array(MAX_LEN + 1);

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of one
 * substring): insertions, deletions, substitutions and adjacent transpositions each cost 1.
 * Stops early and returns `cap + 1` once the distance must exceed `cap`.
 */
export function osaBuf(buf: Uint16Array, a: number, la: number, b: number, lb: number, cap = 64): number {
  if (la > MAX_LEN) la = MAX_LEN;
  if (lb > MAX_LEN) lb = MAX_LEN;
  if (Math.abs(la - lb) > cap) return cap + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let p2 = rowPrev2;
  let p1 = rowPrev;
  let cur = rowCur;
  for (let j = 0; j <= lb; j++) p1[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = buf[a + i - 1];
    for (let j = 1; j <= lb; j++) {
      const cb = buf[b + j - 1];
      const cost = ca === cb ? 0 : 1;
      let d = p1[j - 1]! + cost;
      const del = p1[j]! + 1;
      if (del < d) d = del;
      const ins = cur[j - 1]! + 1;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && ca === buf[b + j - 2] && buf[a + i - 2] === cb) {
        const tr = p2[j - 2]! + 1;
        if (tr < d) d = tr;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > cap) return cap + 1;
    const t = p2;
    p2 = p1;
    p1 = cur;
    cur = t;
  }
  return p1[lb]!;
}

function pack(s: string, t: string): Uint16Array {
  const buf = new Uint16Array(s.length + t.length);
  for (let i = 0; i < s.length; i++) buf[i] = s.charCodeAt(i);
  for (let i = 0; i < t.length; i++) buf[s.length + i] = t.charCodeAt(i);
  return buf;
}

export function jaro(s: string, t: string): number {
  return jaroBuf(pack(s, t), 0, s.length, s.length, t.length);
}

export function jaroWinkler(s: string, t: string): number {
  return jaroWinklerBuf(pack(s, t), 0, s.length, s.length, t.length);
}

export function osaDistance(s: string, t: string, cap = 64): number {
  return osaBuf(pack(s, t), 0, s.length, s.length, t.length, cap);
}
