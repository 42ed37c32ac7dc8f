/**
 * Named sites nobody read (named-sites.ts): sentences written for this test in the shapes of the
 * development texts, not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namedSites } from './named-sites.js';

const sites = (text: string, taken: { start: number; end: number }[] = []) =>
  namedSites(text, taken).map((p) => p.text);

describe('named sites after a word of place', () => {
  it('a name and a lower-case site noun after a preposition', () => {
    assert.deepEqual(sites('They laid flowers at the Obote monument on Sunday.'), ['Obote monument']);
    assert.deepEqual(sites('Shots were heard near the Al-Mansour castle.'), ['Al-Mansour castle']);
    assert.deepEqual(sites('He was taken to the Kibera clinic, then home.'), ['Kibera clinic']);
    assert.deepEqual(sites('Police stood on Tverskaya embankment.'), ['Tverskaya embankment']);
    assert.deepEqual(sites("They met at St. Luke's parish hall in town."), ["St. Luke's parish hall"]);
    assert.deepEqual(sites('a vigil facing the old Supreme Council building'), ['Supreme Council building']);
  });
  it("not a people's or faith's word, a family, a month, a sentence's end", () => {
    assert.deepEqual(sites('They hid in the Lebanese border town.'), []);
    assert.deepEqual(sites('Candles near the Catholic chapel.'), []);
    assert.deepEqual(sites('the ruins of the Okello family house'), []);
    assert.deepEqual(sites('crushed on the 6th of October bridge'), []);
    assert.deepEqual(sites('It ended in August. Our field team left.'), []);
  });
  it('not where a rule or the tagger read a name', () => {
    const text = 'They met at the Obote monument.';
    const at = text.indexOf('Obote');
    assert.deepEqual(sites(text, [{ start: at, end: at + 5 }]), []);
  });
});
