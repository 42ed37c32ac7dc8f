/**
 * The report as PDF, drawn with pdfkit (no browser): text in the standard Helvetica fonts (their
 * Latin-1 encoding covers Spanish: á é í ó ú ü ñ ¿ ¡), tables that break across pages with their
 * header repeated, charts drawn as vectors from the same primitives as the HTML's SVG.
 */
import PDFDocument from 'pdfkit';
import type { Chart } from './charts.js';
import type { Block } from './document.js';
import { type Lang, t } from './i18n.js';

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** Characters the standard fonts cannot draw, mapped to ones they can. */
const SUBST: Record<string, string> = { '●': '•', '✓': 'OK', '→': '->', '≥': '>=', '≤': '<=', '×': 'x' };
/** Helvetica's Latin-1 range plus the typographic marks pdfkit maps (dashes, quotes, bullet, ellipsis, euro). */
const DRAWABLE = new Set([0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x20ac]);
const safe = (s: string) =>
  Array.from(s, (c) => {
    const cp = c.codePointAt(0)!;
    return c === '\n' || (cp >= 0x20 && cp <= 0xff) || DRAWABLE.has(cp) ? c : (SUBST[c] ?? '?');
  }).join('');

type Doc = PDFKit.PDFDocument;

function ensure(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage();
}

function drawChart(doc: Doc, c: Chart, width: number) {
  const scale = Math.min(1, width / c.width);
  const h = c.height * scale;
  ensure(doc, h + 8);
  const x0 = MARGIN;
  const y0 = doc.y;
  const px = (x: number) => x0 + x * scale;
  const py = (y: number) => y0 + y * scale;
  doc.save();
  for (const p of c.prims) {
    switch (p.t) {
      case 'rect':
        doc.rect(px(p.x), py(p.y), p.w * scale, p.h * scale).fill(p.fill);
        break;
      case 'line':
        doc
          .moveTo(px(p.x1), py(p.y1))
          .lineTo(px(p.x2), py(p.y2))
          .lineWidth(p.width * scale)
          .stroke(p.stroke);
        break;
      case 'poly': {
        if (p.points.length < 2) break;
        const pts = p.points.map(([x, y]) => [px(x), py(y)] as [number, number]);
        if (p.fill) doc.polygon(...pts).fill(p.fill);
        else {
          doc.moveTo(pts[0]![0], pts[0]![1]);
          for (const pt of pts.slice(1)) doc.lineTo(pt[0], pt[1]);
          doc.lineWidth((p.width ?? 1) * scale).stroke(p.stroke ?? '#222222');
        }
        break;
      }
      case 'text': {
        const size = p.size * scale;
        doc
          .font(p.bold ? BOLD : FONT)
          .fontSize(size)
          .fillColor(p.fill ?? '#222222');
        const text = safe(p.text);
        const w = doc.widthOfString(text);
        const x = p.anchor === 'end' ? px(p.x) - w : p.anchor === 'middle' ? px(p.x) - w / 2 : px(p.x);
        doc.text(text, x, py(p.y) - size * 0.8, { lineBreak: false });
        break;
      }
    }
  }
  doc.restore();
  doc.fillColor('#222222');
  doc.x = MARGIN;
  doc.y = y0 + h + 8;
}

function drawTable(
  doc: Doc,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: readonly number[],
) {
  const total = doc.page.width - 2 * MARGIN;
  const weights = widths ?? head.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => (w / sum) * total);
  const pad = 3;
  const size = 7.5;
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(safe(c), { width: cols[i]! - 2 * pad }))) + 2 * pad
    );
  };
  const drawRow = (cells: readonly string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      if (fill) doc.rect(x, y, cols[i]!, h).fill(fill);
      doc.rect(x, y, cols[i]!, h).lineWidth(0.4).stroke('#bbbbbb');
      doc
        .fillColor('#222222')
        .font(font)
        .fontSize(size)
        .text(safe(c), x + pad, y + pad, { width: cols[i]! - 2 * pad });
      x += cols[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  ensure(doc, rowHeight(head, BOLD) + (rows[0] ? rowHeight(rows[0], FONT) : 0));
  drawRow(head, BOLD, '#eef3f8');
  for (const r of rows) {
    const h = rowHeight(r, FONT);
    if (doc.y + h > doc.page.height - MARGIN - 20) {
      doc.addPage();
      drawRow(head, BOLD, '#eef3f8');
    }
    drawRow(r, FONT);
  }
  doc.moveDown(0.6);
}

export function renderPdf(
  blocks: readonly Block[],
  lang: Lang,
  meta: { title: string; contentSha256: string },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: safe(meta.title), Creator: 'Testigo', Subject: meta.contentSha256 },
    lang,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const para = (text: string, size: number, font = FONT, color = '#222222', gap = 0.5) => {
    doc.font(font).fontSize(size);
    ensure(doc, doc.heightOfString(safe(text), { width }));
    doc.fillColor(color).text(safe(text), MARGIN, doc.y, { width });
    doc.moveDown(gap);
  };
  for (const b of blocks) {
    switch (b.k) {
      case 'title':
        para(b.text, 20, BOLD, '#222222', 0.2);
        para(b.sub, 11, FONT, '#555555', 0.8);
        break;
      case 'banner': {
        const color = b.tone === 'confidential' ? '#8a1c1c' : b.tone === 'draft' ? '#6b4e00' : '#1c3f8a';
        para(b.text, 10, BOLD, color, 0.4);
        break;
      }
      case 'h1':
        ensure(doc, 60);
        doc.moveDown(0.6);
        para(b.text, 14, BOLD, '#2f5d8a', 0.4);
        break;
      case 'h2':
        ensure(doc, 50);
        para(b.text, 11.5, BOLD, '#222222', 0.3);
        break;
      case 'h3':
        para(b.text, 10, BOLD, '#222222', 0.2);
        break;
      case 'p':
        para(b.text, 9.5);
        break;
      case 'small':
        para(b.text, 7.5, FONT, '#555555');
        break;
      case 'table':
        drawTable(doc, b.head, b.rows, b.widths);
        break;
      case 'chart':
        drawChart(doc, b.chart, width);
        break;
      case 'break':
        doc.addPage();
        break;
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(7).fillColor('#777777');
    doc.text(
      safe(
        `${meta.title} · ${t(lang, 'page')} ${i + 1}/${range.count} · SHA-256 ${meta.contentSha256.slice(0, 16)}…`,
      ),
      MARGIN,
      doc.page.height - MARGIN + 15,
      { width, align: 'center', lineBreak: false },
    );
  }
  doc.end();
  return done;
}
