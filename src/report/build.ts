/**
 * Adapter: builds the report of a case file from the store — loads the snapshot, runs the
 * analysis, builds the signed content with the public redaction policy, freezes a report version
 * for the panel and renders HTML or PDF in the edition and language asked for.
 */
import { analyseCase } from '../analysis/analyse.js';
import { loadCaseSnapshot } from '../analysis/load.js';
import type { CaseAnalysis, CaseSnapshot } from '../analysis/types.js';
import { canonicalJson } from '../domain/canonical-json.js';
import { InputError } from '../domain/errors.js';
import { keyFingerprint, sha256Hex } from '../domain/hashing.js';
import type {
  NarrativeBody,
  OpinionBody,
  PanelBody,
  ReportVersionBody,
  SignatureBody,
} from '../domain/schema-law.js';
import {
  buildViewContext,
  canSeePerson,
  personDisplayName,
  personLabel,
  redactText,
} from '../read-model/presenter.js';
import { listNarratives } from '../review/narratives.js';
import { freezeVersion, panelState, verifyHashSignature } from '../review/panel.js';
import type { Principal } from '../security/policy.js';
import type { CaseStore } from '../store/case-store.js';
import { buildReportContent, type IdentityAnnex, type ReportContent } from './content.js';
import { exactPositions } from './content-legal.js';
import { narrativeContent, unresolvedCitations } from './content-narrative.js';
import { type Block, buildDocument, type SignatureLine } from './document.js';
import { renderHtml } from './html.js';
import type { Lang } from './i18n.js';
import { renderPdf } from './pdf.js';
import { renderingHashes } from './rendering.js';

export type Edition = 'confidential' | 'public';

/** Purpose of the store-derived Ed25519 key that signs the case's evidence bundles. */
export const BUNDLE_KEY_PURPOSE = 'bundle';

/** The public reads as a viewer: only public identities, only items with public consent. */
export function publicPrincipal(caseId: string): Principal {
  return {
    userId: 'report:public',
    memberships: new Map([[caseId, { role: 'viewer' as const, cleared: false }]]),
    personClearances: new Map(),
  };
}

export function contentSha256(content: ReportContent): string {
  return sha256Hex(canonicalJson(content));
}

export interface PreparedReport {
  snapshot: CaseSnapshot;
  analysis: CaseAnalysis;
  content: ReportContent;
  contentSha256: string;
  annex: IdentityAnnex;
  version?: { id: string; number: number };
  signatures: SignatureLine[];
  /** Valid signatures on the current version, as the bundle manifest lists them. */
  panelSignatures: {
    signer: string;
    publicKeyPem: string;
    signature: string;
    signedAt: string;
    void?: boolean;
  }[];
}

export async function prepareReport(
  store: CaseStore,
  caseId: string,
  opts: { actor: string; freeze?: boolean } = { actor: 'system' },
): Promise<PreparedReport> {
  const snapshot = await loadCaseSnapshot(store, caseId);
  const analysis = analyseCase(snapshot);
  const principal = publicPrincipal(caseId);
  const ctx = await buildViewContext(store, principal, caseId);
  const persons = new Map(snapshot.persons.map((p) => [p.id, p.body]));
  const itemPublic = new Map<string, boolean>();
  for (const t of snapshot.testimonies)
    itemPublic.set(t.id, t.body.protection === 'public' && t.body.consent === 'public');
  for (const e of snapshot.evidence)
    itemPublic.set(e.id, e.body.protection === 'public' && e.body.consent === 'public');
  for (const i of snapshot.informationItems) itemPublic.set(i.id, i.body.protection === 'public');
  const state = await panelState(store, caseId);
  const panelBody = state.panel?.body as PanelBody | undefined;
  const fingerprints: Record<string, string> = {};
  for (const m of panelBody?.members ?? [])
    if (m.publicKeyPem) fingerprints[m.username] = keyFingerprint(m.publicKeyPem);
  const sites = new Map(snapshot.places.map((p) => [p.id, p.body.name]));
  const built = buildReportContent(
    snapshot,
    analysis,
    panelBody
      ? { body: panelBody, opinions: state.opinions.map((o) => o.body as OpinionBody), fingerprints }
      : undefined,
    {
      person: (id) => {
        const p = persons.get(id);
        if (!p) return id;
        return personLabel(ctx, id, p);
      },
      redact: (text) => redactText(ctx, text),
      itemPublic: (id) => itemPublic.get(id) ?? false,
      personPublic: (id) => {
        const p = persons.get(id);
        return !!p && canSeePerson(ctx, id, p.protection) && !!personDisplayName(p);
      },
    },
    {
      // Methods stay codes in the content: the document translates them.
      method: (c) => c,
      site: (id) => sites.get(id) ?? id,
    },
  );
  // The authored sections: the public edition's text resolved through the public read model (so a
  // citation of a withheld item shows no title, passage or name), the confidential edition's with
  // every title and passage (it goes to the identity annex; the content holds its hash).
  const authored = narrativeContent(
    snapshot,
    (await listNarratives(store, caseId)).map((r) => r.body as NarrativeBody),
    { redact: (text) => redactText(ctx, text), itemPublic: (id) => itemPublic.get(id) ?? false },
    { redact: (text) => text, itemPublic: () => true },
  );
  // Every testimony is hashed in the annex, withheld ones too: the hash commits the report to the
  // record without revealing it (it is the SHA-256 of the whole record's canonical JSON — the
  // statement with its interviewer, dates and record ids — which cannot be guessed from the hash).
  const testimonyHash = new Map(snapshot.testimonies.map((t) => [t.id, sha256Hex(canonicalJson(t.body))]));
  const unrendered: ReportContent = {
    ...built,
    annex: built.annex.map((a) =>
      a.kind === 'testimony' && testimonyHash.has(a.id) ? { ...a, sha256: testimonyHash.get(a.id)! } : a,
    ),
    caseKeyFingerprint: keyFingerprint(store.sealer.signingKey(BUNDLE_KEY_PURPOSE).publicKey),
    ...(authored.narratives.length ? { narratives: authored.narratives } : {}),
    ...(authored.commitments.length ? { confidentialNarratives: authored.commitments } : {}),
  };
  // In canonical key order, so the report renders exactly as anyone rendering content.json would.
  const canonical = JSON.parse(canonicalJson(unrendered)) as ReportContent;
  const content: ReportContent = { ...canonical, renderings: renderingHashes(canonical) };
  const hash = contentSha256(content);
  const annexPersons: Record<string, string> = {};
  for (const [id, shown] of Object.entries(content.persons)) {
    const p = persons.get(id);
    const name = p ? personDisplayName(p) : '';
    if (name && name !== shown) annexPersons[id] = name;
  }
  const annexPositions: Record<string, readonly string[]> = {};
  for (const r of content.responsibility)
    if (r.positionsGeneral) {
      const x = analysis.suspects.find((y) => y.personId === r.personId);
      if (x) annexPositions[r.personId] = exactPositions(content.units, x.positions);
    }
  const annexItems: Record<string, string> = {};
  for (const t of snapshot.testimonies) annexItems[t.id] = t.body.title;
  for (const e of snapshot.evidence) annexItems[e.id] = e.body.title;
  for (const i of snapshot.informationItems) if (i.body.title) annexItems[i.id] = i.body.title;

  let version: PreparedReport['version'];
  const latest = state.versions[state.versions.length - 1];
  let versionRec = latest && (latest.body as ReportVersionBody).contentSha256 === hash ? latest : undefined;
  if (opts.freeze) {
    const bad = unresolvedCitations([
      ...authored.narratives.map((n) => ({ ...n, edition: 'public' })),
      ...authored.confidential.map((n) => ({ ...n, edition: 'confidential' })),
    ]);
    if (bad.length)
      throw new InputError(
        `the report cannot be frozen: ${bad.length} citation${bad.length === 1 ? '' : 's'} in its authored sections name${bad.length === 1 ? 's' : ''} no item of this case`,
        bad,
      );
  }
  if (opts.freeze) versionRec = await freezeVersion(store, caseId, hash, content, opts.actor);
  if (versionRec) version = { id: versionRec.id, number: (versionRec.body as ReportVersionBody).number };
  const sigs = version
    ? (await panelState(store, caseId)).signatures.filter(
        (s) => (s.body as SignatureBody).versionId === version!.id,
      )
    : [];
  const signatures: SignatureLine[] = sigs.map((s) => {
    const b = s.body as SignatureBody;
    return {
      member: b.member,
      name: panelBody?.members.find((m) => m.username === b.member)?.name ?? b.member,
      signedAt: b.signedAt,
      fingerprint: keyFingerprint(b.publicKeyPem),
      valid: !b.voidedAt && verifyHashSignature(b.publicKeyPem, hash, b.signature),
    };
  });
  return {
    snapshot,
    analysis,
    content,
    contentSha256: hash,
    annex: {
      persons: annexPersons,
      items: annexItems,
      positions: annexPositions,
      ...(authored.confidential.length ? { narratives: authored.confidential } : {}),
    },
    ...(version ? { version } : {}),
    signatures,
    panelSignatures: sigs.map((s) => {
      const b = s.body as SignatureBody;
      return {
        signer: b.member,
        publicKeyPem: b.publicKeyPem,
        signature: b.signature,
        signedAt: b.signedAt,
        ...(b.voidedAt ? { void: true } : {}),
      };
    }),
  };
}

export function reportBlocks(r: PreparedReport, edition: Edition, lang: Lang): Block[] {
  return buildDocument(r.content, {
    lang,
    edition,
    contentSha256: r.contentSha256,
    ...(r.version ? { version: r.version.number } : {}),
    signatures: r.signatures,
    ...(edition === 'confidential' ? { annex: r.annex } : {}),
  });
}

export function reportHtml(r: PreparedReport, edition: Edition, lang: Lang): string {
  return renderHtml(reportBlocks(r, edition, lang), lang, r.content.title);
}

export function reportPdf(r: PreparedReport, edition: Edition, lang: Lang): Promise<Buffer> {
  return renderPdf(reportBlocks(r, edition, lang), lang, {
    title: r.content.title,
    contentSha256: r.contentSha256,
  });
}
