/**
 * Open-source capture over HTTP. Documenters (anyone who may write) capture an address (JSON
 * `{url}`) or an uploaded saved page or text file (multipart `file` + optional `meta` JSON), and
 * accept or reject suggestions; every member may list suggestions, each shown no wider than the
 * protection of the item it quotes (presenter). The server refuses private and loopback addresses
 * unless configured otherwise: a capture endpoint must not become a way into the internal network.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { acceptSuggestion, rejectSuggestion } from '../../capture/decide.js';
import { type CaptureInput, type CaptureReport, capture } from '../../capture/service.js';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { fieldIssues } from '../../domain/issues.js';
import { RecordId } from '../../domain/schema.js';
import {
  buildViewContext,
  canSeePerson,
  presentRecord,
  redactText,
  type ViewContext,
  visibleCandidates,
} from '../../read-model/presenter.js';
import type { CaseStore } from '../../store/case-store.js';
import { intParam, requireCan } from '../authorize.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';

export const MAX_CAPTURE_UPLOAD_BYTES = 10 * 1024 * 1024;

const Protection = z.enum(['public', 'restricted', 'protected']);
const UrlInput = z.object({
  url: z.string().min(1).max(4000),
  charset: z.string().max(40).optional(),
  protection: Protection.optional(),
  collector: z.string().max(300).optional(),
});
const Meta = z
  .object({
    charset: z.string().max(40).optional(),
    protection: Protection.optional(),
    collector: z.string().max(300).optional(),
  })
  .default({});
const AcceptInput = z
  .object({
    personId: RecordId.optional(),
    fields: z.record(z.string(), z.unknown()).optional(),
    note: z.string().max(5000).optional(),
  })
  .default({});
const RejectInput = z.object({ note: z.string().max(5000).optional() }).default({});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new InputError(`invalid ${what}`, fieldIssues(r.error));
  return r.data;
}

/** The capture report for the person who made it: names they may not see are replaced in quotes. */
function redactReport(r: CaptureReport, ctx: ViewContext): CaptureReport {
  const red = <T extends { text: string; value: string }>(s: T): T => ({
    ...s,
    text: redactText(ctx, s.text),
    value: redactText(ctx, s.value),
  });
  return {
    ...r,
    title: r.title && redactText(ctx, r.title),
    suggestions: r.suggestions.map(red),
    commentSuggestions: r.commentSuggestions.map(red),
  };
}

export function captureRoutes(
  app: Hono<AppEnv>,
  store: CaseStore,
  opts: { allowPrivate?: boolean } = {},
): void {
  app.post('/api/cases/:caseId/captures', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'write', caseId);
    let input: CaptureInput;
    let settings: z.infer<typeof Meta>;
    if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
      const form = await c.req.parseBody().catch(() => {
        throw new InputError('expected multipart/form-data with a file');
      });
      const file = form.file;
      if (!(file instanceof File))
        throw new InputError('the upload has no file', [{ field: 'file', message: 'required' }]);
      if (file.size > MAX_CAPTURE_UPLOAD_BYTES)
        throw new InputError(
          `the file is over the ${MAX_CAPTURE_UPLOAD_BYTES}-byte limit; nothing was stored`,
        );
      let meta: unknown = {};
      try {
        meta = JSON.parse(String(form.meta ?? '{}'));
      } catch {
        throw new InputError('meta must be JSON', [{ field: 'meta', message: 'invalid JSON' }]);
      }
      settings = parse(Meta, meta, 'capture settings');
      input = {
        kind: 'file',
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
        mediaType: file.type && file.type !== 'application/octet-stream' ? file.type : undefined,
      };
    } else {
      const body = parse(UrlInput, await jsonBody(c), 'capture request (expected {"url": …})');
      settings = body;
      input = { kind: 'url', url: body.url };
    }
    const principal = c.get('principal');
    const viewer = await buildViewContext(store, principal, caseId);
    const report = await capture(store, caseId, input, {
      mayLinkPerson: (p) => canSeePerson(viewer, p.id, p.protection),
      actor: c.get('actor'),
      collector: settings.collector ?? c.get('actor'),
      charset: settings.charset,
      protection: settings.protection,
      denyPrivate: !opts.allowPrivate,
    });
    const ctx = await buildViewContext(store, principal, caseId);
    // An unchanged capture reports the suggestions stored before, linked for whoever captured then.
    const shown = {
      ...report,
      suggestions: visibleCandidates(ctx, report.suggestions),
      commentSuggestions: visibleCandidates(ctx, report.commentSuggestions),
    };
    return c.json(redactReport(shown, ctx), report.status === 'unchanged' ? 200 : 201);
  });

  app.get('/api/cases/:caseId/suggestions', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const q = c.req.query();
    const where: Record<string, string> = {};
    if (q.status) {
      if (!['pending', 'accepted', 'rejected'].includes(q.status))
        throw new InputError('status must be pending, accepted or rejected');
      where.status = q.status;
    }
    if (q.item) where.itemId = q.item;
    if (q.kind) where.kind = q.kind;
    const limit = intParam(q.limit, 100, 1, 1000, 'limit');
    const offset = intParam(q.offset, 0, 0, Number.MAX_SAFE_INTEGER, 'offset');
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    const recs = await store.list('suggestion', caseId, { where, limit, offset, sort: 'created' });
    return c.json({
      total: await store.count('suggestion', caseId, { where }),
      items: recs.map((r) => presentRecord(r, ctx)),
    });
  });

  const decide = (verb: 'accept' | 'reject') =>
    app.post(`/api/cases/:caseId/suggestions/:id/${verb}`, async (c) => {
      const caseId = c.req.param('caseId');
      requireCan(c, 'write', caseId);
      const id = c.req.param('id');
      const existing = await store.get('suggestion', id);
      if (!existing || existing.caseId !== caseId) throw new NotFoundError('not found');
      const body = (await jsonBody(c)) ?? {};
      const rec =
        verb === 'accept'
          ? await acceptSuggestion(store, caseId, id, c.get('actor'), parse(AcceptInput, body, 'decision'))
          : await rejectSuggestion(
              store,
              caseId,
              id,
              c.get('actor'),
              parse(RejectInput, body, 'decision').note,
            );
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      return c.json(visibleCandidates(ctx, [presentRecord(rec, ctx)])[0]);
    });
  decide('accept');
  decide('reject');
}
