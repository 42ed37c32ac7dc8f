/**
 * The leak suite's own instruments: the identity forms generated from a person, and the scanner
 * that finds them in JSON, text, zip entries and headers (PDF text is covered by the suite's
 * positive control, which reads real reports). A blind scanner would make every leak test pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import {
  forbiddenForms,
  mayRead,
  personForms,
  Scanner,
  type TruthPerson,
  textForms,
} from './identity-forms.js';
import { type Captured, scanResponse } from './response-scan.js';

const P: TruthPerson = {
  key: 'P',
  givenNames: 'María José',
  firstSurname: 'Arismendi',
  secondSurname: 'Quintero',
  aliases: ['La Flaca', 'Chu'],
  documents: ['V-14.567.890'],
  birthDate: '1985-03-12',
  contact: '0414-5550001',
  protection: 'protected',
};
const scanner = new Scanner(personForms(P, new Set()));
const kindsIn = (text: string) => scanner.scan(text).map((h) => h.form.kind);

describe('leak suite: identity forms and scanner', () => {
  it('finds every usual written form of a Spanish name, folded for case and accents', () => {
    const cases: [string, string][] = [
      ['MARIA JOSE ARISMENDI QUINTERO declaró', 'full name'],
      ['la señora María José Arismendi', 'given names + first surname'],
      ['vimos a María Arismendi ayer', 'first given name + first surname'],
      ['familia Arismendi Quintero', 'surnames'],
      ['Lista: Arismendi, María José (F)', 'Surname, Given names'],
      ['firmado M. J. Arismendi', 'initials + surname'],
      ['firmado M.J. Arismendi', 'initials + surname'],
      ['firmado MJ Arismendi', 'initials + surname'],
      ['habló quintero', 'surname alone'],
      ['apodada «la flaca»', 'alias'],
      ['le dicen Chu', 'short alias (<4)'],
      ['C.I. 14567890', 'document number'],
      ['C.I. 14.567.890', 'document number'],
      ['cédula V-14567890', 'document number'],
      ['cédula v14.567.890', 'document number'],
      ['nacida el 12/03/1985', 'birth date'],
      ['"birthDate":{"value":"1985-03-12"}', 'birth date'],
      ['tel. 0414 5550001', 'contact'],
    ];
    for (const [text, kind] of cases) assert.deepEqual(kindsIn(text), [kind], text);
  });

  it('does not fire inside longer words or numbers, nor on ordinary text', () => {
    for (const text of [
      'Arismendiz',
      'chupa',
      '214567890',
      'Quinteros',
      'La detenida fue trasladada a Caracas el 12/03/1986.',
      'per_01M90WYECV7DXSGT3CTFW3E4X4',
    ])
      assert.deepEqual(kindsIn(text), [], text);
  });

  it('a surname is looked for alone only when no visible name shares it', () => {
    const kinds = personForms(P, new Set(['quintero'])).map((f) => `${f.kind}:${f.form}`);
    assert.ok(kinds.includes('surname alone:arismendi'));
    assert.ok(!kinds.includes('surname alone:quintero'));
  });

  it('withheld texts become 5-word windows, skipping windows that visible text also has', () => {
    const t = {
      key: 'T',
      kind: 'text' as const,
      text: 'uno dos tres cuatro cinco seis siete ocho nueve diez',
      protection: 'protected' as const,
    };
    assert.deepEqual(
      textForms(t, '').map((f) => f.form),
      ['uno dos tres cuatro cinco', 'seis siete ocho nueve diez'],
    );
    assert.deepEqual(
      textForms(t, 'seis siete ocho nueve diez').map((f) => f.form),
      ['uno dos tres cuatro cinco'],
    );
  });

  it('who may read what, in the suite’s own terms', () => {
    assert.equal(mayRead({ role: 'viewer', cleared: true }, 'restricted'), false);
    assert.equal(mayRead({ role: 'analyst', cleared: true }, 'protected'), false);
    assert.equal(mayRead({ role: 'documenter', cleared: false }, 'protected'), false);
    assert.equal(mayRead({ role: 'documenter', cleared: true }, 'protected'), true);
    const deleted = { ...P, key: 'D', protection: 'public' as const, deleted: true };
    assert.ok(
      forbiddenForms({ role: 'administrator', cleared: true }, [deleted], [], '').length > 0,
      'a deleted person stays forbidden even at the highest level',
    );
  });

  it('scans JSON leaves and keys (with their path and record), text, zip entries and headers', async () => {
    const res = (body: string | Uint8Array, headers: Record<string, string> = {}): Captured => ({
      status: 200,
      contentType: '',
      bytes: typeof body === 'string' ? new TextEncoder().encode(body) : body,
      headers,
    });
    const json = await scanResponse(
      scanner,
      res(
        JSON.stringify({
          items: [{ id: 'per_1', kind: 'person', notes: 'ver a Arismendi' }],
          byName: { Quintero: 1 },
        }),
      ),
    );
    assert.deepEqual(
      json.map((h) => [h.where, h.record?.id]),
      [
        ['items[0].notes', 'per_1'],
        ['byName{key}', undefined],
      ],
    );
    const csv = await scanResponse(scanner, res('id,nombre\nA1,"Arismendi, María José"\n'));
    assert.match(csv[0]!.where, /^body text @/);
    const zip = zipSync({ 'arismendi.txt': new TextEncoder().encode('C.I. 14.567.890') });
    const z = await scanResponse(scanner, res(zip));
    assert.deepEqual(
      z.map((h) => h.form.kind),
      ['surname alone', 'document number'],
    );
    const h = await scanResponse(
      scanner,
      res('', { 'content-disposition': 'attachment; filename="informe-arismendi.pdf"' }),
    );
    assert.equal(h[0]!.where, 'header content-disposition @30');
  });
});
