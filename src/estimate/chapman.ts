/**
 * Two lists: Lincoln–Petersen and Chapman's nearly unbiased version, with Chapman's variance and
 * the log-transformed interval of Chao (1987) (the normal interval can fall below the number
 * actually observed). Both assume the two lists are independent and every person equally likely
 * to be on each: rarely true of human-rights lists, and said so in the result.
 */
import type { CaptureTable } from './table.js';

export function lincolnPetersen(n1: number, n2: number, m: number): number {
  return m === 0 ? Number.POSITIVE_INFINITY : (n1 * n2) / m;
}

export function chapman(n1: number, n2: number, m: number): { estimate: number; variance: number } {
  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const variance = ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) ** 2 * (m + 2));
  return { estimate, variance };
}

export function chapmanFromTable(t: CaptureTable, z = 1.959964) {
  const [a, b, both] = [t.counts[1]!, t.counts[2]!, t.counts[3]!];
  const n1 = a + both;
  const n2 = b + both;
  const observed = a + b + both;
  const { estimate, variance } = chapman(n1, n2, both);
  const f0 = Math.max(estimate - observed, 1e-9);
  const c = Math.exp(z * Math.sqrt(Math.log(1 + variance / (f0 * f0))));
  return {
    estimate,
    variance,
    interval: [observed + f0 / c, observed + f0 * c] as [number, number],
    n1,
    n2,
    m: both,
    observed,
  };
}
