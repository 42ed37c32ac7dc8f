/**
 * The expert panel's review, over the case store: members, threaded comments, opinions (dissent
 * kept), frozen report versions and Ed25519 sign-off. Every write goes through CaseStore, so it is
 * validated and audited.
 *
 * Versions: the report content is hashed (SHA-256, canonical JSON). Whenever a report is produced
 * or a signature is given, the current content is frozen: if its hash differs from the latest
 * version, a new version is made, the old one is marked superseded and its signatures void (they
 * stay recorded). A signature is accepted only over the current version's hash, and only if it
 * verifies with the public key registered for that member.
 */
import { createPublicKey, verify } from 'node:crypto';
import { ForbiddenError, InputError, NotFoundError } from '../domain/errors.js';
import type {
  OpinionBody,
  PanelBody,
  ReportVersionBody,
  ReviewCommentBody,
  SignatureBody,
} from '../domain/schema-law.js';
import type { CaseStore, StoredRecord } from '../store/case-store.js';
import { newId } from '../store/ids.js';

export type PanelRecord = StoredRecord<'panel'>;

/** SHA-256 (hex) of a public key's SPKI DER: how a key is named in reports and bundles. */
export { keyFingerprint } from '../domain/hashing.js';

export function checkPublicKey(pem: string): void {
  let ok = false;
  try {
    ok = createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    ok = false;
  }
  if (!ok)
    throw new InputError('the public key must be an Ed25519 key in PEM (SPKI) form', [
      { field: 'publicKeyPem', message: 'not an Ed25519 public key', code: 'not_ed25519' },
    ]).because('not_ed25519');
}

/** Does `signature` (base64) verify over the UTF-8 bytes of `hash` with the PEM public key? */
export function verifyHashSignature(publicKeyPem: string, hash: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(hash, 'utf8'),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

async function all<K extends 'panel' | 'reviewComment' | 'opinion' | 'reportVersion' | 'signature'>(
  store: CaseStore,
  kind: K,
  caseId: string,
): Promise<StoredRecord<K>[]> {
  const out: StoredRecord<K>[] = [];
  for await (const r of store.iterate(kind, caseId)) out.push(r);
  return out;
}

export async function getPanel(store: CaseStore, caseId: string): Promise<PanelRecord | undefined> {
  return (await all(store, 'panel', caseId))[0];
}

export async function requirePanel(store: CaseStore, caseId: string): Promise<PanelRecord> {
  const p = await getPanel(store, caseId);
  if (!p)
    throw new NotFoundError('this case file has no panel yet (testigo panel setup, or POST …/panel)').because(
      'no_panel',
    );
  return p;
}

/** Creates the case's panel or replaces its settings (members, required signatures). */
export async function setPanel(
  store: CaseStore,
  caseId: string,
  input: PanelBody,
  actor: string,
): Promise<PanelRecord> {
  for (const m of input.members) if (m.publicKeyPem) checkPublicKey(m.publicKeyPem);
  const names = input.members.map((m) => m.username);
  if (new Set(names).size !== names.length)
    throw new InputError('a panel member is listed twice').because('panel_member_twice');
  const existing = await getPanel(store, caseId);
  return existing
    ? store.update('panel', existing.id, input, actor)
    : store.create('panel', caseId, input, actor);
}

function member(panel: PanelRecord, username: string) {
  const m = (panel.body as PanelBody).members.find((x) => x.username === username);
  if (!m) throw new ForbiddenError(`${username} is not a member of the panel`).because('not_panel_member');
  return m;
}

export async function addComment(
  store: CaseStore,
  caseId: string,
  input: { target: string; parentId?: string; text: string },
  author: string,
): Promise<StoredRecord<'reviewComment'>> {
  if (input.parentId) {
    const parent = await store.get('reviewComment', input.parentId);
    if (!parent || parent.caseId !== caseId) throw new InputError('the comment answered does not exist');
    if ((parent.body as ReviewCommentBody).target !== input.target)
      throw new InputError('a reply is about the same finding as the comment it answers');
  }
  return store.create(
    'reviewComment',
    caseId,
    { ...input, author } satisfies Partial<ReviewCommentBody>,
    author,
  );
}

/** One opinion per member and finding: giving it again replaces it (the history is in the audit log). */
export async function setOpinion(
  store: CaseStore,
  caseId: string,
  input: { target: string; position: OpinionBody['position']; reasons?: string },
  username: string,
): Promise<StoredRecord<'opinion'>> {
  member(await requirePanel(store, caseId), username);
  const body = { ...input, member: username };
  const existing = (await all(store, 'opinion', caseId)).find(
    (o) => (o.body as OpinionBody).member === username && (o.body as OpinionBody).target === input.target,
  );
  return existing
    ? store.update('opinion', existing.id, body, username)
    : store.create('opinion', caseId, body, username);
}

/**
 * Freezes the report content: returns the version whose hash is `contentSha256`, making a new one
 * (and voiding the signatures of the one it supersedes) when the content changed.
 */
export async function freezeVersion(
  store: CaseStore,
  caseId: string,
  contentSha256: string,
  content: unknown,
  actor: string,
): Promise<StoredRecord<'reportVersion'>> {
  return store.transaction(async (s) => {
    const versions = (await all(s, 'reportVersion', caseId)).sort(
      (a, b) => (a.body as ReportVersionBody).number - (b.body as ReportVersionBody).number,
    );
    const latest = versions[versions.length - 1];
    if (latest && (latest.body as ReportVersionBody).contentSha256 === contentSha256) return latest;
    const contentAnalysisId = await s.saveAnalysis(
      caseId,
      'report-content',
      contentSha256,
      { format: 'canonical-json' },
      content,
      actor,
    );
    const now = new Date().toISOString();
    const created = await s.create(
      'reportVersion',
      caseId,
      {
        number: latest ? (latest.body as ReportVersionBody).number + 1 : 1,
        contentSha256,
        contentAnalysisId,
        frozenAt: now,
      } satisfies ReportVersionBody,
      actor,
    );
    if (latest) {
      await s.update(
        'reportVersion',
        latest.id,
        { ...(latest.body as ReportVersionBody), supersededBy: created.id },
        actor,
      );
      const from = (latest.body as ReportVersionBody).number;
      const to = (created.body as ReportVersionBody).number;
      const voided: string[] = [];
      for (const sig of await all(s, 'signature', caseId)) {
        const b = sig.body as SignatureBody;
        if (b.voidedAt) continue;
        await s.update(
          'signature',
          sig.id,
          { ...b, voidedAt: now, voidReason: `content changed: superseded by version ${to}` },
          actor,
        );
        voided.push(b.member);
        // Whoever signed is told (stored until they acknowledge it): a signature does not vanish unseen.
        await s.panelNotices.add({
          id: newId('pnt'),
          caseId,
          member: b.member,
          voidedVersion: from,
          newVersion: to,
          at: now,
        });
      }
      if (voided.length)
        await s.audit({
          actor,
          action: 'void-signatures',
          entity: 'report-versions',
          entityId: latest.id,
          caseId,
          after: { members: voided, version: from, supersededBy: to },
        });
    }
    return created;
  });
}

export async function signVersion(
  store: CaseStore,
  caseId: string,
  versionId: string,
  username: string,
  signature: string,
): Promise<StoredRecord<'signature'>> {
  const panel = await requirePanel(store, caseId);
  const m = member(panel, username);
  if (!m.publicKeyPem)
    throw new InputError(`${username} has no public key registered with the panel`).because('no_public_key');
  const version = await store.get('reportVersion', versionId);
  if (!version || version.caseId !== caseId) throw new NotFoundError('no such report version');
  const v = version.body as ReportVersionBody;
  if (v.supersededBy)
    throw new InputError(
      `version ${v.number} was superseded: the content changed; sign the current version`,
    ).because('version_superseded', { version: v.number });
  if (!verifyHashSignature(m.publicKeyPem, v.contentSha256, signature))
    throw new InputError(
      'the signature does not verify with your registered public key over this version’s hash',
    ).because('bad_signature');
  const existing = (await all(store, 'signature', caseId)).find(
    (x) => (x.body as SignatureBody).versionId === versionId && (x.body as SignatureBody).member === username,
  );
  if (existing) return existing;
  return store.create(
    'signature',
    caseId,
    {
      versionId,
      member: username,
      publicKeyPem: m.publicKeyPem,
      signature,
      signedAt: new Date().toISOString(),
    } satisfies SignatureBody,
    username,
  );
}

/** A member's signature that a content change voided, until the member acknowledges it. */
export interface VoidNotice {
  id: string;
  voidedVersion: number;
  newVersion: number;
  at: string;
}

export async function voidNotices(store: CaseStore, caseId: string, member: string): Promise<VoidNotice[]> {
  const rows = await store.panelNotices.unseen(caseId, member);
  return rows.map((r) => ({
    id: r.id,
    voidedVersion: Number(r.voided_version),
    newVersion: Number(r.new_version),
    at: r.created_at,
  }));
}

/** The member saw the notices: they leave the panel view (the acknowledgement is audited). */
export async function acknowledgeVoidNotices(
  store: CaseStore,
  caseId: string,
  member: string,
  actor = member,
): Promise<number> {
  return store.transaction(async (s) => {
    const n = await s.panelNotices.acknowledge(caseId, member, new Date().toISOString());
    if (n)
      await s.audit({
        actor,
        action: 'acknowledge-void-notices',
        entity: 'panels',
        entityId: caseId,
        caseId,
        after: { notices: n },
      });
    return n;
  });
}

export interface PanelState {
  panel?: PanelRecord;
  comments: StoredRecord<'reviewComment'>[];
  opinions: StoredRecord<'opinion'>[];
  versions: StoredRecord<'reportVersion'>[];
  signatures: StoredRecord<'signature'>[];
}

export async function panelState(store: CaseStore, caseId: string): Promise<PanelState> {
  return {
    panel: await getPanel(store, caseId),
    comments: await all(store, 'reviewComment', caseId),
    opinions: await all(store, 'opinion', caseId),
    versions: (await all(store, 'reportVersion', caseId)).sort(
      (a, b) => (a.body as ReportVersionBody).number - (b.body as ReportVersionBody).number,
    ),
    signatures: await all(store, 'signature', caseId),
  };
}
