/**
 * The HTTP API (Hono). Handlers stay thin: authenticate, parse, call the store, present. Errors
 * have one shape ({error: {code, message, issues}}) and never carry a stack trace.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  ConflictError,
  InputError,
  IntegrityError,
  KeyError,
  NotFoundError,
  TestigoError,
  UsageError,
} from '../domain/errors.js';
import { KINDS, kindByName } from '../domain/kinds.js';
import type { Clearance, TokenInfo } from '../security/tokens.js';
import { verifyToken } from '../security/tokens.js';
import type { CaseStore } from '../store/case-store.js';
import { openApiDocument } from './openapi.js';
import { presentRecord, type Viewer } from './presenter.js';

export const VERSION = '0.1.0';

type Env = { Variables: { viewer: Viewer; token: TokenInfo } };

export function createApp(store: CaseStore, opts: { landingHtml?: string } = {}) {
  const app = new Hono<Env>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: (c) => c.json(errorBody('too_large', 'request body too large'), 413),
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/api/health', (c) => c.json({ status: 'ok', version: VERSION }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(VERSION)));

  // Everything else under /api requires a bearer token.
  app.use('/api/*', async (c, next) => {
    const auth = c.req.header('authorization') ?? '';
    const m = auth.match(/^Bearer\s+(\S+)$/i);
    const info = m ? await verifyToken(store, m[1]!) : undefined;
    if (!info)
      return c.json(errorBody('unauthenticated', 'authentication required'), 401, {
        'WWW-Authenticate': 'Bearer',
      });
    c.set('token', info);
    c.set('viewer', { actor: info.actor, clearance: info.clearance as Clearance });
    await next();
  });

  app.get('/api/cases', async (c) => {
    const cases = await store.listCases();
    return c.json({
      items: cases.map((k) => ({ id: k.id, ...k.body, createdAt: k.createdAt, updatedAt: k.updatedAt })),
    });
  });

  app.get('/api/cases/:caseId', async (c) => {
    const k = await store.getCase(c.req.param('caseId'));
    if (!k || k.deletedAt) throw new NotFoundError('no such case file');
    const counts: Record<string, number> = {};
    for (const kind of Object.keys(KINDS) as (keyof typeof KINDS)[])
      counts[KINDS[kind].name] = await store.count(kind, k.id);
    counts['source-records'] = await store.countSourceRecords(k.id);
    return c.json({ id: k.id, ...k.body, createdAt: k.createdAt, updatedAt: k.updatedAt, counts });
  });

  app.get('/api/cases/:caseId/records/:kind', async (c) => {
    const caseId = c.req.param('caseId');
    const kind = kindByName(c.req.param('kind'));
    if (!kind) throw new NotFoundError(`no record kind ${c.req.param('kind')}`);
    const salt = await store.pseudonymSalt(caseId);
    const q = c.req.query();
    const limit = clampInt(q.limit, 50, 1, 500, 'limit');
    const offset = clampInt(q.offset, 0, 0, 10_000_000, 'offset');
    const where: Record<string, string> = {};
    for (const [k, v] of Object.entries(q)) if (k !== 'limit' && k !== 'offset') where[k] = v;
    const viewer = c.get('viewer');
    if (viewer.clearance !== 'full' && 'protection' in where) {
      // Filtering public viewers by protection level would reveal who is protected through counts.
      delete where.protection;
    }
    const [items, total] = await Promise.all([
      store.list(kind, caseId, { where, limit, offset }),
      store.count(kind, caseId, { where }),
    ]);
    return c.json({ items: items.map((r) => presentRecord(r, viewer, salt)), total, limit, offset });
  });

  app.get('/api/cases/:caseId/records/:kind/:id', async (c) => {
    const kind = kindByName(c.req.param('kind'));
    if (!kind) throw new NotFoundError(`no record kind ${c.req.param('kind')}`);
    const rec = await store.get(kind, c.req.param('id'));
    if (!rec || rec.caseId !== c.req.param('caseId')) throw new NotFoundError('not found');
    return c.json(presentRecord(rec, c.get('viewer'), await store.pseudonymSalt(rec.caseId)));
  });

  app.get('/', (c) => c.html(opts.landingHtml ?? LANDING));
  app.notFound((c) => c.json(errorBody('not_found', 'not found'), 404));
  app.onError((err, c) => {
    const { status, code } = classify(err);
    // Known errors carry messages written for people; anything else stays generic (no stack traces, no data).
    const message = err instanceof TestigoError ? err.message : 'internal error';
    const issues = err instanceof InputError ? err.issues : undefined;
    return c.json(errorBody(code, message, issues), status);
  });
  return app;
}

function classify(err: unknown): { status: ContentfulStatusCode; code: string } {
  if (err instanceof InputError || err instanceof UsageError) return { status: 400, code: 'invalid' };
  if (err instanceof NotFoundError) return { status: 404, code: 'not_found' };
  if (err instanceof ConflictError) return { status: 409, code: 'conflict' };
  if (err instanceof IntegrityError) return { status: 500, code: 'integrity' };
  if (err instanceof KeyError) return { status: 500, code: 'key' };
  return { status: 500, code: 'internal' };
}

function errorBody(code: string, message: string, issues?: unknown[]) {
  return { error: { code, message, ...(issues?.length ? { issues } : {}) } };
}

function clampInt(v: string | undefined, dflt: number, min: number, max: number, name: string): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(`${name} must be an integer from ${min} to ${max}`, [
      { field: name, message: 'out of range' },
    ]);
  return n;
}

const LANDING = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Testigo</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d2430}code{background:#eef1f5;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>Testigo</h1>
<p>El servidor está en marcha. / The server is running.</p>
<p>API: <code>/api/health</code>, <code>/api/openapi.json</code>; los demás recursos requieren un token (<code>Authorization: Bearer …</code>).</p>
</body></html>`;
