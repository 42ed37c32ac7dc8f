/**
 * The panel signs what people read: the signed content carries the hash of the report's
 * canonical text per edition and language (report/rendering.ts). Here, offline: that text,
 * rendered again from the signed content, still has those hashes (a renderer that shows
 * something else than what the panel signed is caught), and every HTML report in the bundle is
 * byte for byte the rendering of the signed content with the bundle's own signatures, version and
 * identity annex (an edited or substituted HTML is caught even when the manifest was re-hashed
 * and re-signed). The PDFs are covered by the manifest signature only. No I/O here.
 */
import { createPublicKey, verify } from 'node:crypto';
import type { IdentityAnnex, ReportContent } from '../report/content.js';
import type { SignatureLine } from '../report/document.js';
import type { Lang } from '../report/i18n.js';
import { RENDERING_FORMAT, renderingHashes, renderReportHtml } from '../report/rendering.js';
import type { CrossCheckFailure } from './cross-check.js';
import { keyFingerprint, type Manifest } from './manifest.js';

export interface RenderingInput {
  manifest: Manifest;
  /** The report content as parsed from content.json (no schema applied: key order matters). */
  content: unknown;
  contentPath: string;
  html: readonly { path: string; text: string; lang?: string }[];
  annex?: IdentityAnnex;
}

function signatureLines(manifest: Manifest, content: ReportContent): SignatureLine[] {
  return manifest.meta.panelSignatures.map((s) => {
    let fingerprint = '';
    let valid = false;
    try {
      fingerprint = keyFingerprint(s.publicKeyPem);
      valid =
        !s.void &&
        verify(
          null,
          Buffer.from(manifest.meta.reportHash, 'utf8'),
          createPublicKey(s.publicKeyPem),
          Buffer.from(s.signature, 'base64'),
        );
    } catch {
      valid = false;
    }
    return {
      member: s.signer,
      name: content.panel?.members?.find((m) => m.username === s.signer)?.name ?? s.signer,
      signedAt: s.signedAt,
      fingerprint,
      valid,
    };
  });
}

export function renderingCheck(input: RenderingInput): { failures: CrossCheckFailure[]; checked: number } {
  const failures: CrossCheckFailure[] = [];
  const c = input.content as ReportContent;
  const stated = c?.renderings;
  if (!stated || stated.format !== RENDERING_FORMAT) return { failures, checked: 0 };
  let again: ReturnType<typeof renderingHashes>;
  try {
    again = renderingHashes(c);
  } catch (err) {
    failures.push({
      code: 'rendering',
      file: input.contentPath,
      message: `the report content cannot be rendered (${(err as Error).message})`,
    });
    return { failures, checked: 0 };
  }
  for (const [key, sha] of Object.entries(stated.sha256))
    if (again.sha256[key] !== sha)
      failures.push({
        code: 'rendering',
        file: input.contentPath,
        message: `the text of the ${key} report rendered from the signed content has SHA-256 ${again.sha256[key] ?? '(none)'}, not the ${sha} the panel signed`,
      });
  const edition = input.manifest.meta.edition;
  const version = input.manifest.meta.reportVersion;
  const signatures = signatureLines(input.manifest, c);
  let checked = 0;
  for (const h of input.html) {
    if (h.lang !== 'es' && h.lang !== 'en') continue;
    const expected = renderReportHtml(c, {
      edition,
      lang: h.lang as Lang,
      contentSha256: input.manifest.meta.reportHash,
      ...(typeof version === 'number' ? { version } : {}),
      signatures,
      ...(edition === 'confidential' && input.annex ? { annex: input.annex } : {}),
    });
    checked++;
    if (expected !== h.text)
      failures.push({
        code: 'rendering',
        file: h.path,
        message:
          'this HTML report is not the rendering of the signed content (its text was changed or substituted)',
      });
  }
  return { failures, checked };
}
