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

/**
 * Appends one entry. Writers do not call it: they call `store.audit(…)`, and the store's
 * transaction appends its entries after the write's own statements (case-store.ts `transaction`;
 * architecture test). On PostgreSQL an entry holds the chain head's row lock until COMMIT, so it is
 * sent with the COMMIT in one round trip (`Sql.sendWithCommit`): the database takes and releases the
 * lock whatever this process's event loop is doing. Otherwise every writer of every process waited
 * for a busy loop to send the COMMIT (bench/load/README.md, stop 33).
 */
export async function appendAudit(tx: Sql, input: AuditInput): Promise<void> {
  const fields = auditFields(input);
  if (tx.dialect !== 'postgres') return appendInJs(tx, fields);
  if (!tx.sendWithCommit)
    throw new Error(
      "on PostgreSQL an audit entry goes with its transaction's COMMIT: append it in CaseStore.transaction",
    );
  const { ctes, insert, params } = lockedAppend(fields);
  // Its result is not read: an audit head missing (a store not migrated) would insert nothing, so
  // the statement fails then (a cast the planner cannot fold), and the transaction with it.
  tx.sendWithCommit(
    `WITH ${ctes}, appended AS (${insert} RETURNING seq)
     SELECT CASE WHEN count(*) = 1 THEN 1 ELSE ('audit entry not written: ' || count(*))::int END FROM appended`,
    params,
  );
}

function auditFields(input: AuditInput): EntryFields {
  return {
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    caseId: input.caseId ?? null,
    before: input.before === undefined ? null : canonicalJson(input.before),
    after: input.after === undefined ? null : canonicalJson(input.after),
  };
}

type EntryFields = Omit<AuditEntry, 'seq' | 'at' | 'prevHash' | 'hash'>;

/** SQLite: one connection, one writer at a time; the head is read and moved in three statements. */
async function appendInJs(tx: Sql, fields: EntryFields): Promise<void> {
  const head = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
  if (!head) throw new Error('audit head missing: the store was not migrated');
  const base = { ...fields, seq: Number(head.seq) + 1, at: new Date().toISOString(), prevHash: head.hash };
  const entry: AuditEntry = { ...base, hash: entryHash(base) };
  await insertEntry(tx, entry);
  await tx.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [entry.seq, entry.hash]);
}

async function insertEntry(tx: Sql, e: AuditEntry): Promise<void> {
  const inserted = await tx.run(
    `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, case_id, before, after, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.caseId, e.before, e.after, e.prevHash, e.hash],
  );
  if (inserted !== 1) throw new Error(`audit entry ${e.seq} was not written`);
}

/**
 * The canonical JSON that entryHash hashes, cut around the three values only the locked head
 * knows (time, previous hash, sequence number): keys sort as action, actor, after, at, before,
 * caseId, entity, entityId, prevHash, seq. `hashedText(...)` joins them back (tested equal).
 */
export function hashedTextParts(f: EntryFields): { beforeAt: string; beforePrev: string } {
  const lead = canonicalJson({ action: f.action, actor: f.actor, after: f.after });
  const rest = canonicalJson({ before: f.before, caseId: f.caseId, entity: f.entity, entityId: f.entityId });
  return { beforeAt: `${lead.slice(0, -1)},"at":"`, beforePrev: `",${rest.slice(1, -1)},"prevHash":"` };
}
export const hashedText = (p: ReturnType<typeof hashedTextParts>, at: string, prev: string, seq: number) =>
  `${p.beforeAt}${at}${p.beforePrev}${prev}","seq":${seq}}`;

/**
 * PostgreSQL: the entry's statement — its WITH list locks the head, stamps the database's time
 * (entries stay in time order whichever process or machine wrote them), hashes the entry (the same
 * canonical JSON as entryHash, so verifyAudit reads it as any other) and moves the head; then its INSERT.
 */
function lockedAppend(fields: EntryFields): { ctes: string; insert: string; params: (string | null)[] } {
  const parts = hashedTextParts(fields);
  return {
    ctes: `head AS (
       SELECT seq + 1 AS seq, hash AS prev,
              to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
       FROM audit_head WHERE id = 1 FOR UPDATE),
     entry AS (
       SELECT seq, prev, at,
              encode(sha256(convert_to(?::text || at || ?::text || prev || '","seq":' || seq || '}', 'UTF8')), 'hex') AS hash
       FROM head),
     moved AS (UPDATE audit_head SET seq = entry.seq, hash = entry.hash FROM entry WHERE audit_head.id = 1)`,
    insert: `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, case_id, before, after, prev_hash, hash)
     SELECT seq, at, ?, ?, ?, ?, ?, ?, ?, prev, hash FROM entry`,
    params: [
      parts.beforeAt,
      parts.beforePrev,
      fields.actor,
      fields.action,
      fields.entity,
      fields.entityId,
      fields.caseId,
      fields.before,
      fields.after,
    ],
  };
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
