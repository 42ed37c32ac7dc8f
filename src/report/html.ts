/** The report as one self-contained HTML file: inline styles and SVG charts, nothing fetched. */

import { escapeHtml } from '../domain/escape.js';
import { toSvg } from './charts.js';
import type { Block } from './document.js';
import type { Lang } from './i18n.js';

const esc = escapeHtml;

const CSS = `
body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1.5rem;line-height:1.45}
h1{font-size:1.35rem;border-bottom:2px solid #2f5d8a;padding-bottom:.2rem;margin-top:2.2rem}
h2{font-size:1.1rem;margin-top:1.6rem}h3{font-size:1rem}
.title{font-size:1.8rem;margin:1rem 0 .2rem}.sub{color:#555;margin:0 0 1rem}
.banner{padding:.4rem .7rem;font-weight:bold;margin:.3rem 0}
.confidential{background:#fde7e7;color:#8a1c1c;border:1px solid #d99}
.public{background:#e7f0fd;color:#1c3f8a;border:1px solid #99b}
.draft{background:#fff4d6;color:#6b4e00;border:1px solid #d9c27a}
.small{font-size:.8rem;color:#555;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eef3f8}
figure{margin:1rem 0}svg{width:100%;max-width:44rem;height:auto}
@media print{body{margin:0;max-width:none}h1{page-break-before:auto}table,figure{page-break-inside:avoid}}
`;

export function renderHtml(blocks: readonly Block[], lang: Lang, title: string): string {
  const body = blocks
    .map((b) => {
      switch (b.k) {
        case 'title':
          return `<p class="title">${esc(b.text)}</p><p class="sub">${esc(b.sub)}</p>`;
        case 'banner':
          return `<div class="banner ${b.tone}" role="note">${esc(b.text)}</div>`;
        case 'h1':
        case 'h2':
        case 'h3':
          return `<${b.k}>${esc(b.text)}</${b.k}>`;
        case 'p':
          return `<p>${esc(b.text)}</p>`;
        case 'small':
          return `<p class="small">${esc(b.text)}</p>`;
        case 'table':
          return `<table><thead><tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`;
        case 'chart':
          return `<figure>${toSvg(b.chart)}</figure>`;
        case 'break':
          return '';
      }
      return '';
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><main>
${body}
</main></body></html>
`;
}
