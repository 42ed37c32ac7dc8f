/**
 * Inter-annotator agreement: a second, blind annotation of an evaluation round scored against the
 * round's own annotation with the same entity matching as the extractor (src/capture/eval/score.ts).
 * It says how far two careful people following GUIDE.md agree, which bounds what any extractor can
 * score against one of them.
 *
 *   node --import tsx bench/capture/agreement.ts --set eval45 [--errors]
 *
 * reads the second annotations from bench/capture/agreement/<set>/X.json (one per text of the set;
 * a text without one is left out and named).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  type Annotation,
  KINDS,
  type Kind,
  precision,
  recall,
  scoreKind,
  tally,
} from '../../src/capture/eval/score.js';
import type { Fact } from '../../src/capture/facts/index.js';

const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const SET = arg('--set') ?? '';
if (!/^eval\d*$/.test(SET))
  throw new Error(`--set takes the name of an evaluation folder (eval45), not "${SET}"`);
const GOLD = new URL(`../../src/capture/${SET}/`, import.meta.url);
const SECOND = new URL(`./agreement/${SET}/`, import.meta.url);

const FACT_KIND: Record<Kind, Fact['kind']> = {
  persons: 'person',
  places: 'place',
  organizations: 'organization',
  dates: 'date',
};

/** The second annotation read as extractor output: one entity per entry, its forms as mentions. */
export function asFacts(ann: Annotation): Fact[] {
  const out: Fact[] = [];
  for (const kind of KINDS) {
    const entries = kind === 'dates' ? ann.dates.map((d) => [d]) : ann[kind];
    for (const forms of entries) {
      if (!forms.length) continue;
      out.push({
        kind: FACT_KIND[kind],
        value: forms[0]!,
        text: forms[0]!,
        start: 0,
        end: 0,
        mentions: forms.map((text) => ({ text, start: 0, end: 0 })),
      });
    }
  }
  return out;
}

const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Annotation;
const texts = readdirSync(GOLD).filter((f) => /\.(html|txt)$/.test(f));
const byLang = new Map<string, Record<Kind, ReturnType<typeof tally>>>();
const missing: string[] = [];
for (const file of texts) {
  const json = file.replace(/\.(html|txt)$/, '.json');
  if (!existsSync(new URL(json, SECOND))) {
    missing.push(file);
    continue;
  }
  const lang = file.slice(0, 2);
  const t =
    byLang.get(lang) ??
    (Object.fromEntries(KINDS.map((k) => [k, tally()])) as Record<Kind, ReturnType<typeof tally>>);
  byLang.set(lang, t);
  const facts = asFacts(read(new URL(json, SECOND)));
  for (const k of KINDS) scoreKind(t[k], file, k, facts, read(new URL(json, GOLD)));
}
process.stdout.write(
  `\nagreement ${SET} (second annotator against the round's own; P = share of the second's entities the first has, R = the reverse)\n` +
    '| language | kind | P | R | F1 | both | second only (splits) | first only |\n|---|---|---|---|---|---|---|---|\n',
);
for (const [lang, t] of [...byLang].sort())
  for (const k of KINDS) {
    const x = t[k];
    const p = precision(x);
    const r = recall(x);
    process.stdout.write(
      `| ${lang} | ${k} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${((2 * p * r) / (p + r || 1)).toFixed(3)} | ${x.tp} | ${x.fp} (${x.splits}) | ${x.fn} |\n`,
    );
  }
if (missing.length) process.stdout.write(`no second annotation for: ${missing.join(', ')}\n`);
if (process.argv.includes('--errors'))
  for (const t of byLang.values())
    for (const k of KINDS)
      for (const e of t[k].errors)
        process.stdout.write(
          `  ${e.replace(': extra ', ': second only ').replace(': missed ', ': first only ')}\n`,
        );
