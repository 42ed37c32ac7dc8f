import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecordEncoder } from './encode.js';
import { detectFieldType, givenFirst, inferNameRoles, splitGivenFirst } from './roles.js';
import type { FieldSpec } from './types.js';

const GIVEN = new Set(['jose', 'luis', 'maria', 'ana', 'carlos', 'pedro', 'rosa', 'angeles']);
const givenness = (t: string) => (GIVEN.has(t) ? 0.95 : 0.05);

test('name roles come from headers, else from the order of the name fields', () => {
  const r = inferNameRoles([
    { column: 'segundo_apellido', type: 'name' },
    { column: 'nombres', type: 'name' },
    { column: 'primer_apellido', type: 'name' },
  ]);
  assert.deepEqual(r, { surname2: 0, given: 1, surname1: 2 });
  assert.deepEqual(
    inferNameRoles([
      { column: 'a', type: 'name' },
      { column: 'b', type: 'name' },
    ]),
    { given: 0, surname1: 1 },
  );
});

test('Spanish name grammar: comma order, one or two given names, two surnames', () => {
  assert.equal(givenFirst('PÉREZ GÓMEZ, JOSÉ LUIS'), 'JOSÉ LUIS PÉREZ GÓMEZ');
  assert.deepEqual(splitGivenFirst(['jose', 'luis', 'perez', 'gomez'], givenness), {
    given: 'jose luis',
    surname1: 'perez',
    surname2: 'gomez',
  });
  // Three tokens: the middle one decides.
  assert.deepEqual(splitGivenFirst(['jose', 'luis', 'perez'], givenness), {
    given: 'jose luis',
    surname1: 'perez',
    surname2: '',
  });
  assert.deepEqual(splitGivenFirst(['jose', 'perez', 'gomez'], givenness), {
    given: 'jose',
    surname1: 'perez',
    surname2: 'gomez',
  });
});

function encode(fields: FieldSpec[], lists: Record<string, (string | undefined)[][]>) {
  const e = new RecordEncoder(fields);
  for (const [name, rows] of Object.entries(lists)) {
    const s = e.addSource(name);
    rows.forEach((cells, i) => {
      e.add(s, String(i), cells);
    });
  }
  const enc = e.finish(false);
  const text = (f: number, i: number) => {
    const v = enc.data.fields[f]!.value[i]!;
    return v < 0 ? '' : enc.dictValues[enc.data.fields[f]!.dict]![v]!;
  };
  return { enc, text };
}

const NAMES = ['Pedro', 'Ana', 'Luis', 'Rosa', 'Carlos', 'María'];
const SURNAMES = ['Pérez', 'Gómez', 'Rivas', 'Zerpa', 'Toro', 'Mora', 'Lara'];
const person = (k: number) => [NAMES[k % 6]!, SURNAMES[k % 7]!, SURNAMES[(k * 3 + 1) % 7]!];

test('a list with given names and first surnames swapped is read the other way round', () => {
  const fields: FieldSpec[] = [
    { column: 'nombres', type: 'name' },
    { column: 'primer_apellido', type: 'name' },
    { column: 'segundo_apellido', type: 'name' },
  ];
  const good = Array.from({ length: 40 }, (_, k) => person(k));
  const swapped = Array.from({ length: 30 }, (_, k) => {
    const [g, s1, s2] = person(k);
    return [s1, g, s2];
  });
  const { enc, text } = encode(fields, { a: good, b: swapped });
  assert.equal(enc.repairs.length, 1);
  assert.match(enc.repairs[0]!, /^b: /);
  assert.equal(text(0, 40), 'pedro');
  assert.equal(text(1, 40), 'perez');
  // The well-ordered list is untouched.
  assert.equal(text(0, 0), 'pedro');
});

test('a whole name fills the empty name columns, given names first or surnames first', () => {
  const fields: FieldSpec[] = [
    { column: 'nombres', type: 'name' },
    { column: 'primer_apellido', type: 'name' },
    { column: 'segundo_apellido', type: 'name' },
    { column: 'nombre', type: 'fullname' },
  ];
  const split = Array.from({ length: 40 }, (_, k) => [...person(k), '']);
  const { enc, text } = encode(fields, {
    a: split,
    b: [
      ['', '', '', 'Pedro Pérez Gómez'],
      ['', '', '', 'Ana Luis Gómez'],
    ],
    c: [
      ['', '', '', 'PÉREZ GÓMEZ PEDRO'],
      ['', '', '', 'RIVAS ZERPA ANA LUIS'],
      ['', '', '', 'TORO MORA ROSA'],
    ],
    d: [['', '', '', 'Lara Toro, Carlos']],
  });
  const row = (i: number) => [0, 1, 2, 3].map((f) => text(f, i));
  assert.deepEqual(row(40), ['pedro', 'perez', 'gomez', '']);
  assert.deepEqual(row(41), ['ana luis', 'gomez', '', '']);
  assert.deepEqual(row(42), ['pedro', 'perez', 'gomez', '']);
  assert.deepEqual(row(43), ['ana luis', 'rivas', 'zerpa', '']);
  assert.deepEqual(row(45), ['carlos', 'lara', 'toro', '']);
  assert.ok(enc.repairs.some((r) => /surnames first in c/.test(r)));
});

test('both surnames in the first-surname column are split when each is a surname on its own', () => {
  const fields: FieldSpec[] = [
    { column: 'nombres', type: 'name' },
    { column: 'primer_apellido', type: 'name' },
    { column: 'segundo_apellido', type: 'name' },
  ];
  const rows = [
    ['Ana', 'Ramírez', 'Pacheco'],
    ['Luis', 'Pacheco', 'Toro'],
    ['Rosa', 'Mora', 'Ramírez'],
    ['María Gabriela', 'Ramírez Pacheco', ''],
    // "San" is no surname on its own here: "San Juan" stays one surname.
    ['Pedro', 'San Juan', ''],
    ['Carlos', 'Juan', 'Toro'],
    ['Carlos', 'Juan', 'Mora'],
    // A second surname present: nothing to split.
    ['Luis', 'Ramírez Pacheco', 'Toro'],
  ];
  const { enc, text } = encode(fields, { a: rows });
  assert.deepEqual([text(1, 3), text(2, 3)], ['ramirez', 'pacheco']);
  assert.deepEqual([text(1, 4), text(2, 4)], ['san juan', '']);
  assert.deepEqual([text(1, 7), text(2, 7)], ['ramirez pacheco', 'toro']);
  assert.ok(enc.repairs.some((r) => /primer_apellido: 1 record\(s\) with both surnames/.test(r)));
});

test('English names: one surname when the data show no second one ("Mary Ann Smith" has a middle name)', () => {
  const fields: FieldSpec[] = [
    { column: 'first_name', type: 'name' },
    { column: 'last_name', type: 'name' },
    { column: 'full_name', type: 'fullname' },
  ];
  const register = Array.from({ length: 30 }, (_, k) => [
    ['John', 'Mary', 'Peter'][k % 3]!,
    ['Smith', 'Jones', 'Brown'][k % 3]!,
    undefined,
  ]);
  const { enc, text } = encode(fields, {
    register,
    casualties: [
      [undefined, undefined, 'Mary Ann Smith'],
      [undefined, undefined, 'SMITH, John M.'],
    ],
  });
  // "ann" is in no other record: only the data's one-surname custom says it is a middle name.
  assert.equal(text(0, 30), 'mary ann');
  assert.equal(text(1, 30), 'smith');
  assert.equal(text(0, 31), 'john m');
  assert.equal(text(1, 31), 'smith');
  assert.ok(enc.repairs.some((r) => r.startsWith('full_name: 2 whole name(s) split')));
});

test('Spanish lists keep the two-surname reading', () => {
  const fields: FieldSpec[] = [
    { column: 'nombres', type: 'name' },
    { column: 'primer_apellido', type: 'name' },
    { column: 'segundo_apellido', type: 'name' },
    { column: 'nombre_completo', type: 'fullname' },
  ];
  const good = Array.from({ length: 30 }, (_, k) => [...person(k), undefined]);
  const { text } = encode(fields, {
    a: good,
    b: [[undefined, undefined, undefined, 'Pedro Xanadu Quintal']],
  });
  assert.equal(text(0, 30), 'pedro');
  assert.equal(text(2, 30), 'quintal');
});

test('column types from headers that leave no doubt; none from ambiguous ones', () => {
  assert.equal(detectFieldType('Post Code'), 'postcode');
  assert.equal(detectFieldType('ZIP'), 'postcode');
  assert.equal(detectFieldType('Dirección'), 'address');
  assert.equal(detectFieldType('town'), 'locality');
  assert.equal(detectFieldType('Ocupación'), 'occupation');
  assert.equal(detectFieldType('first_name'), 'name');
  assert.equal(detectFieldType('Full Name'), 'fullname');
  assert.equal(detectFieldType('date_of_birth'), 'date');
  assert.equal(detectFieldType('estado'), undefined);
  assert.equal(detectFieldType('notes'), undefined);
});
