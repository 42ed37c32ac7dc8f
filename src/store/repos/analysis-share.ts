/**
 * The analysis summary every server process shares (PostgreSQL only): one process at a time holds a
 * lease to compute a case's summary and publishes it; the others read it instead of each computing
 * the whole-case analysis (and holding the case twice for it) themselves. server/analysis-cache.ts.
 */
import { Repository } from './repository.js';

export interface SharedSummary {
  seq: number;
  computedAtMs: number;
  tookMs: number;
  /** The summary as JSON (undefined until one was published). */
  summary?: string;
  leaseOwner: string;
  leaseUntilMs: number;
}

interface Row {
  audit_seq: number | string;
  computed_at_ms: number | string;
  took_ms: number | string;
  summary: string | null;
  lease_owner: string;
  lease_until_ms: number | string;
}

export class AnalysisShareRepository extends Repository {
  async read(caseId: string): Promise<SharedSummary | undefined> {
    const r = await this.sql.get<Row>(
      'SELECT audit_seq, computed_at_ms, took_ms, summary, lease_owner, lease_until_ms FROM analysis_share WHERE case_id = ?',
      [caseId],
    );
    if (!r) return undefined;
    return {
      seq: Number(r.audit_seq),
      computedAtMs: Number(r.computed_at_ms),
      tookMs: Number(r.took_ms),
      ...(r.summary !== null ? { summary: r.summary } : {}),
      leaseOwner: r.lease_owner,
      leaseUntilMs: Number(r.lease_until_ms),
    };
  }

  /**
   * Takes the lease to compute the case's next summary, until `untilMs` at the latest: granted when
   * nobody is computing one (no lease, or one that ran out: a process that stopped mid-computation
   * hands it on that way). The holder becomes the case's owner (its next computer, analysis-cache.ts).
   */
  async claim(caseId: string, owner: string, nowMs: number, untilMs: number): Promise<boolean> {
    const r = await this.sql.get<{ case_id: string }>(
      `INSERT INTO analysis_share (case_id, audit_seq, computed_at_ms, took_ms, summary, lease_owner, lease_until_ms)
       VALUES (?, -1, 0, 0, NULL, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET lease_owner = EXCLUDED.lease_owner, lease_until_ms = EXCLUDED.lease_until_ms
       WHERE analysis_share.lease_until_ms <= ?
       RETURNING case_id`,
      [caseId, owner, untilMs, nowMs],
    );
    return r !== undefined;
  }

  /** Ends the owner's lease (it stays the owner). */
  async release(caseId: string, owner: string): Promise<void> {
    await this.sql.run('UPDATE analysis_share SET lease_until_ms = 0 WHERE case_id = ? AND lease_owner = ?', [
      caseId,
      owner,
    ]);
  }

  /** Publishes a summary computed at audit entry `seq`, unless a newer one is there already. */
  async publish(
    caseId: string,
    v: { seq: number; computedAtMs: number; tookMs: number; summary: string },
  ): Promise<void> {
    await this.sql.run(
      'UPDATE analysis_share SET audit_seq = ?, computed_at_ms = ?, took_ms = ?, summary = ? WHERE case_id = ? AND audit_seq < ?',
      [v.seq, v.computedAtMs, v.tookMs, v.summary, caseId, v.seq],
    );
  }
}
