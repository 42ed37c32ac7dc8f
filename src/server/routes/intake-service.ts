/**
 * The testimony interview over HTTP (see services/intake.ts): the caller's drafts (autosaved,
 * sealed, visible to their author only), and finishing one — the whole interview in one
 * transaction, idempotent on the client-generated draft id.
 *
 * Also the CSRF token for a tab that did not sign in itself (opened from a bookmark or a new-tab
 * link): the session cookie alone proves nothing to a state-changing request, but a same-origin
 * script of a signed-in tab may ask for a fresh token. Cross-site pages cannot: the cookie is
 * SameSite=Strict, the response is not readable across origins, and the custom header forces a
 * CORS preflight that this server never grants.
 */
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { AuthError, InputError } from '../../domain/errors.js';
import { fieldIssues } from '../../domain/issues.js';
import { sessionDigest } from '../../services/accounts.js';
import { InterviewService } from '../../services/intake.js';
import type { CaseStore } from '../../store/case-store.js';
import { requireCan } from '../authorize.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';
import { SESSION_COOKIE } from './auth.js';

const Save = z.object({ seq: z.number().int().nonnegative(), answers: z.unknown() });
const Finish = z.object({ answers: z.unknown() });

async function json<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<T> {
  const r = schema.safeParse(await jsonBody(c));
  if (!r.success) throw new InputError('invalid request body', fieldIssues(r.error));
  return r.data;
}

export function interviewRoutes(app: Hono<AppEnv>, store: CaseStore): void {
  const svc = new InterviewService(store);
  const base = '/api/cases/:caseId/interviews';

  app.get('/api/session/csrf', async (c) => {
    if (c.get('via') !== 'session')
      throw new AuthError('a CSRF token belongs to a signed-in browser session');
    if (c.req.header('x-testigo-csrf') !== 'fetch')
      throw new InputError('missing X-Testigo-Csrf: fetch', [
        { field: 'X-Testigo-Csrf', message: 'required' },
      ]);
    const sid = getCookie(c, SESSION_COOKIE);
    if (!sid) throw new AuthError('authentication required');
    // A new token replaces the old one; other tabs of the session pick it up or fetch again.
    const csrf = randomBytes(32).toString('base64url');
    await store.sessions.setCsrf(sessionDigest(sid), sessionDigest(csrf));
    return c.json({ csrf });
  });

  app.get(base, async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'write', caseId);
    return c.json({ items: await svc.drafts(caseId, c.get('userId')) });
  });
  app.get(`${base}/:id`, async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'write', caseId);
    return c.json(await svc.draft(caseId, c.get('userId'), c.req.param('id')));
  });
  app.put(`${base}/:id`, async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'write', caseId);
    const body = await json(c, Save);
    return c.json(await svc.saveDraft(caseId, c.get('userId'), c.req.param('id'), body.answers, body.seq));
  });
  app.delete(`${base}/:id`, async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'write', caseId);
    await svc.discard(caseId, c.get('userId'), c.req.param('id'));
    return c.json({ ok: true });
  });
  app.post(`${base}/:id/finish`, async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'write', caseId);
    const body = await json(c, Finish);
    const r = await svc.finish(caseId, c.get('principal'), c.req.param('id'), body.answers, c.get('actor'));
    return c.json(r, r.repeated ? 200 : 201);
  });
}
