/**
 * Trust anchors for `testigo verify`: which bundle signers a person has pinned. A valid signature
 * only proves that *some* key signed the manifest; anyone can re-hash a bundle and sign it with a
 * key of their own. The bundle is believed only when its signer is one of these.
 *
 * An anchor is given as a fingerprint (SHA-256 of the key's SPKI DER, 64 hex digits; colons and
 * spaces allowed), as a PEM public key, or as a trust file: one anchor per line,
 * `FINGERPRINT [CASE-ID [label…]]`, `#` comments, and/or PEM public keys. An anchor with a case
 * id pins that key for that case file only. A trust file may also hold PEM certificates: those
 * pin RFC 3161 time-stamping authorities. No I/O here: the caller reads files.
 */
import { InputError } from '../domain/errors.js';
import { keyFingerprint } from './manifest.js';

export interface TrustAnchor {
  fingerprint: string;
  /** Pins the key for this case file only; any case when absent. */
  caseId?: string;
  label?: string;
  /** Where the anchor came from, for messages: "--trust", "trust.txt:3". */
  source: string;
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;
const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Time-stamping authority certificates (PEM) a trust file pins besides signing keys. */
export function certificatesIn(text: string): string[] {
  return [...text.matchAll(CERT_BLOCK)].map((m) => `${m[0]}\n`);
}

/** A fingerprint written with or without separators, as lowercase hex; null when it is not one. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

function pemAnchor(pem: string, source: string): TrustAnchor {
  try {
    return { fingerprint: keyFingerprint(pem), source };
  } catch {
    throw new InputError(`${source}: not a public key in PEM form`, [
      { file: source, message: 'not a public key in PEM form' },
    ]);
  }
}

/** Parses a trust file's text; every line that is not an anchor, a comment or part of a PEM key is refused. */
export function parseTrustFile(text: string, file: string): TrustAnchor[] {
  const anchors: TrustAnchor[] = [];
  for (const m of text.matchAll(PEM_BLOCK)) anchors.push(pemAnchor(m[0], file));
  const blank = (block: string) => block.replace(/[^\n]/g, '');
  const rest = text.replace(PEM_BLOCK, blank).replace(CERT_BLOCK, blank);
  rest.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [first = '', caseId, ...label] = line.split(/\s+/);
    const fingerprint = normalizeFingerprint(first);
    if (!fingerprint)
      throw new InputError(
        `${file}:${i + 1}: expected "FINGERPRINT [CASE-ID [label]]" (a 64-hex-digit SHA-256 of the signer's key)`,
        [{ file, row: i + 1, message: 'not a key fingerprint' }],
      );
    anchors.push({
      fingerprint,
      ...(caseId ? { caseId } : {}),
      ...(label.length ? { label: label.join(' ') } : {}),
      source: `${file}:${i + 1}`,
    });
  });
  if (anchors.length === 0 && certificatesIn(text).length === 0)
    throw new InputError(`${file}: holds no trusted key (no fingerprint line, no PEM public key)`, [
      { file, message: 'empty trust file' },
    ]);
  return anchors;
}

/**
 * One `--trust` value: a fingerprint, a PEM key, or the path of a file (a PEM key or a trust
 * file) whose text `readText` returns (undefined when there is no such file).
 */
export function parseTrustValue(
  value: string,
  readText: (path: string) => string | undefined,
): TrustAnchor[] {
  const fingerprint = normalizeFingerprint(value);
  if (fingerprint) return [{ fingerprint, source: '--trust' }];
  if (value.includes('-----BEGIN')) return [pemAnchor(value, '--trust')];
  const text = readText(value);
  if (text === undefined)
    throw new InputError(
      `--trust ${value}: neither a key fingerprint (64 hex digits), nor a PEM public key, nor a readable file`,
      [{ field: '--trust', message: 'not a fingerprint, key or file' }],
    );
  return parseTrustFile(text, value);
}

/** The anchor that pins `fingerprint` for `caseId`, if any. */
export function findAnchor(
  anchors: readonly TrustAnchor[],
  fingerprint: string,
  caseId: string | undefined,
): TrustAnchor | undefined {
  return anchors.find(
    (a) => a.fingerprint === fingerprint && (a.caseId === undefined || a.caseId === caseId),
  );
}
