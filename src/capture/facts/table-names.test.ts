import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { extractFacts } from './index.js';
import { invertedTableNames, withInvertedNames } from './table-names.js';

const PIPES = [
  'N.º | Apellidos, nombre | Edad | Municipio | Fuente',
  '---|---|---|---|---',
  '1 | Quispe Ccori, Alejandro | 45 | Ocotlán, Jal. | familia',
  '2 | Hernández viuda de Portillo, Marta Alicia | 52 | Ilopango | Cristosal',
  '3 | Zavala Navarro, Rigoberto "el Güero" | 31 | Yurécuaro, Mich. | prensa',
  '',
  'Notas: Quispe Ccori fue visto por última vez en la comisaría.',
].join('\n');

describe('names written surname first in a list', () => {
  it('reads the name column of a pipe table, not its place column, and says each name as it is said', () => {
    const names = invertedTableNames(PIPES);
    assert.deepEqual(
      names.map((n) => [PIPES.slice(n.start, n.end), n.value]),
      [
        ['Quispe Ccori, Alejandro', 'Alejandro Quispe Ccori'],
        ['Hernández viuda de Portillo, Marta Alicia', 'Marta Alicia Hernández viuda de Portillo'],
        ['Zavala Navarro, Rigoberto', 'Rigoberto Zavala Navarro'],
      ],
    );
  });
  it('not a column whose header says where ("Detenido/a en", "Detained at"): its "Villa Mella, Santo Domingo" is a place (stop 41)', () => {
    const table =
      'Nº | Apellidos, nombre | Edad | Detenido/a en | Fecha\n1 | Pierre-Louis, Marie Ange | 34 | Villa Mella, Santo Domingo | 02/12/2025\n2 | Jean-Baptiste, Wilner | 41 | Los Alcarrizos | 02/12/2025\n';
    assert.deepEqual(
      invertedTableNames(table).map((n) => n.value),
      ['Marie Ange Pierre-Louis', 'Wilner Jean-Baptiste'],
    );
  });
  it('reads a tab-separated sheet under a "Name" header', () => {
    const sheet = 'ID\tDate\tName\tAge\tFrom\nA-1\t03/11/2023\tSafi, Gul Ahmad\t41\tSohrab Goth, Karachi\n';
    assert.deepEqual(
      invertedTableNames(sheet).map((n) => n.value),
      ['Gul Ahmad Safi'],
    );
  });
  it('reads an HTML table as html.ts writes it: each row its own paragraph, cells apart by tabs', () => {
    const html =
      'Lista:\n\nN.º\tApellidos, nombre\tEdad\n\n1\tQuispe Ccori, Alejandro\t45\n\n2\tSafi, Gul Ahmad\t41\n\nFin.';
    assert.deepEqual(
      invertedTableNames(html).map((n) => n.value),
      ['Alejandro Quispe Ccori', 'Gul Ahmad Safi'],
    );
  });
  it('reads nothing in a table with no column of names, nor in running text', () => {
    assert.deepEqual(invertedTableNames('Ciudad | Estado | Fecha\nOcotlán, Jal. | Jalisco | 2015\n'), []);
    assert.deepEqual(invertedTableNames('Ayer, en Caracas, Quispe Ccori, Alejandro y otros hablaron.'), []);
  });
  it('lets the pieces read as two persons give way to one, and ties a surname said alone elsewhere to it', () => {
    const at = (t: string) => PIPES.indexOf(t);
    const person = (t: string, start = at(t)): EntityMention => ({
      kind: 'person',
      start,
      end: start + t.length,
      text: t,
      value: t,
    });
    const out = withInvertedNames(PIPES, [
      person('Quispe Ccori'),
      person('Alejandro'),
      person('Quispe Ccori', PIPES.lastIndexOf('Quispe Ccori')),
    ]);
    assert.deepEqual(
      out.map((e) => [e.text, e.value]),
      [
        ['Quispe Ccori, Alejandro', 'Alejandro Quispe Ccori'],
        ['Hernández viuda de Portillo, Marta Alicia', 'Marta Alicia Hernández viuda de Portillo'],
        ['Zavala Navarro, Rigoberto', 'Rigoberto Zavala Navarro'],
        ['Quispe Ccori', 'Alejandro Quispe Ccori'],
      ],
    );
  });
  it('ties a name after a form of address to the one row whose first given name or surnames it is (stop 39)', () => {
    const t = `${PIPES}\nDespués doña Marta habló con don Alejandro y con doña Quispe Ccori.`;
    const at = (s: string) => t.lastIndexOf(s);
    const mention = (s: string): EntityMention => ({
      kind: 'person',
      start: at(s),
      end: at(s) + s.length,
      text: s,
      value: s,
    });
    const out = withInvertedNames(t, [
      mention('doña Marta'),
      mention('don Alejandro'),
      mention('doña Quispe Ccori'),
    ]);
    const value = (s: string) => out.find((e) => e.text === s)?.value;
    assert.equal(value('doña Marta'), 'Marta Alicia Hernández viuda de Portillo');
    assert.equal(value('don Alejandro'), 'Alejandro Quispe Ccori');
    // A form of address before two names: left as written.
    assert.equal(value('doña Quispe Ccori'), 'doña Quispe Ccori');
  });
  it('gives one person per row in what the extractor suggests', () => {
    const persons = extractFacts(PIPES, { reference: '2025-01-01' }).filter((f) => f.kind === 'person');
    for (const name of [
      'Alejandro Quispe Ccori',
      'Marta Alicia Hernández viuda de Portillo',
      'Rigoberto Zavala Navarro',
    ])
      assert.ok(
        persons.some((p) => p.value === name),
        `${name} in ${persons.map((p) => p.value).join('; ')}`,
      );
    assert.ok(!persons.some((p) => p.value === 'Alejandro' || p.value === 'Marta Alicia'));
  });
  it("ties the nickname a cell quotes after the given names to that row's person, wherever it is written", () => {
    const t = [
      'N.º | Apellidos, nombre | Edad | Detenido',
      '1 | Pacheco Rivas, Julio César «el Zurdo» | 27 | 12/07/2021',
      '2 | Lemus, Ana Cristina, «la Maestra Tina» | 44 | 13/07/2021',
      '3 | Ortiz Mena, Rubén ("Cholo") | 19 | 13/07/2021',
      '',
      'Notas: el Zurdo sigue en Pinar; Tina habló con la familia; a Cholo lo trasladaron.',
    ].join('\n');
    const mention = (s: string, at: number): EntityMention => ({
      kind: 'person',
      start: at,
      end: at + s.length,
      text: s,
      value: s,
    });
    const out = withInvertedNames(t, [
      mention('Zurdo', t.indexOf('Zurdo')),
      mention('Zurdo', t.lastIndexOf('Zurdo')),
      mention('Tina', t.lastIndexOf('Tina')),
      mention('Cholo', t.indexOf('Cholo')),
    ]);
    const values = (s: string) => [...new Set(out.filter((e) => e.text === s).map((e) => e.value))];
    assert.deepEqual(values('Zurdo'), ['Julio César Pacheco Rivas']);
    assert.deepEqual(values('Tina'), ['Ana Cristina Lemus']);
    assert.deepEqual(values('Cholo'), ['Rubén Ortiz Mena']);
  });
  it('ties a nickname two rows share to neither', () => {
    const t = 'Name | Age\nLopez, Ramon "Boy" | 30\nCruz, Danilo "Boy" | 31\n\nBoy was seen later.';
    const at = t.lastIndexOf('Boy');
    const out = withInvertedNames(t, [{ kind: 'person', start: at, end: at + 3, text: 'Boy', value: 'Boy' }]);
    assert.equal(out.find((e) => e.text === 'Boy')?.value, 'Boy');
  });
});
