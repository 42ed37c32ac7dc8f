/**
 * The per-extraction cache (text-cache.ts): one value per text inside a scope, none kept after it. Texts written for
 * this test in the shapes of the development texts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from './language.js';
import { perText, withTextCache } from './text-cache.js';

describe('perText inside and outside withTextCache', () => {
  const testimony = 'El 14 de marzo llegaron a la finca La Esperanza y se llevaron a mi hermano.';
  const report = 'On 3 May soldiers of the 4th Brigade detained two men at the Kakuma checkpoint.';
  function counted() {
    const seen: string[] = [];
    const read = perText((text) => {
      seen.push(text);
      return { words: text.split(' ').length };
    });
    return { seen, read };
  }

  it('computes once per text inside a scope, and the same value for each text', () => {
    const { seen, read } = counted();
    withTextCache(() => {
      const first = read(testimony);
      assert.equal(read(testimony), first);
      // An equal text built anew is the same text.
      assert.equal(read(`${testimony.slice(0, 10)}${testimony.slice(10)}`), first);
      assert.deepEqual(read(report), { words: 15 });
      assert.notEqual(read(report), first);
    });
    assert.deepEqual(seen, [testimony, report]);
  });

  it('keeps nothing outside a scope, nor after one ends', () => {
    const { seen, read } = counted();
    read(testimony);
    read(testimony);
    withTextCache(() => read(testimony));
    read(testimony);
    assert.equal(seen.length, 4);
  });

  it('a nested scope reads the outer one; an error still ends the scope', () => {
    const { seen, read } = counted();
    withTextCache(() => {
      read(report);
      withTextCache(() => read(report));
      read(report);
    });
    assert.equal(seen.length, 1);
    assert.throws(() =>
      withTextCache(() => {
        read(report);
        throw new Error('stop');
      }),
    );
    read(report);
    assert.equal(seen.length, 3);
  });

  it('each reader keeps its own value of a text', () => {
    const a = perText((text) => text.length);
    const b = perText((text) => text.toUpperCase());
    withTextCache(() => {
      assert.equal(a(report), report.length);
      assert.equal(b(report), report.toUpperCase());
    });
  });

  it('detectLanguage answers each hint alike in and out of a scope', () => {
    const mixed = 'the el of de and y';
    for (const text of [testimony, mixed, report])
      for (const hint of [undefined, 'es', 'en-GB', 'fr']) {
        const alone = detectLanguage(text, hint);
        withTextCache(() => {
          assert.equal(detectLanguage(text, hint), alone);
          assert.equal(detectLanguage(`${text}`, hint), alone);
        });
      }
  });
});
