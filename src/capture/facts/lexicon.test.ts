/**
 * Word lists of lexicon.ts that more than one reader relies on: phrases written for this test in the
 * shapes of the development texts, not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SITE_NOUNS } from './lexicon.js';
import { namedSites } from './named-sites.js';
import { siteAfterTown } from './site-towns.js';

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
