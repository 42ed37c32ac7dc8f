/**
 * Accounts over HTTP on both engines: 2FA changes need the password AND a current code (or a
 * recovery code), are audited and noticed; the password change; throttling that a stranger cannot
 * use to lock someone out and that reveals no account; sign-in and sign-out CSRF; idle timeout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { Accounts, SESSION_IDLE_MINUTES } from '../../services/accounts.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

const PW = 'una contraseña larga de prueba';
type Json = Record<string, unknown> & { error?: { code: string; message: string } };

for (const backend of BACKENDS) {
  describe(`accounts over HTTP (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let accounts: Accounts;
    before(async () => {
      t = await backend.open();
      accounts = new Accounts(t.store);
      app = createApp(t.store, { loginAttempts: 10, landingHtml: '<p>x</p>' });
      process.env.TESTIGO_TRUST_PROXY = '1';
    });
    after(async () => {
      delete process.env.TESTIGO_TRUST_PROXY;
      await t?.dispose();
    });

    const login = (body: object, ip = '198.51.100.1', headers: Record<string, string> = {}) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
        body: JSON.stringify(body),
      });
    const signIn = async (username: string, extra: object = {}, ip?: string) => {
      const r = await login({ username, password: PW, ...extra }, ip);
      assert.equal(r.status, 200, `sign-in of ${username}`);
      const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
      const { csrf } = (await r.json()) as { csrf: string };
      return { cookie, csrf };
    };
    const post = async (s: { cookie: string; csrf: string }, path: string, body?: object) => {
      const r = await app.request(path, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, json: (await r.json()) as Json };
    };
    const actions = async (userId: string) =>
      (await t.store.auditEntries({ limit: 10_000 }))
        .filter((e) => e.entityId === userId)
        .map((e) => e.action);
    // Each TOTP step is accepted once; tests cannot wait 30 s, so they forget the last step used
    // (as if the next step had come) before using another code.
    const nextStep = (userId: string) =>
      t.store.sqlHandle.run('UPDATE app_user SET totp_last_step = NULL WHERE id = ?', [userId]);
    const totpOf = (secret: string) =>
      new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

    it('2FA changes need the password and a current code (or a recovery code), are audited and noticed', async () => {
      const u = await accounts.createUser({ username: 'dos.pasos', password: PW }, 'user:test');
      const s = await signIn('dos.pasos');
      const other = await signIn('dos.pasos', {}, '198.51.100.3');
      // Enrolment: a session cookie alone is not enough.
      assert.equal((await post(s, '/api/auth/2fa/begin')).status, 400);
      assert.equal(
        (await post(s, '/api/auth/2fa/begin', { password: 'not the password at all' })).status,
        403,
      );
      const begin = await post(s, '/api/auth/2fa/begin', { password: PW });
      assert.equal(begin.status, 200);
      const totp = totpOf(begin.json.secret as string);
      const t0 = Date.now();
      const conf = await post(s, '/api/auth/2fa/confirm', { code: totp.generate({ timestamp: t0 }) });
      assert.equal(conf.status, 200);
      const recovery = conf.json.recoveryCodes as string[];
      const meOf = (x: { cookie: string }) => app.request('/api/auth/me', { headers: { cookie: x.cookie } });
      assert.equal((await meOf(s)).status, 200, 'the session that made the change goes on');
      assert.equal((await meOf(other)).status, 401, 'every other session of the account ended');

      // Now on: changing it needs password AND a current code, and nothing switches off before confirm.
      const attacker = await post(s, '/api/auth/2fa/begin', { password: PW });
      assert.equal(
        attacker.status,
        403,
        'password alone no longer changes 2FA (403: signed in, so a client keeps the session)',
      );
      assert.match(attacker.json.error!.message, /code/);
      assert.equal(
        (await post(s, '/api/auth/2fa/begin', { totp: totp.generate({ timestamp: t0 + 30_000 }) })).status,
        400,
        'a code alone is not enough either',
      );
      assert.equal((await post(s, '/api/auth/2fa/disable', { password: PW })).status, 403);
      assert.equal((await login({ username: 'dos.pasos', password: PW })).status, 401, '2FA still on');

      // A recovery code confirms a change of authenticator; the old secret stays until the new one is confirmed.
      const change = await post(s, '/api/auth/2fa/begin', { password: PW, recoveryCode: recovery[0] });
      assert.equal(change.status, 200);
      assert.equal(
        (await post(s, '/api/auth/2fa/begin', { password: PW, recoveryCode: recovery[0] })).status,
        403,
        'a recovery code serves once',
      );
      await nextStep(u.id);
      const oldCode = totp.generate({ timestamp: t0 });
      assert.equal(
        (await login({ username: 'dos.pasos', password: PW, totp: oldCode })).status,
        200,
        'the active authenticator still works while a change is pending',
      );
      const totp2 = totpOf(change.json.secret as string);
      await nextStep(u.id);
      assert.equal(
        (await post(s, '/api/auth/2fa/confirm', { code: totp2.generate({ timestamp: t0 }) })).status,
        200,
      );
      await nextStep(u.id);
      assert.equal(
        (await login({ username: 'dos.pasos', password: PW, totp: totp.generate({ timestamp: t0 }) })).status,
        401,
        'once confirmed, the old authenticator is gone',
      );
      await nextStep(u.id);
      // Switching off with password + a current code from the new authenticator.
      assert.equal(
        (
          await post(s, '/api/auth/2fa/disable', {
            password: PW,
            totp: totp2.generate({ timestamp: t0 }),
          })
        ).status,
        200,
      );
      assert.equal((await login({ username: 'dos.pasos', password: PW })).status, 200, '2FA is off');

      const done = await actions(u.id);
      for (const a of ['begin-2fa-refused', 'enable-2fa', 'change-2fa', 'disable-2fa-refused', 'disable-2fa'])
        assert.ok(done.includes(a), `audited: ${a}`);
      const notices = await app.request('/api/auth/notices', { headers: { cookie: s.cookie } });
      const kinds = ((await notices.json()) as { items: { kind: string }[] }).items.map((n) => n.kind);
      assert.deepEqual(kinds.sort(), ['2fa-changed', '2fa-disabled', '2fa-enabled']);
      // An API token of the same account cannot change 2FA at all.
      const tok = await accounts.createToken(u.id, 'cli', 'write', 'user:test');
      const byToken = await app.request('/api/auth/2fa/begin', {
        method: 'POST',
        headers: { authorization: `Bearer ${tok.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ password: PW }),
      });
      assert.equal(byToken.status, 403);
    });

    it('changes the password: current one required, NIST rules, other sessions ended, audited', async () => {
      const u = await accounts.createUser({ username: 'cambio', password: PW }, 'user:test');
      const here = await signIn('cambio');
      const elsewhere = await signIn('cambio', {}, '198.51.100.2');
      const NEW = 'otra frase de paso bastante larga';
      const wrong = await post(here, '/api/auth/password', {
        currentPassword: 'wrong password here',
        newPassword: NEW,
      });
      assert.equal(wrong.status, 403);
      const common = await post(here, '/api/auth/password', {
        currentPassword: PW,
        newPassword: 'qwerty123456',
      });
      assert.equal(common.status, 400);
      assert.match(common.json.error!.message, /common or breached/);
      assert.equal(
        (await post(here, '/api/auth/password', { currentPassword: PW, newPassword: 'cambio2026!!' })).status,
        400,
        'built on the username',
      );
      assert.equal(
        (await post(here, '/api/auth/password', { currentPassword: PW, newPassword: NEW })).status,
        200,
      );
      const me = (s: { cookie: string }) => app.request('/api/auth/me', { headers: { cookie: s.cookie } });
      assert.equal((await me(here)).status, 200, 'this session goes on');
      assert.equal((await me(elsewhere)).status, 401, 'every other session ended');
      assert.equal((await login({ username: 'cambio', password: PW })).status, 401);
      assert.equal((await login({ username: 'cambio', password: NEW })).status, 200);
      const done = await actions(u.id);
      assert.ok(done.includes('change-password') && done.includes('change-password-refused'));
      // Guessing the password through a signed-in session is throttled like the sign-in form.
      const guesses: number[] = [];
      for (let i = 0; i < 6; i++)
        guesses.push(
          (await post(here, '/api/auth/password', { currentPassword: `guess number ${i}`, newPassword: NEW }))
            .status,
        );
      assert.deepEqual(guesses.slice(0, 3), [403, 403, 403]);
      assert.equal(guesses.at(-1), 429, 'the back-off applies to re-authentication too');
      const audit = JSON.stringify(await t.store.auditEntries({ limit: 10_000 }));
      assert.ok(!audit.includes(NEW) && !audit.includes(PW), 'no password reaches the audit log');
      // Administrators create accounts under the same rules.
      await assert.rejects(
        accounts.createUser({ username: 'debil', password: 'password1234' }, 'user:test'),
        /common or breached/,
      );
    });

    it('a stranger cannot lock an account out, and throttling answers the same for unknown names', async () => {
      await accounts.createUser({ username: 'victima', password: PW }, 'user:test');
      const stranger = '203.0.113.66';
      const answers: string[] = [];
      for (let i = 0; i < 15; i++) {
        const r = await login({ username: 'victima', password: 'guessing wrong again' }, stranger);
        answers.push(`${r.status} ${JSON.stringify(await r.json())}`);
      }
      assert.ok(
        answers.some((a) => a.startsWith('429')),
        'the guesser is slowed down',
      );
      assert.ok(
        answers.every((a) => !/locked|victima/.test(a)),
        'no "locked until", no username echoed',
      );
      // The owner, from their own address, signs in at once.
      await signIn('victima', {}, '198.51.100.77');

      // Same sequence for a name that does not exist, from a fresh address: identical answers.
      const seq = async (username: string, ip: string) => {
        const out: string[] = [];
        for (let i = 0; i < 6; i++) {
          const r = await login({ username, password: 'guessing wrong again' }, ip);
          out.push(`${r.status} ${JSON.stringify(await r.json())} ${r.headers.get('retry-after')}`);
        }
        return out;
      };
      assert.deepEqual(await seq('victima', '203.0.113.10'), await seq('nadie.existe', '203.0.113.11'));
      const disabled = await accounts.createUser({ username: 'inactiva', password: PW }, 'user:test');
      await accounts.setDisabled(disabled.id, true, 'user:test');
      const d = await login({ username: 'inactiva', password: PW }, '203.0.113.12');
      const n = await login({ username: 'nadie.existe', password: PW }, '203.0.113.13');
      assert.equal(d.status, n.status);
      assert.deepEqual(await d.json(), await n.json(), 'a disabled account answers like an unknown one');
    });

    it('an office behind one address is not throttled by its own successful sign-ins', async () => {
      await accounts.createUser({ username: 'oficina', password: PW }, 'user:test');
      for (let i = 0; i < 15; i++) await signIn('oficina', {}, '192.0.2.200');
    });

    it('sign-in takes JSON from this origin only; sign-out needs the CSRF token', async () => {
      await accounts.createUser({ username: 'csrf.user', password: PW }, 'user:test');
      const body = JSON.stringify({ username: 'csrf.user', password: PW });
      const plain = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body,
      });
      assert.equal(plain.status, 415, 'a cross-site form can send text/plain without a preflight');
      const crossSite: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { 'sec-fetch-site': 'cross-site' },
        { origin: 'null' },
      ];
      for (const h of crossSite) {
        const r = await login({ username: 'csrf.user', password: PW }, '198.51.100.9', h);
        assert.equal(r.status, 403, JSON.stringify(h));
      }
      const same = await login({ username: 'csrf.user', password: PW }, '198.51.100.9', {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
      });
      assert.equal(same.status, 200);
      const behindProxy = await login({ username: 'csrf.user', password: PW }, '198.51.100.9', {
        origin: 'https://testigo.example',
        'sec-fetch-site': 'same-origin',
      });
      assert.equal(behindProxy.status, 200, 'the browser’s Sec-Fetch-Site decides when a proxy rewrote Host');
      const s = await signIn('csrf.user');
      const out = await app.request('/api/auth/logout', { method: 'POST', headers: { cookie: s.cookie } });
      assert.equal(out.status, 403, 'no CSRF token: the session is not ended');
      assert.equal((await app.request('/api/auth/me', { headers: { cookie: s.cookie } })).status, 200);
      assert.equal((await post(s, '/api/auth/logout')).status, 200);
      assert.equal((await app.request('/api/auth/me', { headers: { cookie: s.cookie } })).status, 401);
    });

    it('ends a session idle for longer than the README says (15 minutes)', async () => {
      assert.equal(SESSION_IDLE_MINUTES, 15);
      await accounts.createUser({ username: 'inactivo', password: PW }, 'user:test');
      const s = await signIn('inactivo');
      const me = () => app.request('/api/auth/me', { headers: { cookie: s.cookie } });
      const idle = async (minutes: number) =>
        t.store.sqlHandle.run(
          "UPDATE session SET last_seen_at = ? WHERE user_id = (SELECT id FROM app_user WHERE username = 'inactivo')",
          [new Date(Date.now() - minutes * 60_000).toISOString()],
        );
      await idle(14);
      assert.equal((await me()).status, 200);
      await idle(16);
      assert.equal((await me()).status, 401);
    });

    it('answers 400, not 500, for a malformed percent-encoding in any path', async () => {
      for (const p of ['/%E0%A4%A', '/api/cases/%zz', '/assets/%', '/api/auth/me%C3']) {
        const r = await app.request(p);
        assert.equal(r.status, 400, p);
      }
    });
  });
}
