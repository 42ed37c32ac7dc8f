/**
 * The audit entries of one record, oldest first (a record's history; index from migration 23), and
 * the deleted records of a kind (what an administrator may restore).
 */
import { KINDS, type Kind } from '../domain/kinds.js';
import { type AuditEntry, rowToEntry } from './audit.js';
import type { CaseStore, StoredRecord } from './case-store.js';

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

/** Deleted records of a kind in a case, the most recently deleted first, and how many there are. */
export async function deletedRecords<K extends Kind>(
  store: CaseStore,
  kind: K,
  caseId: string,
  limit: number,
  offset: number,
): Promise<{ total: number; records: StoredRecord<K>[] }> {
  const table = KINDS[kind].table;
  const where = `case_id = ? AND deleted_at IS NOT NULL`;
  const [count] = await store.sqlHandle.all<{ n: number | string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
    [caseId],
  );
  const ids = await store.sqlHandle.all<{ id: string }>(
    `SELECT id FROM ${table} WHERE ${where} ORDER BY deleted_at DESC, id LIMIT ? OFFSET ?`,
    [caseId, limit, offset],
  );
  const records = await Promise.all(ids.map((r) => store.get(kind, r.id, { includeDeleted: true })));
  return { total: Number(count?.n ?? 0), records: records.filter((r): r is StoredRecord<K> => Boolean(r)) };
}
