/**
 * Evidence over HTTP: upload (multipart: `file` + `meta` JSON), download (verified against its
 * SHA-256 before a byte is sent, recorded in the custody log, always as an attachment), custody.
 */
import { z } from 'zod';
import { ForbiddenError, InputError, NotFoundError } from '../../domain/errors.js';
import { code } from '../../domain/schema.js';
import { CUSTODY_ACTIONS } from '../../domain/vocabularies.js';
import {
  buildViewContext,
  canReadInFull,
  fileShowsHiddenIdentity,
  presentCustody,
  presentRecord,
} from '../../read-model/presenter.js';
import type { Accounts } from '../../services/accounts.js';
import type { CaseStore } from '../../store/case-store.js';
import type { ApiRouter } from '../route.js';
import { checkUpload } from '../sniff.js';

export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/** What a client may state in a custody entry: what was done, and a note. */
const CustodyRequest = z
  .object({
    action: code(CUSTODY_ACTIONS),
    note: z.string().trim().max(5000).optional(),
  })
  .strict();

/**
 * The account name of each entry's actor, for people reading the log (the id stays: it is what the
 * log recorded). An actor the presenter withheld stays withheld; one that is not an account
 * (a command-line import) keeps its id alone.
 */
async function withActorNames<E extends { actor: string }>(
  accounts: Accounts | undefined,
  entries: E[],
): Promise<(E & { actorName?: string })[]> {
  const names = new Map<string, string | undefined>();
  for (const e of entries)
    if (accounts && !names.has(e.actor)) {
      // Requests are recorded as "user:<id>" (tokens as "token:<id>"); imports by name.
      const userId = e.actor.startsWith('user:') ? e.actor.slice(5) : e.actor;
      const u = await accounts.user(userId).catch(() => undefined);
      names.set(e.actor, u ? u.displayName || u.username : undefined);
    }
  return entries.map((e) => {
    const actorName = names.get(e.actor);
    return actorName ? { ...e, actorName } : e;
  });
}

export function evidenceRoutes(api: ApiRouter, store: CaseStore, accounts?: Accounts): void {
  const r = api.tag('Evidence');
  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/evidence',
      summary:
        'Upload an evidence file (multipart: file + meta JSON); type sniffed, SHA-256 computed on arrival',
      allow: 'write',
      body: {
        multipart: {
          file: 'the file (its type is sniffed from its bytes)',
          meta: 'JSON: the evidence fields (title, protection, acquisition…)',
        },
      },
      responses: { 201: 'evidence record', 400: 'refused upload', 413: 'over 256 MiB' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const form = await c.req.parseBody().catch(() => {
        throw new InputError('expected multipart/form-data with a file and its metadata');
      });
      const file = form.file;
      if (!(file instanceof File))
        throw new InputError('the upload has no file', [{ field: 'file', message: 'required' }]);
      let meta: Record<string, unknown>;
      try {
        meta = JSON.parse(String(form.meta ?? '{}'));
      } catch {
        throw new InputError('meta must be JSON', [{ field: 'meta', message: 'invalid JSON' }]);
      }
      const bytes = Buffer.from(await file.arrayBuffer());
      const type = checkUpload(
        String(meta.mediaType ?? file.type ?? 'application/octet-stream'),
        bytes.subarray(0, 64),
      );
      if (!type.ok)
        throw new InputError(`upload refused: ${type.message}`, [
          { field: 'file', message: type.message, code: type.code, params: type.params },
        ]).because('upload_refused');
      const rec = await store.addEvidence(
        caseId,
        bytes,
        {
          ...meta,
          mediaType: type.type,
          fileName: file.name,
          acquisition: {
            at: new Date().toISOString(),
            method: 'uploaded through the API',
            ...(meta.acquisition as object),
            by: String((meta.acquisition as { by?: string })?.by ?? c.get('actor')),
          },
        } as never,
        c.get('actor'),
      );
      return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)), 201);
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/evidence/:id/content',
      summary: 'Download an evidence file, verified against its SHA-256; recorded in its custody log',
      allow: 'read',
      responses: { 200: 'bytes', 403: 'withheld at your access level', 404: 'not found' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const rec = await store.get('evidence', c.req.param('id'));
      if (!rec || rec.caseId !== caseId) throw new NotFoundError('not found');
      // The file is as protected as what it covers (a list of victims, a person's photo, a transcript).
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      if (!canReadInFull(ctx, rec))
        throw new ForbiddenError('this evidence file is withheld at your access level').because('withheld');
      const bytes = await store.readEvidence(rec.id, c.get('actor'), 'accessed');
      if (fileShowsHiddenIdentity(ctx, rec.body.mediaType, bytes))
        throw new ForbiddenError('this evidence file is withheld at your access level').because('withheld');
      const name = (rec.body.fileName ?? rec.id).replace(/[^\w.-]+/g, '_');
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${name}"`,
        'X-Content-SHA256': rec.body.sha256,
      });
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/evidence/:id/custody',
      summary: 'Add a custody entry (the actor and the time are set by the server)',
      allow: 'write',
      // Checked in the handler: an unknown evidence id is a 404 first, and a field the server sets
      // (actor, at) gets its own words.
      body: { json: CustodyRequest, checkedBy: 'the handler (fields the server sets are named)' },
      responses: { 201: 'entry', 400: 'invalid entry', 404: 'not found' },
    },
    async (c, { body }) => {
      const caseId = c.req.param('caseId');
      const rec = await store.get('evidence', c.req.param('id'));
      if (!rec || rec.caseId !== caseId) throw new NotFoundError('not found');
      const parsed = CustodyRequest.safeParse(body);
      if (!parsed.success)
        throw new InputError(
          'a custody entry takes an action and an optional note; the actor and the time are set by the server',
          parsed.error.issues.map((i) => ({
            field: i.path.join('.') || (i as { keys?: string[] }).keys?.join(', ') || 'body',
            message: i.code === 'unrecognized_keys' ? 'set by the server, not by the client' : i.message,
          })),
        );
      // The actor is the authenticated caller and the time is the server's: a custody log that a
      // client could sign with another name or back-date would prove nothing.
      const entry = await store.addCustody(
        rec.id,
        { ...parsed.data, at: new Date().toISOString(), actor: c.get('actor') },
        c.get('actor'),
      );
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      const [shown] = await withActorNames(accounts, [presentCustody(ctx, rec, entry)]);
      return c.json(shown, 201);
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/evidence/:id/custody',
      summary: 'Chain of custody',
      allow: 'read',
      responses: { 200: 'entries', 404: 'not found' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const rec = await store.get('evidence', c.req.param('id'));
      if (!rec || rec.caseId !== caseId) throw new NotFoundError('not found');
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      const entries = await store.custody(rec.id);
      return c.json({
        items: await withActorNames(
          accounts,
          entries.map((e) => presentCustody(ctx, rec, e)),
        ),
      });
    },
  );
}
