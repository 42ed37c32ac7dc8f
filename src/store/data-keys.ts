/**
 * Per-case data keys (the envelope of security/field-cipher.ts): random 256-bit keys stored
 * wrapped by the master key (AES-256-GCM through the Sealer, bound to case and version), one
 * current key per case for new writes, older ("retired") keys kept for reading what they sealed —
 * the audit log is append-only, so history sealed under an old key stays readable with it.
 *
 * Only keys read outside a transaction are cached: a key created inside a transaction that rolls
 * back must never be used again. The current-key pointer is refreshed every minute so a rotation
 * made by another process (the CLI while the server runs) takes effect here soon.
 */
import { randomBytes } from 'node:crypto';
import { KeyError } from '../domain/errors.js';
import { DataKey } from '../security/field-cipher.js';
import type { Sealer } from '../security/seal.js';
import type { Sql } from './sql.js';

const CURRENT_TTL_MS = 60_000;

export interface KeySet {
  current: DataKey;
  get(version: string): DataKey | undefined;
}

interface Cached {
  keys: Map<string, DataKey>;
  current: string;
  loadedAt: number;
}

export class DataKeys {
  private readonly cache = new Map<string, Cached>();
  constructor(private readonly sealer: Sealer) {}

  /**
   * The case's keys, containing every version in `need` (reloaded when one is missing); the
   * case's first key is created when it has none (inside the caller's transaction).
   */
  async keySet(
    sql: Sql,
    caseId: string,
    inTransaction: boolean,
    need: Iterable<string> = [],
  ): Promise<KeySet> {
    let c = this.cache.get(caseId);
    const missing = c && [...need].some((v) => !c!.keys.has(v));
    if (!c || missing || Date.now() - c.loadedAt > CURRENT_TTL_MS) {
      const loaded = await this.load(sql, caseId);
      c = loaded ?? (await this.create(sql, caseId));
      if (!inTransaction && loaded) this.cache.set(caseId, c);
    }
    const keys = c.keys;
    return { current: keys.get(c.current)!, get: (v) => keys.get(v) };
  }

  /** A new current key for the case; older keys stay (retired) for reading. Caller's transaction. */
  async rotate(sql: Sql, caseId: string): Promise<string> {
    const r = await sql.get<{ v: number | null }>(
      'SELECT max(version) AS v FROM data_key WHERE case_id = ?',
      [caseId],
    );
    const next = Number(r?.v ?? 0) + 1;
    const at = new Date().toISOString();
    await sql.run('UPDATE data_key SET retired_at = ? WHERE case_id = ? AND retired_at IS NULL', [
      at,
      caseId,
    ]);
    await this.insert(sql, caseId, next, at);
    this.cache.delete(caseId);
    return `k${next}`;
  }

  /** Forget cached keys (after a rotation committed elsewhere, or a rollback). */
  invalidate(caseId?: string) {
    if (caseId) this.cache.delete(caseId);
    else this.cache.clear();
  }

  private async load(sql: Sql, caseId: string): Promise<Cached | undefined> {
    const rows = await sql.all<{ version: number; wrapped: string; retired_at: string | null }>(
      'SELECT version, wrapped, retired_at FROM data_key WHERE case_id = ? ORDER BY version',
      [caseId],
    );
    if (rows.length === 0) return undefined;
    const keys = new Map<string, DataKey>();
    let current: string | undefined;
    for (const r of rows) {
      const v = `k${Number(r.version)}`;
      const raw = Buffer.from(this.sealer.open(r.wrapped, `data-key:${caseId}:${v}`), 'base64');
      keys.set(v, new DataKey(caseId, v, raw));
      if (!r.retired_at) current = v;
    }
    if (!current) throw new KeyError(`case file ${caseId} has no current data key`);
    return { keys, current, loadedAt: Date.now() };
  }

  private async create(sql: Sql, caseId: string): Promise<Cached> {
    const raw = await this.insert(sql, caseId, 1, new Date().toISOString());
    return { keys: new Map([['k1', new DataKey(caseId, 'k1', raw)]]), current: 'k1', loadedAt: Date.now() };
  }

  private async insert(sql: Sql, caseId: string, version: number, at: string): Promise<Buffer> {
    const raw = randomBytes(32);
    await sql.run('INSERT INTO data_key (case_id, version, wrapped, created_at) VALUES (?, ?, ?, ?)', [
      caseId,
      version,
      this.sealer.seal(raw.toString('base64'), `data-key:${caseId}:k${version}`),
      at,
    ]);
    return raw;
  }
}

/** One DataKeys per unlocked store (shared by the store and its transaction-bound copies). */
const registry = new WeakMap<Sealer, DataKeys>();
export function dataKeysFor(sealer: Sealer): DataKeys {
  let k = registry.get(sealer);
  if (!k) {
    k = new DataKeys(sealer);
    registry.set(sealer, k);
  }
  return k;
}
