/**
 * The whole case file as JSON for this viewer (every record through the presenter); audited.
 * Per-kind CSV exports are in record-views.ts.
 */
import { KINDS, type Kind } from '../../domain/kinds.js';
import { buildViewContext, presentRecord } from '../../read-model/presenter.js';
import type { CaseStore } from '../../store/case-store.js';
import type { ApiRouter } from '../route.js';

export function exportRoutes(api: ApiRouter, store: CaseStore): void {
  /** The case file as JSON, each record through the presenter (so redacted for this viewer); audited. */
  api.tag('Case files').route(
    {
      method: 'get',
      path: '/api/cases/:caseId/export',
      summary: 'The case file as JSON, presented for the caller (analysts, administrators); audited',
      allow: 'export',
      responses: { 200: 'export' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
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
    },
  );
}
