/**
 * Adapter: the evidence bundle of a case file — the report (PDF and HTML, Spanish and English),
 * its signed content, the analysis, the evidence files the edition and consent allow with their
 * custody logs, and the audit-log head — written and signed by `writeBundle`.
 *
 * What goes in: the public edition carries only items with public protection and public consent;
 * the confidential one adds items consented for courts and the identity annex. Items for internal
 * use only never leave the store.
 */
import { canonicalJson } from '../domain/canonical-json.js';
import type { EvidenceBody } from '../domain/schema.js';
import { BUNDLE_KEY_PURPOSE, type Edition, prepareReport, reportHtml, reportPdf } from '../report/build.js';
import type { CaseStore } from '../store/case-store.js';
import { type BundleEntry, writeBundle } from './bundle.js';
import { keyFingerprint } from './manifest.js';

const safeName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'file';

export function evidenceAllowed(b: Pick<EvidenceBody, 'consent' | 'protection'>, edition: Edition): boolean {
  if (edition === 'public') return b.consent === 'public' && b.protection === 'public';
  return b.consent === 'courts' || b.consent === 'public';
}

export async function writeCaseBundle(
  store: CaseStore,
  caseId: string,
  edition: Edition,
  out: string,
  actor: string,
  tool: string,
): Promise<{
  files: number;
  bytes: number;
  evidence: number;
  withheld: number;
  fingerprint: string;
  reportHash: string;
}> {
  const r = await prepareReport(store, caseId, { actor, freeze: true });
  const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');
  const entries: BundleEntry[] = [
    {
      path: 'report/content.json',
      source: Buffer.from(canonicalJson(r.content), 'utf8'),
      role: 'report-content',
    },
  ];
  for (const lang of ['es', 'en'] as const) {
    entries.push({
      path: `report/report-${edition}-${lang}.pdf`,
      source: await reportPdf(r, edition, lang),
      role: 'report-pdf',
      meta: { lang },
    });
    entries.push({
      path: `report/report-${edition}-${lang}.html`,
      source: Buffer.from(reportHtml(r, edition, lang), 'utf8'),
      role: 'report-html',
      meta: { lang },
    });
  }
  if (edition === 'confidential')
    entries.push({ path: 'report/identity-annex.json', source: json(r.annex), role: 'identity-annex' });
  entries.push({ path: 'analysis/analysis.json', source: json(r.analysis), role: 'analysis' });

  let withheld = 0;
  let evidence = 0;
  const custody: Record<string, unknown> = {};
  for await (const e of store.iterate('evidence', caseId)) {
    const b = e.body as EvidenceBody;
    if (!evidenceAllowed(b, edition)) {
      withheld++;
      continue;
    }
    const bytes = await store.readEvidence(e.id, actor, 'exported');
    entries.push({
      path: `evidence/${e.id}-${safeName(b.fileName ?? b.title)}`,
      source: bytes,
      sha256: b.sha256,
      role: 'evidence',
      meta: { evidenceId: e.id, mediaType: b.mediaType, kind: b.kind, consent: b.consent },
    });
    custody[e.id] = (await store.custody(e.id)).map(({ action, at, actor: who, note, sha256 }) => ({
      action,
      at,
      ...(edition === 'confidential' ? { actor: who, note } : {}),
      sha256,
    }));
    evidence++;
  }
  entries.push({ path: 'evidence/custody.json', source: json(custody), role: 'custody' });
  const auditHead = await store.auditHead();
  entries.push({ path: 'audit/head.json', source: json(auditHead), role: 'audit-head' });

  const signer = store.sealer.signingKey(BUNDLE_KEY_PURPOSE);
  const current = r.version?.id;
  const { bytes } = await writeBundle(
    out,
    entries,
    {
      caseId,
      caseTitle: r.content.title,
      edition,
      createdAt: new Date().toISOString(),
      tool,
      auditHead: auditHead.seq > 0 ? auditHead : null,
      reportHash: r.contentSha256,
      // Only the current version's signatures are over this hash; voided ones are listed as void.
      panelSignatures: current ? r.panelSignatures.map((s) => ({ ...s })) : [],
      reportVersion: r.version?.number ?? null,
      withheldEvidence: withheld,
    },
    signer,
  );
  return {
    files: entries.length,
    bytes,
    evidence,
    withheld,
    fingerprint: keyFingerprint(signer.publicKey),
    reportHash: r.contentSha256,
  };
}
