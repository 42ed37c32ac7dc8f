/**
 * Records of every kind over HTTP, one generic set of routes per kind: list with filters, sorting
 * and pagination; read; create; replace with If-Match versions; soft delete. Every handler asks the
 * policy, then presents through the presenter.
 */
import { z } from 'zod';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.js';
import { KIND_NAMES, KINDS } from '../../domain/kinds.js';
import {
  buildViewContext,
  mayChangeProtection,
  presentRecord,
  restoreHiddenSpans,
} from '../../read-model/presenter.js';
import { eventSummaries, referenceLabels } from '../../read-model/record-views.js';
import type { CaseStore } from '../../store/case-store.js';
import { ListQuery, listOptions } from '../list-query.js';
import { FILTERS_DESCRIPTION, kindSchemaName } from '../openapi.js';
import { Lang } from '../query.js';
import type { ApiRouter } from '../route.js';
import { auditViews, kindParam, requireFullRead } from './record-access.js';

/** Any kind's record (the kind in the path picks the schema; the store checks it). */
const AnyRecord = {
  json: {
    oneOf: KIND_NAMES.map((k) => ({ $ref: `#/components/schemas/${kindSchemaName(k)}` })),
  },
  checkedBy: 'the store, with the schema of the kind in the path (400 with field issues)',
};

export function recordRoutes(api: ApiRouter, store: CaseStore): void {
  const r = api.tag('Records');
  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/records/:kind',
      summary:
        'List records of one kind: equality filters on indexed fields, sort=default|created|updated, order=asc|desc, limit, offset',
      description: FILTERS_DESCRIPTION,
      allow: 'list',
      query: ListQuery.extend({ lang: Lang }),
      responses: { 200: 'page of presented (redacted) records', 400: 'bad filter', 403: 'not allowed' },
    },
    async (c, { query }) => {
      const caseId = c.req.param('caseId');
      const kind = kindParam(c);
      const { limit, offset, lang } = query;
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      const base = listOptions(ctx, kind, c.req.query());
      const [items, total] = await Promise.all([
        store.list(kind, caseId, { ...base, limit, offset }),
        store.count(kind, caseId, { where: base.where }),
      ]);
      await auditViews(store, c, ctx, items, 'view-list');
      const presented = items.map((r) => presentRecord(r, ctx));
      // Rows name what they reference (victim, unit, place) through the read model: no view has to
      // download every person to show a name.
      return c.json({
        items: presented,
        total,
        limit,
        offset,
        labels: await referenceLabels(store, ctx, kind, presented, lang),
        ...(kind === 'event'
          ? {
              summaries: await eventSummaries(
                store,
                ctx,
                presented.map((e) => String(e.id)),
                lang,
              ),
            }
          : {}),
      });
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/records/:kind/:id',
      summary: 'One record (ETag: its version)',
      allow: 'read',
      responses: { 200: 'record', 404: 'not found' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const rec = await store.get(kindParam(c), c.req.param('id'));
      if (!rec || rec.caseId !== caseId) throw new NotFoundError('not found');
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      await auditViews(store, c, ctx, [rec], 'view');
      c.header('ETag', `"${rec.version}"`);
      return c.json(presentRecord(rec, ctx));
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/records/:kind',
      summary: "Create a record (body: the kind's schema)",
      allow: 'kind-write',
      body: AnyRecord,
      responses: { 201: 'created', 400: 'invalid, with field issues', 403: 'not allowed' },
    },
    async (c, { body }) => {
      const caseId = c.req.param('caseId');
      const kind = kindParam(c);
      if (kind === 'evidence' || kind === 'sourceList')
        throw new InputError(`${KINDS[kind].name} are created by upload or import, not by posting JSON`);
      const rec = await store.create(kind, caseId, body, c.get('actor'));
      return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)), 201);
    },
  );

  r.route(
    {
      method: 'put',
      path: '/api/cases/:caseId/records/:kind/:id',
      summary: 'Replace a record; If-Match: version refuses lost updates',
      allow: 'kind-write',
      body: AnyRecord,
      responses: { 200: 'updated', 400: 'invalid, with field issues', 409: 'changed meanwhile' },
    },
    async (c, { body }) => {
      const caseId = c.req.param('caseId');
      const kind = kindParam(c);
      const existing = await store.get(kind, c.req.param('id'));
      if (!existing || existing.caseId !== caseId) throw new NotFoundError('not found');
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      requireFullRead(ctx, existing);
      // Hidden spans shown to the caller as pseudonyms go back as they were stored.
      const input = restoreHiddenSpans(ctx, existing.body, body);
      const parsed = KINDS[kind].schema.safeParse(input);
      if (parsed.success && !mayChangeProtection(ctx, existing, parsed.data))
        throw new ForbiddenError(
          'lowering the protection of a record needs clearance for protected identities',
        );
      const ifMatch = c.req.header('if-match')?.replace(/"/g, '');
      const expectedVersion = ifMatch ? Number(ifMatch) : undefined;
      const rec = await store.update(kind, existing.id, input, c.get('actor'), { expectedVersion });
      return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)));
    },
  );

  r.route(
    {
      method: 'delete',
      path: '/api/cases/:caseId/records/:kind/:id',
      summary: 'Soft-delete a record (administrators)',
      // Deleting needs the delete action and the kind's write action.
      allow: { all: ['delete', 'kind-write'] },
      query: z.object({ reason: z.string().optional() }),
      responses: { 200: 'deleted', 409: 'still referenced' },
    },
    async (c, { query }) => {
      const caseId = c.req.param('caseId');
      const kind = kindParam(c);
      const existing = await store.get(kind, c.req.param('id'));
      if (!existing || existing.caseId !== caseId) throw new NotFoundError('not found');
      requireFullRead(await buildViewContext(store, c.get('principal'), caseId), existing);
      await store.remove(kind, existing.id, c.get('actor'), query.reason);
      return c.json({ ok: true });
    },
  );
}
