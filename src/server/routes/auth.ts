/**
 * Sign-in (password + TOTP or recovery code), sign-out, the caller's identity, TOTP enrolment and
 * changes, password change, the account's security notices.
 * Sessions are httpOnly SameSite=Strict cookies (Secure behind TLS); state-changing requests with
 * a session cookie must echo the CSRF token returned at sign-in in `X-CSRF-Token`. Sign-in takes
 * only JSON (a cross-site form cannot send it without a preflight) and refuses cross-site origins;
 * sign-out needs the CSRF token. Security changes need a session and re-authentication.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AuthError, ForbiddenError, InputError } from '../../domain/errors.js';
import { PASSWORD_MAX } from '../../security/password-policy.js';
import type { Accounts, PendingStep, Reauth } from '../../services/accounts.js';
import { ReauthError, sessionDigest } from '../../services/accounts.js';
import type { AppEnv } from '../context.js';
import type { ApiRouter } from '../route.js';
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

/** Sign-in takes only JSON: a cross-site form cannot send it without a preflight. */
const jsonOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isJson(c))
    return c.json(
      { error: { code: 'unsupported_media_type', message: 'sign-in takes a JSON body (application/json)' } },
      415,
    );
  await next();
};

export function authRoutes(api: ApiRouter, accounts: Accounts, throttle: SignInLimiter): void {
  const r = api.tag('Sign-in');
  r.route(
    {
      method: 'post',
      path: '/api/auth/login',
      summary:
        'Sign in (password, and a TOTP or recovery code when 2FA is on); sets the session cookie, returns the CSRF token',
      allow: 'public',
      before: [sameOriginOnly(), jsonOnly],
      body: Login,
      invalid: 'username and password are required',
      responses: {
        200: 'signed in',
        400: 'username and password are required',
        401: 'wrong username, password or code (the same answer for every account)',
        429: 'too many failed attempts from this address (per account and address back-off)',
        403: 'cross-site request',
        415: 'not JSON',
      },
    },
    async (c, { body }) => {
      const ip = clientAddress(c);
      const { username } = body;
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
        user = await accounts.authenticate(username, body.password, {
          totp: body.totp,
          recoveryCode: body.recoveryCode,
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
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out (a cookie session needs its CSRF token)',
      // Public: it reads the session cookie itself (signing out of an expired session is no error).
      allow: 'public',
      before: [sameOriginOnly()],
      body: 'none',
      responses: { 200: 'ok', 403: 'missing or wrong X-CSRF-Token' },
    },
    async (c) => {
      const sid = getCookie(c, SESSION_COOKIE);
      const live = sid ? await accounts.sessionUser(sid) : undefined;
      // Ending a live session is a state change like any other: it needs the session's CSRF token.
      if (live && !csrfMatches(c, live.csrfHash))
        return c.json({ error: { code: 'csrf', message: 'missing or wrong X-CSRF-Token' } }, 403);
      if (sid) await accounts.revokeSession(sid);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    },
  );
}

/** Routes that need a signed-in user (mounted after the authentication middleware). */
export function meRoutes(api: ApiRouter, accounts: Accounts, throttle: SignInLimiter): void {
  const r = api.tag('Sign-in');
  /**
   * Re-authentication shares the sign-in back-off of the account and address: a stolen session
   * cannot be used to guess the password through these routes faster than at the sign-in form.
   */
  const throttled = async (c: Context<AppEnv>, change: () => Promise<Response>): Promise<Response> => {
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

  r.route(
    {
      method: 'get',
      path: '/api/auth/me',
      summary:
        'The signed-in user, their memberships and `required`: what the account must do first (password_change_required, twofa_enrolment_required or null). Until then every other call but that change and sign-out answers 403 with that reason',
      allow: 'signed-in',
      responses: { 200: 'user', 401: 'not authenticated' },
    },
    async (c) => {
      const user = await accounts.user(c.get('userId'));
      const p = c.get('principal');
      return c.json({
        user,
        memberships: [...p.memberships].map(([caseId, m]) => ({ caseId, ...m })),
        // What the account must do first (the web app shows that form and nothing else).
        required: c.get('pending') ?? null,
      });
    },
  );
  // The password and code are checked after the sign-in back-off (throttled), not before.
  const reauthBody = { json: Reauthentication, checkedBy: 'the handler, after the back-off' };
  r.route(
    {
      method: 'post',
      path: '/api/auth/2fa/begin',
      summary:
        'Start TOTP enrolment or a change of authenticator (session only): the password, and a current code or a recovery code when 2FA is on. The active secret stays until the new one is confirmed',
      allow: 'signed-in',
      before: [sessionOnlyStep],
      body: reauthBody,
      responses: { 200: 'otpauth URI', 401: 'password or code wrong', 403: 'not a session', 429: 'back-off' },
    },
    (c, { body }) =>
      throttled(c, async () => c.json(await accounts.beginTotp(c.get('userId'), reauth(body)))),
  );
  r.route(
    {
      method: 'post',
      path: '/api/auth/2fa/confirm',
      summary: 'Confirm the pending TOTP secret with a first code; returns ten recovery codes once',
      allow: 'signed-in',
      before: [sessionOnlyStep],
      body: z.object({ code: z.string().min(6).max(8) }),
      invalid: 'a 6-digit code is required',
      responses: { 200: 'recovery codes', 400: 'a 6-digit code is required', 403: 'not a session' },
    },
    async (c, { body }) =>
      c.json({
        recoveryCodes: await accounts.confirmTotp(c.get('userId'), body.code, getCookie(c, SESSION_COOKIE)),
      }),
  );
  r.route(
    {
      method: 'post',
      path: '/api/auth/2fa/disable',
      summary:
        'Switch two-step verification off (session only): the password and a current code or a recovery code',
      allow: 'signed-in',
      before: [sessionOnlyStep],
      body: reauthBody,
      responses: { 200: 'off', 401: 'password or code wrong', 403: 'not a session', 429: 'back-off' },
    },
    (c, { body }) =>
      throttled(c, async () => {
        await accounts.disableTotp(c.get('userId'), reauth(body), getCookie(c, SESSION_COOKIE));
        return c.json({ ok: true });
      }),
  );
  r.route(
    {
      method: 'post',
      path: '/api/auth/password',
      summary:
        'Change the password (session only): currentPassword (and a code when 2FA is on), newPassword (12–512 characters, not a common or breached password); every other session ends',
      allow: 'signed-in',
      before: [sessionOnlyStep],
      body: {
        json: z.object({
          currentPassword: z.string(),
          newPassword: z.string(),
          totp: z.string().optional(),
          recoveryCode: z.string().optional(),
        }),
        checkedBy: 'the handler, after the back-off (the password policy by the accounts service)',
      },
      responses: {
        200: 'changed',
        400: 'new password refused',
        401: 'wrong password or code',
        403: 'not a session',
        429: 'back-off',
      },
    },
    (c, { body }) =>
      throttled(c, async () => {
        const proof = reauth(body);
        const b = body as { newPassword?: unknown } | undefined;
        if (typeof b?.newPassword !== 'string' || b.newPassword.length > PASSWORD_MAX * 4)
          throw new InputError('a new password is required', [{ field: 'newPassword', message: 'required' }]);
        await accounts.changePassword(c.get('userId'), proof, b.newPassword, getCookie(c, SESSION_COOKIE));
        return c.json({ ok: true, otherSessionsEnded: true });
      }),
  );
  r.route(
    {
      method: 'get',
      path: '/api/auth/notices',
      summary: "The account's security notices (2FA or password changed)",
      allow: 'signed-in',
      responses: { 200: 'notices' },
    },
    async (c) => c.json({ items: await accounts.notices(c.get('userId')) }),
  );
  r.route(
    {
      method: 'post',
      path: '/api/auth/notices/seen',
      summary: 'Mark the notices as seen',
      allow: 'signed-in',
      body: 'none',
      responses: { 200: 'ok' },
    },
    async (c) => {
      await accounts.markNoticesSeen(c.get('userId'));
      return c.json({ ok: true });
    },
  );
}

/** Security changes are made by a person at a signed-in browser, never with an API token. */
const sessionOnlyStep: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('via') !== 'session')
    throw new ForbiddenError('this change needs a signed-in session, not an API token').because(
      'session_only',
    );
  await next();
};

const Reauthentication = z.object({
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
  totp: z.string().max(12).optional(),
  recoveryCode: z.string().max(32).optional(),
});

/** The password (and code) that confirm a security change, from the JSON body. */
function reauth(body: unknown): Reauth {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
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
    let access: Awaited<ReturnType<Accounts['access']>>;
    if (auth) {
      const m = auth.match(/^Bearer\s+(\S+)$/i);
      const t = m ? await accounts.tokenUser(m[1]!) : undefined;
      if (!t) throw new AuthError('authentication required');
      c.set('userId', t.userId);
      c.set('via', 'token');
      access = await accounts.access(t.userId, { readOnly: t.scope === 'read' });
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
      access = await accounts.access(s.userId);
    }
    // The principal and the first-sign-in state come from one statement.
    c.set('principal', access.principal);
    c.set('actor', `user:${c.get('userId')}`);
    c.set('pending', access.pending);
    firstSignInPolicy(access.pending, c);
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
function firstSignInPolicy(step: PendingStep | undefined, c: Context<AppEnv>): void {
  if (!step || ALLOWED_WHILE_PENDING[step].includes(`${c.req.method} ${c.req.path}`)) return;
  throw new ForbiddenError(
    step === 'password_change_required'
      ? 'change the password an administrator set before doing anything else'
      : 'turn on two-step verification before doing anything else',
  ).because(step);
}
