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
  it('numbered settlements, streets, camps and blocks', () => {
    assert.deepEqual(sites('Mr Sok from Village 14 called; the water reached Street 71.'), [
      'Village 14',
      'Street 71',
    ]);
    assert.deepEqual(sites('Families in camp 9 and at Mile 42 waited; he was held in Branch 227.'), [
      'camp 9',
      'Mile 42',
      'Branch 227',
    ]);
  });
  it("not a prison's lower-case part, a law's section, a court's branch", () => {
    assert.deepEqual(sites('I was in block 12 then, in cell 4, under section 18 of the Act.'), []);
    assert.deepEqual(sites('sentenced by Branch 28 of the Revolutionary Court of Tabriz'), []);
    assert.deepEqual(sites('before the Regional Trial Court, Branch 90, in Quezon City'), []);
  });
  it('not where a rule or the tagger read a name', () => {
    const text = 'They met at the Obote monument.';
    const at = text.indexOf('Obote');
    assert.deepEqual(sites(text, [{ start: at, end: at + 5 }]), []);
  });
});
