/**
 * Linkage in the case file: which list records are which person, and reviewers' decisions on pairs.
 * Provenance is never lost: a merge keeps every record with its list and row.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../domain/errors.js';
import { newId } from '../ids.js';
import { Repository } from './repository.js';

export type LinkDecision = 'must-link' | 'cannot-link' | 'unsure';

export class LinkRowRepository extends Repository {
  /**
   * Ties list records to persons (a merge keeps every record and its list and row: provenance is
   * never lost). One transaction and one audit entry with the assignments' digest.
   */
  async assignSourceRecords(
    caseId: string,
    assignments: readonly { listId: string; rowNo: number; personId: string | null }[],
    actor: string,
    note?: Record<string, unknown>,
  ): Promise<number> {
    return this.store.transaction(async (s) => {
      const persons = new Set(assignments.map((a) => a.personId).filter((p): p is string => Boolean(p)));
      for (const p of persons) {
        const rec = await s.get('person', p);
        if (!rec || rec.caseId !== caseId) throw new InputError(`no person ${p} in this case file`);
      }
      const digest = createHash('sha256');
      let changed = 0;
      for (const a of assignments) {
        changed += await s.sqlHandle.run(
          'UPDATE source_record SET person_id = ? WHERE case_id = ? AND list_id = ? AND row_no = ?',
          [a.personId, caseId, a.listId, a.rowNo],
        );
        digest.update(`${a.listId}\t${a.rowNo}\t${a.personId ?? ''}\n`);
      }
      if (changed !== assignments.length)
        throw new InputError(`${assignments.length - changed} list record(s) do not exist in this case file`);
      await s.audit({
        actor,
        action: 'link',
        entity: 'source-records',
        caseId,
        after: { records: changed, sha256: digest.digest('hex'), ...note },
      });
      return changed;
    });
  }

  /** Records a reviewer's decision on a pair of list records; it supersedes earlier ones on that pair. */
  async recordLinkDecision(
    caseId: string,
    a: { listId: string; rowNo: number },
    b: { listId: string; rowNo: number },
    decision: LinkDecision,
    actor: string,
    note?: string,
  ): Promise<string> {
    if (!['must-link', 'cannot-link', 'unsure'].includes(decision))
      throw new InputError(`unknown decision ${decision}`);
    // Order the pair so (a, b) and (b, a) are the same pair.
    const [x, y] = [a, b].sort((p, q) =>
      p.listId === q.listId ? p.rowNo - q.rowNo : p.listId < q.listId ? -1 : 1,
    ) as [typeof a, typeof b];
    return this.store.transaction(async (s) => {
      for (const r of [x, y]) {
        const hit = await s.sqlHandle.get(
          'SELECT 1 AS ok FROM source_record WHERE case_id = ? AND list_id = ? AND row_no = ?',
          [caseId, r.listId, r.rowNo],
        );
        if (!hit) throw new InputError(`no list record ${r.listId} row ${r.rowNo} in this case file`);
      }
      const at = new Date().toISOString();
      await s.sqlHandle.run(
        'UPDATE link_decision SET superseded_at = ? WHERE case_id = ? AND a_list = ? AND a_row = ? AND b_list = ? AND b_row = ? AND superseded_at IS NULL',
        [at, caseId, x.listId, x.rowNo, y.listId, y.rowNo],
      );
      const id = newId('lnk');
      await s.sqlHandle.run(
        'INSERT INTO link_decision (id, case_id, a_list, a_row, b_list, b_row, decision, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, caseId, x.listId, x.rowNo, y.listId, y.rowNo, decision, note ?? null, at, actor],
      );
      await s.audit({
        actor,
        action: 'link-decision',
        entity: 'link-decisions',
        entityId: id,
        caseId,
        after: { a: x, b: y, decision, note },
      });
      return id;
    });
  }

  /** The decisions in force (latest per pair). */
  async linkDecisions(caseId: string) {
    const rows = await this.sql.all<Record<string, unknown>>(
      'SELECT * FROM link_decision WHERE case_id = ? AND superseded_at IS NULL ORDER BY created_at, id',
      [caseId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      a: { listId: String(r.a_list), rowNo: Number(r.a_row) },
      b: { listId: String(r.b_list), rowNo: Number(r.b_row) },
      decision: String(r.decision) as LinkDecision,
      note: (r.note as string | null) ?? undefined,
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
    }));
  }
}
