/**
 * Token scope on every route, on both engines: a read-scoped token of a global administrator who
 * administers the case walks every path of the OpenAPI document (and every route the app has, so
 * an undocumented one cannot slip by) with every non-reading method and a body that would succeed;
 * nothing is written, not one audit entry is added, and the same token still reads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Accounts } from '../services/accounts.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { createApp } from './app.js';
import { openApiDocument } from './openapi.js';
import { declarationsOf } from './route.js';

const PW = 'una contraseña larga de prueba';
const READ_METHODS = new Set(['get', 'head', 'options']);
/** Routes that run before authentication: they take no token (sign-in, sign-out, the public form). */
const UNAUTHENTICATED = ['/api/auth/login', '/api/auth/logout', '/api/public/'];

for (const backend of BACKENDS) {
  describe(`token scope on every route (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let read: string;
    let write: string;
    let ids: Record<string, string>;
    before(async () => {
      t = await backend.open();
      const accounts = new Accounts(t.store);
      const admin = await accounts.createUser({ username: 'jefa', password: PW, isAdmin: true }, 'user:test');
      const other = await accounts.createUser({ username: 'otra', password: PW }, 'user:test');
      const caseId = (await t.store.createCase({ title: 'Scopes' }, 'user:test')).id;
      await accounts.setMember(caseId, admin.id, 'administrator', 'user:test');
      await accounts.setMember(caseId, other.id, 'documenter', 'user:test');
      const person = await t.store.create(
        'person',
        caseId,
        { givenNames: 'Ana', protection: 'public' },
        'user:test',
      );
      ids = { caseId, id: other.id, userId: other.id, kind: 'persons', personId: person.id };
      read = (await accounts.createToken(admin.id, 'read', 'read', 'user:test')).token;
      write = (await accounts.createToken(admin.id, 'write', 'write', 'user:test')).token;
      app = createApp(t.store, { landingHtml: '<p>x</p>' });
    });
    after(async () => t?.dispose());

    /** A body that would be accepted where the route takes one (so only the scope can stop it). */
    const bodyFor = (path: string) =>
      path === '/api/users'
        ? { username: 'creada.por.token', password: PW }
        : path.endsWith('/records/{kind}') || path.endsWith('/records/{kind}/{id}')
          ? { givenNames: 'Nueva', protection: 'public' }
          : path.endsWith('/members/{userId}')
            ? { role: 'viewer' }
            : {};
    const fill = (path: string) =>
      path.replace(/\{(\w+)\}/g, (_, name: string) =>
        path.includes('/records/') && name === 'id' ? ids.personId! : (ids[name] ?? name),
      );
    const send = (method: string, path: string, token: string) =>
      app.request(fill(path), {
        method: method.toUpperCase(),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: READ_METHODS.has(method) ? undefined : JSON.stringify(bodyFor(path)),
      });

    it('refuses every write of a read token, on every documented path, and writes nothing', async () => {
      const doc = openApiDocument('test', declarationsOf(app)) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const before = (await t.store.auditEntries({ limit: 100_000 })).length;
      let walked = 0;
      for (const [path, ops] of Object.entries(doc.paths)) {
        if (UNAUTHENTICATED.some((p) => path.startsWith(p))) continue;
        for (const method of Object.keys(ops)) {
          if (READ_METHODS.has(method)) continue;
          const r = await send(method, path, read);
          assert.equal(r.status, 403, `${method.toUpperCase()} ${path} with a read token`);
          walked++;
        }
      }
      assert.ok(walked >= 25, `walked ${walked} writing operations`);
      assert.equal((await t.store.auditEntries({ limit: 100_000 })).length, before, 'nothing was written');
      const users = await (await send('get', '/api/users', read)).json();
      assert.ok(!JSON.stringify(users).includes('creada.por.token'));
      assert.equal((await new Accounts(t.store).user(ids.id!))?.disabled, false);
      assert.equal((await send('get', '/api/users', read)).status, 200, 'the read token still reads');
    });

    it('the walk covers every writing route the app has, and a write token of the same admin may write', async () => {
      const doc = openApiDocument('test', declarationsOf(app)) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const norm = (p: string) => p.replace(/\{\w+\}/g, '{}');
      const documented = new Set(
        Object.entries(doc.paths).flatMap(([p, ops]) =>
          Object.keys(ops).map((m) => `${m.toUpperCase()} ${norm(p)}`),
        ),
      );
      for (const r of app.routes) {
        if (r.method === 'ALL' || READ_METHODS.has(r.method.toLowerCase())) continue;
        // ":verb{disable|enable}" is two routes in the document.
        const alts = r.path.match(/:\w+\{([\w|]+)\}/)?.[1]?.split('|') ?? [undefined];
        for (const alt of alts) {
          const p = r.path.replace(/:\w+\{[\w|]+\}/, alt ?? '').replace(/:\w+/g, '{}');
          assert.ok(documented.has(`${r.method} ${p}`), `${r.method} ${r.path} is in the OpenAPI document`);
        }
      }
      // The control is the scope, not the account: the same administrator's write token succeeds.
      assert.equal((await send('post', '/api/users', write)).status, 201);
      assert.equal((await send('post', '/api/users/{id}/disable', write)).status, 200);
      assert.equal((await send('post', '/api/users/{id}/enable', write)).status, 200);
    });
  });
}
