import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentDigits, FormMatcher, foldName, nameForms } from './name-forms.js';

const P = {
  givenNames: 'María José',
  firstSurname: 'Pérez',
  secondSurname: 'de la Cruz',
  aliases: ['Majo'],
  documents: [{ number: 'V-12.345.678' }],
};
const matches = (forms: string[], text: string) =>
  new FormMatcher(
    forms.map((f) => [f, f] as [string, string]),
    [],
  ).find(text).length > 0;

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
    const m = new FormMatcher([], [[d, 'P']]);
    for (const t of ['CI 12345678', 'V-12.345.678', 'v12345678', 'E 12 345 678', '12-345-678'])
      assert.deepEqual(
        m.find(t).map((x) => x.value),
        ['P'],
        t,
      );
    assert.deepEqual(m.find('112345678'), []);
    assert.equal(documentDigits('S/N'), undefined);
  });

  it('replaces the longest form at each place, whatever the number of forms', () => {
    const many: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) many.push([`Nombre${i} Apellido${i}`, `P${i}`]);
    many.push(['José Pérez', 'A'], ['María José Pérez', 'B']);
    const m = new FormMatcher(many, [['12345678', 'C']]);
    assert.equal(
      m.replace(
        'Vi a María José Pérez, a José Pérez y a Nombre7 Apellido7 (C.I. V-12.345.678).',
        (v) => `<${v}>`,
      ),
      'Vi a <B>, a <A> y a <P7> (C.I. <C>).',
    );
  });

  it('folds accents, case and spaces', () => {
    assert.equal(foldName('  José   ÁLVAREZ '), 'jose alvarez');
  });
});

describe('FormMatcher with many forms sharing their first word', () => {
  it('finds the longest form among thousands that begin alike (trie, not a scan of them)', () => {
    const forms: [string, number][] = [];
    for (let i = 0; i < 5000; i++) forms.push([`María Apellido${i}`, i]);
    forms.push(['María Apellido42 Segundo', 9999], ['María', -1]);
    const m = new FormMatcher(forms, []);
    const text = 'Vieron a maria apellido42 segundo, a MARÍA APELLIDO4999 y a María sola.';
    assert.deepEqual(
      m.find(text).map((x) => [text.slice(x.start, x.end), x.value]),
      [
        ['maria apellido42 segundo', 9999],
        ['MARÍA APELLIDO4999', 4999],
        ['María', -1],
      ],
    );
    // The first form given for the same words keeps them.
    const dup = new FormMatcher<string>(
      [
        ['Pérez, María', 'a'],
        ['perez maria', 'b'],
      ],
      [],
    );
    assert.equal(dup.find('Pérez María')[0]?.value, 'a');
  });
});

describe('FormMatcher remembering what it found', () => {
  it('answers a text it has read before by the forms it holds now, after every kind of change', () => {
    const m = new FormMatcher<string>([], []);
    const short = 'Declaró María Pérez, V-12.345.678';
    const long = `${'Una declaración larga. '.repeat(10)}María Pérez`;
    const seen = (t: string) => m.find(t).map((x) => x.value);
    assert.deepEqual(seen(short), []);
    m.set('María Pérez', 'Persona A');
    assert.deepEqual(seen(short), ['Persona A']);
    m.set('María Pérez', 'Persona B');
    assert.deepEqual(seen(short), ['Persona B']);
    m.setDocument('12345678', 'Persona B');
    assert.deepEqual(seen(short), ['Persona B', 'Persona B']);
    m.deleteDocument('12345678');
    assert.deepEqual(seen(short), ['Persona B']);
    m.delete('María Pérez');
    assert.deepEqual(seen(short), []);
    m.set('María Pérez', 'Persona C');
    assert.deepEqual(seen(long), ['Persona C']);
    assert.equal(
      m.replace(short, (v) => v),
      'Declaró Persona C, V-12.345.678',
    );
  });
});
