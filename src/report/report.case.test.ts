/**
 * The demo case's report on both engines: renders in Spanish and English, as HTML (with its
 * charts) and PDF (drawn without a browser); the public edition's PDF text holds no identity
 * that is not public; the content hash is stable and is what the report prints.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import type { PersonBody } from '../domain/schema.js';
import { openDemoCase } from '../test-support/demo-case.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { type PreparedReport, prepareReport, reportHtml, reportPdf } from './build.js';

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

/** Every way a person's identity could be written in the report. */
function identityStrings(p: PersonBody): string[] {
  const out: string[] = [];
  if (p.givenNames && p.firstSurname && p.secondSurname)
    out.push(`${p.givenNames} ${p.firstSurname} ${p.secondSurname}`);
  if (p.givenNames && p.firstSurname) out.push(`${p.givenNames} ${p.firstSurname}`);
  if (p.firstSurname && p.secondSurname) out.push(`${p.firstSurname} ${p.secondSurname}`);
  for (const d of p.documents) if (d.number.length >= 5) out.push(d.number);
  return out;
}

for (const backend of BACKENDS) {
  describe(`the report of the demo case (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    let r: PreparedReport;
    before(async () => {
      // The demo case imported, linked and estimated (on SQLite a copy of one built per run).
      ({ t, caseId } = await openDemoCase(backend, 'estimated'));
      r = await prepareReport(t.store, caseId, { actor: 'test', freeze: true });
    });
    after(async () => t?.dispose());

    it('has findings for the crimes of the demo, the estimate and a stable content hash', async () => {
      const crimes = r.content.crimes.map((c) => c.crimeId);
      for (const c of ['CAH.7-1-a', 'CAH.7-1-e', 'CAH.7-1-f', 'CAH.7-1-i']) assert.ok(crimes.includes(c), c);
      assert.ok(r.content.context.widespread.estimate, 'the saved estimate is in the report');
      const torture = r.content.crimes.find((c) => c.crimeId === 'CAH.7-1-f')!;
      assert.ok(torture.elements[0]!.incidents.corroborated > 0);
      assert.equal(r.version?.number, 1);
      const again = await prepareReport(t.store, caseId, { actor: 'test', freeze: true });
      assert.equal(again.contentSha256, r.contentSha256);
      assert.equal(again.version?.id, r.version?.id, 'same content, same version');
    });

    it('renders HTML with its charts in both languages, and nothing loaded from outside', () => {
      const es = reportHtml(r, 'confidential', 'es');
      const en = reportHtml(r, 'public', 'en');
      assert.ok(es.includes('Resumen ejecutivo') && es.includes('lang="es"'));
      assert.ok(en.includes('Executive summary') && en.includes('lang="en"'));
      assert.ok((en.match(/<svg /g) ?? []).length >= 5, 'estimate, months, states, types, prisoners');
      assert.ok(es.includes(r.contentSha256));
      assert.doesNotMatch(es, /(?:src|href)="https?:/);
    });

    it('the public PDF holds no identity that is not public; the confidential one does (so the check can fail)', async () => {
      const persons = (await t.store.list('person', caseId, { limit: 10_000 })).map(
        (p) => p.body as PersonBody,
      );
      const hidden = persons.filter((p) => p.protection !== 'public');
      assert.ok(hidden.length > 50);
      const pub = await pdfText(await reportPdf(r, 'public', 'es'));
      assert.ok(pub.pages >= 8, `${pub.pages} pages`);
      assert.ok(pub.text.includes('Resumen ejecutivo'));
      assert.ok(pub.text.includes('Persona '), 'pseudonyms stand in');
      // A hidden person may share a name with a public one (two "Rodríguez Pérez"): that is no leak.
      const publicNames = new Set(persons.filter((p) => p.protection === 'public').flatMap(identityStrings));
      const leaks = hidden
        .flatMap(identityStrings)
        .filter((s) => !publicNames.has(s))
        .filter((s) => pub.text.includes(s));
      assert.deepEqual(leaks, []);
      const conf = await pdfText(await reportPdf(r, 'confidential', 'en'));
      assert.ok(conf.text.includes('Executive summary'));
      assert.ok(
        hidden.flatMap(identityStrings).some((s) => conf.text.includes(s)),
        'the identity annex names them',
      );
      // Spanish letters survive the standard fonts.
      assert.match(pub.text, /ó/);
      assert.match(pub.text, /ñ|Ñ/);
    });
  });
}
