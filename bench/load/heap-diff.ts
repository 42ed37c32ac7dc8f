/**
 * What grew in a server's heap: two V8 heap snapshots (`node --heapsnapshot-signal=SIGUSR2`, then
 * `kill -USR2 <pid>` twice during a load run) compared by what the objects are — constructor or
 * kind of each node, with their count and self size — largest growth first.
 *
 *   node --import tsx bench/load/heap-diff.ts EARLIER.heapsnapshot LATER.heapsnapshot [--top 25]
 *
 * Self size, not retained: a Map's entries show up as its backing arrays and the strings and
 * objects it holds, each under its own name. Enough to tell a cache from a leak of one kind.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
if (positionals.length !== 2) throw new Error('usage: heap-diff.ts EARLIER.heapsnapshot LATER.heapsnapshot');

interface Tally {
  count: number;
  bytes: number;
}

function tally(file: string): { byName: Map<string, Tally>; total: number } {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const byName = new Map<string, Tally>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]!]!;
    const size = snap.nodes[i + iSize]!;
    total += size;
    // Strings and numbers are named by their value: group them by kind instead.
    const name = ['string', 'concatenated string', 'sliced string', 'number', 'bigint'].includes(type)
      ? `(${type})`
      : `${type}:${snap.strings[snap.nodes[i + iName]!]!.slice(0, 60)}`;
    const t = byName.get(name) ?? { count: 0, bytes: 0 };
    t.count++;
    t.bytes += size;
    byName.set(name, t);
  }
  return { byName, total };
}

const [a, b] = positionals.map(tally) as [ReturnType<typeof tally>, ReturnType<typeof tally>];
const mib = (n: number) => (n / 2 ** 20).toFixed(1);
process.stdout.write(`heap ${mib(a.total)} → ${mib(b.total)} MiB (self sizes)\n`);
const rows = [...new Set([...a.byName.keys(), ...b.byName.keys()])]
  .map((name) => {
    const x = a.byName.get(name) ?? { count: 0, bytes: 0 };
    const y = b.byName.get(name) ?? { count: 0, bytes: 0 };
    return { name, dCount: y.count - x.count, dBytes: y.bytes - x.bytes, bytes: y.bytes };
  })
  .sort((x, y) => y.dBytes - x.dBytes)
  .slice(0, Number(values.top));
process.stdout.write('| what | growth (MiB) | growth (objects) | now (MiB) |\n|---|---|---|---|\n');
for (const r of rows)
  process.stdout.write(
    `| ${r.name.replace(/\|/g, '\\|')} | ${mib(r.dBytes)} | ${r.dCount} | ${mib(r.bytes)} |\n`,
  );
