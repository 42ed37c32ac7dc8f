/**
 * Sign-in (password + TOTP or recovery code), sign-out, the caller's identity, TOTP enrolment and
 * changes, password change, the account's security notices.
 * Sessions are httpOnly SameSite=Strict cookies (Secure behind TLS); state-changing requests with
 * a session cookie must echo the CSRF token returned at sign-in in `X-CSRF-Token`. Sign-in takes
 * only JSON (a cross-site form cannot send it without a preflight) and refuses cross-site origins;
 * sign-out needs the CSRF token. Security changes need a session and re-authentication.
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AuthError, ForbiddenError, InputError } from '../../domain/errors.js';
import { PASSWORD_MAX } from '../../security/password-policy.js';
import type { Accounts, PendingStep, Reauth } from '../../services/accounts.js';
import { ReauthError, sessionDigest } from '../../services/accounts.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';
import { sameOriginOnly } from '../same-origin.js';
import type { SignInLimiter } from '../shared-limits.js';

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

const isJson = (c: Context) =>
  (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';

export function authRoutes(app: Hono<AppEnv>, accounts: Accounts, throttle: SignInLimiter): void {
  app.use('/api/auth/login', sameOriginOnly());
  app.use('/api/auth/logout', sameOriginOnly());
  app.post('/api/auth/login', async (c) => {
    if (!isJson(c))
      return c.json(
        {
          error: { code: 'unsupported_media_type', message: 'sign-in takes a JSON body (application/json)' },
        },
        415,
      );
    const body = Login.safeParse(await jsonBody(c));
    if (!body.success)
      throw new InputError('username and password are required', [
        { field: 'username', message: 'required' },
      ]);
    const ip = clientAddress(c);
    const { username } = body.data;
    // The same answer for every username, real or not: throttling reveals nothing about accounts.
    const wait = await throttle.retryAfter(username, ip);
    if (wait)
      return c.json(
        {
          error: {
            code: 'rate_limited',
            message: 'too many sign-in attempts; wait and try again',
            params: { retryAfter: wait },
          },
        },
        429,
        { 'Retry-After': String(wait) },
      );
    let user: Awaited<ReturnType<Accounts['authenticate']>>;
    try {
      user = await accounts.authenticate(username, body.data.password, {
        totp: body.data.totp,
        recoveryCode: body.data.recoveryCode,
      });
    } catch (e) {
      if (e instanceof AuthError) await throttle.failed(username, ip);
      throw e;
    }
    await throttle.succeeded(username, ip);
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
    const live = sid ? await accounts.sessionUser(sid) : undefined;
    // Ending a live session is a state change like any other: it needs the session's CSRF token.
    if (live && !csrfMatches(c, live.csrfHash))
      return c.json({ error: { code: 'csrf', message: 'missing or wrong X-CSRF-Token' } }, 403);
    if (sid) await accounts.revokeSession(sid);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
}

/** Routes that need a signed-in user (mounted after the authentication middleware). */
export function meRoutes(app: Hono<AppEnv>, accounts: Accounts, throttle: SignInLimiter): void {
  /**
   * Re-authentication shares the sign-in back-off of the account and address: a stolen session
   * cannot be used to guess the password through these routes faster than at the sign-in form.
   */
  const throttled = async (c: Context<AppEnv>, change: () => Promise<Response>): Promise<Response> => {
    sessionOnly(c);
    const username = (await accounts.user(c.get('userId')))?.username ?? c.get('userId');
    const ip = clientAddress(c);
    const wait = await throttle.retryAfter(username, ip);
    if (wait)
      return c.json(
        {
          error: {
            code: 'rate_limited',
            message: 'too many failed attempts; wait and try again',
            params: { retryAfter: wait },
          },
        },
        429,
        {
          'Retry-After': String(wait),
        },
      );
    try {
      const res = await change();
      await throttle.succeeded(username, ip);
      return res;
    } catch (e) {
      if (e instanceof ReauthError) await throttle.failed(username, ip);
      throw e;
    }
  };

  app.get('/api/auth/me', async (c) => {
    const user = await accounts.user(c.get('userId'));
    const p = c.get('principal');
    return c.json({
      user,
      memberships: [...p.memberships].map(([caseId, m]) => ({ caseId, ...m })),
      // What the account must do first (the web app shows that form and nothing else).
      required: (await accounts.pendingStep(c.get('userId'))) ?? null,
    });
  });
  app.post('/api/auth/2fa/begin', (c) =>
    throttled(c, async () => c.json(await accounts.beginTotp(c.get('userId'), await reauth(c)))),
  );
  app.post('/api/auth/2fa/confirm', async (c) => {
    sessionOnly(c);
    const code = z.object({ code: z.string().min(6).max(8) }).safeParse(await jsonBody(c));
    if (!code.success)
      throw new InputError('a 6-digit code is required', [{ field: 'code', message: 'required' }]);
    return c.json({
      recoveryCodes: await accounts.confirmTotp(
        c.get('userId'),
        code.data.code,
        getCookie(c, SESSION_COOKIE),
      ),
    });
  });
  app.post('/api/auth/2fa/disable', (c) =>
    throttled(c, async () => {
      await accounts.disableTotp(c.get('userId'), await reauth(c), getCookie(c, SESSION_COOKIE));
      return c.json({ ok: true });
    }),
  );
  app.post('/api/auth/password', (c) =>
    throttled(c, async () => {
      const body = (await jsonBody(c)) as { newPassword?: unknown } | undefined;
      const proof = await reauth(c, body);
      if (typeof body?.newPassword !== 'string' || body.newPassword.length > PASSWORD_MAX * 4)
        throw new InputError('a new password is required', [{ field: 'newPassword', message: 'required' }]);
      await accounts.changePassword(c.get('userId'), proof, body.newPassword, getCookie(c, SESSION_COOKIE));
      return c.json({ ok: true, otherSessionsEnded: true });
    }),
  );
  app.get('/api/auth/notices', async (c) => c.json({ items: await accounts.notices(c.get('userId')) }));
  app.post('/api/auth/notices/seen', async (c) => {
    await accounts.markNoticesSeen(c.get('userId'));
    return c.json({ ok: true });
  });
}

/** Security changes are made by a person at a signed-in browser, never with an API token. */
function sessionOnly(c: Context<AppEnv>): void {
  if (c.get('via') !== 'session')
    throw new ForbiddenError('this change needs a signed-in session, not an API token').because(
      'session_only',
    );
}

const Reauthentication = z.object({
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
  totp: z.string().max(12).optional(),
  recoveryCode: z.string().max(32).optional(),
});

/** The password (and code) that confirm a security change, from the JSON body. */
async function reauth(c: Context<AppEnv>, body?: unknown): Promise<Reauth> {
  const b = body ?? (await jsonBody(c));
  const raw = b && typeof b === 'object' ? (b as Record<string, unknown>) : {};
  const r = Reauthentication.safeParse({
    password: raw.password ?? raw.currentPassword,
    totp: raw.totp,
    recoveryCode: raw.recoveryCode,
  });
  if (!r.success)
    throw new InputError('confirm with your current password (and a code when two-step verification is on)', [
      { field: 'password', message: 'required' },
    ]);
  return r.data;
}

const csrfMatches = (c: Context, csrfHash: string) => {
  const csrf = c.req.header('x-csrf-token');
  return Boolean(csrf) && sessionDigest(csrf!) === csrfHash;
};

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
        if (!csrfMatches(c, s.csrfHash)) {
          return c.json({ error: { code: 'csrf', message: 'missing or wrong X-CSRF-Token' } }, 403);
        }
      }
      c.set('userId', s.userId);
      c.set('via', 'session');
      c.set('principal', await accounts.principal(s.userId));
    }
    c.set('actor', `user:${c.get('userId')}`);
    await firstSignInPolicy(accounts, c);
    await next();
  };
}

/** The calls an account may make while it still has to change its password or enrol a second step. */
const ALLOWED_WHILE_PENDING: Record<PendingStep, string[]> = {
  // The CSRF token of the session itself: a second tab needs it to send the change.
  password_change_required: ['GET /api/auth/me', 'GET /api/session/csrf', 'POST /api/auth/password'],
  twofa_enrolment_required: [
    'GET /api/auth/me',
    'GET /api/session/csrf',
    'POST /api/auth/2fa/begin',
    'POST /api/auth/2fa/confirm',
  ],
};

/**
 * Server-enforced first sign-in: until the account has replaced a password an administrator set
 * (and, when its policy or a case file requires it, turned on two-step verification), every call
 * but that change, "who am I" and sign-out is refused with a stable reason. A client cannot skip it.
 */
async function firstSignInPolicy(accounts: Accounts, c: Context<AppEnv>): Promise<void> {
  const step = await accounts.pendingStep(c.get('userId'));
  if (!step || ALLOWED_WHILE_PENDING[step].includes(`${c.req.method} ${c.req.path}`)) return;
  throw new ForbiddenError(
    step === 'password_change_required'
      ? 'change the password an administrator set before doing anything else'
      : 'turn on two-step verification before doing anything else',
  ).because(step);
}
