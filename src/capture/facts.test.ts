/**
 * Fact extraction against hand-made annotations (fixtures/*.json beside each page): precision and
 * recall of persons, places and dates over all fixture articles and their comments, micro-averaged
 * (target ≥ 0.85 each; the figures are printed), and on a final held-out pair (see README).
 * Also: relative dates resolved against the publication date, offsets that index the text
 * exactly, vocabulary codes that exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ACT_TYPES, DETENTION_STATUSES, VIOLENCE_METHODS } from '../domain/vocabularies.js';
import { extractDocument } from './extract.js';
import { findDates } from './facts/dates.js';
import { EVENT_CUES, eventsIn, METHOD_CUES } from './facts/events.js';
import { extractFacts } from './facts/index.js';
import { fold } from './facts/lexicon.js';

const FIX = new URL('./fixtures/', import.meta.url);
const FIXTURES = [
  'news-es.html',
  'news-en.html',
  'blog-digest-es.html',
  'comments-es.html',
  'comments-microdata-en.html',
  'plain-es.txt',
  'latin1-es.html.raw',
  'malformed-es.html.raw',
  // Earlier held-out pairs: measured before any rule was changed for them (README), tuned on since.
  'heldout-es.txt',
  'heldout-en.html',
  'heldout2-es.html',
  'heldout2-en.txt',
  'heldout3-es.html',
  'heldout3-en.html',
];

interface Annotation {
  persons: string[];
  places: string[];
  dates: string[];
}

function load(name: string) {
  const bytes = readFileSync(new URL(name, FIX));
  const doc = extractDocument(bytes, {
    contentType: name.endsWith('.txt') ? 'text/plain' : 'text/html',
    capturedAt: '2024-10-01T12:00:00Z',
    name,
  });
  const ann = JSON.parse(
    readFileSync(new URL(name.replace(/\.(html|txt)(\.raw)?$/, '.json'), FIX), 'utf8'),
  ) as Annotation;
  return { doc, ann };
}

type Tally = { tp: number; fp: number; fn: number; errors: string[] };
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, errors: [] });

function score(t: Tally, file: string, predicted: Set<string>, expected: readonly string[]) {
  const exp = new Set(expected.map(fold));
  for (const p of predicted) {
    if (exp.has(p)) t.tp++;
    else {
      t.fp++;
      t.errors.push(`${file}: extra ${p}`);
    }
  }
  for (const e of exp) {
    if (!predicted.has(e)) {
      t.fn++;
      t.errors.push(`${file}: missed ${e}`);
    }
  }
}

describe('fact extraction: precision and recall against hand-made annotations', () => {
  const totals = { persons: tally(), places: tally(), dates: tally() };
  for (const file of FIXTURES) {
    const { doc, ann } = load(file);
    const facts = [...doc.facts, ...doc.comments.flatMap((c) => c.facts)];
    const values = (kind: string) => new Set(facts.filter((f) => f.kind === kind).map((f) => fold(f.value)));
    score(totals.persons, file, values('person'), ann.persons);
    score(totals.places, file, values('place'), ann.places);
    score(totals.dates, file, values('date'), ann.dates);
  }

  for (const [kind, t] of Object.entries(totals)) {
    it(`${kind}: precision and recall ≥ 0.85`, () => {
      const precision = t.tp / (t.tp + t.fp);
      const recall = t.tp / (t.tp + t.fn);
      process.stdout.write(
        `# ${kind}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})${t.errors.length ? `\n#   ${t.errors.join('\n#   ')}` : ''}\n`,
      );
      assert.ok(precision >= 0.85, `${kind} precision ${precision.toFixed(3)} < 0.85`);
      assert.ok(recall >= 0.85, `${kind} recall ${recall.toFixed(3)} < 0.85`);
    });
  }

  it('every suggestion quotes exactly the characters it points at', () => {
    for (const file of FIXTURES) {
      const { doc } = load(file);
      for (const f of doc.facts)
        assert.equal(doc.text.slice(f.start, f.end), f.text, `${file}: ${f.kind} ${f.value}`);
      for (const c of doc.comments)
        for (const f of c.facts)
          assert.equal(c.text.slice(f.start, f.end), f.text, `${file} comment ${c.position}`);
    }
  });

  it('roles come from the words around the name', () => {
    const { doc } = load('news-es.html');
    const role = (v: string) => doc.facts.find((f) => f.kind === 'person' && fold(f.value) === fold(v))?.role;
    assert.equal(role('Gabriela Torrealba'), 'lawyer');
    assert.equal(role('Héctor Ramírez Lugo'), 'official');
    assert.equal(role('Carmen Elena Pacheco'), 'relative');
    assert.equal(role('Luis Eduardo Graterol'), undefined, 'a passive about someone else is not his role');
    const en = load('news-en.html').doc;
    assert.equal(en.facts.find((f) => f.value === 'Martín Eduardo Salcedo')?.role, 'lawyer');
    assert.equal(en.facts.find((f) => f.value === 'Yolanda Mercedes Arráez')?.role, 'official');
    const blog = load('blog-digest-es.html').doc;
    assert.equal(blog.facts.find((f) => f.value === 'Andreína Urdaneta')?.role, 'victim');
    assert.equal(
      blog.facts.find((f) => f.value === 'Wilmer José Contreras')?.role,
      undefined,
      '"familiares de X"',
    );
  });

  it('a later surname mention is tied to the full name; an ambiguous one is not guessed', () => {
    const { doc } = load('news-es.html');
    // One suggestion for the person, with every span that names him.
    const mendoza = doc.facts.filter(
      (f) => f.kind === 'person' && f.value === 'Rafael Antonio Mendoza Pacheco',
    );
    assert.equal(mendoza.length, 1);
    const spans = mendoza[0]!.mentions!.map((m) => m.text);
    assert.ok(spans.filter((t) => t === 'Mendoza').length >= 2, spans.join(' | '));
    for (const m of mendoza[0]!.mentions!) assert.equal(doc.text.slice(m.start, m.end), m.text);
    const c = load('comments-es.html').doc;
    assert.ok(
      ![...c.facts, ...c.comments.flatMap((x) => x.facts)].some(
        (f) => f.kind === 'person' && f.mentions!.some((m) => m.text === 'Villarroel'),
      ),
      'two Villarroels: not guessed',
    );
  });
});

/**
 * The final held-out pair (round 4), written and annotated before the extractor ever ran on it
 * and not tuned on since: how the rules carry to unseen prose (printed; a floor guards regressions).
 */
describe('fact extraction on held-out texts (not tuned on)', () => {
  const totals = { persons: tally(), places: tally(), dates: tally() };
  for (const file of ['heldout4-es.txt', 'heldout4-en.html']) {
    const { doc, ann } = load(file);
    const facts = [...doc.facts, ...doc.comments.flatMap((c) => c.facts)];
    const values = (kind: string) => new Set(facts.filter((f) => f.kind === kind).map((f) => fold(f.value)));
    score(totals.persons, file, values('person'), ann.persons);
    score(totals.places, file, values('place'), ann.places);
    score(totals.dates, file, values('date'), ann.dates);
  }
  for (const [kind, t] of Object.entries(totals)) {
    it(`${kind} (held out): figures printed, floor 0.75`, () => {
      const precision = t.tp / (t.tp + t.fp);
      const recall = t.tp / (t.tp + t.fn);
      process.stdout.write(
        `# held-out ${kind}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})${t.errors.length ? `\n#   ${t.errors.join('\n#   ')}` : ''}\n`,
      );
      assert.ok(precision >= 0.75 && recall >= 0.75);
    });
  }
});

describe('dates: relative dates resolved against the publication date', () => {
  const one = (text: string, ref: string) => {
    const d = findDates(text, ref);
    assert.equal(d.length, 1, `${text}: ${JSON.stringify(d)}`);
    return d[0]!.value;
  };
  it('Spanish', () => {
    // 2024-03-14 is a Thursday
    assert.equal(one('lo detuvieron ayer', '2024-03-14'), '2024-03-13');
    assert.equal(one('ocurrió anteayer', '2024-03-14'), '2024-03-12');
    assert.equal(one('desde el pasado lunes', '2024-03-14'), '2024-03-11');
    assert.equal(one('desde el lunes pasado', '2024-03-14'), '2024-03-11');
    assert.equal(one('el pasado jueves', '2024-03-14'), '2024-03-07', '"pasado" never means today');
    assert.equal(one('este jueves', '2024-03-14'), '2024-03-14', '"este jueves" on a Thursday is today');
    assert.equal(one('hace tres días', '2024-03-14'), '2024-03-11');
    assert.equal(one('hace una semana', '2024-03-14'), '2024-03-07');
    assert.equal(one('hace dos meses', '2024-03-14'), '2024-01');
    assert.equal(one('hace 2 años', '2024-03-14'), '2022');
    assert.deepEqual(findDates('la semana pasada', '2024-03-14'), [], 'vague: no date');
    assert.equal(one('el mes pasado', '2024-01-10'), '2023-12');
    assert.equal(one('el próximo martes', '2024-03-14'), '2024-03-19');
    assert.equal(one('hoy', '2024-02-29'), '2024-02-29');
  });
  it('English', () => {
    // 2024-05-20 is a Monday
    assert.equal(one('last Tuesday', '2024-05-20'), '2024-05-14');
    assert.equal(one('on Monday', '2024-05-20'), '2024-05-20');
    assert.equal(one('last Monday', '2024-05-20'), '2024-05-13');
    assert.equal(one('two weeks ago', '2024-05-20'), '2024-05-06');
    assert.equal(one('a month ago', '2024-03-31'), '2024-02');
    assert.equal(one('yesterday', '2024-03-01'), '2024-02-29');
    assert.deepEqual(findDates('last week', '2024-05-20'), [], 'vague: no date');
    assert.equal(one('next Friday', '2024-05-20'), '2024-05-24');
  });
  it('absolute dates; a date without its year takes the publication year, or the year before', () => {
    assert.equal(one('el 3 de mayo de 2017', '2024-01-01'), '2017-05-03');
    assert.equal(one('el 2 de febrero', '2024-03-14'), '2024-02-02');
    assert.equal(one('el 28 de diciembre', '2024-01-05'), '2023-12-28');
    assert.equal(one('on May 3, 2017', '2024-01-01'), '2017-05-03');
    assert.equal(one('on 3 May 2017', '2024-01-01'), '2017-05-03');
    assert.equal(one('en mayo de 2019', '2024-01-01'), '2019-05');
    assert.equal(one('el 03/05/2017', '2024-01-01'), '2017-05-03');
    assert.equal(one('desde 2019', '2024-01-01'), '2019');
    assert.deepEqual(findDates('el 31 de febrero de 2024', '2024-03-01'), [], 'no such day');
    assert.deepEqual(findDates('may be arrested', '2024-03-01'), [], 'the modal verb is not a month');
  });
});

describe('events: candidate acts with vocabulary codes', () => {
  it('every code named by a cue exists in the vocabularies', () => {
    for (const c of EVENT_CUES) {
      if (c.actType) assert.ok(ACT_TYPES.get(c.actType), c.actType);
      if (c.detentionStatus) assert.ok(DETENTION_STATUSES.get(c.detentionStatus), c.detentionStatus);
    }
    for (const [code] of METHOD_CUES) assert.ok(VIOLENCE_METHODS.get(code), code);
  });
  it('arrest, escape from house arrest, asylum, torture with methods', () => {
    assert.deepEqual(
      eventsIn('Funcionarios del SEBIN detuvieron al activista.').map((e) => e.type),
      ['arrest'],
    );
    assert.deepEqual(
      eventsIn('La dirigente se evadió del arresto domiciliario y solicitó asilo en la embajada.').map(
        (e) => e.type,
      ),
      ['escape_from_house_arrest', 'asylum_request'],
    );
    const t = eventsIn(
      'Denunció que lo torturaron con descargas eléctricas, asfixia con bolsa plástica y golpes.',
    );
    assert.equal(t[0]!.type, 'torture');
    assert.deepEqual(t[0]!.methods.sort(), ['asphyxiation_dry', 'beating', 'electric_shock']);
    const en = eventsIn('She was beaten, hooded and subjected to electric shocks.');
    assert.deepEqual(en[0]!.methods.sort(), ['beating', 'blindfolding', 'electric_shock']);
  });
  it('an event suggestion carries the date, place and persons of its sentence', () => {
    const facts = extractFacts(
      'El sindicalista Rafael Mendoza fue detenido ayer en Barquisimeto por la DGCIM.',
      {
        reference: '2024-03-14',
      },
    );
    const ev = facts.find((f) => f.kind === 'event')!;
    assert.equal(ev.value, 'arrest');
    assert.equal(ev.actType, 'deprivation_of_liberty');
    assert.deepEqual(ev.date, { precision: 'day', value: '2024-03-13' });
    assert.deepEqual(ev.places, ['Barquisimeto']);
    assert.deepEqual(ev.persons, ['Rafael Mendoza']);
    assert.equal(facts.find((f) => f.kind === 'person')?.role, 'victim');
    assert.equal(facts.find((f) => f.kind === 'organization')?.unitKind, 'military_intelligence');
  });
});

describe('the case file’s own units', () => {
  it('are recognized by name or acronym and suggested under the case’s name', () => {
    const text =
      'Efectivos del Destacamento de Seguridad Urbana 433 detuvieron ayer a dos jóvenes. Vecinos dijeron que el DESUR 433 patrulla la zona desde enero.';
    const without = extractFacts(text, { reference: '2024-05-10' }).filter((f) => f.kind === 'organization');
    assert.ok(!without.some((f) => f.value === 'Destacamento de Seguridad Urbana 433'));
    const facts = extractFacts(text, {
      reference: '2024-05-10',
      knownOrgs: [{ name: 'Destacamento de Seguridad Urbana 433', acronym: 'DESUR 433', unitKind: 'police' }],
    }).filter((f) => f.kind === 'organization');
    assert.equal(facts.length, 1, JSON.stringify(facts));
    assert.equal(facts[0]!.value, 'Destacamento de Seguridad Urbana 433');
    assert.deepEqual(
      facts[0]!.mentions!.map((m) => m.text),
      ['Destacamento de Seguridad Urbana 433', 'DESUR 433'],
    );
  });
});
