/**
 * What the record screens need beyond CRUD: a record's history (its versions from the audit log,
 * with the changes), the export of a filtered list as CSV or XLSX (the same rows the list shows,
 * through the same presenter), and a member's saved list filters.
 */
import { stringify } from 'csv-stringify/sync';
import type { Hono } from 'hono';
import writeXlsxFile from 'write-excel-file/node';
import { z } from 'zod';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.js';
import { KINDS } from '../../domain/kinds.js';
import { buildViewContext, canReadInFull, presentRecord } from '../../read-model/presenter.js';
import {
  citingRecords,
  exportTable,
  recordHistory,
  recordLabel,
  referenceLabels,
  safeCell,
} from '../../read-model/record-views.js';
import type { Accounts } from '../../services/accounts.js';
import type { CaseStore } from '../../store/case-store.js';
import { deletedRecords, recordAuditEntries } from '../../store/record-audit.js';
import { removeSavedFilter, savedFilters, saveFilter } from '../../store/saved-filters.js';
import { intParam, requireCan } from '../authorize.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';
import { listOptions } from '../list-query.js';
import { auditViews, kindParam } from './record-access.js';

/** More rows than this: narrow the filter (an export is built in memory). */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 1000;

export function recordViewRoutes(app: Hono<AppEnv>, store: CaseStore, accounts: Accounts): void {
  app.get('/api/cases/:caseId/records/:kind/:id/history', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const kind = kindParam(c);
    const rec = await store.get(kind, c.req.param('id'), { includeDeleted: true });
    if (!rec || rec.caseId !== caseId) throw new NotFoundError('not found');
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    await auditViews(store, c, ctx, [rec], 'view-history');
    const names = new Map<string, string | undefined>();
    const actorName = async (actor: string) => {
      if (!names.has(actor)) {
        const u = actor.startsWith('user:') ? await accounts.user(actor.slice(5)) : undefined;
        names.set(actor, u ? u.displayName || u.username : undefined);
      }
      return names.get(actor);
    };
    const versions = await recordHistory(
      store,
      ctx,
      rec,
      await recordAuditEntries(store, caseId, rec.id),
      actorName,
    );
    return c.json({ id: rec.id, kind: KINDS[kind].name, deleted: Boolean(rec.deletedAt), versions });
  });

  /** The testimonies and evidence citing a person or an evidence item, presented for the caller. */
  app.get('/api/cases/:caseId/records/:kind/:id/cited-by', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const kind = kindParam(c);
    const rec = await store.get(kind, c.req.param('id'));
    if (!rec || rec.caseId !== caseId) throw new NotFoundError('not found');
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    const groups = await citingRecords(store, ctx, kind, rec.id);
    const shown = await Promise.all(
      groups.flatMap((g) => g.items.map((i) => store.get(g.kind, String(i.record.id)))),
    );
    await auditViews(
      store,
      c,
      ctx,
      shown.filter((r) => r !== undefined),
      'view-cited-by',
    );
    const lang = c.req.query('lang') === 'en' ? 'en' : 'es';
    const labels = {};
    for (const g of groups)
      Object.assign(
        labels,
        await referenceLabels(
          store,
          ctx,
          g.kind,
          g.items.map((i) => i.record),
          lang,
        ),
      );
    return c.json({
      groups: groups.map((g) => ({ kind: KINDS[g.kind].name, total: g.total, items: g.items })),
      labels,
    });
  });

  /** A filtered list as a file: the list's own filters and order, every page, same redaction. */
  app.get('/api/cases/:caseId/export/:kind', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'exportList', caseId);
    const kind = kindParam(c);
    const q = c.req.query();
    const format = q.format ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx')
      throw new InputError('format must be csv or xlsx', [{ field: 'format', message: 'invalid' }]);
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    const base = listOptions(ctx, kind, q);
    const total = await store.count(kind, caseId, { where: base.where });
    if (total > MAX_EXPORT_ROWS)
      throw new InputError(`${total} rows match: narrow the filter to ${MAX_EXPORT_ROWS} rows or fewer`, [
        { field: 'limit', message: 'invalid' },
      ]);
    const presented: Record<string, unknown>[] = [];
    for (let offset = 0; offset < total; offset += PAGE) {
      const page = await store.list(kind, caseId, { ...base, limit: PAGE, offset });
      if (page.length === 0) break;
      await auditViews(store, c, ctx, page, 'view-export');
      for (const r of page) presented.push(presentRecord(r, ctx));
    }
    const lang = q.lang === 'en' ? 'en' : 'es';
    const { columns, rows } = exportTable(
      kind,
      presented,
      await referenceLabels(store, ctx, kind, presented, lang),
    );
    await store.audit({
      actor: c.get('actor'),
      action: 'export',
      entity: KINDS[kind].name,
      caseId,
      after: { via: 'api', format, where: base.where, rows: rows.length },
    });
    const name = `${KINDS[kind].name}.${format}`;
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    c.header('Cache-Control', 'no-store');
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      // A byte-order mark: spreadsheet programs then read the accents as UTF-8.
      return c.body(`\ufeff${stringify([columns, ...rows.map((r) => r.map(safeCell))])}`);
    }
    const sheet = [columns, ...rows].map((r) => r.map((value) => ({ value, type: String })));
    const buf = await writeXlsxFile(sheet).toBuffer();
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return c.body(new Uint8Array(buf));
  });

  /** Deleted records of a kind, most recently deleted first (administrators: they alone restore). */
  app.get('/api/cases/:caseId/deleted/:kind', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'delete', caseId);
    const kind = kindParam(c);
    const q = c.req.query();
    const limit = intParam(q.limit, 25, 1, 100, 'limit');
    const offset = intParam(q.offset, 0, 0, 1_000_000, 'offset');
    const { total, records } = await deletedRecords(store, kind, caseId, limit, offset);
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    await auditViews(store, c, ctx, records, 'view-deleted');
    const items = records.map((r) => ({ ...presentRecord(r, ctx), deletedAt: r.deletedAt }));
    const lang = q.lang === 'en' ? 'en' : 'es';
    return c.json({
      total,
      items,
      labels: {
        ...Object.fromEntries(
          records.map((r, i) => [r.id, { kind, label: recordLabel(kind, items[i]!, lang), deleted: true }]),
        ),
        ...(await referenceLabels(store, ctx, kind, items, lang)),
      },
    });
  });

  /** Undoes a soft delete; the record must be readable in full by the administrator. Audited. */
  app.post('/api/cases/:caseId/records/:kind/:id/restore', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'delete', caseId);
    const kind = kindParam(c);
    const existing = await store.get(kind, c.req.param('id'), { includeDeleted: true });
    if (!existing || existing.caseId !== caseId) throw new NotFoundError('not found');
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    if (!canReadInFull(ctx, existing))
      throw new ForbiddenError('this record is withheld at your access level: it cannot be restored by you');
    const body = z.object({ reason: z.string().max(2000).optional() }).safeParse((await jsonBody(c)) ?? {});
    if (!body.success) throw new InputError('reason must be text', [{ field: 'reason', message: 'invalid' }]);
    const rec = await store.restore(kind, existing.id, c.get('actor'), body.data.reason || undefined);
    return c.json(presentRecord(rec, ctx));
  });

  app.get('/api/cases/:caseId/saved-filters', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'list', caseId);
    const kind = c.req.query('kind') ?? '';
    return c.json({ items: await savedFilters(store, caseId, c.get('principal').userId, kind) });
  });

  app.post('/api/cases/:caseId/saved-filters', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'list', caseId);
    const body = z
      .object({ kind: z.string().min(1).max(60), name: z.string(), query: z.string() })
      .safeParse(await jsonBody(c));
    if (!body.success)
      throw new InputError('kind, name and query are required', [{ field: 'name', message: 'required' }]);
    return c.json(await saveFilter(store, caseId, c.get('principal').userId, body.data), 201);
  });

  app.delete('/api/cases/:caseId/saved-filters/:id', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'list', caseId);
    await removeSavedFilter(store, caseId, c.get('principal').userId, c.req.param('id'));
    return c.json({ ok: true });
  });
}
