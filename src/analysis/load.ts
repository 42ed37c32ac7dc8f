/**
 * Adapter: reads a case file through the store into the plain snapshot the analysis works on.
 * Reads everything (the analysis must see all the evidence); redaction happens where results are
 * shown (the API presenter, the report's public edition), never by leaving data out here.
 */
import type { Kind } from '../domain/kinds.js';
import type { CaseStore } from '../store/case-store.js';
import type { CaseSnapshot, EstimateSummary, Rec } from './types.js';

async function all<K extends Kind>(store: CaseStore, kind: K, caseId: string) {
  const out: Rec<never>[] = [];
  for await (const r of store.iterate(kind, caseId)) out.push({ id: r.id, body: r.body as never });
  return out;
}

/** The latest whole-population estimate saved for the case (not a stratified one). */
export async function latestEstimate(store: CaseStore, caseId: string): Promise<EstimateSummary | undefined> {
  const saved = (await store.analyses(caseId, 'estimate')).filter(
    (a) => (a.settings as { strata?: unknown } | null)?.strata == null,
  );
  const last = saved[saved.length - 1];
  const r = (Array.isArray(last?.result) ? last.result[0] : undefined) as
    | {
        observed: number;
        estimate: number;
        interval: [number, number];
        level?: number;
        method: string;
        converged?: boolean;
        sensitivityText?: { es: string; en: string };
        linkageText?: { es: string; en: string };
      }
    | undefined;
  if (!last || !r) return undefined;
  return {
    analysisId: last.id,
    observed: r.observed,
    estimate: r.estimate,
    interval: r.interval,
    level: r.level ?? 0.95,
    method: r.method,
    createdAt: last.createdAt,
    ...(r.converged !== undefined ? { converged: r.converged } : {}),
    ...(r.sensitivityText ? { sensitivityText: r.sensitivityText } : {}),
    ...(r.linkageText ? { linkageText: r.linkageText } : {}),
  };
}

export async function loadCaseSnapshot(store: CaseStore, caseId: string): Promise<CaseSnapshot> {
  const c = await store.getCase(caseId);
  if (!c) throw new Error(`no case file ${caseId}`);
  const estimate = await latestEstimate(store, caseId);
  return {
    caseId,
    caseFile: c.body,
    persons: await all(store, 'person', caseId),
    units: await all(store, 'unit', caseId),
    memberships: await all(store, 'membership', caseId),
    places: await all(store, 'place', caseId),
    events: await all(store, 'event', caseId),
    acts: await all(store, 'act', caseId),
    involvements: await all(store, 'involvement', caseId),
    detentions: await all(store, 'detention', caseId),
    sources: await all(store, 'source', caseId),
    testimonies: (await all(store, 'testimony', caseId)).filter(
      (t) => !(t.body as { draft?: boolean }).draft,
    ),
    evidence: await all(store, 'evidence', caseId),
    informationItems: await all(store, 'informationItem', caseId),
    hearings: await all(store, 'hearing', caseId),
    elementLinks: await all(store, 'elementLink', caseId),
    proceedings: await all(store, 'proceeding', caseId),
    ...(estimate ? { estimate } : {}),
  };
}
