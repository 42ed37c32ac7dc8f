import { z } from 'zod';

export const BUNDLE_FORMAT = 'testigo-bundle/1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const README_FILE = 'README.txt';
/** A manifest larger than this is refused unread (a real one is a few KiB per thousand files). */
export const MAX_MANIFEST_BYTES = 10 * 1024 * 1024;
/** More zip entries than this is not a bundle Testigo wrote; refused before reading the directory. */
export const MAX_ENTRIES = 200_000;

const HEX64 = /^[0-9a-f]{64}$/;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const panelSignatureSchema = z.object({
  signer: z.string().min(1),
  publicKeyPem: z.string().min(1),
  signature: z.string(),
  signedAt: z.string(),
  void: z.boolean().optional(),
});

export const bundleMetaSchema = z.looseObject({
  caseId: z.string(),
  caseTitle: z.string(),
  edition: z.enum(['confidential', 'public']),
  createdAt: z.string(),
  tool: z.string(),
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }).nullable(),
  reportHash: z.string().regex(HEX64, 'a SHA-256 in lowercase hex'),
  panelSignatures: z.array(panelSignatureSchema),
});

export const manifestFileSchema = z.object({
  path: z.string(),
  sha256: z.string().regex(HEX64, 'a SHA-256 in lowercase hex'),
  size: z.number().int().nonnegative(),
  role: z.string().min(1),
  meta: z.record(z.string(), scalar).optional(),
});

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  meta: bundleMetaSchema,
  files: z.array(manifestFileSchema),
  signer: z.object({ publicKeyPem: z.string(), fingerprint: z.string().regex(HEX64) }),
});

export interface PanelSignature {
  signer: string;
  publicKeyPem: string;
  /** base64 Ed25519 signature over the UTF-8 bytes of the report hash (hex) */
  signature: string;
  signedAt: string;
  void?: boolean;
}

export interface BundleMeta {
  caseId: string;
  caseTitle: string;
  edition: 'confidential' | 'public';
  createdAt: string;
  tool: string;
  auditHead: { seq: number; hash: string } | null;
  /** SHA-256 (hex) of the canonical report content; must equal the sha256 of the entry with role "report-content". */
  reportHash: string;
  /** Panel members' Ed25519 signatures over the UTF-8 bytes of reportHash (hex string). Void ones are listed, not checked as valid. */
  panelSignatures: PanelSignature[];
  [k: string]: unknown;
}

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  role: string;
  meta?: Record<string, string | number | boolean>;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  meta: BundleMeta;
  files: ManifestFile[];
  signer: { publicKeyPem: string /** SHA-256 hex of the SPKI DER */; fingerprint: string };
}

/**
 * Why a path may not name a file inside a bundle, or null when it may. Besides the classic
 * zip-slip forms (absolute, drive letter, "..", backslash) it refuses empty and "." segments,
 * control characters and a trailing slash, so that every extractor puts the file where its
 * name says, and no two names can land on the same file.
 */
export function unsafePathReason(path: string): string | null {
  if (path === '') return 'empty path';
  if (path.length > 1024) return 'path longer than 1024 characters';
  if (path.includes('\\')) return 'backslash in path';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'absolute path';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control character in path';
  const segments = path.split('/');
  if (segments.includes('..')) return 'path goes up a directory ("..")';
  if (segments.some((s) => s === '' || s === '.')) return 'empty or "." segment in path';
  return null;
}

export { keyFingerprint } from '../domain/hashing.js';
