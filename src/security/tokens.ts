/**
 * API tokens: 256-bit random secrets shown once; only their SHA-256 is stored, so a stolen
 * database does not yield usable tokens. Each token carries a clearance: `full` sees protected
 * identities, `public` sees pseudonyms. (Accounts, roles and per-case membership build on this.)
 */
import { createHash, randomBytes } from 'node:crypto';
import { InputError } from '../domain/errors.js';
import type { CaseStore } from '../store/case-store.js';
import { newId } from '../store/ids.js';

export type Clearance = 'full' | 'public';
export interface TokenInfo {
  id: string;
  name: string;
  actor: string;
  clearance: Clearance;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createToken(
  store: CaseStore,
  name: string,
  actor: string,
  clearance: Clearance,
  by: string,
): Promise<{ token: string; info: TokenInfo }> {
  if (!['full', 'public'].includes(clearance))
    throw new InputError(`unknown clearance ${clearance} (full or public)`);
  const token = `tg_${randomBytes(32).toString('base64url')}`;
  const id = newId('tok');
  await store.transaction(async (s) => {
    await s.rawRun(
      'INSERT INTO api_token (id, token_hash, name, actor, clearance, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [id, hash(token), name, actor, clearance, new Date().toISOString()],
    );
    await s.audit({
      actor: by,
      action: 'create',
      entity: 'api-tokens',
      entityId: id,
      after: { name, actor, clearance },
    });
  });
  return { token, info: { id, name, actor, clearance } };
}

export async function verifyToken(store: CaseStore, token: string): Promise<TokenInfo | undefined> {
  if (!/^tg_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const r = await store.rawGet<{
    id: string;
    name: string;
    actor: string;
    clearance: Clearance;
    revoked_at: string | null;
    expires_at: string | null;
  }>('SELECT id, name, actor, clearance, revoked_at, expires_at FROM api_token WHERE token_hash = ?', [
    hash(token),
  ]);
  if (!r || r.revoked_at || (r.expires_at && r.expires_at < new Date().toISOString())) return undefined;
  return { id: r.id, name: r.name, actor: r.actor, clearance: r.clearance };
}

export async function revokeToken(store: CaseStore, id: string, by: string): Promise<boolean> {
  return store.transaction(async (s) => {
    const n = await s.rawRun('UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
      new Date().toISOString(),
      id,
    ]);
    if (n) await s.audit({ actor: by, action: 'revoke', entity: 'api-tokens', entityId: id });
    return n > 0;
  });
}
