/** Interview drafts: answers sealed under the case's data key, erased when discarded or finished. */
import { Repository } from './repository.js';

export interface DraftRow {
  id: string;
  case_id: string;
  owner_id: string;
  data: string;
  seq: number | string;
  result: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  discarded_at: string | null;
}

export class InterviewDraftRepository extends Repository {
  byId(id: string): Promise<DraftRow | undefined> {
    return this.sql.get<DraftRow>('SELECT * FROM interview_draft WHERE id = ?', [id]);
  }

  /** An owner's open drafts in a case file, most recently saved first. */
  openDrafts(caseId: string, ownerId: string): Promise<DraftRow[]> {
    return this.sql.all<DraftRow>(
      'SELECT * FROM interview_draft WHERE case_id = ? AND owner_id = ? AND finished_at IS NULL AND discarded_at IS NULL ORDER BY updated_at DESC',
      [caseId, ownerId],
    );
  }

  async insert(d: { id: string; caseId: string; ownerId: string; data: string; seq: number; at: string }) {
    await this.sql.run(
      'INSERT INTO interview_draft (id, case_id, owner_id, data, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [d.id, d.caseId, d.ownerId, d.data, d.seq, d.at, d.at],
    );
  }

  async save(id: string, data: string, seq: number, at: string): Promise<void> {
    await this.sql.run('UPDATE interview_draft SET data = ?, seq = ?, updated_at = ? WHERE id = ?', [
      data,
      seq,
      at,
      id,
    ]);
  }

  /** Erases the sealed answers and marks the draft discarded. */
  async discard(id: string, at: string): Promise<void> {
    await this.sql.run("UPDATE interview_draft SET data = '', discarded_at = ? WHERE id = ?", [at, id]);
  }

  /** Marks the draft finished; false when another request finished it first. */
  async claimFinish(id: string, at: string): Promise<boolean> {
    return (
      (await this.sql.run('UPDATE interview_draft SET finished_at = ? WHERE id = ? AND finished_at IS NULL', [
        at,
        id,
      ])) === 1
    );
  }

  /** Keeps only what the finished interview produced (its ids); the answers are erased. */
  async setResult(id: string, result: string, at: string): Promise<void> {
    await this.sql.run("UPDATE interview_draft SET data = '', result = ?, updated_at = ? WHERE id = ?", [
      result,
      at,
      id,
    ]);
  }

  /** Drafts of a case that still hold sealed answers (open ones), a page at a time by id. */
  sealedPage(caseId: string, afterId: string, limit: number): Promise<{ id: string; data: string }[]> {
    return this.sql.all<{ id: string; data: string }>(
      "SELECT id, data FROM interview_draft WHERE case_id = ? AND id > ? AND data <> '' ORDER BY id LIMIT ?",
      [caseId, afterId, limit],
    );
  }

  /** Replaces the sealed answers only if they are still `was`; false when a save came in between. */
  async reseal(id: string, was: string, data: string): Promise<boolean> {
    return (
      (await this.sql.run('UPDATE interview_draft SET data = ? WHERE id = ? AND data = ?', [
        data,
        id,
        was,
      ])) === 1
    );
  }
}
