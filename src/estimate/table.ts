/**
 * Capture histories: for k lists, the count of individuals seen with each pattern of lists
 * (a bitmask: bit j set = on list j). The all-zero pattern is never observed; estimating it is
 * the whole point.
 */
import { type FieldIssue, InputError } from '../domain/errors.js';

export interface CaptureTable {
  lists: string[];
  /** counts[pattern] for pattern = 1 … 2^k − 1; counts[0] is unused (0). */
  counts: number[];
}

export function observedTotal(t: CaptureTable): number {
  let n = 0;
  for (let w = 1; w < t.counts.length; w++) n += t.counts[w]!;
  return n;
}

/** How many individuals each list caught. */
export function listTotals(t: CaptureTable): number[] {
  return t.lists.map((_, j) => {
    let s = 0;
    for (let w = 1; w < t.counts.length; w++) if (w & (1 << j)) s += t.counts[w]!;
    return s;
  });
}

export interface RowsInput {
  file: string;
  columns: string[];
  rows: AsyncIterable<{ row: number; cells: string[] }> | Iterable<{ row: number; cells: string[] }>;
  strata?: string;
}

/**
 * Builds one capture table per stratum from CSV rows: one 0/1 column per list, an optional
 * `count` column, an optional strata column; every other column is a list. Every problem is
 * named by file, row and column.
 */
export async function tablesFromRows(input: RowsInput): Promise<Map<string, CaptureTable>> {
  const { file, columns } = input;
  if (input.strata !== undefined && !columns.includes(input.strata)) {
    throw new InputError(
      `${file}: the strata column "${input.strata}" is not in the file (columns: ${columns.join(', ')})`,
      [{ file, row: 1, field: input.strata, message: 'unknown strata column' }],
    );
  }
  const countIdx = columns.indexOf('count');
  const strataIdx = input.strata === undefined ? -1 : columns.indexOf(input.strata);
  const listIdx = columns.map((_, i) => i).filter((i) => i !== countIdx && i !== strataIdx);
  const lists = listIdx.map((i) => columns[i]!);
  if (lists.length < 2) {
    throw new InputError(
      `${file}: at least 2 list columns are needed, found ${lists.length} (${lists.join(', ') || 'none'})`,
      [{ file, row: 1, message: 'fewer than 2 lists' }],
    );
  }
  if (lists.length > 15)
    throw new InputError(`${file}: at most 15 lists are supported, found ${lists.length}`, [
      { file, row: 1, message: 'too many lists' },
    ]);
  const tables = new Map<string, CaptureTable>();
  const issues: FieldIssue[] = [];
  let rowsSeen = 0;
  for await (const r of input.rows as AsyncIterable<{ row: number; cells: string[] }>) {
    rowsSeen++;
    let pattern = 0;
    let bad = false;
    listIdx.forEach((ci, j) => {
      const v = (r.cells[ci] ?? '').trim();
      if (v === '1') pattern |= 1 << j;
      else if (v !== '0') {
        issues.push({ file, row: r.row, field: columns[ci], message: `"${v}" is not 0 or 1` });
        bad = true;
      }
    });
    let count = 1;
    if (countIdx >= 0) {
      const v = (r.cells[countIdx] ?? '').trim();
      count = Number(v);
      if (v === '' || !Number.isInteger(count) || count < 0) {
        issues.push({
          file,
          row: r.row,
          field: 'count',
          message: `"${v}" is not a non-negative whole number`,
        });
        bad = true;
      }
    }
    if (!bad && pattern === 0 && count > 0) {
      issues.push({
        file,
        row: r.row,
        message: 'the row is on no list (all zeros): unobserved individuals cannot be counted',
      });
      bad = true;
    }
    if (issues.length >= 50) break;
    if (bad) continue;
    // A blank stratum is a stratum of its own, named so that it cannot be mistaken for a value.
    const key = strataIdx >= 0 ? (r.cells[strataIdx] ?? '').trim() || '(blank)' : '';
    let t = tables.get(key);
    if (!t) {
      t = { lists, counts: new Array(1 << lists.length).fill(0) };
      tables.set(key, t);
    }
    t.counts[pattern]! += count;
  }
  if (issues.length)
    throw new InputError(
      `${file}: ${issues.length}${issues.length >= 50 ? '+' : ''} problem(s) in the capture histories`,
      issues,
    );
  if (rowsSeen === 0) throw new InputError(`${file} has no data rows`, [{ file, message: 'empty' }]);
  return tables;
}

/**
 * Leaves out lists that hold no one (common within a stratum: a regional list elsewhere). Such a
 * list carries no information about the others, and a log-linear main effect of −∞ otherwise.
 */
export function dropEmptyLists(t: CaptureTable): { table: CaptureTable; dropped: string[] } {
  const keep = t.lists.map((_, j) => j).filter((j) => listTotals(t)[j]! > 0);
  if (keep.length === t.lists.length) return { table: t, dropped: [] };
  const counts = new Array<number>(1 << keep.length).fill(0);
  for (let w = 1; w < t.counts.length; w++) {
    let v = 0;
    keep.forEach((j, i) => {
      if (w & (1 << j)) v |= 1 << i;
    });
    counts[v]! += t.counts[w]!;
  }
  counts[0] = 0;
  return {
    table: { lists: keep.map((j) => t.lists[j]!), counts },
    dropped: t.lists.filter((_, j) => !keep.includes(j)),
  };
}

/** Sums strata tables (for the combined total of a stratified analysis). */
export function combine(tables: CaptureTable[]): CaptureTable {
  const out: CaptureTable = { lists: tables[0]!.lists, counts: new Array(tables[0]!.counts.length).fill(0) };
  for (const t of tables) for (let w = 0; w < t.counts.length; w++) out.counts[w]! += t.counts[w]!;
  return out;
}
