/**
 * The town inside a site's name as a form of the site (site-towns.ts): sentences written for this
 * test in the shapes of the development texts, not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFacts, type Fact } from './index.js';
import { siteAfterTown, townInSite, withSiteTowns } from './site-towns.js';

const forms = (text: string) =>
  extractFacts(text, { reference: '2025-01-01', tagger: null })
    .filter((f) => f.kind === 'place')
    .map((f) => [f.value, ...(f.mentions ?? []).map((m) => m.text).filter((t) => t !== f.value)]);

const place = (text: string, name: string, ...more: string[]): Fact => {
  const all = [name, ...more].map((n) => {
    const start = text.indexOf(n);
    return { start, end: start + n.length, text: n };
  });
  return { kind: 'place', value: name, ...all[0]!, mentions: all };
};

describe('the town inside a site name', () => {
  it('reads the name before a lower-case site noun, and the name after a Spanish noun and "de"', () => {
    const at = (t: string) => {
      const s = townInSite({ start: 10, text: t });
      return s && t.slice(s.start - 10, s.end - 10);
    };
    assert.equal(at('Dadaab refugee camp'), 'Dadaab');
    assert.equal(at('the Mbanza jail'), 'Mbanza');
    assert.equal(at("Gitarama women's prison"), 'Gitarama');
    assert.equal(at('Nyamirambo market'), 'Nyamirambo');
    assert.equal(at('cárcel de San Isidro'), 'San Isidro');
    assert.equal(at('la iglesia de El Calvario'), 'El Calvario');
    // No site noun after the name, a possessive, a joining word.
    assert.equal(at('Dadaab'), undefined);
    assert.equal(at('Mbanza Central Prison'), undefined);
    assert.equal(at("Okello's house"), undefined);
    assert.equal(at('Bay of Pigs'), undefined);
  });

  it('reads the site a town opens in lower case, on its line', () => {
    const after = (text: string, town: string) => {
      const start = text.indexOf(town);
      return siteAfterTown(text, { start, end: start + town.length, text: town })?.text;
    };
    assert.equal(after('held in the Gitega civil prison for a year', 'Gitega'), 'Gitega civil prison');
    assert.equal(after('flights from Mbeya airport resumed', 'Mbeya'), 'Mbeya airport');
    assert.equal(after('born in the Korogwe district, she', 'Korogwe'), 'Korogwe district');
    assert.equal(after('near the Kisumu police station.', 'Kisumu'), 'Kisumu police station');
    // A body's noun, a line's end, a name going on, a joining word: no site.
    assert.equal(after('the Kisumu police arrested him', 'Kisumu'), undefined);
    assert.equal(after('back to Kisumu\nroad blocks', 'Kisumu'), undefined);
    assert.equal(after('the Kisumu road Bridge', 'Kisumu'), undefined);
    assert.equal(after('from Kisumu and market women', 'Kisumu'), undefined);
  });

  it('adds the town to the site as one more form, the site first', () => {
    for (const [text, town] of [
      ['She was held for a month in Gakoni jail, then moved.', 'Gakoni'],
      ['They took him to the Rwimbi prison.', 'Rwimbi'],
    ] as const) {
      const [site] = forms(text);
      assert.deepEqual(site, [`${town} ${text.includes('jail') ? 'jail' : 'prison'}`, town]);
    }
  });

  it('not where another place of the text names the town', () => {
    const text = 'The market at Nyamirambo burned; the Nyamirambo market traders fled to Nyamirambo.';
    const town = place(text, 'Nyamirambo');
    const site = place(text, 'Nyamirambo market');
    const [, s] = withSiteTowns(text, [town, site]);
    assert.deepEqual(
      s!.mentions!.map((m) => m.text),
      ['Nyamirambo market'],
    );
    // … nor with the town's article ("puente del Cedral" beside "El Cedral").
    const es = 'Cruzaron el puente del Cedral y llegaron a El Cedral.';
    const [, bridge] = withSiteTowns(es, [place(es, 'El Cedral'), place(es, 'puente del Cedral')]);
    assert.equal(bridge!.mentions!.length, 1);
  });

  it('keeps the mentions in text order with spans that index the text', () => {
    const text = 'Detainees in Mbanza jail wrote; Mbanza jail guards replied.';
    const site = place(text, 'Mbanza jail');
    const last = text.lastIndexOf('Mbanza jail');
    site.mentions!.push({ start: last, end: last + 11, text: 'Mbanza jail' });
    const [again] = withSiteTowns(text, [site]);
    for (const m of again!.mentions!) assert.equal(text.slice(m.start, m.end), m.text);
    assert.deepEqual(
      again!.mentions!.map((m) => m.text),
      ['Mbanza jail', 'Mbanza', 'Mbanza jail', 'Mbanza'],
    );
  });
});
