/** The region inside a body's name keeps its compass word or "Delta" (region-qualifiers.ts): shapes written for this test. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withRegionQualifiers } from './region-qualifiers.js';

const span = (text: string, words: string, kind: string) => {
  const start = text.indexOf(words);
  return { kind, start, end: start + words.length, text: words, value: words };
};
const placeIn = (text: string, org: string, place: string) =>
  withRegionQualifiers(text, [span(text, org, 'organization'), span(text, place, 'place')])[1]!.value;

describe('a region inside a body name', () => {
  it('takes its compass word or "Delta"', () => {
    const a = 'said the South Sahel Human Rights Observatory on Monday';
    assert.equal(placeIn(a, 'South Sahel Human Rights Observatory', 'Sahel'), 'South Sahel');
    const b = 'the Upper Nile Detainees Committee wrote';
    assert.equal(placeIn(b, 'Upper Nile Detainees Committee', 'Nile'), 'Upper Nile');
    const c = 'the Mekong Delta Land Forum wrote';
    assert.equal(placeIn(c, 'Mekong Delta Land Forum', 'Mekong'), 'Mekong Delta');
  });
  it('leaves a place outside a body, and adjectives such as "Northern", alone', () => {
    const a = 'in the South, Sahel towns';
    assert.equal(withRegionQualifiers(a, [span(a, 'Sahel', 'place')])[0]!.value, 'Sahel');
    const b = 'the Northern Sahel Women Forum';
    assert.equal(placeIn(b, 'Northern Sahel Women Forum', 'Sahel'), 'Sahel');
  });
});
