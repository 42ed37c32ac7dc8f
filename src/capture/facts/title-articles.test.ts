/**
 * A mid-sentence capitalised article in a body's name (title-articles.ts): sentences written for this test
 * in the shapes of the development texts (news comments, testimonies, reports), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { withTitleArticles } from './title-articles.js';

const org = (text: string, name: string, kind: EntityMention['kind'] = 'organization'): EntityMention => {
  const start = text.indexOf(name);
  return { kind, start, end: start + name.length, text: name, value: name };
};
const grown = (text: string, name: string, kind?: EntityMention['kind']) =>
  withTitleArticles(text, [org(text, name, kind)]).map((m) => [m.text, m.value]);

describe('capitalised articles in a body name', () => {
  it('takes a mid-sentence "The", "El" or "La" into the mention and keeps the value', () => {
    assert.deepEqual(grown('The mother told The Harbour Courier that nobody came.', 'Harbour Courier'), [
      ['The Harbour Courier', 'Harbour Courier'],
    ]);
    assert.deepEqual(grown('Lo publicó ayer El Diario del Valle, sin firma.', 'Diario del Valle'), [
      ['El Diario del Valle', 'Diario del Valle'],
    ]);
    assert.deepEqual(grown('según contó a La Voz del Sur, su hijo no volvió.', 'Voz del Sur'), [
      ['La Voz del Sur', 'Voz del Sur'],
    ]);
  });

  it('leaves a sentence start, a lower-case article and other kinds alone', () => {
    assert.deepEqual(grown('The Harbour Courier said nothing.', 'Harbour Courier'), [
      ['Harbour Courier', 'Harbour Courier'],
    ]);
    assert.deepEqual(grown('Nobody came. The Harbour Courier said nothing.', 'Harbour Courier'), [
      ['Harbour Courier', 'Harbour Courier'],
    ]);
    assert.deepEqual(grown('she told the Harbour Courier so', 'Harbour Courier'), [
      ['Harbour Courier', 'Harbour Courier'],
    ]);
    assert.deepEqual(grown('they drove to La Esperanza that night', 'Esperanza', 'place'), [
      ['Esperanza', 'Esperanza'],
    ]);
  });
});
