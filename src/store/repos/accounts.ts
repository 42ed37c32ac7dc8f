/**
 * The tables of accounts: users, case membership and clearances, API tokens, security notices.
 * SQL only: what a row means (hashing, second factors, who may do what) is the accounts service's
 * (services/accounts.ts) and the policy's. Secrets arrive here already hashed or sealed.
 */
import { Repository } from './repository.js';

/** The first-sign-in state in `accessOf`'s `pending` row: one bit each. */
export const PENDING_BITS = { mustChangePassword: 1, totpEnabled: 2, require2fa: 4, case2fa: 8 } as const;

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  totp_secret: string | null;
  totp_pending: string | null;
  totp_enabled: number;
  recovery_codes: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  /** 1: the password was set by an administrator and must be changed at the next sign-in. */
  must_change_password: number;
  /** 1: the account's own policy requires two-step verification. */
  require_2fa: number;
}

export interface TokenRow {
  id: string;
  user_id: string | null;
  scope: string;
  revoked_at: string | null;
  expires_at: string | null;
  /** The token's user's (null when the user is live or the token has none). */
  disabled_at: string | null;
}

export class AccountRepository extends Repository {
  // ── Users ──────────────────────────────────────────────────────────────────────────────
  userById(id: string): Promise<UserRow | undefined> {
    return this.sql.get<UserRow>('SELECT * FROM app_user WHERE id = ?', [id]);
  }

  /** By the stored (trimmed, lower-case) username. */
  userByName(username: string): Promise<UserRow | undefined> {
    return this.sql.get<UserRow>('SELECT * FROM app_user WHERE username = ?', [username]);
  }

  allUsers(): Promise<UserRow[]> {
    return this.sql.all<UserRow>('SELECT * FROM app_user ORDER BY username');
  }

  async insertUser(u: {
    id: string;
    username: string;
    displayName: string;
    passwordHash: string;
    isAdmin: boolean;
    mustChangePassword: boolean;
    require2fa: boolean;
    at: string;
  }): Promise<void> {
    await this.sql.run(
      'INSERT INTO app_user (id, username, display_name, password_hash, is_admin, must_change_password, require_2fa, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        u.id,
        u.username,
        u.displayName,
        u.passwordHash,
        u.isAdmin ? 1 : 0,
        u.mustChangePassword ? 1 : 0,
        u.require2fa ? 1 : 0,
        u.at,
        u.at,
      ],
    );
  }

  /** Rows changed (0: no such user). */
  setDisabledAt(id: string, disabledAt: string | null, at: string): Promise<number> {
    return this.sql.run('UPDATE app_user SET disabled_at = ?, updated_at = ? WHERE id = ?', [
      disabledAt,
      at,
      id,
    ]);
  }

  /**
   * An administrator's reset: the new hash, any failed-login count or lock cleared, and whether the
   * owner must change it at the next sign-in.
   */
  resetPasswordHash(id: string, hash: string, mustChange: boolean, at: string): Promise<number> {
    return this.sql.run(
      'UPDATE app_user SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
      [hash, mustChange ? 1 : 0, at, id],
    );
  }

  async setCaseRequires2fa(caseId: string, required: boolean): Promise<void> {
    await this.sql.run('UPDATE case_file SET require_2fa = ? WHERE id = ?', [required ? 1 : 0, caseId]);
  }

  async caseRequires2fa(caseId: string): Promise<boolean> {
    const r = await this.sql.get<{ require_2fa: number }>('SELECT require_2fa FROM case_file WHERE id = ?', [
      caseId,
    ]);
    return Boolean(Number(r?.require_2fa ?? 0));
  }

  /** The owner's own change of password. */
  /** The owner's own change: a password an administrator set is no longer in force. */
  async setPasswordHash(id: string, hash: string, at: string): Promise<void> {
    await this.sql.run(
      'UPDATE app_user SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?',
      [hash, at, id],
    );
  }

  // ── Two-step verification ─────────────────────────────────────────────────────────────
  async setTotpPending(id: string, sealedSecret: string): Promise<void> {
    await this.sql.run('UPDATE app_user SET totp_pending = ? WHERE id = ?', [sealedSecret, id]);
  }

  /** The pending secret becomes the active one, with new recovery codes (hashed, as JSON). */
  async activateTotpPending(id: string, recoveryCodeHashes: string): Promise<void> {
    await this.sql.run(
      'UPDATE app_user SET totp_secret = totp_pending, totp_pending = NULL, totp_enabled = 1, recovery_codes = ? WHERE id = ?',
      [recoveryCodeHashes, id],
    );
  }

  /** Two-step verification off: secret, pending secret and recovery codes gone. Rows changed. */
  clearTotp(id: string): Promise<number> {
    return this.sql.run(
      'UPDATE app_user SET totp_secret = NULL, totp_pending = NULL, totp_enabled = 0, recovery_codes = NULL WHERE id = ?',
      [id],
    );
  }

  /** Records a TOTP step as used; false when it (or a later one) was used already. */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const changed = await this.sql.run(
      'UPDATE app_user SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)',
      [step, id, step],
    );
    return changed === 1;
  }

  /** Replaces the recovery codes only if they are still `expected`; false when another request changed them. */
  async replaceRecoveryCodes(id: string, codes: string, expected: string | null): Promise<boolean> {
    const changed = await this.sql.run(
      'UPDATE app_user SET recovery_codes = ? WHERE id = ? AND recovery_codes = ?',
      [codes, id, expected],
    );
    return changed === 1;
  }

  // ── Notices ────────────────────────────────────────────────────────────────────────────
  async addNotice(id: string, userId: string, kind: string, at: string): Promise<void> {
    await this.sql.run('INSERT INTO account_notice (id, user_id, kind, created_at) VALUES (?, ?, ?, ?)', [
      id,
      userId,
      kind,
      at,
    ]);
  }

  /** The newest hundred, newest first. */
  notices(userId: string) {
    return this.sql.all<{ id: string; kind: string; created_at: string; seen_at: string | null }>(
      'SELECT id, kind, created_at, seen_at FROM account_notice WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT 100',
      [userId],
    );
  }

  async markNoticesSeen(userId: string, at: string): Promise<void> {
    await this.sql.run('UPDATE account_notice SET seen_at = ? WHERE user_id = ? AND seen_at IS NULL', [
      at,
      userId,
    ]);
  }

  // ── Membership and clearances ──────────────────────────────────────────────────────────
  memberRole(caseId: string, userId: string): Promise<{ role: string } | undefined> {
    return this.sql.get<{ role: string }>('SELECT role FROM case_member WHERE case_id = ? AND user_id = ?', [
      caseId,
      userId,
    ]);
  }

  /** A new role; the case-wide clearance is kept only when `keepClearance`. */
  async updateMember(caseId: string, userId: string, role: string, keepClearance: boolean): Promise<void> {
    await this.sql.run(
      'UPDATE case_member SET role = ?, cleared = CASE WHEN ? THEN cleared ELSE 0 END WHERE case_id = ? AND user_id = ?',
      [role, keepClearance ? 1 : 0, caseId, userId],
    );
  }

  async insertMember(caseId: string, userId: string, role: string, at: string, by: string): Promise<void> {
    await this.sql.run(
      'INSERT INTO case_member (case_id, user_id, role, cleared, created_at, created_by) VALUES (?, ?, ?, 0, ?, ?)',
      [caseId, userId, role, at, by],
    );
  }

  async deleteMember(caseId: string, userId: string): Promise<void> {
    await this.sql.run('DELETE FROM case_member WHERE case_id = ? AND user_id = ?', [caseId, userId]);
  }

  async setMemberCleared(caseId: string, userId: string, cleared: boolean): Promise<void> {
    await this.sql.run('UPDATE case_member SET cleared = ? WHERE case_id = ? AND user_id = ?', [
      cleared ? 1 : 0,
      caseId,
      userId,
    ]);
  }

  /** Removes a member's clearance for one person, or for every person when `personId` is absent. */
  async deletePersonClearances(caseId: string, userId: string, personId?: string): Promise<void> {
    if (personId === undefined)
      await this.sql.run('DELETE FROM person_clearance WHERE case_id = ? AND user_id = ?', [caseId, userId]);
    else
      await this.sql.run('DELETE FROM person_clearance WHERE case_id = ? AND user_id = ? AND person_id = ?', [
        caseId,
        userId,
        personId,
      ]);
  }

  async insertPersonClearance(
    caseId: string,
    userId: string,
    personId: string,
    at: string,
    by: string,
  ): Promise<void> {
    await this.sql.run(
      'INSERT INTO person_clearance (case_id, user_id, person_id, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      [caseId, userId, personId, at, by],
    );
  }

  members<R extends string>(caseId: string) {
    return this.sql.all<{ user_id: string; role: R; cleared: number }>(
      'SELECT user_id, role, cleared FROM case_member WHERE case_id = ? ORDER BY user_id',
      [caseId],
    );
  }

  /**
   * What every authenticated request needs of its user, in one statement: rows `member` (case,
   * role, cleared), `clearance` (case, person) and one `pending` row (none: no such user) whose
   * number packs the first-sign-in state (PENDING_BITS: password to change, 2FA on, 2FA required by the
   * account, by one of its live case files).
   */
  accessOf(userId: string) {
    return this.sql.all<{ k: 'member' | 'clearance' | 'pending'; case_id: string; v: string; n: number }>(
      `SELECT 'member' AS k, case_id, role AS v, cleared AS n FROM case_member WHERE user_id = ?
       UNION ALL SELECT 'clearance' AS k, case_id, person_id AS v, 0 AS n FROM person_clearance WHERE user_id = ?
       UNION ALL SELECT 'pending' AS k, '' AS case_id, '' AS v,
         (CASE WHEN u.must_change_password <> 0 THEN ${PENDING_BITS.mustChangePassword} ELSE 0 END)
         + (CASE WHEN u.totp_enabled <> 0 THEN ${PENDING_BITS.totpEnabled} ELSE 0 END)
         + (CASE WHEN u.require_2fa <> 0 THEN ${PENDING_BITS.require2fa} ELSE 0 END)
         + (CASE WHEN EXISTS (SELECT 1 FROM case_member m JOIN case_file c ON c.id = m.case_id
              WHERE m.user_id = u.id AND c.require_2fa = 1 AND c.deleted_at IS NULL)
            THEN ${PENDING_BITS.case2fa} ELSE 0 END) AS n
         FROM app_user u WHERE u.id = ?`,
      [userId, userId, userId],
    );
  }

  // ── API tokens ─────────────────────────────────────────────────────────────────────────
  async insertToken(t: {
    id: string;
    tokenHash: string;
    name: string;
    userId: string;
    scope: string;
    at: string;
  }): Promise<void> {
    await this.sql.run(
      "INSERT INTO api_token (id, token_hash, name, actor, clearance, created_at, user_id, scope) VALUES (?, ?, ?, ?, 'n/a', ?, ?, ?)",
      [t.id, t.tokenHash, t.name, `user:${t.userId}`, t.at, t.userId, t.scope],
    );
  }

  tokenByHash(tokenHash: string): Promise<TokenRow | undefined> {
    return this.sql.get<TokenRow>(
      'SELECT t.id, t.user_id, t.scope, t.revoked_at, t.expires_at, u.disabled_at FROM api_token t LEFT JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?',
      [tokenHash],
    );
  }

  /** Rows changed (0: no such live token). */
  revokeToken(id: string, at: string): Promise<number> {
    return this.sql.run('UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id]);
  }
}
