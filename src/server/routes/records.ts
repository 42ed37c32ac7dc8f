/**
 * Records of every kind over HTTP, one generic set of routes per kind: list with filters, sorting
 * and pagination; read; create; replace with If-Match versions; soft delete. Every handler asks the
 * policy, then presents through the presenter.
 */
import type { Hono } from 'hono';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.js';
import { KINDS } from '../../domain/kinds.js';
import {
  buildViewContext,
  mayChangeProtection,
  presentRecord,
  restoreHiddenSpans,
} from '../../read-model/presenter.js';
import { eventSummaries, referenceLabels } from '../../read-model/record-views.js';
import type { CaseStore } from '../../store/case-store.js';
import { intParam, requireCan } from '../authorize.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';
import { listOptions } from '../list-query.js';
import { auditViews, kindParam, requireFullRead, requireWrite } from './record-access.js';

export function recordRoutes(app: Hono<AppEnv>, store: CaseStore): void {
  app.get('/api/cases/:caseId/records/:kind', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'list', caseId);
    const kind = kindParam(c);
    const q = c.req.query();
    const limit = intParam(q.limit, 50, 1, 500, 'limit');
    const offset = intParam(q.offset, 0, 0, 10_000_000, 'offset');
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    const base = listOptions(ctx, kind, q);
    const [items, total] = await Promise.all([
      store.list(kind, caseId, { ...base, limit, offset }),
      store.count(kind, caseId, { where: base.where }),
    ]);
    await auditViews(store, c, ctx, items, 'view-list');
    const presented = items.map((r) => presentRecord(r, ctx));
    // Rows name what they reference (victim, unit, place) through the read model: no view has to
    // download every person to show a name.
    const lang = q.lang === 'en' ? 'en' : 'es';
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
  });

  app.get('/api/cases/:caseId/records/:kind/:id', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const rec = await store.get(kindParam(c), c.req.param('id'));
    if (!rec || rec.caseId !== caseId) throw new NotFoundError('not found');
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    await auditViews(store, c, ctx, [rec], 'view');
    c.header('ETag', `"${rec.version}"`);
    return c.json(presentRecord(rec, ctx));
  });

  app.post('/api/cases/:caseId/records/:kind', async (c) => {
    const caseId = c.req.param('caseId');
    const kind = kindParam(c);
    requireWrite(c, kind, caseId);
    if (kind === 'evidence' || kind === 'sourceList')
      throw new InputError(`${KINDS[kind].name} are created by upload or import, not by posting JSON`);
    const rec = await store.create(kind, caseId, await jsonBody(c), c.get('actor'));
    return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)), 201);
  });

  app.put('/api/cases/:caseId/records/:kind/:id', async (c) => {
    const caseId = c.req.param('caseId');
    const kind = kindParam(c);
    requireWrite(c, kind, caseId);
    const existing = await store.get(kind, c.req.param('id'));
    if (!existing || existing.caseId !== caseId) throw new NotFoundError('not found');
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    requireFullRead(ctx, existing);
    // Hidden spans shown to the caller as pseudonyms go back as they were stored.
    const input = restoreHiddenSpans(ctx, existing.body, await jsonBody(c));
    const parsed = KINDS[kind].schema.safeParse(input);
    if (parsed.success && !mayChangeProtection(ctx, existing, parsed.data))
      throw new ForbiddenError(
        'lowering the protection of a record needs clearance for protected identities',
      );
    const ifMatch = c.req.header('if-match')?.replace(/"/g, '');
    const expectedVersion = ifMatch ? Number(ifMatch) : undefined;
    const rec = await store.update(kind, existing.id, input, c.get('actor'), { expectedVersion });
    return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)));
  });

  app.delete('/api/cases/:caseId/records/:kind/:id', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'delete', caseId);
    const kind = kindParam(c);
    requireWrite(c, kind, caseId);
    const existing = await store.get(kind, c.req.param('id'));
    if (!existing || existing.caseId !== caseId) throw new NotFoundError('not found');
    requireFullRead(await buildViewContext(store, c.get('principal'), caseId), existing);
    await store.remove(kind, existing.id, c.get('actor'), c.req.query('reason'));
    return c.json({ ok: true });
  });
}
