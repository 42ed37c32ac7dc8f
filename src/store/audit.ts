/**
 * The audit log: every write appends an entry (actor, time, entity, before/after) in the same
 * transaction as the write, and each entry's hash covers its content and the previous entry's
 * hash. Editing, removing or reordering any entry breaks the chain at that entry, and
 * verifyAudit names it. Someone who can write the database could recompute every hash; signed
 * Merkle checkpoints kept elsewhere (audit-checkpoint.ts) catch that, and truncation and rollback.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.js';
import type { Sql } from './sql.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  caseId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  caseId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        caseId: e.caseId,
        before: e.before,
        after: e.after,
        prevHash: e.prevHash,
      }),
    )
    .digest('hex');
}

/** Appends one entry; must be called inside the transaction of the write it records. */
export async function appendAudit(tx: Sql, input: AuditInput): Promise<AuditEntry> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const head = await tx.get<{ seq: number; hash: string }>(
    `SELECT seq, hash FROM audit_head WHERE id = 1${lock}`,
  );
  if (!head) throw new Error('audit head missing: the store was not migrated');
  const base = {
    seq: Number(head.seq) + 1,
    at: new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    caseId: input.caseId ?? null,
    before: input.before === undefined ? null : canonicalJson(input.before),
    after: input.after === undefined ? null : canonicalJson(input.after),
    prevHash: head.hash,
  };
  const entry: AuditEntry = { ...base, hash: entryHash(base) };
  // PostgreSQL moves the head in the same statement as the insert (one round trip fewer per write);
  // SQLite has no data-modifying WITH, and no round trips to save.
  const moveHead =
    tx.dialect === 'postgres' ? 'WITH moved AS (UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1) ' : '';
  const inserted = await tx.run(
    `${moveHead}INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, case_id, before, after, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      ...(moveHead ? [entry.seq, entry.hash] : []),
      entry.seq,
      entry.at,
      entry.actor,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.caseId,
      entry.before,
      entry.after,
      entry.prevHash,
      entry.hash,
    ],
  );
  if (inserted !== 1) throw new Error(`audit entry ${entry.seq} was not written`);
  if (!moveHead)
    await tx.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [entry.seq, entry.hash]);
  return entry;
}

export function rowToEntry(r: Record<string, unknown>): AuditEntry {
  return {
    seq: Number(r.seq),
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    entity: String(r.entity),
    entityId: (r.entity_id as string | null) ?? null,
    caseId: (r.case_id as string | null) ?? null,
    before: (r.before as string | null) ?? null,
    after: (r.after as string | null) ?? null,
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}

export interface AuditProblem {
  seq: number;
  problem: 'altered' | 'removed' | 'reordered-or-removed' | 'truncated' | 'inserted';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  /** The first bad entry; verification stops there because everything after depends on it. */
  problem?: AuditProblem;
}

/** Recomputes the whole chain in order, a page at a time (bounded memory for long logs). */
export async function verifyAudit(db: Sql, pageSize = 5000): Promise<AuditVerification> {
  const head = await db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
  const headInfo = { seq: Number(head?.seq ?? 0), hash: String(head?.hash ?? GENESIS_HASH) };
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let after = 0;
  const fail = (problem: AuditProblem): AuditVerification => ({
    ok: false,
    entries: count,
    head: headInfo,
    problem,
  });
  for (;;) {
    const rows = await db.all<Record<string, unknown>>(
      'SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
      [after, pageSize],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const e = rowToEntry(r);
      const { hash, ...rest } = e;
      if (entryHash(rest) !== hash) {
        return fail({
          seq: e.seq,
          problem: 'altered',
          message: `entry ${e.seq} was altered: its hash does not match its content`,
        });
      }
      if (e.seq !== expectedSeq) {
        return fail({
          seq: e.seq,
          problem: 'removed',
          message: `entry ${expectedSeq}${e.seq - expectedSeq > 1 ? `–${e.seq - 1}` : ''} is missing before entry ${e.seq}`,
        });
      }
      if (e.prevHash !== prevHash) {
        return fail({
          seq: e.seq,
          problem: 'reordered-or-removed',
          message: `entry ${e.seq} does not follow entry ${e.seq - 1}: the chain was reordered or an entry replaced`,
        });
      }
      prevHash = hash;
      expectedSeq++;
      count++;
      after = e.seq;
    }
  }
  if (headInfo.seq !== count || headInfo.hash !== prevHash) {
    return fail({
      seq: Math.min(headInfo.seq, count) + 1,
      problem: headInfo.seq > count ? 'truncated' : 'inserted',
      message:
        headInfo.seq > count
          ? `the log ends at entry ${count} but its head records entry ${headInfo.seq}: entries were removed from the end`
          : `the log has ${count} entries but its head records ${headInfo.seq}`,
    });
  }
  return { ok: true, entries: count, head: headInfo };
}
