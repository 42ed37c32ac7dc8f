/**
 * The full-text index: one search document per person, event, act and testimony, kept up to date
 * in the same transaction as the record, with its text split into three tiers by who may see it
 * (public, member, cleared) and its facet values. Queries run the same terms on SQLite FTS5 and
 * PostgreSQL tsvector, order results the same way, and count facets over the matched set only.
 */
import { bounds } from '../domain/dates.js';
import type { Kind } from '../domain/kinds.js';
import type { PersonBody } from '../domain/schema.js';
import { ACT_TYPES, VIOLENCE_METHODS } from '../domain/vocabularies.js';
import { indexTerms } from '../search/text.js';
import { type Tier, tierFor } from '../security/policy.js';
import type { CaseStore, StoredRecord } from './case-store.js';
import type { Sql } from './sql.js';

export const INDEXED_KINDS: ReadonlySet<Kind> = new Set(['person', 'event', 'act', 'testimony']);

interface Doc {
  caseId: string;
  kind: Kind;
  recordId: string;
  subjectPersonId: string | null;
  protection: string | null;
  actType: string | null;
  stateCode: string | null;
  year: number | null;
  unitId: string | null;
  sourceId: string | null;
  tiers: Record<Tier, string>;
}

const yearOf = (d: unknown) => {
  const b = bounds(d as never);
  return b ? Number(b[0].slice(0, 4)) : null;
};

async function stateOf(s: CaseStore, placeId: unknown): Promise<string | null> {
  if (typeof placeId !== 'string') return null;
  const p = await s.get('place', placeId, { includeDeleted: true });
  return p?.body.stateCode ?? null;
}

async function buildDoc(s: CaseStore, rec: StoredRecord<Kind>): Promise<Doc | undefined> {
  const b = rec.body as Record<string, unknown>;
  const tiers: Record<Tier, string[]> = { public: [], member: [], cleared: [] };
  const base = {
    caseId: rec.caseId,
    kind: rec.kind,
    recordId: rec.id,
    subjectPersonId: null,
    protection: null,
    actType: null,
    stateCode: null,
    year: null,
    unitId: null,
    sourceId: null,
  };
  switch (rec.kind) {
    case 'person': {
      const p = b as PersonBody;
      tiers[tierFor(p.protection)].push(
        p.givenNames ?? '',
        p.firstSurname ?? '',
        p.secondSurname ?? '',
        ...(p.aliases ?? []),
        ...(p.documents ?? []).map((d) => d.number),
        p.notes ?? '',
        p.contact ?? '',
      );
      tiers.public.push(p.occupation ?? '', ...(p.affiliations ?? []));
      return finish({ ...base, subjectPersonId: rec.id, protection: p.protection }, tiers);
    }
    case 'testimony': {
      const visibleTier: Tier =
        b.protection === 'public' && b.consent === 'public'
          ? 'public'
          : b.protection === 'public'
            ? 'member'
            : tierFor(String(b.protection));
      tiers[visibleTier].push(String(b.title ?? ''), String(b.statement ?? ''), String(b.notes ?? ''));
      return finish(
        {
          ...base,
          subjectPersonId: (b.witnessId as string) ?? null,
          protection: String(b.protection),
          year: yearOf(b.date),
          sourceId: (b.sourceId as string) ?? null,
        },
        tiers,
      );
    }
    case 'event':
      tiers.public.push(String(b.title ?? ''), String(b.description ?? ''), ...((b.tags as string[]) ?? []));
      return finish({ ...base, year: yearOf(b.date), stateCode: await stateOf(s, b.placeId) }, tiers);
    case 'act': {
      const type = String(b.type);
      const t = ACT_TYPES.get(type);
      tiers.public.push(t?.es ?? type, t?.en ?? '', String(b.outcome ?? ''), String(b.notes ?? ''));
      for (const m of (b.methods as string[]) ?? [])
        tiers.public.push(VIOLENCE_METHODS.get(m)?.es ?? m, VIOLENCE_METHODS.get(m)?.en ?? '');
      const inv = await s.list('involvement', rec.caseId, { where: { actId: rec.id }, limit: 50 });
      const unit = inv.find((i) => i.body.unitId)?.body.unitId ?? null;
      return finish(
        {
          ...base,
          subjectPersonId: (b.victimId as string) ?? null,
          actType: type,
          year: yearOf(b.date),
          stateCode: await stateOf(s, b.placeId),
          unitId: unit,
        },
        tiers,
      );
    }
    default:
      return undefined;
  }
}

function finish(d: Omit<Doc, 'tiers'>, tiers: Record<Tier, string[]>): Doc {
  return {
    ...d,
    tiers: {
      public: indexTerms(tiers.public.filter(Boolean).join(' ')),
      member: indexTerms(tiers.member.filter(Boolean).join(' ')),
      cleared: indexTerms(tiers.cleared.filter(Boolean).join(' ')),
    },
  };
}

/** Removes a record's search document (soft-deleted records are not searchable). */
export async function unindex(sql: Sql, recordId: string): Promise<void> {
  const r = await sql.get<{ rowid: number }>('SELECT rowid FROM search_doc WHERE record_id = ?', [recordId]);
  if (!r) return;
  if (sql.dialect === 'sqlite') await sql.run('DELETE FROM search_fts WHERE rowid = ?', [r.rowid]);
  await sql.run('DELETE FROM search_doc WHERE record_id = ?', [recordId]);
}

/** (Re)indexes one record inside the caller's transaction. */
export async function indexRecord(s: CaseStore, sql: Sql, rec: StoredRecord<Kind>): Promise<void> {
  if (!INDEXED_KINDS.has(rec.kind)) return;
  await unindex(sql, rec.id);
  if (rec.deletedAt) return;
  const d = await buildDoc(s, rec);
  if (!d) return;
  const cols = [
    d.caseId,
    d.kind,
    d.recordId,
    d.subjectPersonId,
    d.protection,
    d.actType,
    d.stateCode,
    d.year,
    d.unitId,
    d.sourceId,
  ];
  const insert =
    'INSERT INTO search_doc (case_id, kind, record_id, subject_person_id, protection, act_type, state_code, year, unit_id, source_id';
  if (sql.dialect === 'sqlite') {
    await sql.run(`${insert}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, cols);
    const r = await sql.get<{ rowid: number }>('SELECT rowid FROM search_doc WHERE record_id = ?', [
      d.recordId,
    ]);
    await sql.run('INSERT INTO search_fts (rowid, t_public, t_member, t_cleared) VALUES (?, ?, ?, ?)', [
      r!.rowid,
      d.tiers.public,
      d.tiers.member,
      d.tiers.cleared,
    ]);
  } else {
    await sql.run(
      `${insert}, v_public, v_member, v_cleared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?), to_tsvector('simple', ?), to_tsvector('simple', ?))`,
      [...cols, d.tiers.public, d.tiers.member, d.tiers.cleared],
    );
  }
}

export interface SearchParams {
  caseId: string;
  /** Conjunction of alternatives (see search/text.ts queryTerms). */
  terms: string[][];
  /** Text tiers the viewer may match in every document. */
  tier: Tier;
  /** Persons whose protected text the viewer may also match (person-level clearances). */
  clearedPersons: readonly string[];
  filters: {
    kind?: string;
    actType?: string;
    stateCode?: string;
    yearFrom?: number;
    yearTo?: number;
    unitId?: string;
    sourceId?: string;
    protection?: string;
  };
  limit: number;
  offset: number;
}

export const FACETS = [
  'kind',
  'act_type',
  'state_code',
  'year',
  'unit_id',
  'source_id',
  'protection',
] as const;

export interface SearchHits {
  total: number;
  hits: { kind: Kind; recordId: string }[];
  facets: Record<(typeof FACETS)[number], { value: string; count: number }[]>;
}

const TIER_COLS: Record<Tier, string[]> = {
  public: ['public'],
  member: ['public', 'member'],
  cleared: ['public', 'member', 'cleared'],
};

export async function searchDocs(sql: Sql, p: SearchParams): Promise<SearchHits> {
  const empty = {
    total: 0,
    hits: [],
    facets: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as SearchHits['facets'],
  };
  if (p.terms.length === 0) return empty;
  const params: unknown[] = [];
  let match: string;
  if (sql.dialect === 'sqlite') {
    const q = p.terms.map((alts) => `(${alts.map((a) => `"${a}"`).join(' OR ')})`).join(' AND ');
    const cols = (t: Tier) => `{${TIER_COLS[t].map((c) => `t_${c}`).join(' ')}} : (${q})`;
    match = 'rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)';
    params.push(cols(p.tier));
    if (p.clearedPersons.length && p.tier !== 'cleared') {
      match = `(${match} OR (subject_person_id IN (${p.clearedPersons.map(() => '?').join(', ')}) AND rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)))`;
      params.push(...p.clearedPersons, cols('cleared'));
    }
  } else {
    const q = p.terms.map((alts) => `(${alts.join(' | ')})`).join(' & ');
    const vec = (t: Tier) => `(${TIER_COLS[t].map((c) => `v_${c}`).join(' || ')})`;
    match = `${vec(p.tier)} @@ to_tsquery('simple', ?)`;
    params.push(q);
    if (p.clearedPersons.length && p.tier !== 'cleared') {
      match = `(${match} OR (subject_person_id IN (${p.clearedPersons.map(() => '?').join(', ')}) AND ${vec('cleared')} @@ to_tsquery('simple', ?)))`;
      params.push(...p.clearedPersons, q);
    }
  }
  const where = ['case_id = ?', match];
  params.unshift(p.caseId);
  const f = p.filters;
  const add = (cond: string, v: unknown) => {
    where.push(cond);
    params.push(v);
  };
  if (f.kind) add('kind = ?', f.kind);
  if (f.actType) add('act_type = ?', f.actType);
  if (f.stateCode) add('state_code = ?', f.stateCode);
  if (f.yearFrom !== undefined) add('year >= ?', f.yearFrom);
  if (f.yearTo !== undefined) add('year <= ?', f.yearTo);
  if (f.unitId) add('unit_id = ?', f.unitId);
  if (f.sourceId) add('source_id = ?', f.sourceId);
  if (f.protection) add('protection = ?', f.protection);
  const w = where.join(' AND ');
  const rows = await sql.all<{ kind: Kind; record_id: string }>(
    `SELECT kind, record_id FROM search_doc WHERE ${w} ORDER BY year DESC NULLS LAST, record_id LIMIT ? OFFSET ?`,
    [...params, p.limit, p.offset],
  );
  const total = Number(
    (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM search_doc WHERE ${w}`, params))?.n ?? 0,
  );
  const facets = {} as SearchHits['facets'];
  for (const col of FACETS) {
    const fr = await sql.all<{ v: string | number | null; n: number }>(
      `SELECT ${col} AS v, count(*) AS n FROM search_doc WHERE ${w} AND ${col} IS NOT NULL GROUP BY ${col} ORDER BY count(*) DESC, ${col} LIMIT 50`,
      params,
    );
    facets[col] = fr.map((r) => ({ value: String(r.v), count: Number(r.n) }));
  }
  return { total, hits: rows.map((r) => ({ kind: r.kind, recordId: r.record_id })), facets };
}
