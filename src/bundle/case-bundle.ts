/**
 * Adapter: the evidence bundle of a case file — the report (PDF and HTML, Spanish and English),
 * its signed content, the analysis, the evidence files the edition and consent allow (web
 * captures as their WARC) each with its acquisition record and custody log, and a signed
 * checkpoint of the audit log — written and signed by `writeBundle`.
 *
 * Following the Berkeley Protocol's record of collection, every evidence file's manifest entry
 * says when, how and with what tool it was acquired; who acquired it, from where, and which
 * account recorded each custody entry only in the confidential edition (a documenter's name or a
 * source's address can cost a life).
 *
 * What goes in: the public edition carries only items with public protection and public consent;
 * the confidential one adds items consented for courts and the identity annex. Items for internal
 * use only never leave the store.
 */
import { canonicalJson } from '../domain/canonical-json.js';
import { stripMarks } from '../domain/fold.js';
import type { EvidenceBody } from '../domain/schema.js';
import type { InformationItemBody } from '../domain/schema-capture.js';
import { BUNDLE_KEY_PURPOSE, type Edition, prepareReport, reportHtml, reportPdf } from '../report/build.js';
import { createCheckpoint } from '../store/audit-checkpoint.js';
import type { CaseStore } from '../store/case-store.js';
import { type BundleEntry, writeBundle } from './bundle.js';
import { keyFingerprint } from './manifest.js';

const safeName = (s: string) =>
  stripMarks(s)
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
  const confidential = edition === 'confidential';
  // Which information items (web captures, saved files) each WARC preserves.
  const capturedAs = new Map<string, string[]>();
  for await (const i of store.iterate('informationItem', caseId)) {
    const ev = (i.body as InformationItemBody).evidenceId;
    capturedAs.set(ev, [...(capturedAs.get(ev) ?? []), i.id]);
  }
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
      meta: {
        evidenceId: e.id,
        mediaType: b.mediaType,
        kind: b.kind,
        consent: b.consent,
        ...acquisitionRecord(b, confidential),
        ...(capturedAs.has(e.id) ? { captureOf: capturedAs.get(e.id)!.sort().join(',') } : {}),
      },
    });
    custody[e.id] = (await store.custody(e.id)).map(
      ({ action, at, actor: who, note, sha256, createdAt, createdBy }) => ({
        action,
        at,
        // The account that recorded the entry and the server's time: set by the store, not the client.
        ...(confidential ? { actor: who, note, recordedBy: createdBy, recordedAt: createdAt } : {}),
        sha256,
      }),
    );
    evidence++;
  }
  entries.push({ path: 'evidence/custody.json', source: json(custody), role: 'custody' });
  // The audit log's signed checkpoint (Merkle root of every entry so far) and the head it covers:
  // one snapshot, so the two always agree.
  const checkpoint = await createCheckpoint(store);
  const auditHead = { seq: checkpoint.treeSize, hash: checkpoint.headHash };
  entries.push({ path: 'audit/head.json', source: json(auditHead), role: 'audit-head' });
  entries.push({ path: 'audit/checkpoint.json', source: json(checkpoint), role: 'audit-checkpoint' });

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

/**
 * The record of collection for the manifest: when, how, with what tool (and its version, as the
 * documenter or the capture tool wrote it); who and from where only in the confidential edition.
 */
export function acquisitionRecord(b: EvidenceBody, confidential: boolean): Record<string, string> {
  const a = b.acquisition;
  return {
    acquiredAt: a.at,
    acquisitionMethod: a.method,
    ...(a.tool ? { acquisitionTool: a.tool } : {}),
    ...(confidential ? { acquiredBy: a.by, ...(a.from ? { acquiredFrom: a.from } : {}) } : {}),
    ...(b.derivedFrom
      ? { derivedFrom: b.derivedFrom, ...(b.derivation ? { derivation: b.derivation } : {}) }
      : {}),
  };
}
