/**
 * Open-source capture over HTTP. Documenters (anyone who may write) capture an address (JSON
 * `{url}`) or an uploaded saved page or text file (multipart `file` + optional `meta` JSON), and
 * accept or reject suggestions; every member may list suggestions, each shown no wider than the
 * protection of the item it quotes (presenter). The server refuses private and loopback addresses
 * unless configured otherwise: a capture endpoint must not become a way into the internal network.
 */
import type { Context } from 'hono';
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
import type { CaseStore, StoredRecord } from '../../store/case-store.js';
import type { AppEnv } from '../context.js';
import { pageQuery } from '../query.js';
import type { ApiRouter } from '../route.js';

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

export function captureRoutes(api: ApiRouter, store: CaseStore, opts: { allowPrivate?: boolean } = {}): void {
  const r = api.tag('Captures');
  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/captures',
      summary:
        'Capture a web address (JSON {url, charset?, protection?, collector?}; loopback and private addresses refused unless the server allows them) or an uploaded saved .html/.txt file (multipart file + meta): WARC evidence, information items, pending suggestions',
      allow: 'write',
      // JSON or multipart: the handler reads whichever came (the JSON is UrlInput, the meta Meta).
      body: { json: UrlInput, checkedBy: 'the handler (or multipart: file + meta JSON)' },
      responses: {
        201: 'captured (new or changed: a new version)',
        200: 'unchanged since the latest capture',
        400: 'unreachable, not HTML or text, too large, malformed, wrongly encoded: nothing stored',
      },
    },
    async (c, { body: raw }) => {
      const caseId = c.req.param('caseId');
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
        const body = parse(UrlInput, raw, 'capture request (expected {"url": …})');
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
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/suggestions',
      summary: "Suggestions from captures, shown no wider than their item's protection",
      allow: 'read',
      query: pageQuery({ default: 100, max: 1000 }, Number.MAX_SAFE_INTEGER).extend({
        status: z.enum(['pending', 'accepted', 'rejected', '']).optional(),
        item: z.string().optional(),
        kind: z.string().optional(),
      }),
      responses: { 200: 'suggestions', 400: 'bad parameter' },
    },
    async (c, { query: q }) => {
      const caseId = c.req.param('caseId');
      const where: Record<string, string> = {};
      if (q.status) where.status = q.status;
      if (q.item) where.itemId = q.item;
      if (q.kind) where.kind = q.kind;
      const { limit, offset } = q;
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      const recs = await store.list('suggestion', caseId, { where, limit, offset, sort: 'created' });
      return c.json({
        total: await store.count('suggestion', caseId, { where }),
        items: recs.map((r) => presentRecord(r, ctx)),
      });
    },
  );

  /** The suggestion in the path, 404 unless it belongs to the case file. */
  const suggestion = async (caseId: string, id: string) => {
    const existing = await store.get('suggestion', id);
    if (!existing || existing.caseId !== caseId) throw new NotFoundError('not found');
  };
  const decided = async (c: Context<AppEnv>, caseId: string, rec: StoredRecord<'suggestion'>) => {
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    return c.json(visibleCandidates(ctx, [presentRecord(rec, ctx)])[0]);
  };
  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/suggestions/:id/accept',
      summary: 'Accept: create the record proposed, or link {personId}; audited',
      allow: 'write',
      body: { json: AcceptInput, checkedBy: 'the handler, once the suggestion is found' },
      responses: { 200: 'the decided suggestion', 404: 'not found', 409: 'already decided' },
    },
    async (c, { body }) => {
      const { caseId, id } = c.req.param();
      await suggestion(caseId, id);
      const input = parse(AcceptInput, body ?? {}, 'decision');
      return decided(c, caseId, await acceptSuggestion(store, caseId, id, c.get('actor'), input));
    },
  );
  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/suggestions/:id/reject',
      summary: 'Reject, with an optional {note}; audited',
      allow: 'write',
      body: { json: RejectInput, checkedBy: 'the handler, once the suggestion is found' },
      responses: { 200: 'the decided suggestion', 404: 'not found', 409: 'already decided' },
    },
    async (c, { body }) => {
      const { caseId, id } = c.req.param();
      await suggestion(caseId, id);
      const { note } = parse(RejectInput, body ?? {}, 'decision');
      return decided(c, caseId, await rejectSuggestion(store, caseId, id, c.get('actor'), note));
    },
  );
}
