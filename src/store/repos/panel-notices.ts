/** Panel notices: a member's signature that a content change voided, kept until they acknowledge it. */
import { Repository } from './repository.js';

export interface PanelNoticeRow {
  id: string;
  voided_version: number;
  new_version: number;
  created_at: string;
}

export class PanelNoticeRepository extends Repository {
  async add(n: {
    id: string;
    caseId: string;
    member: string;
    voidedVersion: number;
    newVersion: number;
    at: string;
  }) {
    await this.sql.run(
      'INSERT INTO panel_notice (id, case_id, member, voided_version, new_version, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [n.id, n.caseId, n.member, n.voidedVersion, n.newVersion, n.at],
    );
  }

  /** A member's unacknowledged notices, oldest first. */
  unseen(caseId: string, member: string): Promise<PanelNoticeRow[]> {
    return this.sql.all<PanelNoticeRow>(
      'SELECT id, voided_version, new_version, created_at FROM panel_notice WHERE case_id = ? AND member = ? AND seen_at IS NULL ORDER BY created_at, id',
      [caseId, member],
    );
  }

  /** Marks a member's notices seen; returns how many were unseen. */
  acknowledge(caseId: string, member: string, at: string): Promise<number> {
    return this.sql.run(
      'UPDATE panel_notice SET seen_at = ? WHERE case_id = ? AND member = ? AND seen_at IS NULL',
      [at, caseId, member],
    );
  }
}
