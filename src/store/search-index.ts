/**
 * The full-text index: one search document per person, event, act and testimony, kept up to date
 * in the same transaction as the record, with its text split into three tiers by who may see it
 * (public, member, cleared) and its facet values. Queries run the same terms on SQLite FTS5 and
 * PostgreSQL tsvector, order results the same way, and count facets over the matched set only.
 */
import { bounds } from '../domain/dates.js';
import { KIND_NAMES, KINDS, type Kind } from '../domain/kinds.js';
import type { PersonBody } from '../domain/schema.js';
import { ACT_TYPES, VIOLENCE_METHODS } from '../domain/vocabularies.js';
import { indexTerms } from '../search/text.js';
import { type Tier, tierFor } from '../security/policy.js';
import type { CaseStore, StoredRecord } from './case-store.js';
import { blindTerm } from './sealing.js';
import { budgetedSearch } from './search-plan.js';
import type { Sql } from './sql.js';

/** The kinds whose records are searched (KINDS[kind].searchable); buildDoc writes each one's text. */
export const INDEXED_KINDS: ReadonlySet<Kind> = new Set(KIND_NAMES.filter((k) => KINDS[k].searchable));

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

async function buildDoc(s: CaseStore, rec: StoredRecord<Kind>, newAct = false): Promise<Doc | undefined> {
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
      // The unit facet: the first involvement that names a unit (an involvement refers to its act,
      // so a new act whose references were checked has none). Read from the indexed columns.
      const inv = newAct
        ? []
        : await s.listIndexed('involvement', rec.caseId, ['unitId'], { where: { actId: rec.id }, limit: 50 });
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
    case 'informationItem': {
      // Captured articles and comments: their words at their item's protection; a commenter's
      // name is never public-tier text (an unverified online identity).
      const tier = tierFor(String(b.protection));
      tiers[tier].push(String(b.title ?? ''), String(b.outlet ?? ''), String(b.text ?? ''));
      tiers[b.itemType === 'comment' && tier === 'public' ? 'member' : tier].push(String(b.author ?? ''));
      return finish(
        {
          ...base,
          protection: String(b.protection),
          year: yearOf(b.published),
          sourceId: (b.sourceId as string) ?? null,
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
  if (sql.dialect === 'postgres') {
    await sql.run('DELETE FROM search_doc WHERE record_id = ?', [recordId]);
    return;
  }
  // SQLite: the FTS row goes with it (same rowid).
  const r = await sql.get<{ rowid: number }>('DELETE FROM search_doc WHERE record_id = ? RETURNING rowid', [
    recordId,
  ]);
  if (r) await sql.run('DELETE FROM search_fts WHERE rowid = ?', [r.rowid]);
}

/**
 * (Re)indexes one record inside the caller's transaction. `created`: the record was inserted in
 * this transaction, so it has no document to remove (record_id is unique: a stale document would
 * make the insert fail, never linger); with `refsChecked` too, an act has no involvement yet.
 */
export async function indexRecord(
  s: CaseStore,
  sql: Sql,
  rec: StoredRecord<Kind>,
  opts: { created?: boolean; refsChecked?: boolean } = {},
): Promise<void> {
  if (!INDEXED_KINDS.has(rec.kind)) return;
  if (!opts.created) await unindex(sql, rec.id);
  if (rec.deletedAt) return;
  const built = await buildDoc(s, rec, opts.created === true && opts.refsChecked === true);
  if (!built) return;
  // Text only members or cleared members may match is stored as keyed hashes of its terms (blind
  // index under the case's data key): the database never holds protected names or testimony
  // words in clear, and queries hash their terms the same way (CaseStore.search).
  const key = (await s.keySet(rec.caseId)).current;
  const hashed = (terms: string) =>
    terms
      .split(' ')
      .filter(Boolean)
      .map((t) => blindTerm(key, t))
      .join(' ');
  const d = {
    ...built,
    tiers: { ...built.tiers, member: hashed(built.tiers.member), cleared: hashed(built.tiers.cleared) },
  };
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
    const r = await sql.get<{ rowid: number }>(
      `${insert}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid`,
      cols,
    );
    await sql.run(
      'INSERT INTO search_fts (rowid, t_public, t_member, t_cleared, scope) VALUES (?, ?, ?, ?, ?)',
      [r!.rowid, d.tiers.public, d.tiers.member, d.tiers.cleared, scopeTokens(d)],
    );
  } else {
    await sql.run(
      `${insert}, v_public, v_member, v_cleared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?), to_tsvector('simple', ?), to_tsvector('simple', ?))`,
      [...cols, d.tiers.public, d.tiers.member, d.tiers.cleared],
    );
  }
}

/** A filter value as one FTS token: a letter for the facet, then the value's letters and digits. */
function tok(prefix: string, value: string | number): string {
  return `${prefix}${String(value)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
}

/** The case and facet values of a document as FTS tokens (SQLite's `scope` column). */
export function scopeTokens(d: Omit<Doc, 'tiers'>): string {
  return [
    tok('c', d.caseId),
    tok('k', d.kind),
    d.actType && tok('t', d.actType),
    d.stateCode && tok('s', d.stateCode),
    d.year !== null && tok('y', d.year),
    d.unitId && tok('u', d.unitId),
    d.sourceId && tok('r', d.sourceId),
    d.protection && tok('p', d.protection),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The FTS scope expression for a search: the case and every facet filter. */
function scopeQuery(p: SearchParams, opts: { withCase: boolean }): string {
  const f = p.filters;
  const parts = opts.withCase ? [tok('c', p.caseId)] : [];
  if (f.kind) parts.push(tok('k', f.kind));
  if (f.actType) parts.push(tok('t', f.actType));
  if (f.stateCode) parts.push(tok('s', f.stateCode));
  if (f.unitId) parts.push(tok('u', f.unitId));
  if (f.sourceId) parts.push(tok('r', f.sourceId));
  if (f.protection) parts.push(tok('p', f.protection));
  if (f.yearFrom !== undefined || f.yearTo !== undefined) {
    const from = Math.max(1900, f.yearFrom ?? 1900);
    const to = Math.min(2100, f.yearTo ?? 2100);
    const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => tok('y', from + i));
    parts.push(years.length ? `(${years.join(' OR ')})` : 'ynone');
  }
  return parts.map((x) => `"${x}"`.replace(/^"\((.*)\)"$/, '($1)')).join(' AND ');
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

/**
 * Totals are exact up to this many matches; beyond, the total says "at least" (as search engines
 * do by default): counting millions of matches exactly would make broad queries slow.
 */
export const TOTAL_CAP = 10_000;

/** Facets are counted exactly on up to this many matches (newest first). */
export const FACET_SAMPLE = 5_000;

/**
 * SQLite: time a search may spend reading its facet sample and counting its total (search-plan.ts).
 * Past it, the total is a lower bound and the facets are sampled; the page of hits is exact
 * whatever the budget.
 */
export const SEARCH_BUDGET_MS = 40;

export interface SearchHits {
  total: number;
  /** True when facets count only the newest matches (more than FACET_SAMPLE, or out of budget). */
  facetsSampled: boolean;
  /**
   * True when `total` is a lower bound: more than TOTAL_CAP matches (`total` is then TOTAL_CAP), or
   * (SQLite) the search's time budget ran out before the last match (`total` is what was counted).
   */
  totalIsLowerBound: boolean;
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
    facetsSampled: false,
    totalIsLowerBound: false,
    facets: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as SearchHits['facets'],
  };
  if (p.terms.length === 0) return empty;
  const params: unknown[] = [];
  let match: string;
  const from = 'search_doc d';
  const order = 'd.rowid DESC';
  if (sql.dialect === 'sqlite') {
    const q = p.terms.map((alts) => `(${alts.map((a) => `"${a}"`).join(' OR ')})`).join(' AND ');
    const cols = (t: Tier) => `{${TIER_COLS[t].map((c) => `t_${c}`).join(' ')}} : (${q})`;
    params.push(cols(p.tier));
    if (p.clearedPersons.length && p.tier !== 'cleared') {
      match = `(d.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?) OR (subject_person_id IN (${p.clearedPersons.map(() => '?').join(', ')}) AND d.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)))`;
      params.push(...p.clearedPersons, cols('cleared'));
    } else {
      // One FTS5 match does everything: case, facet filters (scope tokens) and terms. FTS5 walks
      // matches newest first, within a time budget (search-plan.ts).
      // The case token matches every document of a case: intersecting with it costs as much as a
      // broad term, so it is left out when the store holds one case file (the usual deployment).
      const single =
        Number((await sql.get<{ n: number }>('SELECT count(*) AS n FROM case_file'))?.n ?? 0) <= 1;
      const scope = scopeQuery(p, { withCase: !single });
      const expr = scope ? `{scope} : (${scope}) AND ${cols(p.tier)}` : cols(p.tier);
      const caseCond = single ? '' : ' AND d.case_id = ?';
      const caseParam = single ? [] : [p.caseId];
      const r = await budgetedSearch<FacetRow & { rowid: number }>(sql, {
        expr,
        docCond: caseCond,
        docParams: caseParam,
        offset: p.offset,
        limit: p.limit,
        facetSample: FACET_SAMPLE,
        totalCap: TOTAL_CAP,
        budgetMs: SEARCH_BUDGET_MS,
      });
      return hitsFrom(r.rows, r.page, r.total, r.partial || r.total > r.rows.length, r.partial);
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
  const where = [match, 'd.case_id = ?'];
  params.push(p.caseId);
  const f = p.filters;
  const add = (cond: string, v: unknown) => {
    where.push(cond);
    params.push(v);
  };
  if (f.kind) add('d.kind = ?', f.kind);
  if (f.actType) add('d.act_type = ?', f.actType);
  if (f.stateCode) add('d.state_code = ?', f.stateCode);
  if (f.yearFrom !== undefined) add('d.year >= ?', f.yearFrom);
  if (f.yearTo !== undefined) add('d.year <= ?', f.yearTo);
  if (f.unitId) add('d.unit_id = ?', f.unitId);
  if (f.sourceId) add('d.source_id = ?', f.sourceId);
  if (f.protection) add('d.protection = ?', f.protection);
  const w = where.join(' AND ');
  // One pass over at most FACET_SAMPLE matches, newest first: the page of hits and the facet counts
  // come from it; beyond it facets are counted on that sample (flagged) and only the total is
  // counted in full. Broad queries over millions of documents stay fast on both engines.
  const rows = await sql.all<FacetRow>(
    `SELECT d.kind, d.record_id, d.act_type, d.state_code, d.year, d.unit_id, d.source_id, d.protection FROM ${from} WHERE ${w} ORDER BY ${order} LIMIT ?`,
    [...params, FACET_SAMPLE],
  );
  const sampled = rows.length === FACET_SAMPLE;
  const total = sampled
    ? Number(
        (
          await sql.get<{ n: number }>(
            `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${w} LIMIT ?) AS m`,
            [...params, TOTAL_CAP + 1],
          )
        )?.n ?? 0,
      )
    : rows.length;
  const page =
    !sampled || p.offset + p.limit <= rows.length
      ? rows.slice(p.offset, p.offset + p.limit)
      : await sql.all<FacetRow>(
          `SELECT d.kind, d.record_id FROM ${from} WHERE ${w} ORDER BY ${order} LIMIT ? OFFSET ?`,
          [...params, p.limit, p.offset],
        );
  return hitsFrom(rows, page, total, sampled);
}

function hitsFrom(
  rows: FacetRow[],
  page: FacetRow[],
  total: number,
  sampled: boolean,
  partial = false,
): SearchHits {
  const facets = {} as SearchHits['facets'];
  for (const col of FACETS) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const v = r[col];
      if (v !== null && v !== undefined) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    }
    facets[col] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, 50);
  }
  return {
    total: Math.min(total, TOTAL_CAP),
    hits: page.map((r) => ({ kind: r.kind, recordId: r.record_id })),
    facets,
    facetsSampled: sampled,
    totalIsLowerBound: total > TOTAL_CAP || partial,
  };
}

type FacetRow = { kind: Kind; record_id: string } & Record<(typeof FACETS)[number], string | number | null>;
