/**
 * Counters and spent proofs that every server instance shares (PostgreSQL only: on SQLite one
 * process holds them in memory, server/shared-limits.ts). Keys arrive digested.
 */
import { Repository } from './repository.js';

export interface CounterRow {
  key: string;
  count: number | string;
  until_ms: number | string;
  expires_ms: number | string;
}

export class LimitRepository extends Repository {
  /** Counts one in a fixed window that starts at the key's first hit (or after it expired). */
  async hit(key: string, windowMs: number, now: number): Promise<{ count: number; expires: number }> {
    const r = await this.sql.get<CounterRow>(
      `INSERT INTO shared_counter (key, count, until_ms, expires_ms) VALUES (?, 1, 0, ?)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN shared_counter.expires_ms <= ? THEN 1 ELSE shared_counter.count + 1 END,
         until_ms = CASE WHEN shared_counter.expires_ms <= ? THEN 0 ELSE shared_counter.until_ms END,
         expires_ms = CASE WHEN shared_counter.expires_ms <= ? THEN EXCLUDED.expires_ms ELSE shared_counter.expires_ms END
       RETURNING key, count, until_ms, expires_ms`,
      [key, now + windowMs, now, now, now],
    );
    return { count: Number(r!.count), expires: Number(r!.expires_ms) };
  }

  /** The unexpired counters among `keys`. */
  async live(
    keys: string[],
    now: number,
  ): Promise<Map<string, { count: number; until: number; expires: number }>> {
    const rows = await this.sql.all<CounterRow>(
      `SELECT key, count, until_ms, expires_ms FROM shared_counter WHERE key IN (${keys.map(() => '?').join(', ')}) AND expires_ms > ?`,
      [...keys, now],
    );
    return new Map(
      rows.map((r) => [
        r.key,
        { count: Number(r.count), until: Number(r.until_ms), expires: Number(r.expires_ms) },
      ]),
    );
  }

  /** Raises a counter's wait and lifetime (concurrent raises: the longest wins). */
  async extend(key: string, untilMs: number, expiresMs: number): Promise<void> {
    await this.sql.run(
      'UPDATE shared_counter SET until_ms = GREATEST(until_ms, ?), expires_ms = GREATEST(expires_ms, ?) WHERE key = ?',
      [untilMs, expiresMs, key],
    );
  }

  async clear(key: string): Promise<void> {
    await this.sql.run('DELETE FROM shared_counter WHERE key = ?', [key]);
  }

  /** Drops expired counters and spent proofs. */
  async sweep(now: number): Promise<void> {
    await this.sql.run('DELETE FROM shared_counter WHERE expires_ms <= ?', [now]);
    await this.sql.run('DELETE FROM pow_spent WHERE expires_ms <= ?', [now]);
  }

  /** Records a proof as spent; false when it was spent already. */
  async spendOnce(tag: string, expiresMs: number): Promise<boolean> {
    const r = await this.sql.get<{ tag: string }>(
      'INSERT INTO pow_spent (tag, expires_ms) VALUES (?, ?) ON CONFLICT (tag) DO NOTHING RETURNING tag',
      [tag, expiresMs],
    );
    return r !== undefined;
  }
}
