/**
 * Authorization helpers. Route declarations (route.ts) run them as middleware; the few handlers
 * that need a second check call them. They ask the pure policy in security/policy.ts; no route file
 * checks a role or a protection level itself (architecture.test.ts enforces it).
 */
import type { Context } from 'hono';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
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
