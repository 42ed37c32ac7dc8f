/**
 * Every hash a bundle states besides the manifest, checked against the bytes actually in the zip.
 * A forger who alters an evidence file and recomputes the manifest still has to rewrite the
 * custody log, the report content's annex (which changes the report hash the panel signed) and
 * the rendered report; each one left behind is named here. Also: the panel's signature status as
 * the signed content defines it (required number, members' registered keys). No I/O here.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { z } from 'zod';
import { type Checkpoint, checkpointSignatureValid } from '../store/audit-checkpoint.js';
import { keyFingerprint, type Manifest } from './manifest.js';

export interface CrossCheckFailure {
  file?: string;
  code: string;
  message: string;
}

/** What verify needs from the report content; the rest of the model is not read here. */
export const contentFacts = z.looseObject({
  caseKeyFingerprint: z.string().optional(),
  panel: z
    .looseObject({
      requiredSignatures: z.number().int().nonnegative(),
      members: z.array(z.looseObject({ username: z.string(), fingerprint: z.string().optional() })),
    })
    .optional(),
  annex: z
    .array(z.looseObject({ id: z.string(), kind: z.string(), sha256: z.string().optional() }))
    .optional(),
  /** SHA-256 of each confidential authored section (its text is in the identity annex only). */
  confidentialNarratives: z
    .array(z.looseObject({ section: z.string(), lang: z.string(), sha256: z.string() }))
    .optional(),
});
export type ContentFacts = z.infer<typeof contentFacts>;

export const custodyLog = z.record(
  z.string(),
  z.array(z.looseObject({ action: z.string(), at: z.string(), sha256: z.string().optional() })),
);
export type CustodyLog = z.infer<typeof custodyLog>;

export interface CrossCheckInput {
  manifest: Manifest;
  /** SHA-256 of the bytes of each file in the zip, by path. */
  actual: ReadonlyMap<string, string>;
  content?: ContentFacts;
  contentPath?: string;
  custody?: CustodyLog;
  custodyPath?: string;
  /** The rendered HTML reports (path and text): each must show every evidence file's real hash. */
  html: readonly { path: string; text: string }[];
}

/** Evidence files of the bundle: evidence id → path and the SHA-256 of its bytes in the zip. */
function evidenceFiles(m: Manifest, actual: ReadonlyMap<string, string>) {
  const out = new Map<string, { path: string; sha256: string }>();
  for (const f of m.files) {
    const id = f.meta?.evidenceId;
    const sha = actual.get(f.path);
    if (f.role === 'evidence' && typeof id === 'string' && sha) out.set(id, { path: f.path, sha256: sha });
  }
  return out;
}

export function crossCheck(input: CrossCheckInput): CrossCheckFailure[] {
  const failures: CrossCheckFailure[] = [];
  const fail = (code: string, message: string, file?: string) =>
    failures.push({ code, message, ...(file !== undefined ? { file } : {}) });
  const evidence = evidenceFiles(input.manifest, input.actual);

  if (input.custody) {
    const file = input.custodyPath;
    for (const [id, ev] of evidence) {
      const log = input.custody[id];
      if (!log) {
        fail('custody-hash', `no custody log for ${id} (${ev.path})`, file);
        continue;
      }
      log.forEach((entry, i) => {
        if (entry.sha256 !== undefined && entry.sha256.toLowerCase() !== ev.sha256)
          fail(
            'custody-hash',
            `custody entry ${i + 1} of ${id} (${entry.action}, ${entry.at}) states SHA-256 ${entry.sha256}, but ${ev.path} has ${ev.sha256}`,
            file,
          );
      });
    }
  }

  if (input.content?.annex) {
    const file = input.contentPath;
    const annex = new Map(input.content.annex.map((a) => [a.id, a]));
    for (const [id, ev] of evidence) {
      const a = annex.get(id);
      if (!a) fail('annex-hash', `${id} (${ev.path}) is not in the report's annex`, file);
      else if (a.sha256 === undefined || a.sha256.toLowerCase() !== ev.sha256)
        fail(
          'annex-hash',
          `the report's annex states SHA-256 ${a.sha256 ?? '(none)'} for ${id}, but ${ev.path} has ${ev.sha256}`,
          file,
        );
    }
  }

  // The rendered report prints the annex: it must show the real hash of every evidence file the
  // annex lists (checked only for a report whose content has an annex).
  const annexIds = new Set((input.content?.annex ?? []).map((a) => a.id));
  for (const h of input.html)
    for (const [id, ev] of evidence)
      if (annexIds.has(id) && !h.text.includes(ev.sha256))
        fail(
          'report-text-hash',
          `the report does not show the SHA-256 of ${id} (${ev.sha256}) that ${ev.path} has`,
          h.path,
        );

  const stated = input.content?.caseKeyFingerprint;
  if (stated !== undefined && stated.toLowerCase() !== input.manifest.signer.fingerprint)
    fail(
      'signer-mismatch',
      `the report names the case's signing key ${stated}, but the bundle is signed by ${input.manifest.signer.fingerprint}`,
      input.contentPath,
    );
  return failures;
}

export type PanelStatus = 'draft' | 'partial' | 'signed';

export interface PanelSummary {
  status: PanelStatus;
  /** Distinct panel members with a valid, non-void signature over the report hash. */
  valid: number;
  /** How many the signed content requires; null when the content does not say. */
  required: number | null;
  failures: CrossCheckFailure[];
}

function ed25519Key(pem: string): KeyObject | null {
  try {
    const k = createPublicKey(pem);
    return k.asymmetricKeyType === 'ed25519' ? k : null;
  } catch {
    return null;
  }
}

function verifiesOver(key: KeyObject, text: string, signatureB64: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The panel's sign-off as the content defines it. A signature counts only when it verifies over
 * the report hash and, when the content lists members' keys, is made with the key registered for
 * that member: a valid signature by an outsider is a failure, not a vote.
 */
export function panelSummary(manifest: Manifest, content: ContentFacts | undefined): PanelSummary {
  const failures: CrossCheckFailure[] = [];
  const registered = new Map<string, string>();
  for (const m of content?.panel?.members ?? [])
    if (m.fingerprint) registered.set(m.username, m.fingerprint.toLowerCase());
  const signers = new Set<string>();
  for (const s of manifest.meta.panelSignatures) {
    if (s.void) continue;
    const key = ed25519Key(s.publicKeyPem);
    if (!key || !verifiesOver(key, manifest.meta.reportHash, s.signature)) {
      failures.push({
        code: 'panel-signature',
        file: 'manifest.json',
        message: key
          ? `the signature of ${s.signer} does not verify over the report hash`
          : `the public key of ${s.signer} is not an Ed25519 key in PEM form`,
      });
      continue;
    }
    if (registered.size > 0) {
      if (registered.get(s.signer) !== keyFingerprint(key)) {
        failures.push({
          code: 'panel-signature',
          file: 'manifest.json',
          message: `the signature of ${s.signer} is made with a key that is not the one the report registers for that panel member`,
        });
        continue;
      }
    }
    signers.add(s.signer);
  }
  const required = content?.panel ? content.panel.requiredSignatures : null;
  const valid = signers.size;
  const status: PanelStatus =
    valid === 0 ? 'draft' : required !== null && valid < required ? 'partial' : 'signed';
  return { status, valid, required, failures };
}

/**
 * The audit log's signed checkpoint: its own signature, and the audit head the manifest states
 * must be the one it covers. (Whether the key is the store's is checked against the store, or
 * against a checkpoint published elsewhere: its fingerprint is printed for that.)
 */
export function checkpointCheck(manifest: Manifest, cp: Checkpoint, file: string): CrossCheckFailure[] {
  const failures: CrossCheckFailure[] = [];
  if (!checkpointSignatureValid(cp))
    failures.push({
      code: 'audit-checkpoint',
      file,
      message: 'the checkpoint signature is invalid (edited or forged)',
    });
  const head = manifest.meta.auditHead;
  const covered = cp.treeSize > 0 ? { seq: cp.treeSize, hash: cp.headHash } : null;
  if ((head?.seq ?? null) !== (covered?.seq ?? null) || (head?.hash ?? null) !== (covered?.hash ?? null))
    failures.push({
      code: 'audit-checkpoint',
      file,
      message: `the manifest states audit head ${head ? `${head.seq} ${head.hash}` : '(none)'}, the checkpoint covers ${covered ? `${covered.seq} ${covered.hash}` : 'an empty log'}`,
    });
  return failures;
}

/** Fingerprint of the checkpoint's key (SHA-256 of its SPKI DER), as `testigo audit` prints it. */
export function checkpointKeyFingerprint(cp: Checkpoint): string {
  try {
    return keyFingerprint(
      createPublicKey({ key: Buffer.from(cp.publicKey, 'base64'), format: 'der', type: 'spki' }),
    );
  } catch {
    return '?';
  }
}
