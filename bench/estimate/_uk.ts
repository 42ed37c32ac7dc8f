import { readFileSync } from 'node:fs';
import { lcmcr } from '../../src/estimate/lcmcr.ts';

const lines = readFileSync('/work/shared/reference/mse/tables/uk-modern-slavery-2013-5lists.csv', 'utf8')
  .trim()
  .split('\n');
const counts = new Array(32).fill(0);
for (const l of lines.slice(1)) {
  const v = l.split(',').map(Number);
  let w = 0;
  for (let j = 0; j < 5; j++) if (v[j]) w |= 1 << j;
  counts[w] += v[5];
}
const seed = Number(process.argv[2] ?? 7);
const r = lcmcr(
  { lists: ['a', 'b', 'c', 'd', 'e'], counts },
  { seed, chains: 2, iterations: 200000, maxIterations: 200000, burnIn: 10000, thin: 10 },
);
for (const c of r.perChain) {
  for (let b = 0; b < 4; b++) {
    const s = c.slice(b * 5000, (b + 1) * 5000).sort((x, y) => x - y);
    process.stdout.write(`${s[2500]} `);
  }
  const s = [...c].sort((x, y) => x - y);
  console.log(
    'chain median',
    s[s.length >> 1],
    s[Math.round(0.025 * s.length)],
    s[Math.round(0.975 * s.length)],
  );
}
console.log(r.median, r.interval, r.rhat, r.occupiedClasses, r.alphaMean);
