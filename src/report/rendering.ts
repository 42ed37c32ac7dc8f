/**
 * What the panel reads, in a form its signature can cover: a canonical plain-text rendering of
 * the report, per edition and language, hashed into the content the experts sign.
 *
 * Why text and not the HTML or PDF bytes: the rendered files also show the signatures, the
 * version number and the draft banner, which change *after* signing (a circle), and PDF bytes
 * vary with the PDF library's internals. The canonical text is the document's blocks — every
 * heading, paragraph, table cell and chart label, in order — built by the same `buildDocument`
 * the HTML and PDF renderers lay out, with the parts that depend on signing left out. It is
 * deterministic (Unicode NFC, LF, one line per block) and a renderer change that alters what
 * people read changes its hash, so `verify` detects it. The identity annex is not part of it:
 * names are hashed separately in the bundle (identity-annex.json) and may be corrected without
 * reopening the findings. No I/O here.
 */
import { sha256Hex } from '../domain/hashing.js';
import type { IdentityAnnex, ReportContent } from './content.js';
import { type Block, buildDocument, type SignatureLine } from './document.js';
import { renderHtml } from './html.js';
import type { Lang } from './i18n.js';

export const RENDERING_FORMAT = 'testigo-text/1';
const EDITIONS = ['public', 'confidential'] as const;
const LANGS: readonly Lang[] = ['es', 'en'];

export interface Renderings {
  readonly format: typeof RENDERING_FORMAT;
  /** SHA-256 of the canonical text, keyed "edition-lang", e.g. "public-es". */
  readonly sha256: Readonly<Record<string, string>>;
}

/** One line per block (table rows and chart labels on their own lines), NFC, LF. */
export function canonicalText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();
  for (const b of blocks) {
    switch (b.k) {
      case 'title':
        lines.push(`# ${one(b.text)}`, one(b.sub));
        break;
      case 'banner':
        lines.push(`[${one(b.text)}]`);
        break;
      case 'h1':
      case 'h2':
      case 'h3':
        lines.push(`${'#'.repeat(Number(b.k[1]) + 1)} ${one(b.text)}`);
        break;
      case 'p':
      case 'small':
        lines.push(one(b.text));
        break;
      case 'table':
        lines.push(`| ${b.head.map(one).join(' | ')} |`);
        for (const r of b.rows) lines.push(`| ${r.map(one).join(' | ')} |`);
        break;
      case 'chart':
        lines.push(`[chart] ${one(b.chart.title)}`);
        for (const p of b.chart.prims) if (p.t === 'text') lines.push(`  ${one(p.text)}`);
        break;
      case 'break':
        break;
    }
  }
  return `${lines.join('\n')}\n`.normalize('NFC');
}

/** The text people read, before any signature: no signatures, no version, no identity annex. */
export function signedText(content: ReportContent, edition: 'public' | 'confidential', lang: Lang): string {
  const { renderings: _ignored, ...rest } = content;
  return canonicalText(
    buildDocument(rest as ReportContent, { lang, edition, contentSha256: '', signatures: [] }),
  );
}

/** The renderings' hashes for every edition and language, from the content without them. */
export function renderingHashes(content: ReportContent): Renderings {
  const sha256: Record<string, string> = {};
  for (const edition of EDITIONS)
    for (const lang of LANGS) sha256[`${edition}-${lang}`] = sha256Hex(signedText(content, edition, lang));
  return { format: RENDERING_FORMAT, sha256 };
}

/**
 * The HTML report exactly as Testigo renders it from a bundle's parts (signed content, report
 * hash, version, panel signatures, identity annex): `verify` compares it with the HTML in the
 * bundle, byte for byte.
 */
export function renderReportHtml(
  content: ReportContent,
  o: {
    edition: 'public' | 'confidential';
    lang: Lang;
    contentSha256: string;
    version?: number;
    signatures: readonly SignatureLine[];
    annex?: IdentityAnnex;
  },
): string {
  return renderHtml(buildDocument(content, o), o.lang, content.title);
}
