/**
 * Errors carry a stable reason and the values their message needs (limit, field, wait), so the web
 * app says them in the reader's language instead of showing the server's English; and the
 * administrator's reset of someone else's two-step verification (for a lost authenticator).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_STATEMENT } from '../../domain/interview.js';
import { Accounts } from '../../services/accounts.js';
import { newDraftId } from '../../services/intake.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

const PW = 'una contraseña larga de prueba';
interface Issue {
  field?: string;
  code?: string;
  params?: Record<string, unknown>;
}
interface Err {
  error: { code: string; reason?: string; params?: Record<string, unknown>; issues?: Issue[] };
}

for (const backend of BACKENDS) {
  describe(`error reasons and parameters (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let accounts: Accounts;
    let caseId: string;
    let adminId: string;
    before(async () => {
      t = await backend.open();
      accounts = new Accounts(t.store);
      caseId = (await t.store.createCase({ title: 'Caso' }, 'test')).id;
      adminId = (await accounts.createUser({ username: 'admin', password: PW, isAdmin: true }, 'test')).id;
      await accounts.setMember(caseId, adminId, 'administrator', 'test');
      const doc = await accounts.createUser({ username: 'doc', password: PW }, 'test');
      await accounts.setMember(caseId, doc.id, 'documenter', 'test');
      app = createApp(t.store, { loginAttempts: 3, landingHtml: '<p>x</p>' });
    });
    after(async () => t?.dispose());

    const login = (username: string, password = PW) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    const signIn = async (username: string) => {
      const r = await login(username);
      assert.equal(r.status, 200, `sign-in of ${username}`);
      const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
      return { cookie, csrf: ((await r.json()) as { csrf: string }).csrf };
    };
    const call = async (
      s: { cookie: string; csrf: string },
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; json: Err & Record<string, unknown> }> => {
      const r = await app.request(path, {
        method,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, json: (await r.json()) as Err & Record<string, unknown> };
    };

    it('a statement over the limit names the field, the problem and the limit', async () => {
      const s = await signIn('doc');
      const r = await call(s, 'PUT', `/api/cases/${caseId}/interviews/${newDraftId()}`, {
        seq: 1,
        answers: { statement: 'x'.repeat(MAX_STATEMENT + 1) },
      });
      assert.equal(r.status, 400);
      assert.equal(r.json.error.code, 'invalid');
      assert.deepEqual(r.json.error.issues, [
        {
          field: 'answers.statement',
          message: r.json.error.issues?.[0] && (r.json.error.issues[0] as { message: string }).message,
          code: 'too_big',
          params: { origin: 'string', max: MAX_STATEMENT },
        },
      ]);
    });

    it('an unfinished interview says which parts are missing, each with a code', async () => {
      const s = await signIn('doc');
      const id = newDraftId();
      const r = await call(s, 'POST', `/api/cases/${caseId}/interviews/${id}/finish`, {
        answers: { date: '31/02/2017', acts: [{ type: 'killing', victimKey: 'nobody' }] },
      });
      assert.equal(r.status, 400);
      const byField = Object.fromEntries((r.json.error.issues ?? []).map((i) => [i.field, i.code]));
      assert.equal(byField.statement, 'required');
      assert.equal(byField.date, 'bad_date');
      assert.equal(byField['acts[0].victimKey'], 'choose_victim');
    });

    it('accounts: a taken username, a refused password and self-clearance have reasons', async () => {
      const s = await signIn('admin');
      const taken = await call(s, 'POST', '/api/users', { username: 'doc', password: PW });
      assert.equal(taken.status, 409);
      assert.equal(taken.json.error.reason, 'username_taken');
      const weak = await call(s, 'POST', '/api/users', { username: 'nueva', password: 'password1234' });
      assert.equal(weak.status, 400);
      assert.equal(weak.json.error.reason, 'password_common');
      assert.deepEqual(
        weak.json.error.issues?.map((i) => [i.field, i.code]),
        [['password', 'password_common']],
      );
      const short = await call(s, 'POST', '/api/users', { username: 'n', password: PW });
      assert.equal(short.json.error.issues?.[0]?.code, 'invalid_format');
      const self = await call(s, 'PUT', `/api/cases/${caseId}/members/${adminId}/clearance`, {
        cleared: true,
      });
      assert.equal(self.status, 403);
      assert.equal(self.json.error.reason, 'self_clearance');
    });

    it('an administrator resets the two-step verification of another account, never their own', async () => {
      const lost = await accounts.createUser({ username: 'perdio.movil', password: PW }, 'test');
      await t.store.sqlHandle.run('UPDATE app_user SET totp_enabled = 1, totp_secret = ? WHERE id = ?', [
        'sealed-placeholder',
        lost.id,
      ]);
      const theirs = await accounts.createSession(lost.id);
      const s = await signIn('admin');
      const doc = await signIn('doc');
      const notAdmin = await call(doc, 'POST', `/api/users/${lost.id}/reset-2fa`);
      assert.equal(notAdmin.status, 403);
      assert.equal(notAdmin.json.error.reason, 'admin_only');
      const own = await call(s, 'POST', `/api/users/${adminId}/reset-2fa`);
      assert.equal(own.status, 400);
      assert.equal(own.json.error.reason, 'self_reset');
      assert.equal((await call(s, 'POST', `/api/users/${lost.id}/reset-2fa`)).status, 200);
      assert.equal((await accounts.user(lost.id))?.totpEnabled, false);
      assert.equal(await accounts.sessionUser(theirs.sessionId), undefined, 'their sessions ended');
      assert.deepEqual(
        (await accounts.notices(lost.id)).map((n) => n.kind),
        ['2fa-disabled'],
      );
      const audit = await t.store.auditEntries({ limit: 10_000 });
      assert.ok(
        audit.some(
          (e) => e.action === 'reset-2fa' && e.entityId === lost.id && e.actor === `user:${adminId}`,
        ),
      );
    });
    // Last: it spends the address's sign-in budget.
    it('sign-in: wrong credentials and the wait after too many, as codes', async () => {
      const wrong = await login('nadie', 'una contraseña equivocada');
      assert.equal(wrong.status, 401);
      assert.equal(((await wrong.json()) as Err).error.reason, 'bad_credentials');
      let last: Response | undefined;
      for (let i = 0; i < 6 && last?.status !== 429; i++) last = await login('nadie', 'otra contraseña mala');
      assert.equal(last?.status, 429);
      const body = (await last!.json()) as Err;
      assert.equal(body.error.code, 'rate_limited');
      assert.equal(typeof body.error.params?.retryAfter, 'number');
      assert.equal(String(body.error.params?.retryAfter), last!.headers.get('retry-after'));
    });
  });
}
