import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentDigits, documentPattern, foldName, nameForms, namePattern } from './name-forms.js';

const P = {
  givenNames: 'María José',
  firstSurname: 'Pérez',
  secondSurname: 'de la Cruz',
  aliases: ['Majo'],
  documents: [{ number: 'V-12.345.678' }],
};
const matches = (forms: string[], text: string) =>
  new RegExp(`(?<![\\p{L}\\d])(?:${forms.map(namePattern).join('|')})(?![\\p{L}\\d])`, 'iu').test(text);

describe('name forms of a Spanish name', () => {
  it('covers full, short, inverted and initial forms, and aliases of any length', () => {
    const forms = nameForms(P, new Set());
    for (const text of [
      'María José Pérez de la Cruz declaró',
      'MARIA JOSE PEREZ',
      'según Maria Perez',
      'Pérez de la Cruz, María José',
      'Perez, Maria',
      'firmado: M. Pérez',
      'le dicen Majo',
    ])
      assert.ok(matches(forms, text), text);
    assert.ok(!matches(forms, 'Pérez López llegó'), 'a surname alone only when distinctive');
    assert.ok(matches(nameForms(P, new Set(['perez'])), 'Pérez llegó'), 'distinctive surname alone');
    assert.ok(matches(nameForms({ aliases: ['Yu'] }, new Set()), 'la llamaban Yu.'), 'two-letter alias');
  });

  it('matches document numbers with or without prefix, dots or dashes', () => {
    const d = documentDigits('V-12.345.678')!;
    assert.equal(d, '12345678');
    const re = new RegExp(`(?<![\\p{L}\\d])${documentPattern(d)}(?![\\p{L}\\d])`, 'u');
    for (const t of ['CI 12345678', 'V-12.345.678', 'v12345678', 'E 12 345 678', '12-345-678'])
      assert.ok(re.test(t), t);
    assert.ok(!re.test('112345678'));
    assert.equal(documentDigits('S/N'), undefined);
  });

  it('folds accents, case and spaces', () => {
    assert.equal(foldName('  José   ÁLVAREZ '), 'jose alvarez');
  });
});
