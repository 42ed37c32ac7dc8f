/**
 * The demo case's report read as its readers would (SQLite; the engine does not change the
 * content): the Spanish edition holds no raw code and no English word of the catalogue; the public
 * edition holds no unique combination of rank, unit and date of a pseudonymised suspect, and names
 * no official with no linked evidence; the Article 53 section and the incident annex are there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import { bounds } from '../domain/dates.js';
import { ADMISSIBILITY_INDICATORS, PROCEEDING_STATUSES } from '../domain/schema-law.js';
import { VOCABULARIES } from '../domain/vocabularies.js';
import { CRIMES, LIABILITY_MODES } from '../law/index.js';
import { setupDemoPanel } from '../services/demo.js';
import type { CaseStore } from '../store/case-store.js';
import { openDemoCase } from '../test-support/demo-case.js';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';
import { type PreparedReport, prepareReport, reportPdf } from './build.js';
import { catalogue } from './i18n.js';
import { authoredCatalogue } from './i18n-authored.js';

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const words = (s: string) => s.toLowerCase().match(/[a-záéíóúüñ]+/g) ?? [];

describe('the demo report, read as a lawyer would (SQLite)', () => {
  let t: TestStore;
  let store: CaseStore;
  let r: PreparedReport;
  let es: string;
  let pub: string;
  let conf: string;
  before(async () => {
    // What `testigo demo` builds, but its accounts: the case imported, linked and estimated (a copy
    // of the one built per run), then the demo panel and its authored sections.
    let caseId: string;
    ({ t, caseId } = await openDemoCase(sqliteBackend, 'estimated'));
    store = t.store;
    await setupDemoPanel(store, caseId, t.dataDir);
    r = await prepareReport(store, caseId, { actor: 'test' });
    // The case's own data (its description, item titles, unit names) is in whatever language the
    // documenters wrote it: only the report's own words are scanned. Identifiers (element ids such
    // as CTX.nexus, the law version) are not words.
    const data = [
      r.snapshot.caseFile.description ?? '',
      ...r.snapshot.testimonies.map((x) => x.body.title),
      ...r.snapshot.evidence.map((x) => x.body.title),
      ...r.snapshot.informationItems.map((x) => x.body.title ?? ''),
    ]
      .map((x) => x.replace(/\s+/g, ' ').trim())
      .filter((x) => x.length > 3)
      .sort((a, b) => b.length - a.length);
    const raw = await pdfText(await reportPdf(r, 'confidential', 'es'));
    es = data
      .reduce((text, d) => text.split(d).join(' '), raw)
      .replace(/([\w.])- (?=\w)/g, '$1-') // a line broken after a hyphen
      .replace(/\/ (?=\w)/g, '/')
      .replace(/\b(?:CTX|CAH|ICC)\.[\w.-]+/g, ' ')
      .replace(r.content.lawVersion, ' ');
    conf = raw;
    pub = await pdfText(await reportPdf(r, 'public', 'es'));
  });
  after(async () => {
    await t?.dispose();
  });

  it('the Spanish edition holds no raw code of the vocabularies, proceedings or panel roles', () => {
    const codes = new Set<string>([
      ...Object.values(VOCABULARIES).flatMap((v) => [...v.codes]),
      ...PROCEEDING_STATUSES,
      ...ADMISSIBILITY_INDICATORS,
      'chair',
      'member',
      'void',
      'corroborated',
      'single-source',
      'no-evidence',
      'contested',
      'no-national-proceedings',
      'proceedings-same-conduct',
    ]);
    // A code that is also a Spanish word of the catalogue or the labels ("media") is not a leak.
    const spanish = new Set([
      ...words([...Object.values(catalogue), ...Object.values(authoredCatalogue)].map((x) => x.es).join(' ')),
      ...Object.values(VOCABULARIES).flatMap((v) => v.terms.flatMap((x) => words(x.es))),
    ]);
    const found = [...codes].filter(
      (c) =>
        /[a-z]/.test(c) &&
        c.length >= 3 &&
        !spanish.has(c) &&
        new RegExp(`(^|[^\\w-])${c}([^\\w-]|$)`).test(es),
    );
    assert.deepEqual(found, []);
  });

  it('the Spanish edition holds no English word of the report catalogue, the crimes or the modes', () => {
    const english = new Set([
      ...words([...Object.values(catalogue), ...Object.values(authoredCatalogue)].map((x) => x.en).join(' ')),
      ...CRIMES.flatMap((c) => words(c.label.en)),
      ...LIABILITY_MODES.flatMap((m) => words(m.label.en)),
    ]);
    const spanish = new Set([
      ...words([...Object.values(catalogue), ...Object.values(authoredCatalogue)].map((x) => x.es).join(' ')),
      ...Object.values(VOCABULARIES).flatMap((v) => v.terms.flatMap((x) => words(x.es))),
      ...CRIMES.flatMap((c) => [...words(c.label.es), ...c.elements.flatMap((e) => words(e.text.es))]),
      ...LIABILITY_MODES.flatMap((m) => [
        ...words(m.label.es),
        ...m.elements.flatMap((e) => words(e.text.es)),
      ]),
    ]);
    // Latin and proper names the Spanish text uses as such.
    for (const w of ['ne', 'bis', 'in', 'idem', 'venezuela', 'sha', 'testigo', 'id', 'ed']) spanish.add(w);
    const onlyEnglish = [...english].filter((w) => w.length >= 4 && !spanish.has(w));
    const inText = new Set(words(es));
    assert.deepEqual(
      onlyEnglish.filter((w) => inText.has(w)),
      [],
    );
  });

  it('writes Spanish plurals and numbers: no "1 incidentes", decimal comma in percentages', () => {
    assert.doesNotMatch(es, /\b1 (incidentes|víctimas|actos|días)\b/);
    assert.doesNotMatch(es, /\d+\.\d %/);
    assert.match(es, /Formas de responsabilidad que cabe examinar \(arts\. 25 y 28\)/);
  });

  it('has the Article 53 section, the incident annex and the glossary', () => {
    for (const s of [
      'Artículo 53(1)',
      'Venezuela I (ICC-02/18)',
      'Argentina, Canadá, Colombia, Chile, Paraguay, Perú',
      'Fundamento razonable, por crimen',
      'Admisibilidad por caso potencial',
      'Intereses de la justicia',
      'Anexo A. Incidentes y prueba citada',
      'Anexo B. Glosario de elementos',
      'CAH.7-1-f.E1',
    ])
      assert.ok(pub.includes(s), s);
  });

  it('the public edition holds no rank + unit + date of a pseudonymised suspect; the confidential one does (so the check can fail)', () => {
    const pseudonymised = r.content.responsibility.filter((x) => x.positionsGeneral);
    assert.ok(pseudonymised.length > 0);
    const units = new Map(r.snapshot.units.map((u) => [u.id, u.body]));
    let inConfidential = 0;
    for (const x of pseudonymised) {
      for (const m of r.snapshot.memberships.filter((y) => y.body.personId === x.personId)) {
        const unit = units.get(m.body.unitId);
        const from = bounds(m.body.from)?.[0];
        const identifiers = [m.body.rank, m.body.position, unit?.acronym, from].filter(
          (v): v is string => !!v,
        );
        // Any two of rank, post, unit, start date side by side (within 200 characters) identify.
        const near = (text: string) =>
          identifiers.some((a) =>
            identifiers.some((b) => {
              if (a === b) return false;
              for (let i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + 1)) {
                const window = text.slice(Math.max(0, i - 200), i + a.length + 200);
                if (window.includes(b)) return true;
              }
              return false;
            }),
          );
        assert.equal(near(pub), false, `${x.personId}: ${identifiers.join(' | ')}`);
        if (near(conf)) inConfidential++;
      }
    }
    assert.ok(inConfidential > 0, 'the confidential edition prints the exact positions');
  });

  it('names no official who has no linked evidence', () => {
    const shown = new Set(r.content.responsibility.map((x) => x.personId));
    const withoutEvidence = r.analysis.suspects.filter((x) => !x.elements.some((e) => e.items.length > 0));
    assert.ok(withoutEvidence.length > 0);
    for (const x of withoutEvidence) assert.ok(!shown.has(x.personId), x.personId);
    assert.equal(r.content.suspectsWithoutEvidence, withoutEvidence.length);
  });

  it('has the authored sections and the victims sections; the cited protected testimony is withheld in the public edition', () => {
    for (const x of [
      'Antecedentes',
      'Descripción del ataque',
      '7. Víctimas y daño',
      'Duración de la privación de libertad',
      'Crímenes sexuales y por motivos de género',
      'Niñas, niños y adolescentes',
      'Declaraciones de independencia y conflictos de interés',
      'Recomendaciones del panel',
      'Fuentes citadas',
    ])
      assert.ok(pub.includes(x), x);
    assert.ok(!pub.includes('[@'), 'no citation is printed raw');
    const background = (r.content.narratives ?? []).find(
      (n) => n.section === 'background' && n.lang === 'es',
    );
    const cited = background?.sources.find((x) => x.withheld);
    assert.ok(cited, 'the demo background cites a protected testimony');
    const title = r.snapshot.testimonies.find((x) => x.id === cited.id)!.body.title;
    assert.ok(pub.includes(`${cited.id} — [reservado]`), 'shown by id, withheld');
    assert.ok(!pub.includes(title), 'its title is not in the public edition');
    assert.ok(conf.includes(title), 'the confidential edition has it (so the check can fail)');
  });
});
