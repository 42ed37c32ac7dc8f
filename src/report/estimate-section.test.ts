/**
 * The report's estimate as saved by `testigo estimate` (SQLite store, demo case): an unconverged
 * run is said to be one and its median never printed as the total; the sensitivity and linkage
 * paragraphs saved with a converged estimate appear in the statistics section (es, en).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDemoCase } from '../test-support/demo-case.js';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';
import { prepareReport } from './build.js';
import { buildDocument } from './document.js';

describe('the estimate in the report', () => {
  let t: TestStore;
  let caseId: string;
  before(async () => {
    ({ t, caseId } = await openDemoCase(sqliteBackend, 'imported'));
  });
  after(async () => t?.dispose());

  const text = async (lang: 'es' | 'en') => {
    const r = await prepareReport(t.store, caseId, { actor: 'test' });
    return buildDocument(r.content, { lang, edition: 'confidential', contentSha256: '', signatures: [] })
      .map((b) => ('text' in b ? b.text : ''))
      .join('\n');
  };
  const save = (result: Record<string, unknown>) =>
    t.store.saveAnalysis(caseId, 'estimate', 'f'.repeat(64), { strata: null }, [result], 'test');
  const base = {
    observed: 4321,
    estimate: 12345.6,
    interval: [9876.5, 15432.1],
    level: 0.95,
    method: 'lcmcr',
  };

  it('a run that did not converge says so and prints no total', async () => {
    await save({ ...base, converged: false });
    const en = await text('en');
    const es = await text('es');
    assert.match(en, /did not converge/);
    assert.match(es, /no convergió/);
    assert.match(en, /4,321 victims documented/);
    for (const s of [en, es]) {
      assert.doesNotMatch(s, /12[,.\s]?346|12[,.\s]?345/, 'the median is not printed as an estimate');
      assert.doesNotMatch(s, /9[,.\s]?877|15[,.\s]?432/);
    }
  });

  it('a converged estimate brings its sensitivity and linkage paragraphs', async () => {
    await save({
      ...base,
      converged: true,
      sensitivityText: { es: 'Párrafo de sensibilidad.', en: 'Sensitivity paragraph.' },
      linkageText: { es: 'Párrafo de enlace.', en: 'Linkage paragraph.' },
    });
    const en = await text('en');
    const es = await text('es');
    assert.match(en, /puts the total number of victims at 12,346/);
    assert.doesNotMatch(en, /did not converge/);
    assert.ok(en.includes('Sensitivity paragraph.') && en.includes('Linkage paragraph.'));
    assert.ok(es.includes('Párrafo de sensibilidad.') && es.includes('Párrafo de enlace.'));
  });
});
