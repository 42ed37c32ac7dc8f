/**
 * Estimation as the case file does it (`testigo estimate --case`, the demo's preparation): capture
 * histories from the case's linked list records, the uncertainty of its record linkage, the
 * estimate, and the stored analysis with the SHA-256 of its inputs and settings. Called by the CLI
 * and by the demo alike.
 */
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
import { tablesFromLinkedRecords, uncertaintyFromLinkedRecords } from '../estimate/from-case.js';
import { type LinkageUncertainty, linkageSentence, withLinkageError } from '../estimate/linkage-error.js';
import type { CaptureTable } from '../estimate/table.js';
import { PERSONS_SOURCE } from '../store/case-linkage.js';
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
    ...(r.linkage ? { linkageText: { es: linkageSentence(r, 'es'), en: linkageSentence(r, 'en') } } : {}),
    ...(r.linkage
      ? {
          linkage: {
            ...r.linkage,
            expectedMerges: round(r.linkage.expectedMerges, 2),
            estimateWithoutLinkage: round(r.linkage.estimateWithoutLinkage),
            intervalWithoutLinkage: r.linkage.intervalWithoutLinkage.map((v) => round(v)) as [number, number],
            linkageInterval: r.linkage.linkageInterval.map((v) => round(v)) as [number, number],
          },
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
  const { tables, uncertainty } = await caseTables(store, caseId, strata, true);
  const results = strata ? estimateStrata(tables, opts) : [estimate(tables.get('')!, opts)];
  if (uncertainty && !strata) results[0] = withLinkageError(uncertainty, results[0]!, opts);
  else if (strata) results[results.length - 1]!.warnings.push(LINKAGE_NOT_IN_STRATA);
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

export const LINKAGE_NOT_IN_STRATA =
  'linkage error is not carried into estimates by stratum: the intervals cover sampling error only';

/**
 * Capture histories from the case file's linked list records; strata from a list column (e.g.
 * state). With `linkage`, also the people and the uncertain pairs of the latest linkage run (its
 * review list), less the pairs a reviewer has decided since (must-link or cannot-link).
 */
export async function caseTables(
  store: CaseStore,
  caseId: string,
  strata: string | undefined,
  linkage: boolean,
): Promise<{ tables: Map<string, CaptureTable>; uncertainty?: LinkageUncertainty }> {
  const lists = await store.list('sourceList', caseId, { limit: 100 });
  if (strata && !lists.some((l) => l.body.columns.includes(strata))) {
    throw new UsageError(`no list of this case file has a column "${strata}"`);
  }
  const records: { listName: string; personId: string | null; stratum?: string }[] = [];
  const personAt = new Map<string, string>();
  for (const l of lists) {
    let afterRow = 0;
    for (;;) {
      const page = await store.sourceRecords(l.id, { afterRow, limit: 5000 });
      if (page.length === 0) break;
      for (const r of page) {
        if (r.personId) personAt.set(`${l.id}\u0000${r.rowNo}`, r.personId);
        records.push({
          listName: l.body.name,
          personId: r.personId,
          stratum: strata ? r.data[strata] || undefined : undefined,
        });
      }
      afterRow = page[page.length - 1]!.rowNo;
    }
  }
  const names = lists.map((l) => l.body.name);
  const tables = tablesFromLinkedRecords(records, names, { strata: Boolean(strata) });
  if (!linkage || strata) return { tables };
  const runs = await store.analyses(caseId, 'linkage');
  const review = (
    (runs[runs.length - 1]?.result as { review?: ReviewPair[] } | undefined)?.review ?? []
  ).filter((p) => !p.status.startsWith('not linked: a recorded decision'));
  const decided = new Set(
    (await store.linkDecisions(caseId))
      .filter((d) => d.decision !== 'unsure')
      .flatMap((d) => [
        `${d.a.listId}\u0000${d.a.rowNo}\u0001${d.b.listId}\u0000${d.b.rowNo}`,
        `${d.b.listId}\u0000${d.b.rowNo}\u0001${d.a.listId}\u0000${d.a.rowNo}`,
      ]),
  );
  // A reference is a list record (list id, row) or one of the case's own persons (by id).
  const personOf = (r: { source: string; id: string }) =>
    personAt.get(`${r.source}\u0000${r.id}`) ?? (r.source === PERSONS_SOURCE ? r.id : undefined);
  const pairs = review.flatMap((p) => {
    const a = personOf(p.a);
    const b = personOf(p.b);
    if (!a || !b || decided.has(`${p.a.source}\u0000${p.a.id}\u0001${p.b.source}\u0000${p.b.id}`)) return [];
    return [{ a, b, probability: p.probability }];
  });
  return { tables, uncertainty: uncertaintyFromLinkedRecords(records, names, pairs) };
}

interface ReviewPair {
  a: { source: string; id: string };
  b: { source: string; id: string };
  probability: number;
  status: string;
}
