/**
 * A case file's audit log (administrators only), each entry's contents read through the read model.
 */
import { kindByName } from '../../domain/kinds.js';
import { buildViewContext, presentAuditBody } from '../../read-model/presenter.js';
import { seesAllIdentities } from '../../security/policy.js';
import { queryAudit } from '../../store/audit-query.js';
import type { CaseStore } from '../../store/case-store.js';
import type { ApiRouter } from '../route.js';
import { AuditParams, auditQueryOf } from './audit-params.js';

export function auditRoutes(api: ApiRouter, store: CaseStore): void {
  api.tag('Audit').route(
    {
      method: 'get',
      path: '/api/cases/:caseId/audit',
      summary:
        'The audit log of the case file (administrators): oldest first after `after`, or newest first (order=desc) before `before`; filters by actor, entity (kind name), action and a from/to window (ISO 8601)',
      allow: 'manage',
      query: AuditParams,
      responses: { 200: 'entries', 400: 'bad parameter' },
    },
    async (c, { query }) => {
      const caseId = c.req.param('caseId');
      // Entries carry before/after contents: only administrators of the case read them, and sealed
      // fields (identities, testimonies) open only for administrators cleared for identities.
      const items = await queryAudit(store, auditQueryOf(caseId, query));
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
    },
  );
}
