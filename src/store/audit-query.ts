/**
 * The audit log of one case file read the way people look for something in it: newest first (or
 * oldest first), a page at a time by sequence number, filtered by who, what kind of record, which
 * action and a time window. The chain itself is read and verified elsewhere (audit.ts); this only
 * selects entries.
 */
import { type AuditEntry, rowToEntry } from './audit.js';
import type { CaseStore } from './case-store.js';

export interface AuditQuery {
  caseId: string;
  /** 'desc': newest first (the viewer's default); 'asc': in the order written. */
  order: 'asc' | 'desc';
  /** Entries strictly after (asc) or before (desc) this sequence number: the next page. */
  cursor?: number;
  limit: number;
  actor?: string;
  /** The record kind's name as the log writes it (persons, evidence, …). */
  entity?: string;
  action?: string;
  /** ISO 8601 instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

export async function queryAudit(store: CaseStore, q: AuditQuery): Promise<AuditEntry[]> {
  const where = ['case_id = ?'];
  const params: unknown[] = [q.caseId];
  if (q.cursor !== undefined) {
    where.push(q.order === 'desc' ? 'seq < ?' : 'seq > ?');
    params.push(q.cursor);
  }
  for (const [column, value] of [
    ['actor', q.actor],
    ['entity', q.entity],
    ['action', q.action],
  ] as const)
    if (value !== undefined) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  // Times are stored as UTC ISO strings of one shape: they compare as text. The bounds are
  // normalised to that shape so "2026-01-01T00:00:00Z" and "…00.000Z" mean the same.
  if (q.from !== undefined) {
    where.push('at >= ?');
    params.push(new Date(q.from).toISOString());
  }
  if (q.to !== undefined) {
    where.push('at < ?');
    params.push(new Date(q.to).toISOString());
  }
  const rows = await store.sqlHandle.all<Record<string, unknown>>(
    `SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq ${q.order === 'desc' ? 'DESC' : 'ASC'} LIMIT ?`,
    [...params, Math.min(Math.max(q.limit, 1), 1000)],
  );
  return rows.map(rowToEntry);
}
