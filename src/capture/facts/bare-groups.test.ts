/**
 * Armed groups written as lower-case nouns (bare-groups.ts): sentences written for this test in the
 * shapes of the development texts (testimonies, petitions, cables), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bareGroups } from './bare-groups.js';
import { extractFacts } from './index.js';

const read = (text: string) => bareGroups(text, []).map((e) => e.text);

describe('groups written as lower-case nouns', () => {
  it('reads a group after an article or a "so-called"', () => {
    assert.deepEqual(read('Cuando llegaron los talibanes, mi hermana dejó la escuela.'), ['talibanes']);
    assert.deepEqual(read('Los jemeres rojos vaciaron la ciudad en tres días.'), ['jemeres rojos']);
    assert.deepEqual(read('Entraron los llamados sinchis al amanecer.'), ['sinchis']);
    assert.deepEqual(read('The soldiers came with the zaptié at night.'), ['zaptié']);
  });

  it('leaves an attributive use and a capitalized name alone', () => {
    assert.deepEqual(read('Bajo el gobierno talibán cerraron la radio.'), []);
    assert.deepEqual(read('Anti-balaka militias burned the market.'), []);
    assert.deepEqual(read('Los Talibanes firmaron el acuerdo.'), []);
  });

  it('keeps a span another reading took', () => {
    assert.deepEqual(bareGroups('vinieron los peshmerga', [{ start: 12, end: 22 }]), []);
  });

  it('names a known group by its name, one entity with its capitalized form', () => {
    const facts = extractFacts('Los hutíes tomaron el puerto. Después los Hutíes cerraron la carretera.', {
      reference: '2025-06-01',
    }).filter((f) => f.kind === 'organization');
    assert.equal(facts.length, 1);
  });
});
