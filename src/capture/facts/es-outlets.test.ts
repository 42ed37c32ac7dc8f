/**
 * A news outlet the rules read as a town after "en" (es-outlets.ts): sentences written for this test in
 * the shapes of the development texts (chats and comments quoting the press), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { outletsReadAsPlaces, withNumberedChannels } from './es-outlets.js';
import { extractFacts } from './index.js';

const weak = (text: string, name: string, rule = 'run'): EntityMention => {
  const start = text.indexOf(name);
  return { kind: 'place', start, end: start + name.length, text: name, value: name, rule };
};
const kinds = (text: string, ...names: string[]) =>
  outletsReadAsPlaces(
    text,
    names.map((n) => weak(text, n)),
  ).map((e) => `${e.text}:${e.kind}`);

describe('outlets read as places', () => {
  it('turns an unknown name after a word of publishing and "en" into an organization', () => {
    assert.deepEqual(kinds('Ayer salió la nota en El Sureño sobre la marcha.', 'El Sureño'), [
      'El Sureño:organization',
    ]);
    assert.deepEqual(kinds('Lo leí en Tiempo Sureño hace años.', 'Tiempo Sureño'), [
      'Tiempo Sureño:organization',
    ]);
    assert.deepEqual(kinds('Mamás, en Telenorte dijeron que lo soltaron.', 'Telenorte'), [
      'Telenorte:organization',
    ]);
  });

  it('takes the second outlet coordinated with "y en"', () => {
    assert.deepEqual(
      kinds('No crean lo que dicen en Canalvisión y en Telesur Andino.', 'Canalvisión', 'Telesur Andino'),
      ['Canalvisión:organization', 'Telesur Andino:organization'],
    );
  });

  it('takes a known place name after a media noun ("el periódico Granma")', () => {
    assert.deepEqual(kinds('La nota será publicada por el periódico Granma mañana.', 'Granma'), [
      'Granma:organization',
    ]);
  });

  it('keeps places: after "que", a known town, a strong reading, no cue', () => {
    assert.deepEqual(kinds('Me dijeron que lo enterraron en Loma Seca, sin nombre.', 'Loma Seca'), [
      'Loma Seca:place',
    ]);
    assert.deepEqual(kinds('El ministro dijo en Caracas que no habrá cambios.', 'Caracas'), [
      'Caracas:place',
    ]);
    const text = 'Salió en Villa Oriente la marcha.';
    assert.equal(outletsReadAsPlaces(text, [weak(text, 'Villa Oriente', 'known-place')])[0]?.kind, 'place');
    assert.deepEqual(kinds('Vivimos en Loma Seca desde 2010.', 'Loma Seca'), ['Loma Seca:place']);
  });

  it('gives the outlet as an organization in the facts of a chat line', () => {
    const facts = extractFacts('12/03/25, 08:10 - Rosa: Salió la nota en El Sureño hoy.', {
      reference: '2025-03-12',
      tagger: null,
    });
    assert.ok(facts.some((f) => f.kind === 'organization' && f.value === 'El Sureño'));
    assert.ok(!facts.some((f) => f.kind === 'place' && f.value === 'El Sureño'));
  });
});

describe('numbered channels', () => {
  it('adds "Canal" and a number as an organization where no rule read anything', () => {
    const text = 'Era camarógrafo de Canal 41. Lo pasaron por el Canal 9 y en Radio Sur.';
    const added = withNumberedChannels(text, []).map((e) => `${e.text}:${e.kind}`);
    assert.deepEqual(added, ['Canal 41:organization', 'Canal 9:organization']);
  });

  it('keeps a rule reading over it, and reads no lower-case canal nor a longer number', () => {
    const text = 'Desde el canal 5 del puerto y el Canal 2024 no se ve Canal Once.';
    assert.deepEqual(withNumberedChannels(text, []), []);
    const t2 = 'La Televisora Canal 12 Nacional transmitió.';
    const body: EntityMention = {
      kind: 'organization',
      start: 3,
      end: 35,
      text: t2.slice(3, 35),
      value: t2.slice(3, 35),
    };
    assert.deepEqual(withNumberedChannels(t2, [body]), [body]);
  });
});
