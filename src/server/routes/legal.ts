/**
 * The legal analysis, the panel's review and the report over HTTP.
 * - GET  …/analysis: the case matrix and indicators (ids only; `persons` maps each person id to
 *   what the caller may see: a name or a pseudonym);
 * - GET  …/panel, PUT …/panel (administrators), POST …/panel/comments|opinions|signatures
 *   (panel members, as themselves: the author is the signed-in user);
 * - GET  …/report?edition=&lang=&format=: the public edition for any member; the confidential one
 *   (with the identity annex) only for members cleared for protected identities.
 */
import { z } from 'zod';
import { ForbiddenError } from '../../domain/errors.js';
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
import type { ApiRouter } from '../route.js';

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

const ReportQuery = z.object({
  edition: z.enum(['public', 'confidential']).default('public'),
  lang: z.enum(['es', 'en']).default('es'),
  format: z.enum(['pdf', 'html']).default('pdf'),
});

export function legalRoutes(api: ApiRouter, store: CaseStore, accounts: Accounts): void {
  const r = api.tag('Legal analysis and panel');
  const username = async (userId: string) => (await accounts.user(userId))?.username ?? userId;
  const analyses = AnalysisCache.of(store);

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/analysis',
      summary:
        'The legal analysis: case matrix per crime and element (status, independent sources, grade, gaps, items cited), context indicators, responsibility, jurisdiction, admissibility, gravity; persons maps ids to what the caller may see. Shared between requests: `asOf` gives the audit entry and time it was computed (at most 5 s old unless ?fresh=1); ?summary=1 for the dashboard',
      allow: 'read',
      query: z.object({ fresh: z.string().optional(), summary: z.string().optional() }),
      responses: { 200: 'analysis', 403: 'not for viewers' },
    },
    async (c, { query }) => {
      const caseId = c.req.param('caseId');
      if (!canReadAnalysis(c.get('principal'), caseId))
        throw new ForbiddenError(
          'the legal analysis is for documenters, analysts, panel members and administrators',
        );
      const fresh = query.fresh === '1';
      // The dashboard needs only the indicators; the matrix drill-down needs everything.
      if (query.summary === '1') {
        const { summary: s, asOf } = await analyses.get(caseId, { fresh });
        return c.json({
          caseId,
          asOf,
          lawVersion: s.lawVersion,
          indicators: s.indicators,
          gravity: s.gravity,
          jurisdiction: s.jurisdiction.acts,
        });
      }
      const {
        whole: { snapshot, analysis: a },
        asOf,
      } = await analyses.whole(caseId, { fresh });
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      const persons: Record<string, string> = {};
      for (const p of snapshot.persons) persons[p.id] = personLabel(ctx, p.id, p.body as PersonBody);
      return c.json({ ...presentDerived(ctx, a), asOf, persons });
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/panel',
      summary:
        'The panel: members and key fingerprints, current report version and content hash, signatures (valid or void), opinions, comments',
      allow: 'read',
      responses: { 200: 'panel state' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const st = await panelState(store, caseId);
      const ctx = {
        ...(await buildViewContext(store, c.get('principal'), caseId)),
        username: await username(c.get('userId')),
      };
      const report = await prepareReport(store, caseId, { actor: c.get('actor') });
      const panel = st.panel ? presentRecord(st.panel, ctx) : null;
      const mine = st.panel ? await voidNotices(store, caseId, ctx.username) : [];
      return c.json({
        panel,
        fingerprints: Object.fromEntries(
          ((st.panel?.body as PanelBody | undefined)?.members ?? [])
            .filter((m) => m.publicKeyPem)
            .map((m) => [m.username, keyFingerprint(m.publicKeyPem!)]),
        ),
        contentSha256: report.contentSha256,
        currentVersion: report.version ?? null,
        signatures: report.signatures,
        versions: st.versions.map((v) => presentRecord(v, ctx)),
        opinions: st.opinions.map((o) => presentRecord(o, ctx)),
        comments: st.comments.map((x) => presentRecord(x, ctx)),
        voidSignatures: st.signatures.filter((s) => (s.body as { voidedAt?: string }).voidedAt).length,
        // The caller's own signatures that a change voided, until acknowledged.
        voidNotices: mine,
      });
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/panel/notices/seen',
      summary:
        "Acknowledge the caller's notices of signatures a content change voided (GET /panel lists them as voidNotices until then); audited",
      allow: 'review',
      body: 'none',
      responses: { 200: '{acknowledged}' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const n = await acknowledgeVoidNotices(store, caseId, await username(c.get('userId')), c.get('actor'));
      return c.json({ acknowledged: n });
    },
  );

  r.route(
    {
      method: 'put',
      path: '/api/cases/:caseId/panel',
      summary:
        'Create or change the panel (administrators): name, members with Ed25519 public keys, signatures required',
      allow: 'manage',
      body: PanelBody,
      invalid: 'invalid panel',
      responses: { 200: 'panel', 400: 'invalid panel' },
    },
    async (c, { body }) => {
      const caseId = c.req.param('caseId');
      const rec = await setPanel(store, caseId, body, c.get('actor'));
      return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)));
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/panel/comments',
      summary:
        'Comment on a finding (element or crime id, or section:<name>), optionally answering a comment; the author is the caller',
      allow: 'review',
      body: CommentInput,
      invalid: 'invalid comment',
      responses: { 201: 'comment', 400: 'invalid comment' },
    },
    async (c, { body: input }) => {
      const caseId = c.req.param('caseId');
      const name = await username(c.get('userId'));
      const rec = await addComment(store, caseId, input, name);
      const ctx = { ...(await buildViewContext(store, c.get('principal'), caseId)), username: name };
      return c.json(presentRecord(rec, ctx), 201);
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/panel/opinions',
      summary:
        "A panel member's opinion on a finding: agree, disagree (dissent, reasons required) or abstain",
      allow: 'review',
      body: OpinionInput,
      invalid: 'invalid opinion',
      responses: { 201: 'opinion', 400: 'invalid opinion' },
    },
    async (c, { body: input }) => {
      const caseId = c.req.param('caseId');
      const name = await username(c.get('userId'));
      const rec = await setOpinion(store, caseId, input, name);
      const ctx = { ...(await buildViewContext(store, c.get('principal'), caseId)), username: name };
      return c.json(presentRecord(rec, ctx), 201);
    },
  );

  /** Freezes the current content (new version if it changed) so a member can sign its hash. */
  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/panel/versions',
      summary:
        'Freeze the current report content; a change since the last version makes a new one and voids its signatures',
      allow: 'review',
      body: 'none',
      responses: { 201: 'version and content SHA-256' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const report = await prepareReport(store, caseId, { actor: c.get('actor'), freeze: true });
      return c.json({ version: report.version, contentSha256: report.contentSha256 }, 201);
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/panel/signatures',
      summary:
        'Sign the current version: base64 Ed25519 signature over the UTF-8 bytes of its content SHA-256 (hex), verified with the member’s registered key',
      allow: 'review',
      body: SignatureInput,
      invalid: 'invalid signature',
      responses: { 201: 'signature', 400: 'does not verify, or the version was superseded' },
    },
    async (c, { body: input }) => {
      const caseId = c.req.param('caseId');
      const rec = await signVersion(
        store,
        caseId,
        input.versionId,
        await username(c.get('userId')),
        input.signature,
      );
      return c.json(presentRecord(rec, await buildViewContext(store, c.get('principal'), caseId)), 201);
    },
  );

  /** The report's authored sections the caller may read (the confidential edition's: cleared members). */
  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/narratives',
      summary:
        "The report's authored sections (background, attack, methodology, limitations, recommendations, panel declarations) per edition and language, as the caller may read them; the confidential edition's only for cleared members",
      allow: 'read',
      responses: { 200: 'items' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const ctx = {
        ...(await buildViewContext(store, c.get('principal'), caseId)),
        username: await username(c.get('userId')),
      };
      const recs = (await listNarratives(store, caseId)).filter((r) =>
        canReadNarrative(c.get('principal'), caseId, (r.body as NarrativeBody).edition),
      );
      return c.json({ items: recs.map((r) => presentRecord(r, ctx)) });
    },
  );

  /**
   * Writes one authored section (new revision). Members who may review; the confidential edition
   * only when cleared; a declaration is the signed-in member's own. A text sent back by a member who
   * read it redacted keeps the hidden names as stored.
   */
  r.route(
    {
      method: 'put',
      path: '/api/cases/:caseId/narratives',
      summary:
        'Write one authored section (section, edition, lang, text; a new revision, audited). Members who may review; the confidential edition only when cleared; a declaration is the caller’s own (panel members). Citations are written `[@id]` (testimony, evidence or information item); an unknown or deleted id refuses the next freeze',
      allow: 'review',
      body: NarrativeInput,
      invalid: 'invalid narrative',
      responses: { 200: 'narrative', 400: 'invalid narrative', 403: 'not allowed for this edition' },
    },
    async (c, { body: input }) => {
      const caseId = c.req.param('caseId');
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
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/report',
      summary:
        'The report (PDF drawn without a browser, or self-contained HTML); public edition for members, confidential only for cleared members; audited',
      allow: 'read',
      query: ReportQuery,
      responses: { 200: 'the report', 400: 'bad parameter', 403: 'the confidential edition needs clearance' },
    },
    async (c, { query: { edition, lang, format } }) => {
      const caseId = c.req.param('caseId');
      if (edition === 'confidential' && !canReadConfidentialEdition(c.get('principal'), caseId))
        throw new ForbiddenError(
          'the confidential edition names protected persons: only cleared members may download it',
        );
      // Downloading is reading: only a member who may review (and not through a read-scoped token)
      // freezes a new report version; anyone else gets the latest frozen version or the unversioned draft.
      const freeze = canFreezeReport(c.get('principal'), caseId);
      const report = await prepareReport(store, caseId, { actor: c.get('actor'), freeze });
      await store.audit({
        actor: c.get('actor'),
        action: 'export',
        entity: 'report',
        entityId: report.version?.id ?? caseId,
        caseId,
        after: { edition, lang, format, contentSha256: report.contentSha256 },
      });
      const name = `testigo-report-${edition}-${lang}-v${report.version?.number ?? 0}.${format}`;
      c.header('Content-Disposition', `attachment; filename="${name}"`);
      c.header('Cache-Control', 'no-store');
      if (format === 'html') {
        c.header('Content-Type', 'text/html; charset=utf-8');
        return c.body(reportHtml(report, edition, lang));
      }
      c.header('Content-Type', 'application/pdf');
      return c.body(new Uint8Array(await reportPdf(report, edition, lang)));
    },
  );
}
