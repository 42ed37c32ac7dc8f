/**
 * Term frequencies of given name and first surname together. Scoring weighs exact agreement on
 * each by its own frequency, which assumes the two are chosen independently; they are not ("José
 * Rodríguez" is far more common than "José" × "Rodríguez" says wherever a family or region favours
 * both). When the pair of values is more common than the product of their frequencies, agreeing on
 * both is weaker evidence, and the difference is taken off: log2(p(g)·p(s) / p(g, s)), never a
 * bonus. The records of the pair itself are not evidence of commonness, so the joint count leaves
 * out as many records as one person can have (one per list).
 */
import type { EncodedData } from './encode.js';

/**
 * Per record: the correction (≤ 0, log2) for a pair agreeing exactly on both its given name and
 * its first surname; null when either field is missing or has no term frequencies.
 * `floorG` / `floorS`: the smallest relative frequency the term-frequency weights use.
 */
export function jointNameBits(
  data: EncodedData,
  given: number,
  surname: number,
  floorG: number,
  floorS: number,
): Float32Array | null {
  const fg = data.fields[given];
  const fs = data.fields[surname];
  if (!fg?.counts || !fs?.counts || fg.present === 0 || fs.present === 0) return null;
  const n = data.n;
  const vg = fg.value;
  const vs = fs.value;
  const width = fs.counts.length;
  const joint = new Map<number, number>();
  let both = 0;
  for (let i = 0; i < n; i++) {
    if (vg[i]! < 0 || vs[i]! < 0) continue;
    both++;
    const key = vg[i]! * width + vs[i]!;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const own = Math.max(2, data.sources.length);
  const out = new Float32Array(n);
  if (both === 0) return out;
  for (let i = 0; i < n; i++) {
    if (vg[i]! < 0 || vs[i]! < 0) continue;
    const others = joint.get(vg[i]! * width + vs[i]!)! - own;
    if (others <= 0) continue;
    const independent =
      Math.max(fg.counts[vg[i]!]! / fg.present, floorG) * Math.max(fs.counts[vs[i]!]! / fs.present, floorS);
    const observed = others / both;
    if (observed > independent) out[i] = Math.log2(independent / observed);
  }
  return out;
}
