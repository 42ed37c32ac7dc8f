/**
 * The HTTP API (Hono). Thin handlers: authenticate, ask the policy, call the store, present.
 * Security controls are small modules: authentication and CSRF (routes/auth.ts), rate limiting
 * (rate-limit.ts), upload sniffing (sniff.ts), headers and body limits here. Errors have one shape
 * ({error: {code, message, issues}}) and never carry a stack trace or record content.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AuthError,
  ConflictError,
  type ErrorParams,
  ForbiddenError,
  InputError,
  IntegrityError,
  KeyError,
  NotFoundError,
  TestigoError,
  UsageError,
} from '../domain/errors.js';
import { Accounts } from '../services/accounts.js';
import { BlobStoreError } from '../store/blobs.js';
import type { CaseStore } from '../store/case-store.js';
import type { AppEnv } from './context.js';
import { openApiDocument } from './openapi.js';
import { rejectMalformedPath } from './path-guard.js';
import { ApiRouter, declarationsOf } from './route.js';
import { adminRoutes } from './routes/admin.js';
import { auditRoutes } from './routes/audit.js';
import { authenticate, authRoutes, meRoutes } from './routes/auth.js';
import { captureRoutes } from './routes/capture.js';
import { caseRoutes } from './routes/cases.js';
import { evidenceRoutes, MAX_UPLOAD_BYTES } from './routes/evidence.js';
import { exportRoutes } from './routes/export.js';
import { type IntakeOptions, publicIntakeRoutes, submissionRoutes } from './routes/intake.js';
import { interviewRoutes } from './routes/intake-service.js';
import { legalRoutes } from './routes/legal.js';
import { linkageRoutes } from './routes/linkage.js';
import { listRoutes } from './routes/lists.js';
import { memberRoutes } from './routes/members.js';
import { recordViewRoutes } from './routes/record-views.js';
import { recordRoutes } from './routes/records.js';
import { searchRoutes } from './routes/search.js';
import { sharedLimits } from './shared-limits.js';
import { enforceTokenScope } from './token-scope.js';
import { findWebDir, webRoutes } from './web.js';

export const VERSION = '0.1.0';

export interface AppOptions {
  landingHtml?: string;
  /** The built web app (default: dist/web when it exists). */
  webDir?: string;
  /** Failed sign-in attempts per address in 15 minutes (successes are not counted). */
  loginAttempts?: number;
  /** Let captures fetch loopback and private addresses (off: the capture endpoint is no SSRF path). */
  captureAllowPrivate?: boolean;
  /** Public form settings (proof-of-work difficulty, rate limits); tests lower them. */
  intake?: IntakeOptions;
}

export function createApp(store: CaseStore, opts: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  const accounts = new Accounts(store);
  // Shared by every server process on PostgreSQL; in this process's memory on SQLite.
  const throttle = sharedLimits(store).signIn(opts.loginAttempts ?? 10, 15 * 60_000);

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // Evidence audio and video play from blob: URLs of the verified download; PDF.js runs in a
        // worker served from the app's own assets.
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use('*', rejectMalformedPath());
  const tooLarge = bodyLimit({
    maxSize: 1024 * 1024,
    onError: (c) =>
      c.json(
        errorBody('too_large', 'request body too large (1 MiB)', undefined, { limit: 1024 * 1024 }),
        413,
      ),
  });
  const uploadLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: (c) =>
      c.json(
        errorBody('too_large', 'upload too large (256 MiB)', undefined, { limit: MAX_UPLOAD_BYTES }),
        413,
      ),
  });
  app.use('/api/*', async (c, next) =>
    /\/(evidence|source-lists|captures)$/.test(c.req.path) && c.req.method === 'POST'
      ? uploadLimit(c, next)
      : tooLarge(c, next),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // Every /api operation is declared through the router: its authorization and validation run as
  // middleware, and the OpenAPI document is generated from the declarations (route.ts).
  const api = new ApiRouter(app, {
    isAdministrator: async (userId) => Boolean((await accounts.user(userId))?.isAdmin),
  });
  const meta = api.tag('Meta');
  meta.route(
    { method: 'get', path: '/api/health', summary: 'Liveness', allow: 'public', responses: { 200: 'ok' } },
    (c) => c.json({ status: 'ok', version: VERSION }),
  );
  meta.route(
    {
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This document',
      allow: 'public',
      responses: { 200: 'OpenAPI 3.1' },
    },
    (c) => c.json(openApiDocument(VERSION, declarationsOf(app))),
  );
  meta.route(
    { method: 'get', path: '/api/docs', summary: 'API page', allow: 'public', hidden: true, responses: {} },
    (c) => c.html(DOCS),
  );
  meta.route(
    {
      method: 'get',
      path: '/api/docs.js',
      summary: 'API page script',
      allow: 'public',
      hidden: true,
      responses: {},
    },
    (c) => c.body(DOCS_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  authRoutes(api, accounts, throttle);
  publicIntakeRoutes(api, store, opts.intake);

  app.use('/api/*', authenticate(accounts));
  app.use('/api/*', enforceTokenScope());
  meRoutes(api, accounts, throttle);
  submissionRoutes(api, store);
  interviewRoutes(api, store);
  caseRoutes(api, store);
  recordRoutes(api, store);
  searchRoutes(api, store);
  exportRoutes(api, store);
  memberRoutes(api, accounts);
  auditRoutes(api, store);
  recordViewRoutes(api, store, accounts);
  evidenceRoutes(api, store, accounts);
  listRoutes(api, store);
  linkageRoutes(api, store);
  legalRoutes(api, store, accounts);
  adminRoutes(api, store, accounts);
  captureRoutes(api, store, {
    allowPrivate: opts.captureAllowPrivate ?? process.env.TESTIGO_CAPTURE_ALLOW_PRIVATE === '1',
  });

  const webDir = opts.landingHtml ? undefined : (opts.webDir ?? findWebDir());
  if (webDir) webRoutes(app, webDir);
  else app.get('/', (c) => c.html(opts.landingHtml ?? LANDING));
  app.notFound((c) => c.json(errorBody('not_found', 'not found'), 404));
  app.onError((err, c) => {
    const { status, code } = classify(err);
    // Known errors carry messages written for people; anything else stays generic (no stack, no data).
    const message = err instanceof TestigoError ? err.message : 'internal error';
    const issues = err instanceof InputError ? err.issues : undefined;
    const reason = err instanceof TestigoError ? err.reason : undefined;
    const params = err instanceof TestigoError ? err.params : undefined;
    return c.json(
      errorBody(code, message, issues, params, reason),
      status,
      status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {},
    );
  });
  return app;
}

function classify(err: unknown): { status: ContentfulStatusCode; code: string } {
  if (err instanceof InputError || err instanceof UsageError) return { status: 400, code: 'invalid' };
  if (err instanceof AuthError) return { status: 401, code: 'unauthenticated' };
  if (err instanceof ForbiddenError) return { status: 403, code: 'forbidden' };
  if (err instanceof NotFoundError) return { status: 404, code: 'not_found' };
  if (err instanceof ConflictError) return { status: 409, code: 'conflict' };
  if (err instanceof IntegrityError) return { status: 500, code: 'integrity' };
  // A full disk is the server's condition, not the request's fault: 507, and the message says so.
  if (err instanceof BlobStoreError)
    return err.code === 'ENOSPC' || err.code === 'EDQUOT'
      ? { status: 507, code: 'storage_full' }
      : { status: 500, code: 'storage' };
  if (err instanceof KeyError) return { status: 500, code: 'key' };
  return { status: 500, code: 'internal' };
}

/**
 * `code` is the stable class (invalid, forbidden…); `reason` a finer stable code and `params` the
 * values its message needs, so clients translate instead of showing `message` (English).
 */
function errorBody(code: string, message: string, issues?: unknown[], params?: ErrorParams, reason?: string) {
  return {
    error: {
      code,
      message,
      ...(reason ? { reason } : {}),
      ...(params ? { params } : {}),
      ...(issues?.length ? { issues } : {}),
    },
  };
}

const LANDING = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Testigo</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d2430}code{background:#eef1f5;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>Testigo</h1>
<p>El servidor está en marcha. / The server is running.</p>
<p>API: <a href="/api/docs">/api/docs</a> (OpenAPI: <code>/api/openapi.json</code>). Sign in with <code>POST /api/auth/login</code> or use an API token (<code>Authorization: Bearer …</code>).</p>
</body></html>`;

/** Browsable API documentation rendered from the OpenAPI document, with no external scripts. */
const DOCS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Testigo API</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#eef1f5;padding:.1rem .3rem}li{margin:.3rem 0}</style>
</head><body><h1>Testigo API</h1><p id="d"></p><ul id="p"></ul>
<script src="/api/docs.js"></script></body></html>`;

const DOCS_JS = `fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{
  document.getElementById('d').textContent=doc.info.description;
  const ul=document.getElementById('p');
  for(const [path,ops] of Object.entries(doc.paths)) for(const [m,op] of Object.entries(ops)){
    const li=document.createElement('li'); const code=document.createElement('code');
    code.textContent=m.toUpperCase()+' '+path; li.append(code,' — '+(op.summary||'')); ul.append(li);
  }
});
`;
