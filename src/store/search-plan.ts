/**
 * How a SQLite search reads the FTS5 index: newest matches first, within a time budget. The page
 * of hits is always exact (looked for over the whole index). The facet sample and the total are
 * read as far as the budget allows: when it runs out first, the total is what was counted so far,
 * reported as a lower bound ("at least N"), and the facets are flagged as sampled. Cheap queries
 * (rare words, small stores) finish within it and are exact; broad conjunctions of common words
 * over millions of documents — which must otherwise read every posting of every word to the end to
 * know that nothing older matches — stop early.
 *
 * Who may see what is not decided here: the match expression (tiers, scope) comes from the caller
 * and every statement runs that same expression.
 */
import { performance } from 'node:perf_hooks';
import type { Sql } from './sql.js';

/** Facet columns read for the sample (and the page). */
const SAMPLE_COLS =
  'd.rowid AS rowid, d.kind, d.record_id, d.act_type, d.state_code, d.year, d.unit_id, d.source_id, d.protection';

/** Rows between two looks at the clock. */
const CHECK_EVERY = 64;

export interface BudgetedPlan {
  /** FTS5 match expression (tiers, terms and scope tokens). */
  expr: string;
  /** Extra condition on search_doc `d` (e.g. the case in a multi-case store) and its parameters. */
  docCond: string;
  docParams: readonly unknown[];
  offset: number;
  limit: number;
  facetSample: number;
  totalCap: number;
  /** Time for the facet sample and the count together, in milliseconds. */
  budgetMs: number;
}

export interface BudgetedResult<Row> {
  rows: Row[];
  page: Row[];
  /** Matches counted (up to totalCap + 1). */
  total: number;
  /** True when the budget ran out before the last match: `total` is a lower bound. */
  partial: boolean;
}

type Scanner = {
  scan<T>(sql: string, params: readonly unknown[], visit: (row: T) => boolean): Promise<void>;
};

/**
 * Reads rows until `take` says stop or, once `mayStop` allows it, the deadline passes; true when it
 * stopped on the deadline.
 */
async function readUntil<T>(
  sql: Sql,
  query: string,
  params: readonly unknown[],
  deadline: number,
  take: (row: T) => boolean,
  mayStop: () => boolean = () => true,
): Promise<boolean> {
  const scanner = sql as Partial<Scanner>;
  if (!scanner.scan) {
    for (const row of await sql.all<T>(query, params)) if (!take(row)) break;
    return false;
  }
  let late = false;
  let n = 0;
  await scanner.scan<T>(query, params, (row) => {
    if (!take(row)) return false;
    if (++n % CHECK_EVERY === 0 && performance.now() > deadline && mayStop()) {
      late = true;
      return false;
    }
    return true;
  });
  return late;
}

export async function budgetedSearch<Row extends { rowid: number }>(
  sql: Sql,
  p: BudgetedPlan,
): Promise<BudgetedResult<Row>> {
  const deadline = performance.now() + p.budgetMs;
  const need = p.offset + p.limit;
  const rows: Row[] = [];
  // The sample is read newest first; the budget may cut it only once it holds the page.
  let partial = await readUntil<Row>(
    sql,
    `SELECT ${SAMPLE_COLS} FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ?${p.docCond} ORDER BY search_fts.rowid DESC`,
    [p.expr, ...p.docParams],
    deadline,
    (r) => rows.push(r) < p.facetSample,
    () => rows.length >= need,
  );
  let total = rows.length;
  if (!partial && rows.length === p.facetSample) {
    // More than the sample: count on (FTS5 alone unless a document condition needs search_doc).
    const join = p.docCond ? ' JOIN search_doc d ON d.rowid = search_fts.rowid' : '';
    let counted = 0;
    partial = await readUntil<unknown>(
      sql,
      `SELECT search_fts.rowid FROM search_fts${join} WHERE search_fts MATCH ?${p.docCond} ORDER BY search_fts.rowid DESC`,
      [p.expr, ...p.docParams],
      deadline,
      () => ++counted <= p.totalCap,
    );
    total = Math.max(total, counted);
  }
  if (rows.length >= need || (!partial && total <= rows.length))
    return { rows, page: rows.slice(p.offset, need), total, partial };
  // A page beyond the sample: looked for over the whole index.
  const page = await sql.all<Row>(
    `SELECT ${SAMPLE_COLS} FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ?${p.docCond} ORDER BY search_fts.rowid DESC LIMIT ? OFFSET ?`,
    [p.expr, ...p.docParams, p.limit, p.offset],
  );
  if (partial && page.length < p.limit && (page.length > 0 || p.offset === 0))
    // The page reached the last match: the total is known exactly after all.
    return { rows, page, total: p.offset + page.length, partial: false };
  return { rows, page, total: Math.max(total, p.offset + page.length), partial };
}
