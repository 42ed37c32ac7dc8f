/**
 * The string search answers as the regular expression it replaced, on phrases written for this test in the
 * shapes of the development texts (a word written in lower case elsewhere, inside another word, beside marks).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writesWholeWord } from './whole-word.js';

const byRegex = (text: string, word: string) =>
  new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text);

describe('writesWholeWord', () => {
  const text =
    'La Orden de Detención llegó; la orden no se cumplió. El centro de salud (salud-pública) y la Saludable; ' +
    "control de barquisimeto, o'brien, san josé y 𝐀orden𝐀 e é\u0301orden; fin.";
  const words = [
    'orden',
    'salud',
    'saludable',
    'control de barquisimeto',
    "o'brien",
    'san josé',
    'josé',
    'fin',
    'detención',
    'primera',
    'st. mary',
    'a.b',
    '',
  ];
  it('finds the words the regular expression finds, and no other', () => {
    for (const w of words) assert.equal(writesWholeWord(text, w), byRegex(text, w), w);
  });
  it('reads letters outside the basic plane whole on either side', () => {
    assert.equal(writesWholeWord('𝐀orden', 'orden'), byRegex('𝐀orden', 'orden'));
    assert.equal(writesWholeWord('orden𝐀', 'orden'), byRegex('orden𝐀', 'orden'));
    assert.equal(writesWholeWord('𝐀 orden', 'orden'), true);
  });
  it('a mark is no letter: the word before it stands whole', () => {
    assert.equal(writesWholeWord('cafe\u0301', 'cafe'), byRegex('cafe\u0301', 'cafe'));
  });
  it('agrees with the regular expression on many small texts of letters, marks, figures and stops', () => {
    const alphabet = ['a', 'b', 'é', 'A', ' ', '-', '.', "'", '\u0301', '𝐀', '1', '\n'];
    let seed = 46;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const draw = (n: number) => Array.from({ length: n }, () => alphabet[next(alphabet.length)]!).join('');
    for (let k = 0; k < 3000; k++) {
      const t = draw(1 + next(14));
      const chars = [...t];
      const from = next(chars.length);
      const w = k % 3 ? chars.slice(from, from + 1 + next(3)).join('') : draw(1 + next(3));
      assert.equal(writesWholeWord(t, w), byRegex(t, w), JSON.stringify([t, w]));
    }
  });
  it('at the very start and end of the text', () => {
    assert.ok(writesWholeWord('salud', 'salud'));
    assert.ok(!writesWholeWord('salud', 'salu'));
    assert.ok(!writesWholeWord('', 'salud'));
  });
});
