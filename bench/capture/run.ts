/**
 * Capture extraction: quality on the held-apart evaluation set (src/capture/eval, annotated before
 * any run) and speed on 300 KB of text. `npm run bench:capture` (add `--errors` to list every
 * miss and extra, `--set eval2` for the round-2 set). Timings depend on the machine and its load: say so when quoting them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type Annotation, KINDS, precision, recall, scoreKind, tally } from '../../src/capture/eval/score.js';
import { extractDocument } from '../../src/capture/extract.js';
import { extractFacts } from '../../src/capture/facts/index.js';

// `--set eval2` scores the round-2 held-apart set (src/capture/eval2) instead of src/capture/eval.
const SET = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : 'eval';
if (!SET || !/^eval\d*$/.test(SET))
  throw new Error(`--set takes the name of an evaluation folder (eval, eval2), not ${SET}`);
const EVAL = new URL(`../../src/capture/${SET}/`, import.meta.url);
/** Texts of the engineer's own, annotated before any run: a small check apart from eval/ (now development). */
const OWN = new URL('./own-heldout/', import.meta.url);
const FIX = new URL('../../src/capture/fixtures/', import.meta.url);
const showErrors = process.argv.includes('--errors');

function evaluate(EVAL: URL): void {
  process.stdout.write(`\n${EVAL.pathname.split('/').slice(-3, -1).join('/')}\n`);
  const files = readdirSync(EVAL).filter((f) => /\.(html|txt)$/.test(f));
  const byLang = new Map<string, ReturnType<typeof tallies>>();
  function tallies() {
    return Object.fromEntries(KINDS.map((k) => [k, tally()])) as Record<
      (typeof KINDS)[number],
      ReturnType<typeof tally>
    >;
  }
  for (const file of files) {
    const lang = file.slice(0, 2);
    const t = byLang.get(lang) ?? tallies();
    byLang.set(lang, t);
    const doc = extractDocument(readFileSync(new URL(file, EVAL)), {
      contentType: file.endsWith('.txt') ? 'text/plain' : 'text/html',
      capturedAt: '2025-01-01T12:00:00Z',
      name: file,
    });
    const ann = JSON.parse(
      readFileSync(new URL(file.replace(/\.(html|txt)$/, '.json'), EVAL), 'utf8'),
    ) as Annotation;
    const facts = [...doc.facts, ...doc.comments.flatMap((c) => c.facts)];
    for (const k of KINDS) scoreKind(t[k], file, k, facts, ann);
  }
  process.stdout.write(
    '| language | kind | precision | recall | tp | fp (splits) | fn |\n|---|---|---|---|---|---|---|\n',
  );
  for (const [lang, t] of [...byLang].sort()) {
    for (const k of KINDS) {
      const x = t[k];
      process.stdout.write(
        `| ${lang} | ${k} | ${precision(x).toFixed(3)} | ${recall(x).toFixed(3)} | ${x.tp} | ${x.fp} (${x.splits}) | ${x.fn} |\n`,
      );
    }
  }
  if (showErrors)
    for (const t of byLang.values())
      for (const k of KINDS) for (const e of t[k].errors) process.stdout.write(`  ${e}\n`);
}

function speed(): void {
  // 300 KB of prose from the development fixtures (not the evaluation set), article texts only.
  const parts = readdirSync(FIX)
    .filter((f) => /\.(html|txt)$/.test(f))
    .map(
      (f) =>
        extractDocument(readFileSync(new URL(f, FIX)), {
          contentType: f.endsWith('.txt') ? 'text/plain' : 'text/html',
          capturedAt: '2025-01-01T12:00:00Z',
          name: f,
        }).text,
    );
  let text = '';
  for (let i = 0; text.length < 300 * 1024; i++) text += `${parts[i % parts.length]}\n\n`;
  text = text.slice(0, 300 * 1024);
  // The facts alone, then the whole document path a capture takes (decoding, the plain-text reader's
  // title, author and date, the facts, and the ties between the page's persons).
  // Each run reads a text of its own (the last character differs): a pass that keeps what it computed for the
  // last text it saw must not answer runs 2 and 3 from that memory.
  const own = (i: number) => `${text.slice(0, -1)}${'.;,'[i % 3]}`;
  const facts = timed((i) => extractFacts(own(i), { reference: '2025-01-01' }).length);
  process.stdout.write(`\n${facts.count} facts from ${text.length} characters\n`);
  process.stdout.write(`300 KB wall: ${show(facts.wall)}; CPU: ${show(facts.cpu)}\n`);
  const bytes = [0, 1, 2].map((i) => new TextEncoder().encode(own(i)));
  const doc = timed(
    (i) =>
      extractDocument(bytes[i]!, { contentType: 'text/plain', capturedAt: '2025-01-01T12:00:00Z' }).facts
        .length,
  );
  process.stdout.write(
    `300 KB as a document (extractDocument) wall: ${show(doc.wall)}; CPU: ${show(doc.cpu)}\n`,
  );
}

/** Three runs of `f`, wall and CPU milliseconds each, and what the first returned. */
function timed(f: (run: number) => number): { count: number; wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const n = f(i);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (i === 0) count = n;
  }
  return { count, wall, cpu };
}
// On a shared machine wall time includes waiting for a core; CPU time is what the work costs.
const show = (xs: number[]) => `${xs.map((r) => (r / 1000).toFixed(2)).join(', ')} s`;

if (!process.argv.includes('--speed-only')) for (const dir of [EVAL, OWN]) evaluate(dir);
if (!process.argv.includes('--eval-only')) speed();
