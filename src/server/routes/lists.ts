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
import { z } from 'zod';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.js';
import { importTabular } from '../../ingest/import-tabular.js';
import { MappingSpec } from '../../ingest/mapping.js';
import { buildViewContext, presentListRow } from '../../read-model/presenter.js';
import { canReadListRows } from '../../security/policy.js';
import type { CaseStore } from '../../store/case-store.js';
import { intQuery } from '../query.js';
import type { ApiRouter } from '../route.js';

export function listRoutes(api: ApiRouter, store: CaseStore): void {
  const r = api.tag('Lists');
  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/source-lists',
      summary: "Upload an organization's list (multipart: file, name, idColumn); commits whole or not at all",
      allow: 'write',
      body: {
        multipart: {
          file: 'the list, CSV or XLSX',
          name: 'the name of the list',
          idColumn: "optional: the column holding the organization's record ids",
        },
      },
      responses: { 201: 'import report', 400: 'no file, no name, or rows refused: nothing stored' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
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
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/source-lists/:listId/records',
      summary: 'Raw rows of a list (members; rows of persons you may not see are withheld)',
      allow: 'read',
      query: z.object({
        afterRow: intQuery(0, 0, Number.MAX_SAFE_INTEGER),
        limit: intQuery(100, 1, 1000),
      }),
      responses: { 200: 'rows', 403: 'raw list rows are not shown at public level', 404: 'not found' },
    },
    async (c, { query: { afterRow, limit } }) => {
      const caseId = c.req.param('caseId');
      const p = c.get('principal');
      if (!canReadListRows(p, caseId))
        throw new ForbiddenError('raw list rows are not shown at public level');
      const list = await store.get('sourceList', c.req.param('listId'));
      if (!list || list.caseId !== caseId) throw new NotFoundError('not found');
      const rows = await store.sourceRecords(list.id, { afterRow, limit });
      const ctx = await buildViewContext(store, p, caseId);
      const items = rows.map((r) => presentListRow(ctx, r));
      return c.json({ items, nextAfterRow: rows.length ? rows[rows.length - 1]!.rowNo : null });
    },
  );
}
