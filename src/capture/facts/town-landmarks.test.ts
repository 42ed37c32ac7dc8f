/** A lower-case cemetery or market named by a town read alone is the town (town-landmarks.ts): shapes written for this test. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFacts } from './index.js';
import { landmarkTown, withTownLandmarks } from './town-landmarks.js';

const place = (value: string, text = value) => ({ kind: 'place', value, text });

describe('a cemetery or market named by its town', () => {
  it('reads the town a lower-case landmark is named by', () => {
    assert.equal(landmarkTown('cementerio de Tenancingo'), 'Tenancingo');
    assert.equal(landmarkTown('mercado del Alto'), 'Alto');
    assert.equal(landmarkTown('Kalemie market'), 'Kalemie');
    assert.equal(landmarkTown('Cementerio General'), undefined);
    assert.equal(landmarkTown('iglesia de Tenancingo'), undefined);
    assert.equal(landmarkTown('Mount Hope Cemetery'), undefined);
  });
  it('gives the landmark the value of the town read alone', () => {
    const out = withTownLandmarks([place('Tenancingo'), place('cementerio de Tenancingo')]);
    assert.deepEqual(
      out.map((e) => e.value),
      ['Tenancingo', 'Tenancingo'],
    );
    assert.equal(out[1]!.text, 'cementerio de Tenancingo');
  });
  it('leaves a landmark whose town is not read alone, and other kinds', () => {
    assert.deepEqual(
      withTownLandmarks([
        place('cementerio de Tenancingo'),
        { kind: 'person', value: 'Tenancingo', text: 'Tenancingo' },
      ]).map((e) => e.value),
      ['cementerio de Tenancingo', 'Tenancingo'],
    );
  });
  it('is one entity with the town in a text, the phrase kept as a mention', () => {
    const text =
      'Mi hermano vivía en Tenancingo desde niño. Lo enterramos en el cementerio de Tenancingo un martes de lluvia.';
    const facts = extractFacts(text, { reference: '2024-05-01' }).filter((f) => f.kind === 'place');
    const town = facts.filter((f) => /Tenancingo/.test(f.value));
    assert.equal(town.length, 1, JSON.stringify(facts.map((f) => f.value)));
    assert.equal(town[0]!.value, 'Tenancingo');
    assert.ok(
      town[0]!.mentions!.some((m) => m.text === 'cementerio de Tenancingo'),
      JSON.stringify(town),
    );
  });
});
