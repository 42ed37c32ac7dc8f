/**
 * The legal analysis, the panel's review and the report over HTTP.
 * - GET  …/analysis: the case matrix and indicators (ids only; `persons` maps each person id to
 *   what the caller may see: a name or a pseudonym);
 * - GET  …/panel, PUT …/panel (administrators), POST …/panel/comments|opinions|signatures
 *   (panel members, as themselves: the author is the signed-in user);
 * - GET  …/report?edition=&lang=&format=: the public edition for any member; the confidential one
 *   (with the identity annex) only for members cleared for protected identities.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ForbiddenError, InputError } from '../../domain/errors.js';
import { fieldIssues } from '../../domain/issues.js';
import type { PersonBody } from '../../domain/schema.js';
import {
  NARRATIVE_EDITIONS,
  NARRATIVE_LANGS,
  NARRATIVE_SECTIONS,
  type NarrativeBody,
  PanelBody,
  POSITIONS,
  ReviewTarget,
} from '../../domain/schema-law.js';
import {
  buildViewContext,
  personLabel,
  presentDerived,
  presentRecord,
  restoreHiddenSpans,
} from '../../read-model/presenter.js';
import { prepareReport, reportHtml, reportPdf } from '../../report/build.js';
import { listNarratives, saveNarrative } from '../../review/narratives.js';
import {
  acknowledgeVoidNotices,
  addComment,
  keyFingerprint,
  panelState,
  setOpinion,
  setPanel,
  signVersion,
  voidNotices,
} from '../../review/panel.js';
import {
  canEditNarrative,
  canFreezeReport,
  canReadAnalysis,
  canReadConfidentialEdition,
  canReadNarrative,
} from '../../security/policy.js';
import type { Accounts } from '../../services/accounts.js';
import type { CaseStore } from '../../store/case-store.js';
import { AnalysisCache } from '../analysis-cache.js';
import { requireCan } from '../authorize.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';

const CommentInput = z.object({
  target: ReviewTarget,
  parentId: z.string().max(100).optional(),
  text: z.string().trim().min(1).max(20_000),
});
const OpinionInput = z.object({
  target: ReviewTarget,
  position: z.enum(POSITIONS),
  reasons: z.string().trim().max(50_000).optional(),
});
const NarrativeInput = z.object({
  section: z.enum(NARRATIVE_SECTIONS),
  edition: z.enum(NARRATIVE_EDITIONS).default('public'),
  lang: z.enum(NARRATIVE_LANGS),
  text: z.string().trim().max(100_000),
});
const SignatureInput = z.object({ versionId: z.string().max(100), signature: z.string().max(200) });

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new InputError(`invalid ${what}`, fieldIssues(r.error));
  return r.data;
}

export function legalRoutes(app: Hono<AppEnv>, store: CaseStore, accounts: Accounts): void {
  const username = async (userId: string) => (await accounts.user(userId))?.username ?? userId;
  const analyses = new AnalysisCache(store);

  app.get('/api/cases/:caseId/analysis', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    if (!canReadAnalysis(c.get('principal'), caseId))
      throw new ForbiddenError(
        'the legal analysis is for documenters, analysts, panel members and administrators',
      );
    const {
      snapshot,
      analysis: a,
      asOf,
    } = await analyses.get(caseId, { fresh: c.req.query('fresh') === '1' });
    // The dashboard needs only the indicators; the matrix drill-down needs everything.
    if (c.req.query('summary') === '1')
      return c.json({
        caseId,
        asOf,
        lawVersion: a.lawVersion,
        indicators: a.indicators,
        gravity: a.gravity,
        jurisdiction: a.jurisdiction.acts,
      });
    const ctx = await buildViewContext(store, c.get('principal'), caseId);
    const persons: Record<string, string> = {};
    for (const p of snapshot.persons) persons[p.id] = personLabel(ctx, p.id, p.body as PersonBody);
    return c.json({ ...presentDerived(ctx, a), asOf, persons });
  });

  app.get('/api/cases/:caseId/panel', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const st = await panelState(store, caseId);
    const ctx = {
      ...(await buildViewContext(store, c.get('principal'), caseId)),
      username: await username(c.get('userId')),
    };
    const r = await prepareReport(store, caseId, { actor: c.get('actor') });
    const panel = st.panel ? presentRecord(st.panel, ctx) : null;
    const mine = st.panel ? await voidNotices(store, caseId, ctx.username) : [];
    return c.json({
      panel,
      fingerprints: Object.fromEntries(
        ((st.panel?.body as PanelBody | undefined)?.members ?? [])
          .filter((m) => m.publicKeyPem)
          .map((m) => [m.username, keyFingerprint(m.publicKeyPem!)]),
      ),
      contentSha256: r.contentSha256,
      currentVersion: r.version ?? null,
      signatures: r.signatures,
      versions: st.versions.map((v) => presentRecord(v, ctx)),
      opinions: st.opinions.map((o) => presentRecord(o, ctx)),
      comments: st.comments.map((x) => presentRecord(x, ctx)),
      voidSignatures: st.signatures.filter((s) => (s.body as { voidedAt?: string }).voidedAt).length,
      // The caller's own signatures that a change voided, until acknowledged.
      voidNotices: mine,
    });
  });

  app.post('/api/cases/:caseId/panel/notices/seen', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'review', caseId);
    const n = await acknowledgeVoidNotices(store, caseId, await username(c.get('userId')), c.get('actor'));
    return c.json({ acknowledged: n });
  });

  app.put('/api/cases/:caseId/panel', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'manage', caseId);
    const body = parse(PanelBody, await jsonBody(c), 'panel');
    const rec = await setPanel(store, caseId, body, c.get('actor'));
    return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)));
  });

  app.post('/api/cases/:caseId/panel/comments', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'review', caseId);
    const input = parse(CommentInput, await jsonBody(c), 'comment');
    const name = await username(c.get('userId'));
    const rec = await addComment(store, caseId, input, name);
    const ctx = { ...(await buildViewContext(store, c.get('principal'), caseId)), username: name };
    return c.json(presentRecord(rec, ctx), 201);
  });

  app.post('/api/cases/:caseId/panel/opinions', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'review', caseId);
    const input = parse(OpinionInput, await jsonBody(c), 'opinion');
    const name = await username(c.get('userId'));
    const rec = await setOpinion(store, caseId, input, name);
    const ctx = { ...(await buildViewContext(store, c.get('principal'), caseId)), username: name };
    return c.json(presentRecord(rec, ctx), 201);
  });

  /** Freezes the current content (new version if it changed) so a member can sign its hash. */
  app.post('/api/cases/:caseId/panel/versions', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'review', caseId);
    const r = await prepareReport(store, caseId, { actor: c.get('actor'), freeze: true });
    return c.json({ version: r.version, contentSha256: r.contentSha256 }, 201);
  });

  app.post('/api/cases/:caseId/panel/signatures', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'review', caseId);
    const input = parse(SignatureInput, await jsonBody(c), 'signature');
    const rec = await signVersion(
      store,
      caseId,
      input.versionId,
      await username(c.get('userId')),
      input.signature,
    );
    return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)), 201);
  });

  /** The report's authored sections the caller may read (the confidential edition's: cleared members). */
  app.get('/api/cases/:caseId/narratives', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const ctx = {
      ...(await buildViewContext(store, c.get('principal'), caseId)),
      username: await username(c.get('userId')),
    };
    const recs = (await listNarratives(store, caseId)).filter((r) =>
      canReadNarrative(c.get('principal'), caseId, (r.body as NarrativeBody).edition),
    );
    return c.json({ items: recs.map((r) => presentRecord(r, ctx)) });
  });

  /**
   * Writes one authored section (new revision). Members who may review; the confidential edition
   * only when cleared; a declaration is the signed-in member's own. A text sent back by a member who
   * read it redacted keeps the hidden names as stored.
   */
  app.put('/api/cases/:caseId/narratives', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'review', caseId);
    const input = parse(NarrativeInput, await jsonBody(c), 'narrative');
    if (!canEditNarrative(c.get('principal'), caseId, input.edition))
      throw new ForbiddenError(
        "the confidential edition's text may name protected persons: only cleared members who may review write it",
      );
    const name = await username(c.get('userId'));
    const ctx = { ...(await buildViewContext(store, c.get('principal'), caseId)), username: name };
    const stored = (await listNarratives(store, caseId)).find((r) => {
      const b = r.body as NarrativeBody;
      return (
        b.section === input.section &&
        b.edition === input.edition &&
        b.lang === input.lang &&
        b.member === (input.section === 'declaration' ? name : undefined)
      );
    });
    const text = stored
      ? (
          restoreHiddenSpans(ctx, { text: (stored.body as NarrativeBody).text }, { text: input.text }) as {
            text: string;
          }
        ).text
      : input.text;
    const rec = await saveNarrative(store, caseId, { ...input, text }, name, c.get('actor'));
    return c.json(presentRecord(rec, ctx));
  });

  app.get('/api/cases/:caseId/report', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const edition = c.req.query('edition') ?? 'public';
    const lang = c.req.query('lang') ?? 'es';
    const format = c.req.query('format') ?? 'pdf';
    if (edition !== 'public' && edition !== 'confidential')
      throw new InputError('edition must be public or confidential');
    if (lang !== 'es' && lang !== 'en') throw new InputError('lang must be es or en');
    if (format !== 'pdf' && format !== 'html') throw new InputError('format must be pdf or html');
    if (edition === 'confidential' && !canReadConfidentialEdition(c.get('principal'), caseId))
      throw new ForbiddenError(
        'the confidential edition names protected persons: only cleared members may download it',
      );
    // Downloading is reading: only a member who may review (and not through a read-scoped token)
    // freezes a new report version; anyone else gets the latest frozen version or the unversioned draft.
    const freeze = canFreezeReport(c.get('principal'), caseId);
    const r = await prepareReport(store, caseId, { actor: c.get('actor'), freeze });
    await store.audit({
      actor: c.get('actor'),
      action: 'export',
      entity: 'report',
      entityId: r.version?.id ?? caseId,
      caseId,
      after: { edition, lang, format, contentSha256: r.contentSha256 },
    });
    const name = `testigo-report-${edition}-${lang}-v${r.version?.number ?? 0}.${format}`;
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    c.header('Cache-Control', 'no-store');
    if (format === 'html') {
      c.header('Content-Type', 'text/html; charset=utf-8');
      return c.body(reportHtml(r, edition, lang));
    }
    c.header('Content-Type', 'application/pdf');
    return c.body(new Uint8Array(await reportPdf(r, edition, lang)));
  });
}
