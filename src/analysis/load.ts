/**
 * Adapter: reads a case file through the store into the plain snapshot the analysis works on.
 * Reads everything (the analysis must see all the evidence); redaction happens where results are
 * shown (the API presenter, the report's public edition), never by leaving data out here.
 */
import type { Kind } from '../domain/kinds.js';
import type { CaseStore } from '../store/case-store.js';
import type { PersonDirectory } from '../store/person-directory.js';
import type { CaseSnapshot, EstimateSummary, Rec } from './types.js';

/** Records in id order by code unit, whatever the engine's collation: the same case, the same snapshot. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function all<K extends Kind>(store: CaseStore, kind: K, caseId: string) {
  const out: Rec<never>[] = [];
  for await (const r of store.iterate(kind, caseId)) out.push({ id: r.id, body: r.body as never });
  return out.sort(byId);
}

/** The snapshot's arrays and the kinds they hold. */
const SNAPSHOT_KINDS = {
  units: 'unit',
  memberships: 'membership',
  places: 'place',
  events: 'event',
  acts: 'act',
  involvements: 'involvement',
  detentions: 'detention',
  sources: 'source',
  testimonies: 'testimony',
  evidence: 'evidence',
  informationItems: 'informationItem',
  hearings: 'hearing',
  elementLinks: 'elementLink',
  proceedings: 'proceeding',
} as const satisfies Record<string, Kind>;

/** Draft testimonies are not yet evidence. */
const counts = (kind: Kind, body: Record<string, unknown>) => kind !== 'testimony' || !body.draft;

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
    testimonies: (await all(store, 'testimony', caseId)).filter((t) =>
      counts('testimony', t.body as Record<string, unknown>),
    ),
    evidence: await all(store, 'evidence', caseId),
    informationItems: await all(store, 'informationItem', caseId),
    hearings: await all(store, 'hearing', caseId),
    elementLinks: await all(store, 'elementLink', caseId),
    proceedings: await all(store, 'proceeding', caseId),
    ...(estimate ? { estimate } : {}),
  };
}

/** Each directory's records as the snapshot holds them, made again only when the directory changed. */
const made = new WeakMap<object, { version: number; recs: Rec<never>[] }>();
function recordsOf(kind: Kind, dir: PersonDirectory<unknown>): Rec<never>[] {
  const seen = made.get(dir);
  if (seen?.version === dir.version) return seen.recs;
  const recs = dir
    .live()
    .filter((e) => counts(kind, e.body as Record<string, unknown>))
    .map((e) => ({ id: e.id, body: e.body as never }))
    .sort(byId);
  made.set(dir, { version: dir.version, recs });
  return recs;
}

/**
 * The same snapshot as `loadCaseSnapshot`, for a long-running process: from directories kept in
 * memory and synced record by record (records.ts kindDirectory; persons from the person directory
 * the presenter keeps anyway), so each computation reads what changed since the last, not every
 * record of the case again. Reading and opening every record every few seconds was the part of a
 * server's work that grew fastest with the case (bench/load, stop 34). `atHead`: an audit head the
 * caller read; the directories are at least that new.
 */
export async function liveCaseSnapshot(
  store: CaseStore,
  caseId: string,
  atHead?: number,
): Promise<CaseSnapshot> {
  const c = await store.getCase(caseId);
  if (!c) throw new Error(`no case file ${caseId}`);
  const estimate = await latestEstimate(store, caseId);
  const { directory } = await store.personDirectory(caseId, { atHead });
  const parts: Record<string, Rec<never>[]> = { persons: recordsOf('person', directory) };
  for (const [key, kind] of Object.entries(SNAPSHOT_KINDS)) {
    const dir = await store.kindDirectory(kind, caseId, { name: 'snapshot', project: (b) => b, atHead });
    parts[key] = recordsOf(kind, dir);
  }
  return {
    caseId,
    caseFile: c.body,
    ...(parts as unknown as Omit<CaseSnapshot, 'caseId' | 'caseFile' | 'estimate'>),
    ...(estimate ? { estimate } : {}),
  };
}
