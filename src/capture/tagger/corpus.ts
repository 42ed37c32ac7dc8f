/**
 * Training and evaluation data of the tagger (used by bench/capture/tagger.ts and the
 * reproducibility test, never by the extractor): the annotated rounds `../eval`, `../eval2` …, the
 * development fixtures (`../fixtures`, which annotate persons and places only) and
 * `bench/capture/own-heldout`. Reads files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Annotation } from '../eval/score.js';
import { articleAndCommentFacts, commentOptions, type ReadDocument, readDocument } from '../extract.js';
import { extractFacts, type Fact, type FactOptions, ruleEntities } from '../facts/index.js';
import { tokenize } from '../facts/tokens.js';
import { detectLanguage } from '../language.js';
import { candidates } from './candidates.js';
import { features, textContext } from './features.js';
import { formsOf, labelOf } from './label.js';
import type { Example } from './perceptron.js';
import type { RefineOptions } from './refine.js';

export interface CorpusDoc {
  set: string;
  file: string;
  lang: string;
  /** Read without facts: training and evaluation extract them with the options they need. */
  doc: ReadDocument;
  ann: Partial<Annotation>;
  /** Fixtures name no organizations: a span nobody annotated may still be one. */
  orgsAnnotated: boolean;
}

const CAPTURED = '2025-01-01T12:00:00Z';

export function loadSet(dir: URL, set: string): CorpusDoc[] {
  return readdirSync(dir)
    .filter((f) => /\.(html|txt|html\.raw)$/.test(f))
    .sort()
    .map((file) => loadDoc(dir, set, file));
}

/** One text of a set, extracted as the capture service would (captured on one fixed day), with its annotation. */
export function loadDoc(dir: URL, set: string, file: string): CorpusDoc {
  const base = file.replace(/\.(html|txt|html\.raw)$/, '');
  const doc = readDocument(readFileSync(new URL(file, dir)), {
    contentType: /\.txt$/.test(file) ? 'text/plain' : 'text/html',
    capturedAt: CAPTURED,
    name: file,
  });
  const ann = JSON.parse(readFileSync(new URL(`${base}.json`, dir), 'utf8')) as Partial<Annotation>;
  return { set, file, lang: file.slice(0, 2), doc, ann, orgsAnnotated: Array.isArray(ann.organizations) };
}

/** The facts of a document and its comments as extractDocument computes them, with the tagger given. */
export function factsOf(doc: ReadDocument, tagger: RefineOptions | null): Fact[] {
  const { facts, commentFacts } = articleAndCommentFacts(doc.text, doc.comments, doc.author, {
    reference: doc.reference.day,
    tagger,
  });
  return [...facts, ...commentFacts.flat()];
}

/** Every candidate span of a document (article and comments), with its features and distant label. */
export function examplesOf(d: CorpusDoc): Example[] {
  const forms = formsOf(d.ann);
  // The article's facts only tell its comments which names it gave (commentOptions): a text without comments
  // needs none (most of the corpus).
  const article = d.doc.comments.length
    ? extractFacts(d.doc.text, { reference: d.doc.reference.day, tagger: null })
    : [];
  const units: { text: string; opts: FactOptions }[] = [
    { text: d.doc.text, opts: { reference: d.doc.reference.day } },
    ...commentOptions(article, d.doc.author, d.doc.comments, { reference: d.doc.reference.day }).map(
      (opts, i) => ({ text: d.doc.comments[i]!.text, opts }),
    ),
  ];
  const out: Example[] = [];
  for (const u of units) {
    const { entities, senders } = ruleEntities(u.text, u.opts);
    const all = tokenize(u.text);
    const ctx = textContext(u.text, all, entities, detectLanguage(u.text));
    const exact = new Map(entities.map((m) => [`${m.start}:${m.end}`, m]));
    for (const c of candidates(u.text, all, entities)) {
      // A sender's name is never scored at run time (facts/senders.ts): nothing to learn there.
      if (senders.some((x) => c.start < x.end && x.start < c.end)) continue;
      const f = features(ctx, c);
      const label = labelOf(u.text, c, exact.get(`${c.start}:${c.end}`), forms);
      if (
        !d.orgsAnnotated &&
        label === 'none' &&
        f.some((x) => /^(r|rin|rcov)=organization$|^org-word$/.test(x))
      )
        continue;
      out.push({ features: f, label });
    }
  }
  return out;
}

/**
 * The annotated rounds the tagger trains on. Rounds 12 and 13 were written to be held apart and joined
 * only after stop 36 took its figures of record on them; 20 and 21 likewise after stop 37 took its own
 * (with the weights of commit 1900428). 14–19, 22–25, 28–35 and 38–44 were written to be learned from,
 * each scored once before it joined (38–44 with the code of 8f62e11). Rounds 26, 27, 36 and 37 are held
 * apart (stop 38 scored them before and after its work): no rule is written against them and the tagger
 * never sees them. Rounds 45 and 46 were written at the end of stop 38 and scored first at stop 39; they
 * are held apart with 26, 27, 36 and 37. 47–50 and 52–54 were written at stop 39 to be learned from, each
 * scored once before it joined (with the code of cc75651); 51 was written for the next stop to score
 * first, and joined after stop 40 scored it with the code of 07fe437. Stop 40 wrote 55 and 56 to be held
 * apart with 26, 27, 36, 37, 45 and 46, and 57 and 58 to be learned from, each scored once before it
 * joined (with the code of 07fe437). Stop 41 wrote 59 and 60 to be held apart with them (scored first with
 * the code of 02636c1), and 61 and 62 to be learned from, each scored once before it joined (same code).
 * Stop 42 wrote 63–66, each scored first with the code of 3057e2b: 64 and 66 are held apart with the others;
 * 63 and 65 were read by the second wave's engineers and joined after the stop's rules were scored on them.
 * Stop 43 wrote 67–70, each scored first with the code of 35f855c: 68 and 70 are held apart; 67 and 69 are
 * learned from. Stop 44 wrote 71–74, each scored first with the code of a1e3e211 (3dd43918: the same
 * facts); all four are learned from (the held-apart set stays the 280 texts above, never read). Stop 45
 * wrote 75–78, each scored first with the code of 1985c6b8; all four are learned from. Stop 46 wrote 79–82,
 * each scored first with the code of 387f1e92: all four are held apart (360 texts), so that the figures of
 * record include writers newer than every rule. Stop 47 wrote 83–86, each scored first with the code of
 * 6b5f125a (79cf13d9: the same facts): all four are held apart too (440 texts). Stop 48 wrote 87–90, each
 * scored first with the code of 1bb3409d: 88 and 90 are held apart (480 texts); 87 and 89 are in neither list:
 * engineers score their tables, never their errors, to see during a stop whether a rule carries to a writer it
 * was not built on (training on them at the end of stop 48 moved the held-apart dates by −2 to −3 and nothing
 * else beyond ±4, so they stayed out). Stop 48 also wrote 91–94 at its end, each scored first with its final code
 * (d8519614): stop 49 read them as new writers' development rounds and learned from them from its start.
 * Stop 49 wrote 95 and 96, each scored first with the code of d7a6a227: in neither list, a transfer check
 * beside 87 and 89 (tables only, never their errors).
 */
/** The rounds the figures of record are taken on: never trained on, and no rule is written against them. */
export const HELD_APART: readonly number[] = [
  26, 27, 36, 37, 45, 46, 55, 56, 59, 60, 64, 66, 68, 70, 79, 80, 81, 82, 83, 84, 85, 86, 88, 90,
];
export const ROUNDS: readonly { name: string; dir: URL }[] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 29, 30, 31,
  32, 33, 34, 35, 38, 39, 40, 41, 42, 43, 44, 47, 48, 49, 50, 51, 52, 53, 54, 57, 58, 61, 62, 63, 65, 67, 69,
  71, 72, 73, 74, 75, 76, 77, 78, 91, 92, 93, 94,
].map((n) => ({
  name: `eval${n === 1 ? '' : n}`,
  dir: new URL(`../eval${n === 1 ? '' : n}/`, import.meta.url),
}));
export const EXTRA: readonly { name: string; dir: URL }[] = [
  { name: 'fixtures', dir: new URL('../fixtures/', import.meta.url) },
  { name: 'own-heldout', dir: new URL('../../../bench/capture/own-heldout/', import.meta.url) },
];
