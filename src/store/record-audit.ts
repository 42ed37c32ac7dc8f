/** The audit entries of one record, oldest first (a record's history; index from migration 23). */
import { type AuditEntry, rowToEntry } from './audit.js';
import type { CaseStore } from './case-store.js';

export async function recordAuditEntries(
  store: CaseStore,
  caseId: string,
  entityId: string,
  limit = 1000,
): Promise<AuditEntry[]> {
  const rows = await store.sqlHandle.all<Record<string, unknown>>(
    'SELECT * FROM audit_log WHERE entity_id = ? AND case_id = ? ORDER BY seq LIMIT ?',
    [entityId, caseId, limit],
  );
  return rows.map(rowToEntry);
}
