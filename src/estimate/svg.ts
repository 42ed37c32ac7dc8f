/**
 * Plots as standalone SVG strings (no fonts, scripts or styles from outside), for the report and
 * the web app: the posterior of the total, and the estimates by stratum with their intervals.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (x: number) => Math.round(x).toLocaleString('en');

export function posteriorSvg(
  draws: number[],
  interval: [number, number],
  observed: number,
  title = 'Posterior of the total',
): string {
  const W = 640;
  const H = 320;
  const m = { l: 50, r: 20, t: 36, b: 44 };
  const lo = Math.min(observed, ...draws.slice(0, 1), Math.min(...draws));
  const hi = Math.max(...draws);
  const bins = 40;
  const width = Math.max(1, (hi - lo) / bins);
  const counts = new Array<number>(bins).fill(0);
  for (const d of draws) counts[Math.min(bins - 1, Math.floor((d - lo) / width))]!++;
  const max = Math.max(...counts, 1);
  const x = (v: number) => m.l + ((v - lo) / (hi - lo || 1)) * (W - m.l - m.r);
  const y = (c: number) => H - m.b - (c / max) * (H - m.t - m.b);
  const bars = counts
    .map(
      (c, i) =>
        `<rect x="${x(lo + i * width).toFixed(1)}" y="${y(c).toFixed(1)}" width="${Math.max(1, x(lo + (i + 1) * width) - x(lo + i * width) - 1).toFixed(1)}" height="${(H - m.b - y(c)).toFixed(1)}" fill="#4a6fa5"/>`,
    )
    .join('');
  const band = `<rect x="${x(interval[0]).toFixed(1)}" y="${m.t}" width="${(x(interval[1]) - x(interval[0])).toFixed(1)}" height="${H - m.t - m.b}" fill="#f2c14e" opacity="0.25"/>`;
  const obs = `<line x1="${x(observed).toFixed(1)}" x2="${x(observed).toFixed(1)}" y1="${m.t}" y2="${H - m.b}" stroke="#b23a48" stroke-dasharray="4 3"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title><rect width="${W}" height="${H}" fill="#fff"/>${band}${bars}${obs}
<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="#333"/>
<text x="${m.l}" y="20" font-size="14" font-weight="bold">${esc(title)}</text>
<text x="${m.l}" y="${H - 24}">${fmt(lo)}</text><text x="${W - m.r}" y="${H - 24}" text-anchor="end">${fmt(hi)}</text>
<text x="${x(observed).toFixed(1)}" y="${m.t - 4}" fill="#b23a48" text-anchor="middle">observed ${fmt(observed)}</text>
<text x="${W / 2}" y="${H - 6}" text-anchor="middle">95% interval ${fmt(interval[0])} – ${fmt(interval[1])}</text>
</svg>`;
}

export function strataSvg(
  rows: { stratum: string; observed: number; estimate: number; interval: [number, number] }[],
  title = 'Estimates by stratum',
): string {
  const W = 640;
  const rowH = 26;
  const m = { l: 140, r: 30, t: 40, b: 30 };
  const H = m.t + m.b + rows.length * rowH;
  const max = Math.max(...rows.map((r) => r.interval[1]), 1);
  const x = (v: number) => m.l + (v / max) * (W - m.l - m.r);
  const body = rows
    .map((r, i) => {
      const yy = m.t + i * rowH + rowH / 2;
      return `<text x="${m.l - 8}" y="${yy + 4}" text-anchor="end">${esc(r.stratum)}</text>
<line x1="${x(r.interval[0]).toFixed(1)}" x2="${x(r.interval[1]).toFixed(1)}" y1="${yy}" y2="${yy}" stroke="#4a6fa5" stroke-width="2"/>
<circle cx="${x(r.estimate).toFixed(1)}" cy="${yy}" r="4" fill="#4a6fa5"/>
<rect x="${(x(r.observed) - 1).toFixed(1)}" y="${yy - 7}" width="2" height="14" fill="#b23a48"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title><rect width="${W}" height="${H}" fill="#fff"/>
<text x="${m.l}" y="22" font-size="14" font-weight="bold">${esc(title)}</text>${body}
<text x="${m.l}" y="${H - 8}" fill="#b23a48">▮ observed</text><text x="${m.l + 90}" y="${H - 8}" fill="#4a6fa5">● estimate, — 95% interval (max ${fmt(max)})</text>
</svg>`;
}
