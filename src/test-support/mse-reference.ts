/**
 * The reference tables for multiple systems estimation (bench/estimate/reference/, copied from
 * the project's shared reference): Kosovo and UK published tables, 36 simulated tables and the R
 * package LCMCR 0.4.14's results on them. Used by the regression test and the bench.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CaptureTable } from '../estimate/table.js';

export const REFERENCE_DIR = new URL('../../bench/estimate/reference/', import.meta.url).pathname;

/** A capture-history CSV with 0/1 list columns and `count`. */
export function loadReferenceTable(path: string): CaptureTable {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const ci = head.indexOf('count');
  const lists = head.filter((_, i) => i !== ci);
  const counts = new Array<number>(1 << lists.length).fill(0);
  for (const line of lines.slice(1)) {
    const v = line.split(',').map(Number);
    let w = 0;
    let j = 0;
    head.forEach((_, i) => {
      if (i === ci) return;
      if (v[i]) w |= 1 << j;
      j++;
    });
    counts[w]! += v[ci]!;
  }
  return { lists, counts };
}

export interface ReferenceResult {
  file: string;
  median: number;
  interval: [number, number];
  mean: number;
}

/** The R package's results on the simulated tables (K*=10, seed 7, 10,000 burn-in, 100,000 iterations). */
export function referenceResults(): ReferenceResult[] {
  const text = readFileSync(`${REFERENCE_DIR}simulated/R-LCMCR-results.txt`, 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const m = /^(\S+) .*median (\d+)\s+\[(\d+), (\d+)\] mean (\d+)/.exec(line);
      if (!m) throw new Error(`R-LCMCR-results.txt: cannot read "${line}"`);
      return { file: m[1]!, median: +m[2]!, interval: [+m[3]!, +m[4]!], mean: +m[5]! };
    });
}

export const simulatedTable = (file: string) => loadReferenceTable(`${REFERENCE_DIR}simulated/${file}`);
export const publishedTable = (name: 'kosovo-1999' | 'uk-modern-slavery-2013-5lists') =>
  loadReferenceTable(`${REFERENCE_DIR}tables/${name}.csv`);
export const simulatedFiles = () =>
  readdirSync(`${REFERENCE_DIR}simulated`).filter((f) => f.endsWith('.csv'));
