/**
 * The held-apart evaluation sets from round 2 on are well formed: every text has its annotation, every
 * annotated entity is written in its text in at least one of its forms, no form names two entities of
 * one kind, and every date is an ISO day, month or year. Checks the annotations only; never runs the
 * extractor. A new round's folder is added to SETS.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const SETS = [
  'eval2',
  'eval3',
  'eval4',
  'eval5',
  'eval6',
  'eval7',
  'eval8',
  'eval9',
  'eval10',
  'eval11',
  'eval14',
  'eval15',
  'eval16',
  'eval17',
  'eval18',
  'eval19',
  'eval12',
  'eval13',
  'eval20',
  'eval21',
  'eval23',
  'eval24',
  'eval26',
  'eval22',
  'eval25',
  'eval27',
  'eval29',
  'eval28',
  'eval31',
  'eval32',
  'eval30',
  'eval33',
  'eval34',
  'eval35',
  'eval36',
  'eval37',
  'eval38',
  'eval39',
  'eval40',
  'eval41',
  'eval42',
  'eval43',
  'eval44',
  'eval45',
  'eval46',
  'eval47',
  'eval48',
  'eval49',
  'eval50',
  'eval51',
  'eval52',
  'eval53',
  'eval54',
  'eval55',
  'eval56',
  'eval57',
  'eval58',
  'eval59',
  'eval60',
  'eval61',
  'eval62',
  'eval63',
  'eval64',
  'eval65',
  'eval66',
  'eval67',
  'eval68',
  'eval69',
  'eval70',
  'eval71',
  'eval72',
  'eval73',
  'eval74',
  'eval75',
  'eval76',
  'eval77',
  'eval78',
  'eval79',
  'eval80',
  'eval81',
  'eval82',
  'eval83',
  'eval85',
  'eval86',
  'eval84',
  'eval87',
  'eval88',
  'eval89',
  'eval90',
  'eval91',
  'eval93',
  'eval94',
  'eval92',
  'eval95',
  'eval96',
];
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').toLowerCase();
const visible = (raw: string) =>
  raw
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#8211;/g, '–')
    .replace(/&amp;/g, '&');

/** `form` in `text` as whole words: "Oli" is not written in "Policía". */
const written = (text: string, form: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(
    text,
  );

interface Annotation {
  persons: string[][];
  places: string[][];
  organizations: string[][];
  dates: string[];
}

for (const set of SETS) {
  const DIR = new URL(`./${set}/`, import.meta.url);
  const texts = readdirSync(DIR).filter((f) => /\.(html|txt)$/.test(f));

  describe(`${set} annotations`, () => {
    it('holds at least ten texts per language', () => {
      for (const lang of ['en', 'es'])
        assert.ok(
          texts.filter((f) => f.startsWith(`${lang}-`)).length >= 10,
          `${lang}: fewer than ten texts`,
        );
    });

    for (const file of texts) {
      it(`${file}: every entity is written in the text, once per kind, dates are ISO`, () => {
        const text = fold(visible(readFileSync(new URL(file, DIR), 'utf8')));
        const ann = JSON.parse(
          readFileSync(new URL(file.replace(/\.(html|txt)$/, '.json'), DIR), 'utf8'),
        ) as Annotation;
        for (const kind of ['persons', 'places', 'organizations'] as const) {
          assert.ok(Array.isArray(ann[kind]) && ann[kind].length > 0, `${file}: no ${kind}`);
          const owner = new Map<string, string[]>();
          for (const forms of ann[kind]) {
            assert.ok(
              forms.some((f) => written(text, fold(f))),
              `${file}: ${kind} ${forms[0]} is not written in the text in any of its forms (as whole words)`,
            );
            for (const f of forms) {
              const prior = owner.get(fold(f));
              assert.ok(
                !prior || prior === forms,
                `${file}: ${kind} form "${f}" names both ${prior?.[0]} and ${forms[0]}`,
              );
              owner.set(fold(f), forms);
            }
          }
        }
        for (const d of ann.dates) {
          assert.match(
            d,
            /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
            `${file}: date ${d} is not ISO`,
          );
          if (d.length === 10)
            assert.equal(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10), d, `${file}: ${d}`);
        }
        assert.equal(new Set(ann.dates).size, ann.dates.length, `${file}: a date listed twice`);
      });
    }
  });
}
