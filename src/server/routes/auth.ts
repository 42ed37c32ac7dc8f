/**
 * Sign-in (password + TOTP or recovery code), sign-out, the caller's identity, TOTP enrolment.
 * Sessions are httpOnly SameSite=Strict cookies (Secure behind TLS); state-changing requests with
 * a session cookie must echo the CSRF token returned at sign-in in `X-CSRF-Token`.
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AuthError, InputError } from '../../domain/errors.js';
import type { Accounts } from '../../security/accounts.js';
import { sessionDigest } from '../../security/accounts.js';
import type { AppEnv } from '../context.js';
import type { RateLimiter } from '../rate-limit.js';

export const SESSION_COOKIE = 'testigo_session';

const Login = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(512),
  totp: z.string().max(12).optional(),
  recoveryCode: z.string().max(32).optional(),
});

export function clientAddress(c: Context): string {
  // Behind a reverse proxy set TESTIGO_TRUST_PROXY=1 so the limiter sees the client, not the proxy.
  const fwd = process.env.TESTIGO_TRUST_PROXY
    ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    : undefined;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return fwd || env?.incoming?.socket?.remoteAddress || 'local';
}

const secureRequest = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' ||
  (Boolean(process.env.TESTIGO_TRUST_PROXY) && c.req.header('x-forwarded-proto') === 'https');

export function authRoutes(app: Hono<AppEnv>, accounts: Accounts, limiter: RateLimiter): void {
  app.post('/api/auth/login', async (c) => {
    const body = Login.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      throw new InputError('username and password are required', [
        { field: 'username', message: 'required' },
      ]);
    const ip = clientAddress(c);
    if (!limiter.take(`ip:${ip}`) || !limiter.take(`user:${body.data.username.toLowerCase()}`)) {
      return c.json(
        { error: { code: 'rate_limited', message: 'too many sign-in attempts; wait and try again' } },
        429,
        {
          'Retry-After': String(limiter.retryAfterSeconds(`ip:${ip}`) || 60),
        },
      );
    }
    const user = await accounts.authenticate(body.data.username, body.data.password, {
      totp: body.data.totp,
      recoveryCode: body.data.recoveryCode,
    });
    const s = await accounts.createSession(user.id);
    setCookie(c, SESSION_COOKIE, s.sessionId, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: secureRequest(c),
      path: '/',
      expires: new Date(s.expiresAt),
    });
    return c.json({ user, csrf: s.csrf });
  });

  app.post('/api/auth/logout', async (c) => {
    const sid = getCookie(c, SESSION_COOKIE);
    if (sid) await accounts.revokeSession(sid);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
}

/** Routes that need a signed-in user (mounted after the authentication middleware). */
export function meRoutes(app: Hono<AppEnv>, accounts: Accounts): void {
  app.get('/api/auth/me', async (c) => {
    const user = await accounts.user(c.get('userId'));
    const p = c.get('principal');
    return c.json({ user, memberships: [...p.memberships].map(([caseId, m]) => ({ caseId, ...m })) });
  });
  app.post('/api/auth/2fa/begin', async (c) => {
    if (c.get('via') !== 'session') throw new AuthError('two-factor enrolment needs a signed-in session');
    return c.json(await accounts.beginTotp(c.get('userId')));
  });
  app.post('/api/auth/2fa/confirm', async (c) => {
    const code = z
      .object({ code: z.string().min(6).max(8) })
      .safeParse(await c.req.json().catch(() => undefined));
    if (!code.success)
      throw new InputError('a 6-digit code is required', [{ field: 'code', message: 'required' }]);
    return c.json({ recoveryCodes: await accounts.confirmTotp(c.get('userId'), code.data.code) });
  });
}

/** Authenticates by bearer token or session cookie; enforces CSRF for cookie sessions. */
export function authenticate(accounts: Accounts) {
  return async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const auth = c.req.header('authorization');
    if (auth) {
      const m = auth.match(/^Bearer\s+(\S+)$/i);
      const t = m ? await accounts.tokenUser(m[1]!) : undefined;
      if (!t) throw new AuthError('authentication required');
      c.set('userId', t.userId);
      c.set('via', 'token');
      c.set('principal', await accounts.principal(t.userId, { readOnly: t.scope === 'read' }));
    } else {
      const sid = getCookie(c, SESSION_COOKIE);
      const s = sid ? await accounts.sessionUser(sid) : undefined;
      if (!s) throw new AuthError('authentication required');
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
        const csrf = c.req.header('x-csrf-token');
        if (!csrf || sessionDigest(csrf) !== s.csrfHash) {
          return c.json({ error: { code: 'csrf', message: 'missing or wrong X-CSRF-Token' } }, 403);
        }
      }
      c.set('userId', s.userId);
      c.set('via', 'session');
      c.set('principal', await accounts.principal(s.userId));
    }
    c.set('actor', `user:${c.get('userId')}`);
    await next();
  };
}
