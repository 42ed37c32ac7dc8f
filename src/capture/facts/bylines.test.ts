/** Persons a byline names: lines written for this test (not from the evaluation texts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bylinePersons } from './bylines.js';
import { extractFacts } from './index.js';

const names = (text: string) => bylinePersons(text).map((b) => b.text);

describe('bylines', () => {
  it('every author of a "By"/"Por" line, without the place, date or credit after them', () => {
    assert.deepEqual(names('Headline\nBy Ikenna Obi and Marta Kowalczyk · Photographs by Sun Li\nBody.'), [
      'Ikenna Obi',
      'Marta Kowalczyk',
      'Sun Li',
    ]);
    assert.deepEqual(names('By Oyunbileg Batbayar in Ulaanbaatar'), ['Oyunbileg Batbayar']);
    assert.deepEqual(names('Por Rocío Paredes Ticona | Cochabamba, 3 de marzo de 2025'), [
      'Rocío Paredes Ticona',
    ]);
    assert.deepEqual(names('By Kwame Mensah, Kumasi'), ['Kwame Mensah']);
  });
  it('a blog’s poster, also by a given name alone; no newsroom, no sentence that opens with "By"', () => {
    assert.deepEqual(names('Posted by Tenzin Dolma at 8:15 PM · 3 comments'), ['Tenzin Dolma']);
    assert.deepEqual(names('Publicado el 2 de mayo, 2024 por Yanet'), ['Yanet']);
    assert.deepEqual(names('Por Redacción'), []);
    assert.deepEqual(names('By 2019 the camp held 40,000 people and By Monday nobody was left.'), []);
  });
  it('are persons of the text, over any other reading of their words', () => {
    const persons = extractFacts(
      'The last convoy\n\nBy Ikenna Obi and Marta Kowalczyk · Lagos\n\nIt left at dawn.',
      {
        reference: '2025-01-01',
        tagger: null,
      },
    )
      .filter((f) => f.kind === 'person')
      .map((f) => f.value);
    assert.deepEqual(persons, ['Ikenna Obi', 'Marta Kowalczyk']);
  });
});
