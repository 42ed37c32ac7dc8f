/**
 * Word lists of lexicon.ts that more than one reader relies on: phrases written for this test in the
 * shapes of the development texts, not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isEnglishMonthName, MONTHS, SITE_NOUNS } from './lexicon.js';
import { namedSites } from './named-sites.js';
import { siteAfterTown } from './site-towns.js';
import { isPeoplesWord } from './world.js';

describe('SITE_NOUNS, the site nouns site-towns and named-sites share', () => {
  const nouns = ['airport', 'police station', 'detention centre', 'holding centre', 'toll gate', 'monument'];
  const more = ['market', 'cathedral', 'centre', 'river', 'gaol', 'school', 'quarter'];
  it('every shared noun is one alternative of the pattern, whole', () => {
    const whole = new RegExp(`^(?:${SITE_NOUNS})$`, 'u');
    for (const noun of [...nouns, ...more]) assert.ok(whole.test(noun), noun);
    assert.ok(!whole.test('police'), 'a body, not a site');
  });
  it("a town's site and a named site after a word of place read the same nouns", () => {
    for (const noun of [...nouns, ...more]) {
      const text = `They gathered at the Kibera ${noun} on Sunday.`;
      const start = text.indexOf('Kibera');
      const town = { start, end: start + 6, text: 'Kibera' };
      assert.equal(siteAfterTown(text, town)?.text, `Kibera ${noun}`, noun);
      assert.deepEqual(
        namedSites(text, []).map((p) => p.text),
        [`Kibera ${noun}`],
        noun,
      );
    }
  });
  it("a unit is a form of its town's name, and no named site", () => {
    const text = 'Families fled to the Kibera district last year.';
    const town = { start: 21, end: 27, text: 'Kibera' };
    assert.equal(siteAfterTown(text, town)?.text, 'Kibera district');
    assert.deepEqual(namedSites(text, []), []);
  });
});

describe("a month's name and a people's word, which places.ts and named-sites.ts both refuse as a name", () => {
  it('an English month is its capitalized name alone, numbered as MONTHS numbers it', () => {
    assert.ok(isEnglishMonthName('May') && isEnglishMonthName('December'));
    assert.ok(!isEnglishMonthName('may') && !isEnglishMonthName('MAY') && !isEnglishMonthName('Sept'));
    assert.equal(MONTHS.get('may'), 5);
    assert.equal(MONTHS.get('december'), 12);
  });
  it("a people's, a faction's or a faith's word; not a name ending in -i or -an", () => {
    for (const w of ['Lebanese', 'Russian', 'Kurdish', 'Houthi', 'Catholic', 'Protestant', 'Sunni'])
      assert.ok(isPeoplesWord(w), w);
    for (const w of ['Sinthupathi', 'Multan', 'Kibera']) assert.ok(!isPeoplesWord(w), w);
  });
});
