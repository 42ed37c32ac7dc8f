/**
 * Evidence files and their chain of custody: bytes in the encrypted, content-addressed blob store;
 * the record and every custody entry (collection, access, export) in the case store with its audit.
 */
import { canonicalJson } from '../../domain/canonical-json.js';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { issuesFrom } from '../../domain/issues.js';
import { CustodyEntryBody, type EvidenceBody } from '../../domain/schema.js';
import { newId } from '../ids.js';
import type { StoredRecord } from './records.js';
import { Repository } from './repository.js';

/** Clocks of a documenter's device and the server may disagree by this much. */
const CLOCK_SKEW_MS = 5 * 60_000;
export type CustodyEntry = {
  id: string;
  caseId: string;
  createdAt: string;
  createdBy: string;
} & CustodyEntryBody;

export class EvidenceRepository extends Repository {
  /**
   * Stores a file as evidence: the bytes go to the encrypted blob store first (content-addressed,
   * so a crash before the commit leaves only an unreferenced blob, never a record without bytes),
   * then the record and its first custody entry commit together.
   */
  async addEvidence(
    caseId: string,
    bytes: AsyncIterable<Uint8Array> | Uint8Array,
    meta: Omit<EvidenceBody, 'sha256' | 'size'> & Partial<Pick<EvidenceBody, 'sha256'>>,
    actor: string,
  ): Promise<StoredRecord<'evidence'>> {
    // What the uploader states about the collection is a claim; it may be earlier (a file collected in
    // the field last month) but never later than now.
    const receivedAt = new Date();
    if (!(Date.parse(meta.acquisition.at) <= receivedAt.getTime() + CLOCK_SKEW_MS))
      throw new InputError('the acquisition time is not a past date and time', [
        { field: 'acquisition.at', message: `${meta.acquisition.at} is later than now` },
      ]);
    const stored = await this.store.blobs.put(bytes);
    if (meta.sha256 && meta.sha256 !== stored.sha256) {
      throw new InputError('the file received does not match the SHA-256 declared for it', [
        { field: 'sha256', message: `declared ${meta.sha256}, received ${stored.sha256}` },
      ]);
    }
    return this.store.transaction(async (s) => {
      const rec = await s.create(
        'evidence',
        caseId,
        { ...meta, sha256: stored.sha256, size: stored.size },
        actor,
      );
      await s.evidence.writeCustody(
        rec,
        custodyBody(rec.id, {
          action: 'collected',
          at: meta.acquisition.at,
          actor: meta.acquisition.by,
          note: meta.acquisition.method,
          sha256: stored.sha256,
        }),
        actor,
      );
      // The custody log also says what the server saw: who stored the file, and when, whenever that
      // is not what the collection entry already states.
      const stated = Date.parse(meta.acquisition.at);
      if (meta.acquisition.by !== actor || Math.abs(receivedAt.getTime() - stated) > CLOCK_SKEW_MS)
        await s.evidence.writeCustody(
          rec,
          custodyBody(rec.id, {
            action: 'received',
            at: receivedAt.toISOString(),
            actor,
            note: 'stored in Testigo',
            sha256: stored.sha256,
          }),
          actor,
        );
      return rec;
    });
  }

  /** Reads an evidence file (verified against its SHA-256) and records the access in its custody log. */
  async readEvidence(
    id: string,
    actor: string,
    purpose: 'accessed' | 'exported' = 'accessed',
  ): Promise<Buffer> {
    const rec = await this.store.require('evidence', id);
    const bytes = await this.store.blobs.get(rec.body.sha256);
    await this.store.addCustody(
      id,
      { action: purpose, at: new Date().toISOString(), actor, sha256: rec.body.sha256 },
      actor,
    );
    return bytes;
  }

  async addCustody(evidenceId: string, input: unknown, actor: string): Promise<CustodyEntry> {
    const body = custodyBody(evidenceId, input);
    return this.store.transaction(async (s) => {
      // Only whether the evidence is live and its case: its body is not needed.
      const ev = await s.sqlHandle.get<{ case_id: string; deleted_at: string | null }>(
        'SELECT case_id, deleted_at FROM evidence WHERE id = ?',
        [evidenceId],
      );
      if (!ev || ev.deleted_at) throw new NotFoundError(`no evidence record with id ${evidenceId}`);
      return s.evidence.writeCustody({ id: evidenceId, caseId: ev.case_id }, body, actor);
    });
  }

  /** A validated custody entry of evidence known live in the caller's transaction, audited. */
  private async writeCustody(
    ev: { id: string; caseId: string },
    body: CustodyEntryBody,
    actor: string,
  ): Promise<CustodyEntry> {
    const res = { data: body };
    const evidenceId = ev.id;
    return this.store.transaction(async (s) => {
      const id = newId('cus');
      const at = new Date().toISOString();
      await s.sqlHandle.run(
        'INSERT INTO custody_entry (id, case_id, evidence_id, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
        [id, ev.caseId, evidenceId, canonicalJson(res.data), at, actor],
      );
      await s.audit({
        actor,
        action: `custody:${res.data.action}`,
        entity: 'evidence',
        entityId: evidenceId,
        caseId: ev.caseId,
        after: res.data,
      });
      return { id, caseId: ev.caseId, createdAt: at, createdBy: actor, ...res.data };
    });
  }

  async custody(evidenceId: string): Promise<CustodyEntry[]> {
    const rows = await this.sql.all<Record<string, unknown>>(
      'SELECT * FROM custody_entry WHERE evidence_id = ? ORDER BY created_at, id',
      [evidenceId],
    );
    const entries: CustodyEntry[] = rows.map((r) => ({
      id: String(r.id),
      caseId: String(r.case_id),
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
      ...JSON.parse(String(r.data)),
    }));
    // Storing a file writes its first entries in one millisecond (collected as stated, then received):
    // ids are random, so within one instant the storing order is restored by the entries' own order.
    const first = (e: CustodyEntry) => (e.action === 'collected' ? 0 : e.action === 'received' ? 1 : 2);
    return entries.sort((a, b) =>
      a.createdAt === b.createdAt ? first(a) - first(b) : a.createdAt < b.createdAt ? -1 : 1,
    );
  }
}

/** A custody entry's body, validated (before any transaction is opened). */
function custodyBody(evidenceId: string, input: unknown): CustodyEntryBody {
  const res = CustodyEntryBody.safeParse({ ...(input as object), evidenceId });
  if (!res.success) throw new InputError('invalid custody entry', issuesFrom(res.error));
  return res.data;
}
