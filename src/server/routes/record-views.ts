/**
 * What the record screens need beyond CRUD: a record's history (its versions from the audit log,
 * with the changes), the export of a filtered list as CSV or XLSX (the same rows the list shows,
 * through the same presenter), and a member's saved list filters.
 */
import { stringify } from 'csv-stringify/sync';
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
import { ListOrder, listOptions } from '../list-query.js';
import { FILTERS_DESCRIPTION } from '../openapi.js';
import { Lang, pageQuery } from '../query.js';
import type { ApiRouter } from '../route.js';
import { auditViews, kindParam } from './record-access.js';

/** More rows than this: narrow the filter (an export is built in memory). */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 1000;

export function recordViewRoutes(api: ApiRouter, store: CaseStore, accounts: Accounts): void {
  const r = api.tag('Records');
  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/records/:kind/:id/history',
      summary:
        "A record's versions from the audit log, each presented for the caller (at the higher of its own and the current protection), with the fields each changed; who changed it for writers and administrators",
      allow: 'read',
      responses: { 200: 'versions, oldest first', 404: 'not found' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
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
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/records/:kind/:id/cited-by',
      summary:
        'The testimonies (as witness, supported person, cited evidence) and evidence (supported person) that cite a person or an evidence item, presented for the caller; audited',
      allow: 'read',
      query: z.object({ lang: Lang }),
      responses: { 200: 'groups (kind, total, items with via), labels', 404: 'not found' },
    },
    async (c, { query: { lang } }) => {
      const caseId = c.req.param('caseId');
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
    },
  );

  /** A filtered list as a file: the list's own filters and order, every page, same redaction. */
  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/export/:kind',
      summary:
        'A filtered list as CSV or XLSX: the same filters and order as the list, every row presented (redacted) for the caller, with a label column beside each reference',
      description: FILTERS_DESCRIPTION,
      allow: 'exportList',
      query: ListOrder.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: Lang }),
      responses: { 200: 'the file (attachment)', 400: 'bad filter or too many rows', 403: 'not allowed' },
    },
    async (c, { query: { format, lang } }) => {
      const caseId = c.req.param('caseId');
      const kind = kindParam(c);
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      const base = listOptions(ctx, kind, c.req.query());
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
    },
  );

  /** Deleted records of a kind, most recently deleted first (administrators: they alone restore). */
  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/deleted/:kind',
      summary:
        'Deleted records of a kind, most recently deleted first, each presented for the caller (administrators); audited',
      allow: 'delete',
      query: pageQuery({ default: 25, max: 100 }, 1_000_000).extend({ lang: Lang }),
      responses: { 200: 'total, items (with deletedAt), labels', 403: 'not allowed' },
    },
    async (c, { query: { limit, offset, lang } }) => {
      const caseId = c.req.param('caseId');
      const kind = kindParam(c);
      const { total, records } = await deletedRecords(store, kind, caseId, limit, offset);
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      await auditViews(store, c, ctx, records, 'view-deleted');
      const items = records.map((r) => ({ ...presentRecord(r, ctx), deletedAt: r.deletedAt }));
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
    },
  );

  /** Undoes a soft delete; the record must be readable in full by the administrator. Audited. */
  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/records/:kind/:id/restore',
      summary:
        'Undo a soft delete (administrators who can read the record in full); refused while it references a deleted record; audited as restore',
      allow: 'delete',
      body: z.object({ reason: z.string().max(2000).optional() }).default({}),
      invalid: 'reason must be text',
      responses: {
        200: 'the restored record',
        403: 'not allowed',
        400: 'references a deleted record (restore that one first)',
        404: 'not found',
        409: 'not deleted',
      },
    },
    async (c, { body }) => {
      const caseId = c.req.param('caseId');
      const kind = kindParam(c);
      const existing = await store.get(kind, c.req.param('id'), { includeDeleted: true });
      if (!existing || existing.caseId !== caseId) throw new NotFoundError('not found');
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      if (!canReadInFull(ctx, existing))
        throw new ForbiddenError(
          'this record is withheld at your access level: it cannot be restored by you',
        );
      const rec = await store.restore(kind, existing.id, c.get('actor'), body.reason || undefined);
      return c.json(presentRecord(rec, ctx));
    },
  );

  const filters = api.tag('Saved filters');
  filters.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/saved-filters',
      summary: "The caller's saved filters of one list (query kind)",
      allow: 'list',
      query: z.object({ kind: z.string().default('') }),
      responses: { 200: 'saved filters' },
    },
    async (c, { query }) =>
      c.json({
        items: await savedFilters(store, c.req.param('caseId'), c.get('principal').userId, query.kind),
      }),
  );

  filters.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/saved-filters',
      summary: 'Save a filter of a list: body {kind, name, query} (the query string of the list view)',
      allow: 'list',
      body: z.object({ kind: z.string().min(1).max(60), name: z.string(), query: z.string() }),
      invalid: 'kind, name and query are required',
      responses: { 201: 'saved', 400: 'invalid' },
    },
    async (c, { body }) =>
      c.json(await saveFilter(store, c.req.param('caseId'), c.get('principal').userId, body), 201),
  );

  filters.route(
    {
      method: 'delete',
      path: '/api/cases/:caseId/saved-filters/:id',
      summary: "Remove one of the caller's saved filters",
      allow: 'list',
      responses: { 200: 'removed', 404: 'not found' },
    },
    async (c) => {
      await removeSavedFilter(store, c.req.param('caseId'), c.get('principal').userId, c.req.param('id'));
      return c.json({ ok: true });
    },
  );
}
