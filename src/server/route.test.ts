import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { z } from 'zod';
import { AuthError, ForbiddenError, InputError, NotFoundError } from '../domain/errors.js';
import type { Principal } from '../security/policy.js';
import type { AppEnv } from './context.js';
import { pageQuery } from './query.js';
import { type Access, ApiRouter, accessText, declarationsOf } from './route.js';

/** A bare app with the router, an error mapping like app.ts's, and a caller set by a header. */
function appWith(register: (api: ApiRouter) => void, opts: { authenticated?: boolean } = {}) {
  const app = new Hono<AppEnv>();
  if (opts.authenticated)
    app.use('/api/*', async (c, next) => {
      const role = c.req.header('x-role');
      const p: Principal = {
        userId: 'u1',
        memberships: new Map(role ? [['c1', { role: role as 'viewer', cleared: false }]] : []),
        personClearances: new Map(),
      };
      c.set('principal', p);
      c.set('userId', 'u1');
      await next();
    });
  register(new ApiRouter(app, { isAdministrator: async () => false }));
  app.onError((err, c) => {
    const status =
      err instanceof InputError
        ? 400
        : err instanceof AuthError
          ? 401
          : err instanceof ForbiddenError
            ? 403
            : err instanceof NotFoundError
              ? 404
              : 500;
    return c.json(
      { error: { message: err.message, issues: err instanceof InputError ? err.issues : undefined } },
      status,
    );
  });
  return app;
}

describe('route declarations', () => {
  it('fail closed: a route for callers where no authentication ran answers 401; a public one answers', async () => {
    const app = appWith((api) => {
      api.route(
        { method: 'get', path: '/api/open', summary: 'x', allow: 'public', responses: { 200: 'ok' } },
        (c) => c.json({ ok: true }),
      );
      api.route(
        { method: 'get', path: '/api/me', summary: 'x', allow: 'signed-in', responses: { 200: 'ok' } },
        (c) => c.json({ ok: true }),
      );
      api.route(
        {
          method: 'get',
          path: '/api/cases/:caseId/x',
          summary: 'x',
          allow: 'read',
          responses: { 200: 'ok' },
        },
        (c) => c.json({ ok: true }),
      );
    });
    assert.equal((await app.request('/api/open')).status, 200);
    assert.equal((await app.request('/api/me')).status, 401);
    assert.equal((await app.request('/api/cases/c1/x')).status, 401);
    assert.equal(declarationsOf(app).length, 3);
  });

  it('asks the policy before the handler: 404 for non-members, 403 for a role without the action', async () => {
    let ran = 0;
    const app = appWith(
      (api) =>
        api.route(
          {
            method: 'post',
            path: '/api/cases/:caseId/w',
            summary: 'x',
            allow: 'write',
            body: 'none',
            responses: { 200: 'ok' },
          },
          (c) => {
            ran++;
            return c.json({ ok: true });
          },
        ),
      { authenticated: true },
    );
    assert.equal((await app.request('/api/cases/c1/w', { method: 'POST' })).status, 404);
    assert.equal(
      (await app.request('/api/cases/c1/w', { method: 'POST', headers: { 'x-role': 'viewer' } })).status,
      403,
    );
    assert.equal(ran, 0);
    assert.equal(
      (await app.request('/api/cases/c1/w', { method: 'POST', headers: { 'x-role': 'documenter' } })).status,
      200,
    );
    assert.equal(ran, 1);
  });

  it('`allow: { all }` needs every requirement before the handler, and fails closed when it names none', async () => {
    let ran = 0;
    const app = appWith(
      (api) =>
        api.route(
          {
            method: 'delete',
            path: '/api/cases/:caseId/records/:kind/:id',
            summary: 'x',
            allow: { all: ['delete', 'kind-write'] },
            responses: { 200: 'ok' },
          },
          (c) => {
            ran++;
            return c.json({ ok: true });
          },
        ),
      { authenticated: true },
    );
    const del = (kind: string, role?: string) =>
      app.request(`/api/cases/c1/records/${kind}/x`, {
        method: 'DELETE',
        headers: role ? { 'x-role': role } : {},
      });
    assert.equal((await del('persons')).status, 404, 'not a member');
    // Documenters write persons but may not delete; panels are written only through their own routes.
    assert.equal((await del('persons', 'documenter')).status, 403);
    assert.equal((await del('panels', 'administrator')).status, 403);
    assert.equal((await del('no-such-kind', 'administrator')).status, 404);
    assert.equal(ran, 0);
    assert.equal((await del('persons', 'administrator')).status, 200);
    assert.equal(ran, 1);
    assert.equal(accessText({ all: ['delete', 'kind-write'] }), 'delete & kind-write');

    // An empty list would let everyone through: the declaration is refused; an unknown action denies.
    for (const allow of [{ all: [] }, []] as Access[])
      assert.throws(
        () =>
          appWith((api) =>
            api.route(
              { method: 'get', path: '/api/cases/:caseId/e', summary: 'x', allow, responses: { 200: 'ok' } },
              (c) => c.json({ ok: true }),
            ),
          ),
        /allow names no requirement/,
      );
    const odd = appWith(
      (api) =>
        api.route(
          {
            method: 'get',
            path: '/api/cases/:caseId/o',
            summary: 'x',
            allow: { all: ['read', 'no-such-action' as 'read'] },
            responses: { 200: 'ok' },
          },
          (c) => c.json({ ok: true }),
        ),
      { authenticated: true },
    );
    assert.equal(
      (await odd.request('/api/cases/c1/o', { headers: { 'x-role': 'administrator' } })).status,
      403,
    );
  });

  it('validates the query and the body: 400 with field issues, and the handler gets parsed values', async () => {
    const seen: unknown[] = [];
    const app = appWith(
      (api) =>
        api.route(
          {
            method: 'post',
            path: '/api/cases/:caseId/v',
            summary: 'x',
            allow: 'read',
            query: pageQuery({ default: 20, max: 100 }, 1000),
            body: z.object({ name: z.string().min(1) }),
            invalid: 'a name is required',
            responses: { 200: 'ok' },
          },
          (c, input) => {
            seen.push(input);
            return c.json({ ok: true });
          },
        ),
      { authenticated: true },
    );
    const post = (qs: string, body?: string) =>
      app.request(`/api/cases/c1/v${qs}`, {
        method: 'POST',
        headers: { 'x-role': 'viewer', 'content-type': 'application/json' },
        body,
      });
    for (const [qs, field] of [
      ['?limit=abc', 'limit'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?offset=1.5', 'offset'],
    ] as const) {
      const r = await post(qs, '{"name":"a"}');
      assert.equal(r.status, 400, qs);
      const j = (await r.json()) as { error: { issues: { field: string; code: string }[] } };
      assert.equal(j.error.issues[0]?.field, field, qs);
    }
    const bad = await post('', '{"name":""}');
    assert.equal(bad.status, 400);
    assert.deepEqual(
      ((await bad.json()) as { error: { message: string; issues: { field: string; code: string }[] } }).error,
      {
        message: 'a name is required',
        issues: [
          { field: 'name', message: 'Too small: expected string to have >=1 characters', code: 'required' },
        ],
      },
    );
    assert.equal((await post('', 'not json')).status, 400);
    assert.deepEqual(seen, []);
    assert.equal((await post('?limit=&offset=7', '{"name":"a"}')).status, 200);
    assert.deepEqual(seen, [{ query: { limit: 20, offset: 7 }, body: { name: 'a' } }]);
  });
});
