/**
 * Full-text search over a case file with facets. Hidden names are dropped from the query, results
 * pass through the presenter, and protected views are audited.
 */
import { z } from 'zod';
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
import { Lang, optionalIntQuery, pageQuery } from '../query.js';
import type { ApiRouter } from '../route.js';
import { auditViews } from './record-access.js';

const word = z.string().optional();
const SearchQuery = pageQuery({ default: 20, max: 100 }, 100_000).extend({
  q: word,
  kind: word,
  actType: word,
  state: word,
  yearFrom: optionalIntQuery(1900, 2100),
  yearTo: optionalIntQuery(1900, 2100),
  unit: word,
  source: word,
  protection: word,
  lang: Lang,
});

export function searchRoutes(api: ApiRouter, store: CaseStore): void {
  api.tag('Search').route(
    {
      method: 'get',
      path: '/api/cases/:caseId/search',
      summary:
        'Full-text search (accent-insensitive, Spanish and English stemming) with facets and highlighted snippets',
      allow: 'search',
      query: SearchQuery,
      responses: {
        200: 'hits, total, facets; labels (redacted names of what hits reference) and facetLabels (facet values as words)',
        400: 'bad parameter',
        403: 'filtering by protection level needs clearance',
      },
    },
    async (c, { query: q }) => {
      const caseId = c.req.param('caseId');
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
        yearFrom: q.yearFrom,
        yearTo: q.yearTo,
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
        limit: q.limit,
        offset: q.offset,
      });
      // One query per kind among the hits (was one per hit), in the order of the hits.
      const byKind = new Map<Kind, string[]>();
      for (const h of res.hits) byKind.set(h.kind, [...(byKind.get(h.kind) ?? []), h.recordId]);
      const found = new Map<string, StoredRecord<Kind>>();
      for (const [kind, ids] of byKind) for (const r of await store.getMany(kind, ids)) found.set(r.id, r);
      const recs = res.hits
        .map((h) => found.get(h.recordId))
        .filter((r): r is StoredRecord<Kind> => Boolean(r));
      await auditViews(store, c, ctx, recs, 'view-search');
      const facets = { ...res.facets };
      // The protection facet is shown only to those cleared: elsewhere it would count protected matches.
      if (!seesAllIdentities(p, caseId)) delete (facets as Partial<typeof facets>).protection;
      const shown = recs.map((r) => ({ kind: r.kind, record: presentRecord(r, ctx) }));
      return c.json({
        total: res.total,
        facetsSampled: res.facetsSampled,
        totalIsLowerBound: res.totalIsLowerBound,
        ...(await searchLabels(store, ctx, shown, facets, q.lang)),
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
    },
  );
}
