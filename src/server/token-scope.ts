/**
 * The one place where an API token's scope is enforced, for every authenticated route (records,
 * evidence, panel, /api/users …): a read-scoped token may only use safe methods. Handlers do not
 * repeat the check, so a new route cannot forget it. Mounted right after authentication.
 */
import type { Context } from 'hono';
import { ForbiddenError } from '../domain/errors.js';
import type { AppEnv } from './context.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function enforceTokenScope() {
  return async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (c.get('via') === 'token' && c.get('principal').readOnly && !SAFE.has(c.req.method))
      throw new ForbiddenError('this API token may only read: its scope is read');
    await next();
  };
}

/** May this request change state? False for read-scoped tokens (also for GETs with side effects). */
export function mayWrite(c: Context<AppEnv>): boolean {
  return !(c.get('via') === 'token' && c.get('principal').readOnly);
}
