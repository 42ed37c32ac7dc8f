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
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { AuthError, InputError } from '../../domain/errors.js';
import { sessionDigest } from '../../services/accounts.js';
import { InterviewService } from '../../services/intake.js';
import type { CaseStore } from '../../store/case-store.js';
import type { ApiRouter } from '../route.js';
import { SESSION_COOKIE } from './auth.js';

const Save = z.object({ seq: z.number().int().nonnegative(), answers: z.unknown() });
const Finish = z.object({ answers: z.unknown() });

export function interviewRoutes(api: ApiRouter, store: CaseStore): void {
  const svc = new InterviewService(store);
  const base = '/api/cases/:caseId/interviews';

  api.tag('Sign-in').route(
    {
      method: 'get',
      path: '/api/session/csrf',
      summary:
        'A fresh CSRF token for this browser session (cookie sessions only; needs the X-Requested-With header)',
      allow: 'signed-in',
      responses: { 200: 'token', 401: 'no session' },
    },
    async (c) => {
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
    },
  );

  const r = api.tag('Interviews');
  r.route(
    {
      method: 'get',
      path: base,
      summary: "The caller's own interview drafts (sealed; only their author lists them)",
      allow: 'write',
      responses: { 200: 'drafts', 403: 'not allowed' },
    },
    async (c) => c.json({ items: await svc.drafts(c.req.param('caseId'), c.get('userId')) }),
  );
  r.route(
    {
      method: 'get',
      path: `${base}/:id`,
      summary: 'One of the caller’s interview drafts',
      allow: 'write',
      responses: { 200: 'draft', 404: 'no such draft' },
    },
    async (c) => c.json(await svc.draft(c.req.param('caseId'), c.get('userId'), c.req.param('id'))),
  );
  r.route(
    {
      method: 'put',
      path: `${base}/:id`,
      summary:
        'Save a draft (client-generated id; a sequence number keeps an older save from overwriting a newer one)',
      allow: 'write',
      body: Save,
      responses: { 200: 'saved', 400: 'invalid', 403: 'not allowed' },
    },
    async (c, { body }) =>
      c.json(
        await svc.saveDraft(
          c.req.param('caseId'),
          c.get('userId'),
          c.req.param('id'),
          body.answers,
          body.seq,
        ),
      ),
  );
  r.route(
    {
      method: 'delete',
      path: `${base}/:id`,
      summary: 'Discard a draft (its sealed content is erased)',
      allow: 'write',
      responses: { 200: 'discarded', 404: 'no such draft' },
    },
    async (c) => {
      await svc.discard(c.req.param('caseId'), c.get('userId'), c.req.param('id'));
      return c.json({ ok: true });
    },
  );
  r.route(
    {
      method: 'post',
      path: `${base}/:id/finish`,
      summary:
        'Write the interview (witness, victims, event, acts, perpetrators, testimony) in one transaction; idempotent on the draft id',
      allow: 'write',
      body: Finish,
      responses: { 201: 'written', 200: 'already written: the same ids', 400: 'invalid answers' },
    },
    async (c, { body }) => {
      const caseId = c.req.param('caseId');
      const r = await svc.finish(caseId, c.get('principal'), c.req.param('id'), body.answers, c.get('actor'));
      return c.json(r, r.repeated ? 200 : 201);
    },
  );
}
