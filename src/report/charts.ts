/**
 * Report charts as a few drawing primitives, so the HTML (SVG) and the PDF (pdfkit vectors) draw
 * exactly the same picture from one description. Pure: data in, primitives out.
 */

import { escapeHtml } from '../domain/escape.js';
import { ticks } from '../estimate/svg.js';

export type Prim =
  | { t: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number }
  | {
      t: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      anchor: 'start' | 'middle' | 'end';
      bold?: boolean;
      fill?: string;
    }
  | {
      t: 'poly';
      points: readonly (readonly [number, number])[];
      fill?: string;
      stroke?: string;
      width?: number;
    };

export interface Chart {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly prims: readonly Prim[];
}

const BLUE = '#2f5d8a';
const LIGHT = '#b7cde3';
const GREY = '#888888';
const INK = '#222222';

const fmt = (n: number) =>
  Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en') : String(Math.round(n * 10) / 10);

function axisY(prims: Prim[], x: number, top: number, bottom: number, max: number, right: number) {
  const ts = ticks(0, max, 4);
  for (const v of ts) {
    const y = bottom - (v / (ts[ts.length - 1] || 1)) * (bottom - top);
    prims.push({ t: 'line', x1: x, y1: y, x2: right, y2: y, stroke: '#e3e3e3', width: 0.5 });
    prims.push({ t: 'text', x: x - 4, y: y + 3, text: fmt(v), size: 8, anchor: 'end', fill: GREY });
  }
  return ts[ts.length - 1] || 1;
}

/** Vertical bars over time (one per period), labels on a few periods only. */
export function timeBars(
  title: string,
  data: readonly { key: string; count: number }[],
  width = 520,
  height = 200,
): Chart {
  const prims: Prim[] = [];
  const left = 40;
  const right = width - 10;
  const top = 30;
  const bottom = height - 28;
  const max = Math.max(1, ...data.map((d) => d.count));
  const scaleMax = axisY(prims, left, top, bottom, max, right);
  const bw = (right - left) / Math.max(1, data.length);
  const labelEvery = Math.max(1, Math.ceil(data.length / 8));
  data.forEach((d, i) => {
    const h = (d.count / scaleMax) * (bottom - top);
    prims.push({
      t: 'rect',
      x: left + i * bw + bw * 0.1,
      y: bottom - h,
      w: Math.max(0.6, bw * 0.8),
      h,
      fill: BLUE,
    });
    if (i % labelEvery === 0)
      prims.push({
        t: 'text',
        x: left + i * bw + bw / 2,
        y: bottom + 12,
        text: d.key,
        size: 7.5,
        anchor: 'middle',
        fill: INK,
      });
  });
  prims.push({ t: 'line', x1: left, y1: bottom, x2: right, y2: bottom, stroke: INK, width: 0.8 });
  prims.push({ t: 'text', x: 8, y: 16, text: title, size: 11, anchor: 'start', bold: true, fill: INK });
  return { title, width, height, prims };
}

/** Horizontal bars, largest first, at most `limit` rows. */
export function rankBars(
  title: string,
  data: readonly { key: string; count: number }[],
  labelOf: (k: string) => string,
  limit = 12,
  width = 520,
): Chart {
  const rows = data.slice(0, limit);
  const rowH = 15;
  const height = 36 + rows.length * rowH + 10;
  const prims: Prim[] = [];
  const left = 170;
  const right = width - 50;
  const max = Math.max(1, ...rows.map((d) => d.count));
  rows.forEach((d, i) => {
    const y = 32 + i * rowH;
    const w = (d.count / max) * (right - left);
    let text = labelOf(d.key);
    if (text.length > 34) text = `${text.slice(0, 33)}…`;
    prims.push({ t: 'text', x: left - 6, y: y + 10, text, size: 8.5, anchor: 'end', fill: INK });
    prims.push({ t: 'rect', x: left, y: y + 2, w: Math.max(0.5, w), h: rowH - 4, fill: BLUE });
    prims.push({
      t: 'text',
      x: left + w + 4,
      y: y + 10,
      text: fmt(d.count),
      size: 8.5,
      anchor: 'start',
      fill: INK,
    });
  });
  prims.push({ t: 'text', x: 8, y: 16, text: title, size: 11, anchor: 'start', bold: true, fill: INK });
  return { title, width, height, prims };
}

/** A line (certain) with a band up to the possible count, over monthly points. */
export function bandLine(
  title: string,
  series: readonly { day: string; certain: number; possible: number }[],
  width = 520,
  height = 200,
): Chart {
  const prims: Prim[] = [];
  const left = 40;
  const right = width - 10;
  const top = 30;
  const bottom = height - 28;
  const max = Math.max(1, ...series.map((p) => p.possible));
  const scaleMax = axisY(prims, left, top, bottom, max, right);
  const n = series.length;
  const x = (i: number) => left + (n <= 1 ? 0 : (i / (n - 1)) * (right - left));
  const y = (v: number) => bottom - (v / scaleMax) * (bottom - top);
  if (n > 0) {
    const upper = series.map((p, i) => [x(i), y(p.possible)] as const);
    const lower = series.map((p, i) => [x(i), y(p.certain)] as const).reverse();
    prims.push({ t: 'poly', points: [...upper, ...lower], fill: LIGHT });
    prims.push({
      t: 'poly',
      points: series.map((p, i) => [x(i), y(p.certain)] as const),
      stroke: BLUE,
      width: 1.4,
    });
    const every = Math.max(1, Math.ceil(n / 8));
    series.forEach((p, i) => {
      if (i % every === 0)
        prims.push({
          t: 'text',
          x: x(i),
          y: bottom + 12,
          text: p.day.slice(0, 7),
          size: 7.5,
          anchor: 'middle',
          fill: INK,
        });
    });
  }
  prims.push({ t: 'line', x1: left, y1: bottom, x2: right, y2: bottom, stroke: INK, width: 0.8 });
  prims.push({ t: 'text', x: 8, y: 16, text: title, size: 11, anchor: 'start', bold: true, fill: INK });
  return { title, width, height, prims };
}

/** Documented count against the estimate with its interval (a whisker). */
export function estimateChart(
  title: string,
  labels: { documented: string; estimated: string },
  observed: number,
  estimate: number,
  interval: readonly [number, number],
  width = 520,
): Chart {
  const prims: Prim[] = [];
  const left = 110;
  const right = width - 60;
  const max = Math.max(observed, interval[1], estimate) * 1.05 || 1;
  const sx = (v: number) => left + (v / max) * (right - left);
  const row = (i: number, name: string, value: number, fill: string) => {
    const y = 34 + i * 30;
    prims.push({ t: 'text', x: left - 6, y: y + 13, text: name, size: 9, anchor: 'end', fill: INK });
    prims.push({ t: 'rect', x: left, y: y + 2, w: sx(value) - left, h: 16, fill });
    prims.push({
      t: 'text',
      x: sx(value) + 4,
      y: y + 13,
      text: fmt(value),
      size: 9,
      anchor: 'start',
      fill: INK,
    });
    return y;
  };
  row(0, labels.documented, observed, LIGHT);
  const y = row(1, labels.estimated, estimate, BLUE);
  const mid = y + 10;
  prims.push({
    t: 'line',
    x1: sx(interval[0]),
    y1: mid,
    x2: sx(interval[1]),
    y2: mid,
    stroke: INK,
    width: 1.2,
  });
  for (const v of interval)
    prims.push({ t: 'line', x1: sx(v), y1: mid - 6, x2: sx(v), y2: mid + 6, stroke: INK, width: 1.2 });
  prims.push({
    t: 'text',
    x: sx(interval[1]),
    y: y + 30,
    text: `[${fmt(interval[0])} – ${fmt(interval[1])}]`,
    size: 8.5,
    anchor: 'end',
    fill: INK,
  });
  prims.push({ t: 'text', x: 8, y: 16, text: title, size: 11, anchor: 'start', bold: true, fill: INK });
  return { title, width, height: 110, prims };
}

const esc = escapeHtml;

/** The chart as a standalone SVG element (no external fonts or styles). */
export function toSvg(c: Chart): string {
  const body = c.prims
    .map((p) => {
      switch (p.t) {
        case 'rect':
          return `<rect x="${r(p.x)}" y="${r(p.y)}" width="${r(p.w)}" height="${r(p.h)}" fill="${p.fill}"/>`;
        case 'line':
          return `<line x1="${r(p.x1)}" y1="${r(p.y1)}" x2="${r(p.x2)}" y2="${r(p.y2)}" stroke="${p.stroke}" stroke-width="${p.width}"/>`;
        case 'text':
          return `<text x="${r(p.x)}" y="${r(p.y)}" font-size="${p.size}" text-anchor="${p.anchor}"${p.bold ? ' font-weight="bold"' : ''} fill="${p.fill ?? INK}">${esc(p.text)}</text>`;
        case 'poly': {
          const pts = p.points.map(([x, y]) => `${r(x)},${r(y)}`).join(' ');
          return p.fill
            ? `<polygon points="${pts}" fill="${p.fill}"/>`
            : `<polyline points="${pts}" fill="none" stroke="${p.stroke ?? INK}" stroke-width="${p.width ?? 1}"/>`;
        }
      }
      return '';
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${c.width} ${c.height}" width="${c.width}" height="${c.height}" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="${esc(c.title)}"><title>${esc(c.title)}</title><rect width="${c.width}" height="${c.height}" fill="#fff"/>${body}</svg>`;
}

const r = (x: number) => Math.round(x * 10) / 10;
