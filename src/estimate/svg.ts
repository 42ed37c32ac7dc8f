/**
 * Plots as standalone SVG strings (no fonts, scripts, styles or links from outside), for the
 * report and the web app: the posterior of the total, and the estimates by stratum with their
 * intervals. Pure functions: data in, markup out.
 */
import { escapeHtml } from '../domain/escape.js';

const esc = escapeHtml;
const fmt = (x: number) => Math.round(x).toLocaleString('en');
const f1 = (x: number) => x.toFixed(1);

/** About `count` round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(v);
  return out;
}

function frame(W: number, H: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title><rect width="${W}" height="${H}" fill="#fff"/>
<text x="12" y="22" font-size="14" font-weight="bold">${esc(title)}</text>
${body}
</svg>`;
}

/** Histogram of posterior draws of the total, the 95% interval shaded, median and observed marked. */
export function posteriorSvg(
  draws: number[],
  interval: [number, number],
  observed: number,
  title = 'Posterior of the total',
): string {
  const W = 640;
  const H = 340;
  const m = { l: 20, r: 20, t: 48, b: 56 };
  let lo = observed;
  let hi = observed + 1;
  for (const d of draws) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const bins = 40;
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const d of draws) counts[Math.min(bins - 1, Math.floor((d - lo) / width))]!++;
  const max = Math.max(...counts, 1);
  const sorted = Float64Array.from(draws).sort();
  const median = sorted.length ? sorted[Math.round(0.5 * (sorted.length - 1))]! : Number.NaN;
  const x = (v: number) => m.l + ((v - lo) / (hi - lo)) * (W - m.l - m.r);
  const y = (c: number) => H - m.b - (c / max) * (H - m.t - m.b);
  const base = H - m.b;
  const bars = counts
    .map((c, i) => {
      const x0 = x(lo + i * width);
      return `<rect x="${f1(x0)}" y="${f1(y(c))}" width="${f1(Math.max(0.5, x(lo + (i + 1) * width) - x0 - 1))}" height="${f1(base - y(c))}" fill="#4a6fa5"/>`;
    })
    .join('');
  const band = `<rect x="${f1(x(interval[0]))}" y="${m.t}" width="${f1(Math.max(1, x(interval[1]) - x(interval[0])))}" height="${base - m.t}" fill="#f2c14e" opacity="0.3"/>`;
  const vline = (v: number, color: string, dash: string) =>
    `<line x1="${f1(x(v))}" x2="${f1(x(v))}" y1="${m.t}" y2="${base}" stroke="${color}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  const axis = ticks(lo, hi)
    .map(
      (v) =>
        `<line x1="${f1(x(v))}" x2="${f1(x(v))}" y1="${base}" y2="${base + 4}" stroke="#333"/><text x="${f1(x(v))}" y="${base + 17}" text-anchor="middle">${fmt(v)}</text>`,
    )
    .join('');
  const body = `${band}${bars}${vline(observed, '#b23a48', '4 3')}${Number.isFinite(median) ? vline(median, '#222', '') : ''}
<line x1="${m.l}" x2="${W - m.r}" y1="${base}" y2="${base}" stroke="#333"/>${axis}
<text x="${W / 2}" y="${H - 22}" text-anchor="middle">total number of victims (N)</text>
<text x="12" y="${H - 6}"><tspan fill="#b23a48">- - observed ${fmt(observed)}</tspan>   <tspan fill="#222">| median ${fmt(median)}</tspan>   <tspan fill="#a07800">▮ 95% interval ${fmt(interval[0])} – ${fmt(interval[1])}</tspan>   (${draws.length.toLocaleString('en')} draws)</text>`;
  return frame(W, H, title, body);
}

/** Estimates by stratum: a dot for the estimate, a bar for its 95% interval, a tick for the observed. */
export function strataSvg(
  rows: { stratum: string; observed: number; estimate: number; interval: [number, number] }[],
  title = 'Estimates by stratum',
): string {
  const W = 640;
  const rowH = 26;
  const m = { l: 150, r: 30, t: 44, b: 52 };
  const H = m.t + m.b + rows.length * rowH;
  const max = Math.max(1, ...rows.map((r) => r.interval[1]));
  const x = (v: number) => m.l + (v / max) * (W - m.l - m.r);
  const base = H - m.b;
  const body = rows
    .map((r, i) => {
      const yy = m.t + i * rowH + rowH / 2;
      return `<text x="${m.l - 8}" y="${yy + 4}" text-anchor="end">${esc(r.stratum)}</text>
<line x1="${f1(x(r.interval[0]))}" x2="${f1(x(r.interval[1]))}" y1="${yy}" y2="${yy}" stroke="#4a6fa5" stroke-width="2"/>
<circle cx="${f1(x(r.estimate))}" cy="${yy}" r="4" fill="#4a6fa5"/>
<rect x="${f1(x(r.observed) - 1)}" y="${yy - 7}" width="2" height="14" fill="#b23a48"/>`;
    })
    .join('\n');
  const axis = ticks(0, max)
    .map(
      (v) =>
        `<line x1="${f1(x(v))}" x2="${f1(x(v))}" y1="${base}" y2="${base + 4}" stroke="#333"/><text x="${f1(x(v))}" y="${base + 17}" text-anchor="middle">${fmt(v)}</text>`,
    )
    .join('');
  return frame(
    W,
    H,
    title,
    `${body}
<line x1="${m.l}" x2="${W - m.r}" y1="${base}" y2="${base}" stroke="#333"/>${axis}
<text x="12" y="${H - 8}"><tspan fill="#b23a48">▮ observed</tspan>   <tspan fill="#4a6fa5">● estimate — 95% interval</tspan></text>`,
  );
}
