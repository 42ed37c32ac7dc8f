/**
 * Full-text search over a case file with facets. Hidden names are dropped from the query, results
 * pass through the presenter, and protected views are audited.
 */
import type { Hono } from 'hono';
import { ForbiddenError } from '../../domain/errors.js';
import { type Kind, kindByName } from '../../domain/kinds.js';
import { ACT_TYPES, VIOLENCE_METHODS } from '../../domain/vocabularies.js';
import {
  buildViewContext,
  hiddenTerms,
  presentRecord,
  withoutHiddenForms,
} from '../../read-model/presenter.js';
import { searchLabels } from '../../read-model/record-views.js';
import { queryTerms, snippet } from '../../search/text.js';
import { seesAllIdentities, tierOf } from '../../security/policy.js';
import type { CaseStore, StoredRecord } from '../../store/case-store.js';
import { intParam, requireCan } from '../authorize.js';
import type { AppEnv } from '../context.js';
import { auditViews } from './record-access.js';

export function searchRoutes(app: Hono<AppEnv>, store: CaseStore): void {
  app.get('/api/cases/:caseId/search', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'search', caseId);
    const q = c.req.query();
    const p = c.get('principal');
    const ctx = await buildViewContext(store, p, caseId);
    // Words that are names or document numbers of persons this viewer may not see are dropped
    // from the query: searching a protected name must not confirm it appears anywhere.
    const hidden = hiddenTerms(ctx);
    const terms = queryTerms(withoutHiddenForms(ctx, q.q ?? '')).filter(
      (alts) => !alts.some((a) => hidden.has(a)),
    );
    const filters = {
      kind: q.kind ? kindByName(q.kind) : undefined,
      actType: q.actType,
      stateCode: q.state,
      yearFrom: q.yearFrom ? intParam(q.yearFrom, 0, 1900, 2100, 'yearFrom') : undefined,
      yearTo: q.yearTo ? intParam(q.yearTo, 0, 1900, 2100, 'yearTo') : undefined,
      unitId: q.unit,
      sourceId: q.source,
      protection: q.protection,
    };
    if (filters.protection && !seesAllIdentities(p, caseId))
      throw new ForbiddenError('filtering by protection level needs clearance');
    const tier = tierOf(p, caseId)!;
    const res = await store.search({
      caseId,
      terms,
      tier,
      clearedPersons: [...(p.personClearances.get(caseId) ?? [])],
      filters,
      limit: intParam(q.limit, 20, 1, 100, 'limit'),
      offset: intParam(q.offset, 0, 0, 100_000, 'offset'),
    });
    const recs = (await Promise.all(res.hits.map((h) => store.get(h.kind, h.recordId)))).filter(
      (r): r is StoredRecord<Kind> => Boolean(r),
    );
    await auditViews(store, c, ctx, recs, 'view-search');
    const facets = { ...res.facets };
    // The protection facet is shown only to those cleared: elsewhere it would count protected matches.
    if (!seesAllIdentities(p, caseId)) delete (facets as Partial<typeof facets>).protection;
    const shown = recs.map((r) => ({ kind: r.kind, record: presentRecord(r, ctx) }));
    return c.json({
      total: res.total,
      facetsSampled: res.facetsSampled,
      totalIsLowerBound: res.totalIsLowerBound,
      ...(await searchLabels(store, ctx, shown, facets, q.lang === 'en' ? 'en' : 'es')),
      items: shown.map(({ kind, record: presented }) => {
        // Acts are found by their type and methods (indexed as labels), so the snippet shows those too.
        const labels =
          kind === 'act'
            ? [
                ACT_TYPES.labelOf(String(presented.type), 'es'),
                ...((presented.methods as string[]) ?? []).map((m) => VIOLENCE_METHODS.labelOf(m, 'es')),
              ]
            : [];
        const text = [
          ...labels,
          ...[
            'statement',
            'description',
            'title',
            'text',
            'outcome',
            'notes',
            'displayName',
            'occupation',
          ].map((f) => presented[f]),
        ]
          .filter((v): v is string => typeof v === 'string' && v !== '[withheld]')
          .join(' — ');
        return { kind, record: presented, snippet: snippet(text, terms) };
      }),
      facets,
    });
  });
}
