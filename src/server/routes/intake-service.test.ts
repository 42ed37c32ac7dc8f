/**
 * The interview routes over HTTP: only writers take interviews, a finish is 201 then 200 with the
 * same ids on retry; and a tab that did not sign in (no CSRF token) can obtain one with its
 * session cookie alone, only through the custom header, never with a bearer token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Accounts } from '../../services/accounts.js';
import { newDraftId } from '../../services/intake.js';
import { sqliteBackend, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

const PW = 'una contraseña larga de prueba';

describe('interview routes and the CSRF token of a new tab', () => {
  let t: TestStore;
  let app: ReturnType<typeof createApp>;
  let caseId: string;
  let viewerToken: string;

  before(async () => {
    t = await sqliteBackend.open();
    caseId = (await t.store.createCase({ title: 'Caso' }, 'test')).id;
    const accounts = new Accounts(t.store);
    const doc = await accounts.createUser({ username: 'doc', password: PW }, 'test');
    await accounts.setMember(caseId, doc.id, 'documenter', 'test');
    const viewer = await accounts.createUser({ username: 'viewer', password: PW }, 'test');
    await accounts.setMember(caseId, viewer.id, 'viewer', 'test');
    viewerToken = (await accounts.createToken(viewer.id, 'v', 'write', 'test')).token;
    app = createApp(t.store);
  });
  after(async () => t?.dispose());

  async function signIn() {
    const r = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'doc', password: PW }),
    });
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    return { cookie, csrf: ((await r.json()) as { csrf: string }).csrf };
  }
  const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  const answers = {
    consent: 'courts',
    protection: 'protected',
    witness: { key: 'witness', givenNames: 'Rosa', firstSurname: 'Mérida' },
    witnessIsVictim: true,
    date: '12/05/2017',
    acts: [{ victimKey: 'witness', type: 'arbitrary_detention' }],
    statement: 'Me detuvieron.',
  };

  it('a tab without the token gets one with its cookie; the old token stops working', async () => {
    const { cookie, csrf } = await signIn();
    const id = newDraftId();
    const path = `/api/cases/${caseId}/interviews/${id}`;
    // The bookmark tab: cookie, no token.
    const refused = await call('PUT', path, { cookie }, { seq: 1, answers });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'csrf');
    assert.equal((await call('GET', '/api/session/csrf', { cookie })).status, 400, 'custom header required');
    const got = await call('GET', '/api/session/csrf', { cookie, 'x-testigo-csrf': 'fetch' });
    assert.equal(got.status, 200);
    const fresh = ((await got.json()) as { csrf: string }).csrf;
    assert.notEqual(fresh, csrf);
    assert.equal(
      (await call('PUT', path, { cookie, 'x-csrf-token': fresh }, { seq: 1, answers })).status,
      200,
    );
    assert.equal(
      (await call('PUT', path, { cookie, 'x-csrf-token': csrf }, { seq: 2, answers })).status,
      403,
      'the replaced token no longer works',
    );
    const bearer = await call('GET', '/api/session/csrf', {
      authorization: `Bearer ${viewerToken}`,
      'x-testigo-csrf': 'fetch',
    });
    assert.equal(bearer.status, 401);
  });

  it('only writers take interviews; a retried finish returns the same ids', async () => {
    const id = newDraftId();
    const viewer = { authorization: `Bearer ${viewerToken}` };
    assert.equal((await call('GET', `/api/cases/${caseId}/interviews`, viewer)).status, 403);
    const { cookie } = await signIn();
    const csrf = (
      (await (await call('GET', '/api/session/csrf', { cookie, 'x-testigo-csrf': 'fetch' })).json()) as {
        csrf: string;
      }
    ).csrf;
    const h = { cookie, 'x-csrf-token': csrf };
    const first = await call('POST', `/api/cases/${caseId}/interviews/${id}/finish`, h, { answers });
    assert.equal(first.status, 201);
    const again = await call('POST', `/api/cases/${caseId}/interviews/${id}/finish`, h, { answers });
    assert.equal(again.status, 200);
    const [a, b] = [
      (await first.json()) as { testimonyId: string },
      (await again.json()) as { testimonyId: string },
    ];
    assert.equal(a.testimonyId, b.testimonyId);
    assert.equal(await t.store.count('testimony', caseId), 1);
  });
});
