/** Browser sessions, stored by the SHA-256 of their id (and of their CSRF token), never the secrets. */
import { Repository } from './repository.js';

export interface SessionRow {
  user_id: string;
  csrf: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** The session's user's. */
  disabled_at: string | null;
}

export class SessionRepository extends Repository {
  async insert(s: { idHash: string; userId: string; csrfHash: string; at: string; expiresAt: string }) {
    await this.sql.run(
      'INSERT INTO session (id_hash, user_id, csrf, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      [s.idHash, s.userId, s.csrfHash, s.at, s.at, s.expiresAt],
    );
  }

  byIdHash(idHash: string): Promise<SessionRow | undefined> {
    return this.sql.get<SessionRow>(
      'SELECT s.user_id, s.csrf, s.last_seen_at, s.expires_at, s.revoked_at, u.disabled_at FROM session s JOIN app_user u ON u.id = s.user_id WHERE s.id_hash = ?',
      [idHash],
    );
  }

  async touch(idHash: string, at: string): Promise<void> {
    await this.sql.run('UPDATE session SET last_seen_at = ? WHERE id_hash = ?', [at, idHash]);
  }

  async setCsrf(idHash: string, csrfHash: string): Promise<void> {
    await this.sql.run('UPDATE session SET csrf = ? WHERE id_hash = ?', [csrfHash, idHash]);
  }

  async liveCount(userId: string): Promise<number> {
    const r = await this.sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM session WHERE user_id = ? AND revoked_at IS NULL',
      [userId],
    );
    return Number(r?.n ?? 0);
  }

  async revoke(idHash: string, at: string): Promise<void> {
    await this.sql.run('UPDATE session SET revoked_at = ? WHERE id_hash = ?', [at, idHash]);
  }

  /** Ends every live session of the user, but the one whose id hashes to `keepIdHash`. */
  async revokeAllOf(userId: string, at: string, keepIdHash?: string): Promise<void> {
    if (keepIdHash === undefined)
      await this.sql.run('UPDATE session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
        at,
        userId,
      ]);
    else
      await this.sql.run(
        'UPDATE session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id_hash <> ?',
        [at, userId, keepIdHash],
      );
  }
}
