import { UsageError } from '../domain/errors.js';
import { sha256Hex } from '../domain/hashing.js';
import {
  canonicalInputs,
  type EstimateOptions,
  type EstimateResult,
  estimate,
  estimateStrata,
  resolvedSettings,
} from '../estimate/estimate.js';
import { tablesFromLinkedRecords } from '../estimate/from-case.js';
import type { CaptureTable } from '../estimate/table.js';
import type { CaseStore } from '../store/case-store.js';

export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** The result as printed and stored: draws dropped, numbers rounded to what they can support. */
export function printable(r: EstimateResult) {
  const { draws: _d, ...rest } = r;
  return {
    ...rest,
    estimate: round(r.estimate),
    interval: r.interval.map((v) => round(v)) as [number, number],
    ...(r.variance !== undefined ? { variance: round(r.variance) } : {}),
    ...(r.models
      ? {
          models: r.models.map((m) => ({
            ...m,
            estimate: round(m.estimate),
            aic: round(m.aic, 2),
            bic: round(m.bic, 2),
          })),
        }
      : {}),
    ...(r.diagnostics
      ? {
          diagnostics: {
            ...r.diagnostics,
            rhat: round(r.diagnostics.rhat, 3),
            ess: Math.round(r.diagnostics.ess),
            ...(r.diagnostics.occupiedClasses !== undefined
              ? { occupiedClasses: round(r.diagnostics.occupiedClasses, 2) }
              : {}),
          },
        }
      : {}),
  };
}

/**
 * Estimates from the case file's linked lists and stores the result with the SHA-256 of its
 * inputs and settings (what `testigo estimate --case` does; also used to prepare the demo case).
 */
export async function estimateCaseFile(
  store: CaseStore,
  caseId: string,
  opts: EstimateOptions,
  who: string,
  strata?: string,
): Promise<{ id: string; results: EstimateResult[] }> {
  const tables = await caseTables(store, caseId, strata);
  const results = strata ? estimateStrata(tables, opts) : [estimate(tables.get('')!, opts)];
  const inputsSha256 = sha256Hex(canonicalInputs(tables, opts));
  const id = await store.saveAnalysis(
    caseId,
    'estimate',
    inputsSha256,
    { ...resolvedSettings(opts), strata: strata ?? null },
    results.map(printable),
    who,
  );
  return { id, results };
}

/** Capture histories from the case file's linked list records; strata from a list column (e.g. state). */
export async function caseTables(
  store: CaseStore,
  caseId: string,
  strata?: string,
): Promise<Map<string, CaptureTable>> {
  const lists = await store.list('sourceList', caseId, { limit: 100 });
  if (strata && !lists.some((l) => l.body.columns.includes(strata))) {
    throw new UsageError(`no list of this case file has a column "${strata}"`);
  }
  const records: { listName: string; personId: string | null; stratum?: string }[] = [];
  for (const l of lists) {
    let afterRow = 0;
    for (;;) {
      const page = await store.sourceRecords(l.id, { afterRow, limit: 5000 });
      if (page.length === 0) break;
      for (const r of page)
        records.push({
          listName: l.body.name,
          personId: r.personId,
          stratum: strata ? r.data[strata] || undefined : undefined,
        });
      afterRow = page[page.length - 1]!.rowNo;
    }
  }
  return tablesFromLinkedRecords(
    records,
    lists.map((l) => l.body.name),
    { strata: Boolean(strata) },
  );
}
