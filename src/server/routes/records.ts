/**
 * The case file over HTTP: case files, records of every kind (list with filters, sorting and
 * pagination; read; create; replace with If-Match versions; soft delete), search, members and
 * clearances, the audit log. Every handler asks the policy, then presents through the presenter.
 * Non-members get 404 for a case file: its existence is not confirmed to them.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.js';
import { KINDS, type Kind, kindByName } from '../../domain/kinds.js';
import { ACT_TYPES, VIOLENCE_METHODS, VOCABULARIES } from '../../domain/vocabularies.js';
import {
  buildViewContext,
  canReadInFull,
  hiddenTerms,
  mayChangeProtection,
  presentAuditBody,
  presentRecord,
  protectedViews,
  restoreHiddenSpans,
  type ViewContext,
  withoutHiddenForms,
} from '../../read-model/presenter.js';
import { eventSummaries, referenceLabels, searchLabels } from '../../read-model/record-views.js';
import { queryTerms, snippet } from '../../search/text.js';
import {
  canGrantClearance,
  ROLES,
  type Role,
  seesAllIdentities,
  tierOf,
  writeActionFor,
} from '../../security/policy.js';
import type { Accounts } from '../../services/accounts.js';
import { queryAudit } from '../../store/audit-query.js';
import type { CaseStore, StoredRecord } from '../../store/case-store.js';
import { intParam, requireCan } from '../authorize.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';
import { listOptions } from '../list-query.js';
import { auditQuery } from './audit-params.js';

// Kept for the route modules that import them from here.
export { intParam, requireCan };

type C = Context<AppEnv>;

/** Writes of a kind need its action (analysts link evidence to elements); panel records have their own routes. */
function requireWrite(c: C, kind: Kind, caseId: string): void {
  const action = writeActionFor(kind);
  if (!action)
    throw new ForbiddenError(
      `${KINDS[kind].name} are written through the panel routes (/api/cases/{caseId}/panel/…)`,
    );
  requireCan(c, action, caseId);
}

export function kindParam(c: C): Kind {
  const kind = kindByName(c.req.param('kind') ?? '');
  if (!kind) throw new NotFoundError(`no record kind ${c.req.param('kind')}`);
  // Public submissions are quarantined: only their own routes (documenters) read or decide them.
  if (kind === 'submission')
    throw new ForbiddenError('public submissions are read through /api/cases/{caseId}/submissions');
  return kind;
}

/** A record the caller may not read in full is not theirs to change or delete either. */
function requireFullRead(ctx: ViewContext, rec: StoredRecord<Kind>): void {
  if (!canReadInFull(ctx, rec))
    throw new ForbiddenError(
      'this record is withheld at your access level: it cannot be changed by you',
    ).because('withheld');
}

/** Views of protected identities are audited like writes (who saw which protected record). */
export async function auditViews(
  store: CaseStore,
  c: C,
  ctx: ViewContext,
  recs: StoredRecord<Kind>[],
  action: string,
) {
  const seen = protectedViews(ctx, recs);
  if (seen.length)
    await store.audit({
      actor: c.get('actor'),
      action,
      entity: 'protected-records',
      caseId: ctx.caseId,
      after: { ids: seen },
    });
}

export function recordRoutes(app: Hono<AppEnv>, store: CaseStore, accounts: Accounts): void {
  app.get('/api/vocabularies', (c) => c.json(VOCABULARIES));

  app.get('/api/cases', async (c) => {
    const p = c.get('principal');
    const cases = (await store.listCases()).filter((k) => p.memberships.has(k.id));
    return c.json({
      items: cases.map((k) => ({
        id: k.id,
        ...k.body,
        role: p.memberships.get(k.id)?.role,
        createdAt: k.createdAt,
        updatedAt: k.updatedAt,
      })),
    });
  });

  app.get('/api/cases/:caseId', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const k = await store.getCase(caseId);
    if (!k || k.deletedAt) throw new NotFoundError('no such case file');
    const counts: Record<string, number> = {};
    for (const kind of Object.keys(KINDS) as Kind[])
      counts[KINDS[kind].name] = await store.count(kind, caseId);
    counts['source-records'] = await store.countSourceRecords(caseId);
    return c.json({
      id: k.id,
      ...k.body,
      role: c.get('principal').memberships.get(caseId)?.role,
      createdAt: k.createdAt,
      updatedAt: k.updatedAt,
      counts,
    });
  });

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

  /** The case file as JSON, each record through the presenter (so redacted for this viewer); audited. */
  app.get('/api/cases/:caseId/export', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'export', caseId);
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    const records: Record<string, unknown[]> = {};
    for (const kind of Object.keys(KINDS) as Kind[]) {
      const out: unknown[] = [];
      for await (const r of store.iterate(kind, caseId)) out.push(presentRecord(r, ctx));
      records[KINDS[kind].name] = out;
    }
    await store.audit({
      actor: c.get('actor'),
      action: 'export',
      entity: 'case-files',
      entityId: caseId,
      caseId,
      after: { via: 'api' },
    });
    c.header('Content-Disposition', `attachment; filename="${caseId}.json"`);
    return c.json({
      format: 'testigo-case-view',
      version: 1,
      caseId,
      exportedAt: new Date().toISOString(),
      records,
    });
  });

  app.get('/api/cases/:caseId/members', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'manage', caseId);
    const items = [];
    for (const m of await accounts.members(caseId)) {
      const u = await accounts.user(m.user_id);
      items.push({
        userId: m.user_id,
        username: u?.username ?? m.user_id,
        displayName: u?.displayName,
        role: m.role,
        cleared: Boolean(m.cleared),
        // Kept for API clients written against the first shape.
        user_id: m.user_id,
      });
    }
    return c.json({ items });
  });

  app.put('/api/cases/:caseId/members/:userId', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'manage', caseId);
    const body = z.object({ role: z.enum(ROLES) }).safeParse(await jsonBody(c));
    if (!body.success)
      throw new InputError(`role must be one of ${ROLES.join(', ')}`, [
        { field: 'role', message: 'invalid' },
      ]);
    await accounts.setMember(caseId, c.req.param('userId'), body.data.role as Role, c.get('actor'));
    return c.json({ ok: true });
  });

  app.put('/api/cases/:caseId/members/:userId/clearance', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'manage', caseId);
    const body = z
      .object({ cleared: z.boolean(), personId: z.string().optional() })
      .safeParse(await jsonBody(c));
    if (!body.success)
      throw new InputError('cleared (boolean) is required', [{ field: 'cleared', message: 'required' }]);
    if (body.data.cleared && !canGrantClearance(c.get('principal'), caseId, c.req.param('userId')))
      throw new ForbiddenError('a clearance is granted by another administrator, never by oneself').because(
        'self_clearance',
      );
    await accounts.setClearance(
      caseId,
      c.req.param('userId'),
      body.data.cleared,
      c.get('actor'),
      body.data.personId,
    );
    return c.json({ ok: true });
  });

  app.get('/api/cases/:caseId/audit', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'manage', caseId);
    // Entries carry before/after contents: only administrators of the case read them, and sealed
    // fields (identities, testimonies) open only for administrators cleared for identities.
    const items = await queryAudit(store, auditQuery(caseId, c.req.query()));
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    const cleared = seesAllIdentities(c.get('principal'), caseId);
    for (const e of items) {
      const kind = kindByName(e.entity);
      for (const side of ['before', 'after'] as const) {
        let v = e[side];
        if (cleared && kind && e.entityId && typeof v === 'string' && v.includes('"$sealed"')) {
          const opened = await store
            .openAuditBody(kind, e.entityId, caseId, JSON.parse(v))
            .catch(() => undefined);
          if (opened) v = JSON.stringify(opened);
        }
        // What an entry recorded is read like the record itself: through the read model.
        (e as unknown as Record<string, unknown>)[side] = presentAuditBody(ctx, e, kind, v);
      }
    }
    return c.json({ items });
  });
}
