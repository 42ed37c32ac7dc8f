/**
 * Verifies an evidence bundle without extracting it: every entry is read as a stream from the zip
 * and hashed in memory. Every problem found is reported (not only the first), each naming its
 * file, so that a person can see exactly what was altered, removed or added.
 */
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { z } from 'zod';
import { InputError } from '../domain/errors.js';
import { sha256Hex } from '../domain/hashing.js';
import type { IdentityAnnex } from '../report/content.js';
import {
  type NarrativeCommitment,
  type NarrativeContent,
  narrativeCommitmentMismatches,
} from '../report/content-narrative.js';
import { Checkpoint } from '../store/audit-checkpoint.js';
import {
  type ContentFacts,
  type CustodyLog,
  checkpointCheck,
  checkpointKeyFingerprint,
  contentFacts,
  crossCheck,
  custodyLog,
  type PanelSummary,
  panelSummary,
} from './cross-check.js';
import {
  keyFingerprint,
  MANIFEST_FILE,
  MAX_ENTRIES,
  MAX_MANIFEST_BYTES,
  type Manifest,
  type ManifestFile,
  manifestSchema,
  SIGNATURE_FILE,
  unsafePathReason,
} from './manifest.js';
import { renderingCheck } from './rendering-check.js';
import { checkTimestamp, type TimestampCheck } from './timestamp.js';
import { findAnchor, type TrustAnchor } from './trust.js';

export interface VerifyFailure {
  file?: string;
  code: string;
  message: string;
}
export interface VerifyResult {
  /** True only when the bundle is intact and its signer is pinned by a trust anchor. */
  ok: boolean;
  /** No failure at all was found: every file and every stated hash agree, every signature verifies. */
  intact: boolean;
  failures: VerifyFailure[];
  /** The manifest's signer, and the anchor that pins it (absent: the signer is unknown). */
  signer?: { fingerprint: string; pinnedBy?: TrustAnchor };
  /** The panel's sign-off, as the signed report content defines it. */
  panel?: Omit<PanelSummary, 'failures'>;
  /** SHA-256 of manifest.json's bytes: what an RFC 3161 timestamp covers. */
  manifestSha256?: string;
  /** The RFC 3161 timestamp given, checked against manifest.json. */
  timestamp?: TimestampCheck;
  /** The audit log's signed checkpoint in the bundle: compare it with one published elsewhere. */
  auditCheckpoint?: { treeSize: number; rootHash: string; keyFingerprint: string };
  /** The manifest when it could be parsed; to be trusted only when `ok`. */
  manifest?: Manifest;
  /** Listed files found in the zip and read through their hash. */
  checkedFiles: number;
}

const MAX_SIGNATURE_BYTES = 4096;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    // decodeStrings off: yauzl would stop at the first unsafe name; we decode and judge names
    // ourselves so that every one of them is reported.
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    ),
  );
}

/** Every entry of the central directory, with its decoded name; nothing is read from the entries yet. */
function listEntries(zip: yauzl.ZipFile): Promise<{ name: string; entry: yauzl.Entry }[]> {
  const out: { name: string; entry: yauzl.Entry }[] = [];
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(out));
    zip.on('entry', (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
      out.push({ name, entry });
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) =>
      err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream),
    ),
  );
}

/** Streams an entry through SHA-256; `limit` bounds what is read (the declared size is a claim). */
async function hashEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit = Number.POSITIVE_INFINITY) {
  const stream = await openEntry(zip, entry);
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw new Error(`larger than ${limit} bytes`);
    }
    h.update(chunk);
  }
  return { sha256: h.digest('hex'), size };
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw new Error(`larger than ${limit} bytes`);
  const stream = await openEntry(zip, entry);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw new Error(`larger than ${limit} bytes`);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function pemAnchors(pems: string[]): TrustAnchor[] {
  return pems.map((pem, i) => {
    try {
      return { fingerprint: keyFingerprint(pem), source: `trusted key ${i + 1}` };
    } catch {
      throw new InputError(`trusted key ${i + 1} is not a public key in PEM form`);
    }
  });
}

/** Small JSON files verify reads whole (report content, custody log); larger ones are refused. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
const MAX_HTML_BYTES = 64 * 1024 * 1024;

const identityAnnex = z.object({
  persons: z.record(z.string(), z.string()),
  /** Exact positions of pseudonymised suspects (the confidential edition prints them). */
  positions: z.record(z.string(), z.array(z.string())).optional(),
  items: z.record(z.string(), z.string()),
  /** The confidential edition's authored sections (the signed content commits to each by SHA-256). */
  narratives: z.array(z.looseObject({ section: z.string(), lang: z.string() })).optional(),
});

function parsePublicKey(pem: string): KeyObject | null {
  try {
    const k = createPublicKey(pem);
    return k.asymmetricKeyType === 'ed25519' ? k : null;
  } catch {
    return null;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface VerifyOptions {
  /** An RFC 3161 time-stamp response over manifest.json, checked offline. */
  timestamp?: { response: Uint8Array; tsaCertificates?: Uint8Array[]; nonce?: string };
  /** Pinned signers. With none at all, an intact bundle is "signature valid but signer unknown". */
  trust?: TrustAnchor[];
  /** Public keys (PEM) pinned for any case; the same as `trust` anchors without a case id. */
  trustedPublicKeysPem?: string[];
}

/** Checks a bundle; `ok` is true only when it is intact and its signer is pinned. */
export async function verifyBundle(path: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const anchors = [...(opts.trust ?? []), ...pemAnchors(opts.trustedPublicKeysPem ?? [])];
  const trusted = anchors.length > 0 ? anchors : null;
  const failures: VerifyFailure[] = [];
  const fail = (code: string, message: string, file?: string) =>
    failures.push(file === undefined ? { code, message } : { file, code, message });

  let zip: yauzl.ZipFile;
  let listed: { name: string; entry: yauzl.Entry }[];
  try {
    zip = await openZip(path);
  } catch (err) {
    fail('unreadable', `not a readable zip file: ${errorText(err)}`, path);
    return { ok: false, intact: false, failures, checkedFiles: 0 };
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) {
      fail(
        'unreadable',
        `the zip holds ${zip.entryCount} entries, more than a bundle may (${MAX_ENTRIES})`,
        path,
      );
      return { ok: false, intact: false, failures, checkedFiles: 0 };
    }
    try {
      listed = await listEntries(zip);
    } catch (err) {
      fail('unreadable', `the zip's directory cannot be read: ${errorText(err)}`, path);
      return { ok: false, intact: false, failures, checkedFiles: 0 };
    }
    return await check(zip, listed, trusted, failures, fail, opts.timestamp);
  } finally {
    zip.close();
  }
}

async function check(
  zip: yauzl.ZipFile,
  listed: { name: string; entry: yauzl.Entry }[],
  trusted: TrustAnchor[] | null,
  failures: VerifyFailure[],
  fail: (code: string, message: string, file?: string) => void,
  timestampOpts: VerifyOptions['timestamp'],
): Promise<VerifyResult> {
  // 1. The names in the zip: unsafe, duplicated (exactly or but for letter case).
  const byName = new Map<string, yauzl.Entry[]>();
  const folded = new Map<string, string>();
  for (const { name, entry } of listed) {
    const why = unsafePathReason(name);
    if (why) {
      // An empty directory entry carries no content; anything else unsafe is named.
      if (
        !(name.endsWith('/') && entry.uncompressedSize === 0 && unsafePathReason(name.slice(0, -1)) === null)
      )
        fail('unsafe-path', `unsafe name in the zip (${why})`, name);
      continue;
    }
    const same = byName.get(name);
    if (same) {
      if (same.length === 1) fail('duplicate', 'this name appears more than once in the zip', name);
      same.push(entry);
      continue;
    }
    const other = folded.get(name.toLowerCase());
    if (other !== undefined)
      fail('duplicate', `differs from "${other}" only by letter case (they collide when extracted)`, name);
    folded.set(name.toLowerCase(), name);
    byName.set(name, [entry]);
  }

  // 2. The manifest and its signature.
  const manifestEntry = byName.get(MANIFEST_FILE)?.[0];
  const sigEntry = byName.get(SIGNATURE_FILE)?.[0];
  let manifestBytes: Buffer | undefined;
  let sigText: string | undefined;
  if (!manifestEntry)
    fail('manifest', 'manifest.json is missing: this is not a Testigo bundle', MANIFEST_FILE);
  else
    try {
      manifestBytes = await readEntry(zip, manifestEntry, MAX_MANIFEST_BYTES);
    } catch (err) {
      fail('manifest', `manifest.json cannot be read: ${errorText(err)}`, MANIFEST_FILE);
    }
  if (!sigEntry) fail('manifest', 'manifest.sig is missing: the manifest is not signed', SIGNATURE_FILE);
  else
    try {
      sigText = (await readEntry(zip, sigEntry, MAX_SIGNATURE_BYTES)).toString('utf8').trim();
    } catch (err) {
      fail('manifest', `manifest.sig cannot be read: ${errorText(err)}`, SIGNATURE_FILE);
    }

  let manifest: Manifest | undefined;
  if (manifestBytes) {
    let json: unknown;
    try {
      json = JSON.parse(manifestBytes.toString('utf8'));
    } catch (err) {
      fail('manifest', `manifest.json is not valid JSON: ${errorText(err)}`, MANIFEST_FILE);
    }
    if (json !== undefined) {
      const parsed = manifestSchema.safeParse(json);
      if (parsed.success) manifest = parsed.data as Manifest;
      else
        for (const i of parsed.error.issues.slice(0, 20))
          fail(
            'manifest',
            `manifest.json field ${i.path.join('.') || '(root)'}: ${i.message}`,
            MANIFEST_FILE,
          );
    }
  }

  let signerKey: KeyObject | null = null;
  let pinnedBy: TrustAnchor | undefined;
  if (manifest) {
    signerKey = parsePublicKey(manifest.signer.publicKeyPem);
    if (!signerKey)
      fail('manifest-signature', "the signer's public key is not an Ed25519 key in PEM form", MANIFEST_FILE);
    else if (keyFingerprint(signerKey) !== manifest.signer.fingerprint)
      fail('manifest', "the signer's fingerprint does not match the signer's public key", MANIFEST_FILE);
    if (signerKey && trusted) {
      pinnedBy = findAnchor(trusted, keyFingerprint(signerKey), manifest.meta.caseId);
      if (!pinnedBy)
        fail(
          'untrusted-signer',
          `signed by ${keyFingerprint(signerKey)}, which is not among the trusted keys${trusted.some((a) => a.fingerprint === keyFingerprint(signerKey!)) ? ` for case ${manifest.meta.caseId}` : ''}`,
          SIGNATURE_FILE,
        );
    }
  }
  if (manifestBytes && sigText !== undefined && (signerKey || !manifest)) {
    const sig = /^[A-Za-z0-9+/]+={0,2}$/.test(sigText) ? Buffer.from(sigText, 'base64') : Buffer.alloc(0);
    if (sig.length !== 64)
      fail('manifest-signature', 'manifest.sig is not a base64 Ed25519 signature', SIGNATURE_FILE);
    else if (signerKey && !verify(null, manifestBytes, signerKey, sig))
      fail(
        'manifest-signature',
        'the signature does not match manifest.json: the manifest was edited or signed by another key',
        MANIFEST_FILE,
      );
  }
  if (!manifest) return { ok: false, intact: false, failures, checkedFiles: 0 };

  // 3. The manifest's own list: sane, no duplicates, nothing reserved.
  const inManifest = new Set<string>();
  for (const f of manifest.files) {
    const why = unsafePathReason(f.path);
    if (why) fail('manifest', `manifest.json lists an unsafe path (${why})`, f.path);
    if (f.path === MANIFEST_FILE || f.path === SIGNATURE_FILE)
      fail('manifest', 'manifest.json lists the manifest itself', f.path);
    if (inManifest.has(f.path)) fail('manifest', 'manifest.json lists this path twice', f.path);
    inManifest.add(f.path);
  }

  // 4. Every listed file (every copy of it), streamed and hashed.
  let checkedFiles = 0;
  const actual = new Map<string, string>();
  for (const f of manifest.files) {
    if (f.path === MANIFEST_FILE || f.path === SIGNATURE_FILE) continue;
    const copies = byName.get(f.path);
    if (!copies) {
      fail('missing', 'listed in the manifest but not in the zip', f.path);
      continue;
    }
    checkedFiles++;
    for (const entry of copies) {
      if (entry.uncompressedSize !== f.size) {
        fail('hash-mismatch', `size is ${entry.uncompressedSize} bytes, the manifest says ${f.size}`, f.path);
        continue;
      }
      try {
        const got = await hashEntry(zip, entry, f.size);
        // The first copy's real hash is what the other statements (custody, annex) are checked against.
        if (!actual.has(f.path)) actual.set(f.path, got.sha256);
        if (got.size !== f.size)
          fail('hash-mismatch', `size is ${got.size} bytes, the manifest says ${f.size}`, f.path);
        else if (got.sha256 !== f.sha256)
          fail(
            'hash-mismatch',
            `SHA-256 is ${got.sha256}, the manifest says ${f.sha256}: the file was altered`,
            f.path,
          );
      } catch (err) {
        fail('hash-mismatch', `cannot be read from the zip (${errorText(err)}): it is damaged`, f.path);
      }
    }
  }

  // 5. Files in the zip the manifest does not list.
  for (const name of byName.keys())
    if (name !== MANIFEST_FILE && name !== SIGNATURE_FILE && !inManifest.has(name))
      fail('unlisted', 'in the zip but not listed in the manifest', name);

  // 6. The report hash names the report content actually in the bundle.
  const contents = manifest.files.filter((f) => f.role === 'report-content');
  if (contents.length !== 1)
    fail(
      'report-hash',
      `the manifest lists ${contents.length} files with role "report-content", not one`,
      MANIFEST_FILE,
    );
  else if (contents[0]!.sha256 !== manifest.meta.reportHash)
    fail(
      'report-hash',
      `meta.reportHash ${manifest.meta.reportHash} is not the SHA-256 of the report content (${contents[0]!.sha256})`,
      contents[0]!.path,
    );

  // 7. Every other statement of a hash (custody log, report annex, rendered report, the case key
  // the report names) against the real bytes; the panel's sign-off as the content defines it.
  const raw = new Map<string, unknown>();
  const json = async <T>(f: ManifestFile | undefined, schema: z.ZodType<T>, what: string) => {
    const entry = f && byName.get(f.path)?.[0];
    if (!f || !entry) return undefined;
    try {
      const value: unknown = JSON.parse((await readEntry(zip, entry, MAX_JSON_BYTES)).toString('utf8'));
      raw.set(f.path, value);
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      const i = parsed.error.issues[0]!;
      fail(
        'stated-hashes',
        `${what} is not in the expected form (${i.path.join('.')}: ${i.message})`,
        f.path,
      );
    } catch (err) {
      fail('stated-hashes', `${what} cannot be read as JSON: ${errorText(err)}`, f.path);
    }
    return undefined;
  };
  const contentFile = contents.length === 1 ? contents[0] : undefined;
  const content: ContentFacts | undefined = await json(contentFile, contentFacts, 'the report content');
  const custodyFile = manifest.files.find((f) => f.role === 'custody');
  const custody: CustodyLog | undefined = await json(custodyFile, custodyLog, 'the custody log');
  const html: { path: string; text: string }[] = [];
  for (const f of manifest.files.filter((x) => x.role === 'report-html')) {
    const entry = byName.get(f.path)?.[0];
    if (entry)
      try {
        html.push({
          path: f.path,
          text: (await readEntry(zip, entry, MAX_HTML_BYTES)).toString('utf8'),
          ...(typeof f.meta?.lang === 'string' ? { lang: f.meta.lang } : {}),
        });
      } catch {
        // Already named as damaged in step 4.
      }
  }
  for (const x of crossCheck({
    manifest,
    actual,
    html,
    ...(content ? { content, contentPath: contentFile!.path } : {}),
    ...(custody ? { custody, custodyPath: custodyFile!.path } : {}),
  }))
    fail(x.code, x.message, x.file);
  if (content && contentFile) {
    const annexFile = manifest.files.find((f) => f.role === 'identity-annex');
    const annex = await json(annexFile, identityAnnex, 'the identity annex');
    for (const x of renderingCheck({
      manifest,
      content: raw.get(contentFile.path),
      contentPath: contentFile.path,
      html,
      ...(annex ? { annex: annex as unknown as IdentityAnnex } : {}),
    }).failures)
      fail(x.code, x.message, x.file);
    // The confidential authored text travels only in the annex; the content the panel signed holds
    // its SHA-256. An annex whose text is not the committed one was changed after sign-off.
    if (annex)
      for (const m of narrativeCommitmentMismatches(
        content.confidentialNarratives as NarrativeCommitment[] | undefined,
        annex.narratives as unknown as NarrativeContent[] | undefined,
      ))
        fail('stated-hashes', `the identity annex: ${m}`, annexFile?.path);
  }
  const checkpointFile = manifest.files.find((f) => f.role === 'audit-checkpoint');
  const checkpoint = await json(checkpointFile, Checkpoint, 'the audit checkpoint');
  if (checkpoint)
    for (const x of checkpointCheck(manifest, checkpoint, checkpointFile!.path))
      fail(x.code, x.message, x.file);
  const { failures: panelFailures, ...panel } = panelSummary(manifest, content);
  for (const x of panelFailures) fail(x.code, x.message, x.file);

  // 8. The RFC 3161 timestamp over the manifest's bytes, when one is given.
  let timestamp: TimestampCheck | undefined;
  if (timestampOpts && manifestBytes) {
    timestamp = await checkTimestamp(timestampOpts.response, manifestBytes, {
      ...(timestampOpts.tsaCertificates ? { tsaCertificates: timestampOpts.tsaCertificates } : {}),
      ...(timestampOpts.nonce ? { nonce: timestampOpts.nonce } : {}),
    });
    for (const p of timestamp.problems) fail('timestamp', p);
    if (timestamp.valid && !timestamp.pinned && (timestampOpts.tsaCertificates?.length ?? 0) > 0)
      fail(
        'timestamp',
        `the timestamp was signed by ${timestamp.tsa ?? 'a certificate'} that is none of the pinned TSA certificates`,
      );
  }

  const intact = failures.length === 0;
  return {
    ok: intact && pinnedBy !== undefined,
    intact,
    failures,
    manifest,
    checkedFiles,
    signer: { fingerprint: manifest.signer.fingerprint, ...(pinnedBy ? { pinnedBy } : {}) },
    panel,
    ...(manifestBytes ? { manifestSha256: sha256Hex(manifestBytes) } : {}),
    ...(timestamp ? { timestamp } : {}),
    ...(checkpoint
      ? {
          auditCheckpoint: {
            treeSize: checkpoint.treeSize,
            rootHash: checkpoint.rootHash,
            keyFingerprint: checkpointKeyFingerprint(checkpoint),
          },
        }
      : {}),
  };
}

export type VerifyLang = 'es' | 'en';

function panelLine(p: VerifyResult['panel'], lang: VerifyLang): string {
  if (!p) return '';
  const of =
    p.required !== null ? `${p.valid} ${lang === 'es' ? 'de' : 'of'} ${p.required}` : String(p.valid);
  if (p.status === 'signed')
    return lang === 'es' ? `firmado por el panel (${of} firmas)` : `signed by the panel (${of} signatures)`;
  if (p.status === 'partial')
    return lang === 'es'
      ? `firmado en parte: ${of} firmas del panel`
      : `partially signed: ${of} panel signatures`;
  return lang === 'es' ? `BORRADOR: ${of} firmas del panel` : `DRAFT: ${of} panel signatures`;
}

/**
 * The result as lines of text for a person: the verdict first (OK, UNKNOWN SIGNER or one FAIL
 * line per failure), then who signed and the panel's sign-off, never a bare OK.
 */
export function formatVerifyResult(result: VerifyResult, lang: VerifyLang = 'en'): string[] {
  const es = lang === 'es';
  const fp = result.signer?.fingerprint ?? result.manifest?.signer.fingerprint ?? '?';
  const panel = panelLine(result.panel, lang);
  if (result.intact) {
    const pin = result.signer?.pinnedBy;
    const head = pin
      ? es
        ? `OK: ${result.checkedFiles} archivos y todos los hashes declarados verificados; firmado por ${fp}, clave fijada por ${pin.source}${pin.label ? ` (${pin.label})` : ''}`
        : `OK: ${result.checkedFiles} files and every stated hash verified; signed by ${fp}, key pinned by ${pin.source}${pin.label ? ` (${pin.label})` : ''}`
      : es
        ? `FIRMANTE DESCONOCIDO: la firma es válida pero el firmante es desconocido (${fp}). Cualquiera puede firmar un paquete con una clave propia: fije la clave del caso con --trust HUELLA|PEM|ARCHIVO. El paquete NO está verificado.`
        : `UNKNOWN SIGNER: signature valid but signer unknown (${fp}). Anyone can sign a bundle with a key of their own: pin the case's key with --trust FINGERPRINT|PEM|FILE. The bundle is NOT verified.`;
    const lines = [head];
    if (panel) lines.push(`Panel: ${panel}`);
    const ts = result.timestamp;
    if (ts?.valid)
      lines.push(
        ts.pinned
          ? es
            ? `Sello de tiempo RFC 3161: el manifiesto existía el ${ts.genTime} (autoridad ${ts.tsa}, fijada)`
            : `RFC 3161 timestamp: the manifest existed at ${ts.genTime} (authority ${ts.tsa}, pinned)`
          : es
            ? `Sello de tiempo RFC 3161 válido pero de una autoridad desconocida (${ts.tsa}): no prueba ninguna fecha; fije su certificado con --tsa-cert`
            : `RFC 3161 timestamp valid but from an unknown authority (${ts.tsa}): it proves no time; pin its certificate with --tsa-cert`,
      );
    const cp = result.auditCheckpoint;
    if (cp)
      lines.push(
        es
          ? `Registro de auditoría: punto de control firmado de ${cp.treeSize} entradas, raíz ${cp.rootHash}, clave ${cp.keyFingerprint}`
          : `Audit log: signed checkpoint of ${cp.treeSize} entries, root ${cp.rootHash}, key ${cp.keyFingerprint}`,
      );
    return lines;
  }
  const word = es ? 'FALLO' : 'FAIL';
  const lines = result.failures.map((f) =>
    f.file !== undefined ? `${word} ${f.file}: ${f.message}` : `${word}: ${f.message}`,
  );
  lines.push(
    es
      ? `${result.failures.length} fallo(s); ${result.checkedFiles} archivos leídos. El paquete NO está intacto.`
      : `${result.failures.length} failure(s); ${result.checkedFiles} files read. The bundle is NOT intact.`,
  );
  return lines;
}
