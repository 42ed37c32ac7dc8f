/**
 * The heaviest frames of V8 CPU profiles (`node --cpu-prof`, e.g. `npm run bench:load -- --cpu-prof DIR`):
 * self time and total time (the frame and everything it called) per function, summed over every
 * profile given, with the share of all non-idle samples.
 *
 *   node --import tsx bench/load/cpu-top.ts DIR|FILE.cpuprofile … [--top 30] [--match src/]
 *
 * `--match` keeps only frames whose file contains the text (e.g. `src/` for Testigo's own code).
 * `--callers NAME` adds where the time of the function NAME was spent from: its nearest callers
 * (matching `--match`), two levels up.
 * `--from S` / `--to S` keep only the samples taken that many seconds after the profile started: one
 * profile of a long run shows what the small case cost at the start and what the grown case costs
 * at the end.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '30' },
    match: { type: 'string', default: '' },
    callers: { type: 'string' },
    from: { type: 'string', default: '0' },
    to: { type: 'string', default: 'Infinity' },
  },
});
const files = positionals.flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(p, f))
    : [p],
);

const self = new Map<string, number>();
const total = new Map<string, number>();
const callers = new Map<string, number>();
let all = 0;
const fromUs = Number(args.from) * 1e6;
const toUs = Number(args.to) * 1e6;
const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

for (const file of files) {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: Node) => {
    const f = n.callFrame;
    const where = f.url.replace(/^file:\/\/.*?\/(src|bench|node_modules)\//, '$1/');
    return `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
  };
  let at = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i] ?? 0;
    at += dt;
    if (at < fromUs || at > toUs) continue;
    const leaf = byId.get(prof.samples[i]!);
    if (!leaf) continue;
    const name = leaf.callFrame.functionName;
    if (IDLE.has(name) && name !== '(garbage collector)') continue;
    all += dt;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
    // Each function once per sample, however deep the recursion.
    const seen = new Set<string>();
    const chain: string[] = [];
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id)!);
      chain.push(l);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
    if (args.callers) {
      const at = chain.findIndex((l) => l.startsWith(`${args.callers} `));
      if (at >= 0) {
        const up = chain
          .slice(at + 1)
          .filter((l) => !args.match || l.includes(args.match))
          .filter((l) => !l.startsWith(`${args.callers} `))
          .slice(0, 2)
          .join(' < ');
        callers.set(up, (callers.get(up) ?? 0) + dt);
      }
    }
  }
}

const top = Number(args.top);
const show = (title: string, m: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  const rows = [...m.entries()]
    .filter(([k]) => m === callers || !args.match || k.includes(args.match))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [k, us] of rows)
    process.stdout.write(
      `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${k}\n`,
    );
};
process.stdout.write(`${files.length} profile(s), ${(all / 1e6).toFixed(1)} s of busy samples\n`);
show('self time', self);
show('total time (frame and its callees)', total);
if (args.callers) show(`${args.callers}: time by caller`, callers);
