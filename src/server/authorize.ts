/**
 * Authorization and parameter helpers for handlers. Handlers ask these (which ask the pure policy
 * in security/policy.ts); no route file checks a role or a protection level itself
 * (architecture.test.ts enforces it).
 */
import type { Context } from 'hono';
import { ForbiddenError, InputError, NotFoundError } from '../domain/errors.js';
import { type Action, can } from '../security/policy.js';
import type { AppEnv } from './context.js';

type C = Context<AppEnv>;

/** 404 for non-members (a case file's existence is not confirmed), 403 when the role may not. */
export function requireCan(c: C, action: Action, caseId: string): void {
  const p = c.get('principal');
  if (!p.memberships.has(caseId)) throw new NotFoundError('no such case file');
  if (!can(p, action, caseId)) throw new ForbiddenError(`your role may not ${action} in this case file`);
}

/** A member whose role may do any one of `actions`. */
export function requireAny(c: C, caseId: string, actions: Action[]): void {
  requireCan(c, 'read', caseId);
  const p = c.get('principal');
  if (!actions.some((a) => can(p, a, caseId)))
    throw new ForbiddenError(`your role may not do this (needs ${actions.join(' or ')})`);
}

/** An integer query parameter within bounds; anything else is a 400 naming the parameter. */
export function intParam(
  v: string | undefined,
  dflt: number,
  min: number,
  max: number,
  name: string,
): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(`${name} must be an integer from ${min} to ${max}`, [
      { field: name, message: 'out of range' },
    ]);
  return n;
}
