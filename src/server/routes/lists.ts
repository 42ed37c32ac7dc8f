/**
 * Organizations' lists over HTTP: upload a CSV/XLSX list (kept raw, for linkage and statistics)
 * and read its rows. Raw rows carry names and document numbers, so they are member-level data:
 * viewers do not get them, and rows linked to a person whose identity the caller may not see are
 * withheld cell by cell.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.js';
import { importTabular } from '../../ingest/import-tabular.js';
import { MappingSpec } from '../../ingest/mapping.js';
import { buildViewContext, presentListRow } from '../../read-model/presenter.js';
import { canReadListRows } from '../../security/policy.js';
import type { CaseStore } from '../../store/case-store.js';
import { intParam, requireCan } from '../authorize.js';
import type { AppEnv } from '../context.js';

export function listRoutes(app: Hono<AppEnv>, store: CaseStore): void {
  app.post('/api/cases/:caseId/source-lists', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'write', caseId);
    const form = await c.req.parseBody().catch(() => {
      throw new InputError('expected multipart/form-data with a file, a name and optionally an idColumn');
    });
    const file = form.file;
    if (!(file instanceof File))
      throw new InputError('the upload has no file', [{ field: 'file', message: 'required' }]);
    const name = String(form.name ?? '').trim();
    if (!name) throw new InputError('the list needs a name', [{ field: 'name', message: 'required' }]);
    const ext = /\.xlsx$/i.test(file.name) ? '.xlsx' : '.csv';
    // The importer streams from disk; the temporary copy is removed whatever happens.
    const tmp = join(tmpdir(), `testigo-upload-${randomBytes(8).toString('hex')}${ext}`);
    await writeFile(tmp, Buffer.from(await file.arrayBuffer()), { mode: 0o600 });
    try {
      const spec = MappingSpec.parse({
        kind: 'source-records',
        columns: form.idColumn ? { [String(form.idColumn)]: 'recordId' } : {},
        list: { name },
      });
      const report = await importTabular(store, caseId, tmp, spec, c.get('actor'));
      return c.json({ ...report, file: file.name }, 201);
    } finally {
      await rm(tmp, { force: true });
    }
  });

  app.get('/api/cases/:caseId/source-lists/:listId/records', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const p = c.get('principal');
    if (!canReadListRows(p, caseId)) throw new ForbiddenError('raw list rows are not shown at public level');
    const list = await store.get('sourceList', c.req.param('listId'));
    if (!list || list.caseId !== caseId) throw new NotFoundError('not found');
    const afterRow = intParam(c.req.query('afterRow'), 0, 0, Number.MAX_SAFE_INTEGER, 'afterRow');
    const limit = intParam(c.req.query('limit'), 100, 1, 1000, 'limit');
    const rows = await store.sourceRecords(list.id, { afterRow, limit });
    const ctx = await buildViewContext(store, p, caseId);
    const items = rows.map((r) => presentListRow(ctx, r));
    return c.json({ items, nextAfterRow: rows.length ? rows[rows.length - 1]!.rowNo : null });
  });
}
