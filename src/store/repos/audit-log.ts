/** The audit log as the store's callers read and append it (the chain itself: ../audit.ts). */
import { type AuditEntry, rowToEntry, verifyAudit } from '../audit.js';
import { Repository } from './repository.js';

export class AuditRepository extends Repository {
  async verifyAudit() {
    return verifyAudit(this.store.sqlHandle);
  }

  async auditEntries(
    opts: { afterSeq?: number; limit?: number; caseId?: string } = {},
  ): Promise<AuditEntry[]> {
    const params: unknown[] = [opts.afterSeq ?? 0];
    let where = 'seq > ?';
    if (opts.caseId) {
      where += ' AND case_id = ?';
      params.push(opts.caseId);
    }
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT * FROM audit_log WHERE ${where} ORDER BY seq LIMIT ?`,
      [...params, Math.min(opts.limit ?? 1000, 10_000)],
    );
    return rows.map(rowToEntry);
  }

  async auditHead(): Promise<{ seq: number; hash: string }> {
    const r = await this.sql.get<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    return { seq: Number(r?.seq ?? 0), hash: String(r?.hash) };
  }
}
