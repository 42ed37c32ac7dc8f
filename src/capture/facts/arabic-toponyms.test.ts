/** An Arabic toponym's head with its article and name is one place (arabic-toponyms.ts): shapes written for this test. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withArabicToponyms } from './arabic-toponyms.js';

const place = (text: string, head: string, kind = 'place') => {
  const start = text.indexOf(head);
  return { kind, start, end: start + head.length, text: head, value: head };
};

describe('an Arabic toponym after its head', () => {
  it('runs on over the article and the name, hyphen or space', () => {
    const a = 'He was moved to Wadi al-Jadid prison in May.';
    assert.equal(withArabicToponyms(a, [place(a, 'Wadi')])[0]!.value, 'Wadi al-Jadid');
    const b = 'Lo trasladaron a Wadi al Jadid en mayo.';
    assert.equal(withArabicToponyms(b, [place(b, 'Wadi')])[0]!.value, 'Wadi al Jadid');
    const c = 'families of Hay al-Amel, Baghdad';
    assert.equal(withArabicToponyms(c, [place(c, 'Hay')])[0]!.text, 'Hay al-Amel');
  });
  it('leaves other places, other kinds and names over another mention alone', () => {
    const a = 'de Caracas al Tocuyo';
    assert.equal(withArabicToponyms(a, [place(a, 'Caracas')])[0]!.value, 'Caracas');
    const b = 'Wadi al-Amel spoke';
    assert.equal(withArabicToponyms(b, [place(b, 'Wadi', 'person')])[0]!.value, 'Wadi');
    const c = 'the Wadi al-Amel Mosque';
    const mosque = place(c, 'al-Amel Mosque', 'organization');
    assert.equal(withArabicToponyms(c, [place(c, 'Wadi'), mosque])[0]!.value, 'Wadi');
  });
});
