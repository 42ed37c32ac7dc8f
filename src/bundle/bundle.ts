/**
 * Writes a signed evidence bundle: one zip holding the report, its canonical content, the
 * evidence files, a README and manifest.json (every file's SHA-256, size and role, plus the case
 * metadata and the panel's signatures) signed with Ed25519 in manifest.sig.
 *
 * Entries are streamed through a hash on their way into the zip, so evidence of any size is read
 * once; an evidence file whose bytes do not match its expected SHA-256 stops the write. The zip
 * is written to `<out>.partial` and renamed only when complete: `out` is never a half bundle.
 * Signing is deterministic (Ed25519) and entry times are the bundle's createdAt, so the same
 * inputs give the same bytes.
 */
import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { canonicalJson } from '../domain/canonical-json.js';
import { InputError } from '../domain/errors.js';
import { sha256Hex } from '../domain/hashing.js';
import {
  BUNDLE_FORMAT,
  type BundleMeta,
  bundleMetaSchema,
  keyFingerprint,
  MANIFEST_FILE,
  type Manifest,
  type ManifestFile,
  README_FILE,
  SIGNATURE_FILE,
  unsafePathReason,
} from './manifest.js';
import { bundleReadme } from './readme.js';

export type { BundleMeta, Manifest, ManifestFile, PanelSignature } from './manifest.js';

export interface BundleEntry {
  /** Path inside the zip, POSIX, relative, e.g. "report/report.pdf", "evidence/evi_01J…-photo.jpg". */
  path: string;
  /** Either bytes, or a function returning a fresh readable stream of the bytes (large evidence files). */
  source: Uint8Array | (() => NodeJS.ReadableStream | AsyncIterable<Uint8Array>);
  /** Expected SHA-256 (hex) when known (evidence): writing fails with a clear error on a mismatch. */
  sha256?: string;
  /** What the file is, e.g. "report-pdf", "report-html", "report-content", "evidence", "audit-head". */
  role: string;
  /** Free descriptive fields copied into the manifest entry (e.g. evidenceId, title, mediaType). */
  meta?: Record<string, string | number | boolean>;
}

const RESERVED = new Set([MANIFEST_FILE, SIGNATURE_FILE, README_FILE].map((n) => n.toLowerCase()));

/** Formats that are already compressed: deflating them again costs time and saves nothing. */
const STORED_EXTENSIONS =
  /\.(jpe?g|png|gif|webp|heic|avif|mp4|m4v|mov|webm|mkv|mp3|m4a|aac|ogg|opus|zip|gz|tgz|bz2|xz|zst|7z|rar|pdf|docx|xlsx|pptx|odt|ods)$/i;

/** Checks everything that can be checked before a byte is written; throws InputError naming each problem. */
function checkInputs(
  entries: BundleEntry[],
  meta: BundleMeta,
  signer: { privateKey: KeyObject; publicKey: KeyObject },
) {
  const issues: { file?: string; field?: string; message: string }[] = [];
  const seen = new Set<string>();
  let reportContent = 0;
  for (const e of entries) {
    const why = unsafePathReason(e.path);
    if (why) issues.push({ file: e.path, message: `unsafe path in a bundle: ${why}` });
    // Case-folded, so that no two files collide when extracted on a case-insensitive disk.
    const key = e.path.toLowerCase();
    if (RESERVED.has(key))
      issues.push({ file: e.path, message: 'this name is reserved for the bundle itself' });
    else if (seen.has(key)) issues.push({ file: e.path, message: 'this path is given twice' });
    seen.add(key);
    if (e.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(e.sha256))
      issues.push({ file: e.path, field: 'sha256', message: 'the expected SHA-256 is not 64 hex digits' });
    if (!e.role) issues.push({ file: e.path, field: 'role', message: 'every file needs a role' });
    if (e.role === 'report-content') reportContent++;
  }
  if (reportContent !== 1)
    issues.push({
      field: 'role',
      message: `a bundle holds exactly one file with role "report-content" (found ${reportContent}): reportHash is its hash`,
    });
  const parsed = bundleMetaSchema.safeParse(meta);
  if (!parsed.success)
    for (const i of parsed.error.issues)
      issues.push({ field: `meta.${i.path.join('.')}`, message: i.message });
  else
    meta.panelSignatures.forEach((s, n) => {
      if (!s.void && !verifiesOver(s.publicKeyPem, meta.reportHash, s.signature))
        issues.push({
          field: `meta.panelSignatures.${n}`,
          message: `the panel signature of ${s.signer} does not verify over the report hash`,
        });
    });
  if (signer.privateKey.asymmetricKeyType !== 'ed25519' || signer.publicKey.asymmetricKeyType !== 'ed25519')
    issues.push({ field: 'signer', message: 'the bundle signer must be an Ed25519 key pair' });
  else {
    const probe = Buffer.from('testigo-bundle key check');
    if (!verify(null, probe, signer.publicKey, sign(null, probe, signer.privateKey)))
      issues.push({ field: 'signer', message: 'the signer public key does not belong to its private key' });
  }
  if (issues.length > 0)
    throw new InputError(
      `cannot write the bundle: ${issues.map((i) => `${i.file ?? i.field ?? ''}: ${i.message}`).join('; ')}`,
      issues,
    );
}

function verifiesOver(publicKeyPem: string, text: string, signatureB64: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKeyPem, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

/** A pass-through that hashes and counts the bytes going into the zip. */
function hashingStream(onDone: (sha256: string, size: number) => Error | null): Transform {
  const h = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      h.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
    flush(cb) {
      cb(onDone(h.digest('hex'), size));
    },
  });
}

function toReadable(s: NodeJS.ReadableStream | AsyncIterable<Uint8Array>): Readable {
  return s instanceof Readable ? s : Readable.from(s as AsyncIterable<Uint8Array>, { objectMode: false });
}

function mismatch(path: string, expected: string, actual: string): InputError {
  return new InputError(
    `${path}: its bytes have SHA-256 ${actual}, not the expected ${expected.toLowerCase()} (the stored file changed or the wrong file was given); no bundle written`,
    [{ file: path, field: 'sha256', message: 'SHA-256 differs from the expected one' }],
  );
}

/** Writes the bundle to `outPath`; returns its manifest and size in bytes. */
export async function writeBundle(
  outPath: string,
  entries: BundleEntry[],
  meta: BundleMeta,
  signer: { privateKey: KeyObject; publicKey: KeyObject },
): Promise<{ manifest: Manifest; bytes: number }> {
  checkInputs(entries, meta, signer);
  const fingerprint = keyFingerprint(signer.publicKey);
  const publicKeyPem = signer.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const mtime = Number.isNaN(Date.parse(meta.createdAt)) ? new Date() : new Date(meta.createdAt);
  const partial = `${outPath}.partial`;

  const zip = new yazl.ZipFile();
  const out = createWriteStream(partial, { mode: 0o600 });
  const written = pipeline(zip.outputStream, out);
  // A failure anywhere (a source stream, a hash mismatch, the disk) lands here and stops the write.
  let abort!: (err: unknown) => void;
  const aborted = new Promise<never>((_, reject) => {
    abort = reject;
  });
  aborted.catch(() => {});
  zip.on('error', (err) => abort(err));
  written.catch((err) => abort(err));

  try {
    const readme = Buffer.from(bundleReadme(meta, fingerprint, entries.length + 1), 'utf8');
    const files: ManifestFile[] = [
      {
        path: README_FILE,
        sha256: sha256Hex(readme),
        size: readme.length,
        role: 'readme',
      },
    ];
    zip.addBuffer(readme, README_FILE, { mtime });

    const hashed: Promise<void>[] = [];
    for (const e of entries) {
      const compress = !STORED_EXTENSIONS.test(e.path);
      const record = (sha256: string, size: number) => {
        if (e.sha256 !== undefined && e.sha256.toLowerCase() !== sha256)
          return mismatch(e.path, e.sha256, sha256);
        files.push({ path: e.path, sha256, size, role: e.role, ...(e.meta ? { meta: { ...e.meta } } : {}) });
        return null;
      };
      const source = e.source;
      if (typeof source !== 'function') {
        const buf = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
        const err = record(sha256Hex(buf), buf.length);
        if (err) throw err;
        zip.addBuffer(buf, e.path, { mtime, compress });
        continue;
      }
      hashed.push(
        new Promise<void>((resolve, reject) => {
          zip.addReadStreamLazy(e.path, { mtime, compress }, (cb) => {
            let input: Readable;
            try {
              input = toReadable(source());
            } catch (err) {
              reject(err);
              return;
            }
            const hasher = hashingStream((sha, size) => record(sha, size));
            input.on('error', (err) => {
              hasher.destroy();
              reject(new InputError(`${e.path}: reading the file failed: ${(err as Error).message}`));
            });
            hasher.on('error', (err) => {
              input.destroy();
              reject(err);
            });
            hasher.on('end', () => resolve());
            cb(null, input.pipe(hasher));
          });
        }),
      );
    }
    // Streams are pumped one after another by yazl; wait until every hash is known.
    await Promise.race([Promise.all(hashed), aborted]);

    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      meta,
      files,
      signer: { publicKeyPem, fingerprint },
    };
    const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
    const signature = sign(null, manifestBytes, signer.privateKey).toString('base64');
    zip.addBuffer(manifestBytes, MANIFEST_FILE, { mtime });
    zip.addBuffer(Buffer.from(`${signature}\n`, 'utf8'), SIGNATURE_FILE, { mtime, compress: false });
    zip.end();
    await Promise.race([written, aborted]);
    await rename(partial, outPath);
    return {
      manifest: JSON.parse(manifestBytes.toString('utf8')) as Manifest,
      bytes: (await stat(outPath)).size,
    };
  } catch (err) {
    out.destroy();
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw err;
  }
}
