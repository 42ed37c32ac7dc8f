import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handModel } from '../test-support/link-model.js';
import { Comparator, LEVELS, scorePair } from './compare.js';
import { areHalves, compoundHalvesGuard, compoundWords, wilsonLower } from './compound-names.js';
import { RecordEncoder } from './encode.js';
import { fieldModel, type LinkModel, scoreTables } from './model.js';
import { inferIdentityRoles } from './roles.js';
import type { FieldSpec, FieldType } from './types.js';

const FIELDS: FieldSpec[] = [
  { column: 'nombres', type: 'name' },
  { column: 'primer_apellido', type: 'name' },
  { column: 'segundo_apellido', type: 'name' },
  { column: 'fecha_nacimiento', type: 'date' },
  { column: 'cedula', type: 'id' },
];

/** A model with fixed, plausible m and u: strong agreement weights, strong disagreement on names. */
function model(): LinkModel {
  const fm = (column: string, type: FieldType, m: number[], u: number[]) =>
    fieldModel(column, type, m, u, [...u], 'test');
  const name = (c: string) =>
    fm(c, 'name', [0.85, 0.04, 0.04, 0.03, 0.01, 0.02, 0.01], [0.01, 0.005, 0.01, 0.005, 0.005, 0.1, 0.865]);
  return handModel(
    [
      name('nombres'),
      name('primer_apellido'),
      name('segundo_apellido'),
      fm(
        'fecha_nacimiento',
        'date',
        [0.9, 0.04, 0.02, 0.01, 0.01, 0.02],
        [1e-4, 1e-4, 1e-3, 1e-3, 0.01, 0.9878],
      ),
      fm('cedula', 'id', [0.9, 0.06, 0.02, 0.02], [1e-6, 1e-5, 1e-4, 0.999889]),
    ],
    { prior: 1e-4 },
  );
}

function setup(rows: string[][]) {
  const enc = new RecordEncoder(FIELDS);
  const s = enc.addSource('t.csv');
  rows.forEach((r, i) => {
    enc.add(s, String(i), r);
  });
  // Other people, so that term frequencies are those of a list and not of four records.
  for (let i = 0; i < 200; i++) enc.add(s, `x${i}`, [`Nombre${i}`, `Apellido${i}`, `Otro${i}`, '', '']);
  const { data } = enc.finish(false);
  const tables = scoreTables(model(), data);
  const cmp = new Comparator(data);
  return { cmp, tables };
}

describe('twins and consecutive documents', () => {
  const rows = [
    ['Pedro José', 'Rivas', 'Zerpa', '03/05/1990', '14567890'],
    ['Carlos Luis', 'Rivas', 'Zerpa', '03/05/1990', '14567891'],
    ['Carlos Luis', 'Rivas', 'Zerpa', '03/05/1990', '14567890'],
    ['Pedro José', 'Rivas', 'Zerpa', '03/05/1990', '14567891'],
  ];

  it('consecutive document numbers are no evidence (the missing level), not a one-edit agreement', () => {
    const { cmp } = setup(rows);
    assert.equal(cmp.level(4, 0, 1), LEVELS.id.length);
    // One digit off but not consecutive stays a one-edit agreement.
    const other = setup([rows[0]!, [...rows[0]!.slice(0, 4), '14567830']]);
    assert.equal(LEVELS.id[other.cmp.level(4, 0, 1)], 'one_edit');
  });

  it('twins (same surnames and birth date, other given name) stay below the threshold', () => {
    const { cmp, tables } = setup(rows);
    tables.twin = { ...inferIdentityRoles(FIELDS), cap: 2 };
    const twins = scorePair(cmp, tables, 0, 1, Number.NEGATIVE_INFINITY);
    assert.ok(twins <= 2, `twins weigh ${twins}`);
    // Unless the document agrees exactly: then it is one person with a mis-recorded given name.
    const sameDoc = scorePair(cmp, tables, 0, 2, Number.NEGATIVE_INFINITY);
    const unguarded = { ...tables, twin: { ...tables.twin, given: -1 } };
    assert.equal(sameDoc, scorePair(cmp, unguarded, 0, 2, Number.NEGATIVE_INFINITY));
    // The same person with the same given name is not touched by the guard.
    assert.ok(scorePair(cmp, tables, 0, 3, Number.NEGATIVE_INFINITY) > 2);
  });

  it('identity roles find the birth date by its header among several dates', () => {
    const r = inferIdentityRoles([
      { column: 'fecha_hecho', type: 'date' },
      { column: 'given_names', type: 'name' },
      { column: 'first_surname', type: 'name' },
      { column: 'birth_date', type: 'date' },
      { column: 'document_id', type: 'id' },
    ]);
    assert.deepEqual(r, { given: 1, surname1: 2, birth: 3, document: 4, sex: -1 });
  });
});

describe('twins of opposite sex', () => {
  const fields: FieldSpec[] = [...FIELDS, { column: 'sexo', type: 'exact' }];
  const rows = [
    ['Luis', 'Silva', 'García', '15/09/1981', '6445632', 'M'],
    ['Luisa', 'Silva', 'García', '15/09/1981', '6445631', 'F'],
    // One person whose sex was mis-recorded: same given name.
    ['Luis', 'Silva', 'García', '15/09/1981', '', 'F'],
    // One person, sex mis-recorded, name spelled two ways that sound alike.
    ['Velkis', 'Silva', 'García', '15/09/1981', '', 'M'],
    ['Belkis', 'Silva', 'García', '15/09/1981', '6445632', 'F'],
    // One person, sex mis-recorded, compound name cut (5, 6); a boy and a girl, same words (7, 8).
    ['Ana', 'Silva', 'García', '15/09/1981', '', 'F'],
    ['Ana Rosa', 'Silva', 'García', '15/09/1981', '6445632', 'M'],
    ['José María', 'Silva', 'García', '15/09/1981', '', 'M'],
    ['María José', 'Silva', 'García', '15/09/1981', '6445632', 'F'],
    // One person, same sex, a typo in the kept half of a compound name (9, 10); brothers
    // sharing one word of their compound names (11, 12).
    ['Luiw', 'Silva', 'García', '15/09/1981', '6445682', 'M'],
    ['Luis Jesús', 'Silva', 'García', '15/09/1981', '6445632', 'M'],
    ['Carlos José', 'Silva', 'García', '15/09/1981', '6445682', 'M'],
    ['Antonio José', 'Silva', 'García', '15/09/1981', '6445632', 'M'],
    // One person, sex mis-recorded, name written alike but not as the other form of it (13, 14).
    ['Belkis', 'Silva', 'García', '15/09/1981', '', 'F'],
    ['Bellkis', 'Silva', 'García', '15/09/1981', '6445682', 'M'],
    // One person, a three-letter typo in the kept half (15, 16); Ana and Ada (16, 17).
    ['Aha Rosa', 'Silva', 'García', '15/09/1981', '6445682', 'F'],
    ['Ana', 'Silva', 'García', '15/09/1981', '6445632', 'F'],
    ['Ada', 'Silva', 'García', '15/09/1981', '6445682', 'F'],
    ['Aan', 'Silva', 'García', '15/09/1981', '6445682', 'F'],
  ];
  function build() {
    const enc = new RecordEncoder(fields);
    const s = enc.addSource('t.csv');
    rows.forEach((r, i) => {
      enc.add(s, String(i), r);
    });
    for (let i = 0; i < 200; i++)
      enc.add(s, `x${i}`, [`Nombre${i}`, `Apellido${i}`, `Otro${i}`, '', '', i % 2 ? 'M' : 'F']);
    const { data } = enc.finish(false);
    const m = model();
    m.fields.push(fieldModel('sexo', 'exact', [0.98, 0.02], [0.5, 0.5], [0.5, 0.5], 'test'));
    const tables = scoreTables(m, data);
    tables.twin = { ...inferIdentityRoles(fields), cap: 2 };
    return { cmp: new Comparator(data), tables };
  }

  it('Luis and Luisa born the same day are capped like twins with other names', () => {
    const { cmp, tables } = build();
    assert.equal(tables.twin.sex, 5);
    const unguarded = { ...tables, twin: { ...tables.twin, sex: -1 } };
    assert.ok(
      scorePair(cmp, unguarded, 0, 1, Number.NEGATIVE_INFINITY) > 2,
      'without the sex rule they link',
    );
    assert.ok(scorePair(cmp, tables, 0, 1, Number.NEGATIVE_INFINITY) <= 2);
  });

  it('a name that sounds the same with another sex is a recording error too (Velkis / Belkis)', () => {
    const { cmp, tables } = build();
    assert.equal(LEVELS.name[cmp.level(0, 3, 4)], 'phonetic');
    const unguarded = { ...tables, twin: { ...tables.twin, sex: -1 } };
    const w = scorePair(cmp, tables, 3, 4, Number.NEGATIVE_INFINITY);
    assert.ok(w > 2, `not held as twins (${w})`);
    assert.equal(w, scorePair(cmp, unguarded, 3, 4, Number.NEGATIVE_INFINITY));
  });

  it('one name part of the other with another sex is a compound cut; the same words reordered stay held', () => {
    const { cmp, tables } = build();
    const unguarded = { ...tables, twin: { ...tables.twin, given: -1 } };
    const w = (x: number, y: number) => scorePair(cmp, tables, x, y, Number.NEGATIVE_INFINITY);
    const free = (x: number, y: number) => scorePair(cmp, unguarded, x, y, Number.NEGATIVE_INFINITY);
    assert.ok(free(5, 6) > 2 && w(5, 6) === free(5, 6), `Ana / Ana Rosa ${w(5, 6)}`);
    assert.ok(free(7, 8) > 2 && w(7, 8) <= 2, `José María / María José ${w(7, 8)}`);
  });

  it('names written alike with another sex: held only when they are the two forms of one name', () => {
    const { cmp, tables } = build();
    const unguarded = { ...tables, twin: { ...tables.twin, given: -1 } };
    const w = (x: number, y: number) => scorePair(cmp, tables, x, y, Number.NEGATIVE_INFINITY);
    const free = (x: number, y: number) => scorePair(cmp, unguarded, x, y, Number.NEGATIVE_INFINITY);
    assert.equal(LEVELS.name[cmp.level(0, 13, 14)], 'jaro_winkler_0.92');
    assert.ok(free(13, 14) > 2 && w(13, 14) === free(13, 14), `Belkis / Bellkis ${w(13, 14)}`);
    assert.equal(LEVELS.name[cmp.level(0, 0, 1)], 'jaro_winkler_0.92');
    assert.ok(w(0, 1) <= 2, 'Luis / Luisa');
  });

  it('same sex: a typo in the kept half is one name; one shared word of two compound names is not', () => {
    const { cmp, tables } = build();
    const unguarded = { ...tables, twin: { ...tables.twin, given: -1 } };
    const w = (x: number, y: number) => scorePair(cmp, tables, x, y, Number.NEGATIVE_INFINITY);
    const free = (x: number, y: number) => scorePair(cmp, unguarded, x, y, Number.NEGATIVE_INFINITY);
    assert.equal(LEVELS.name[cmp.level(0, 9, 10)], 'else');
    assert.ok(free(9, 10) > 2 && w(9, 10) === free(9, 10), `Luiw / Luis Jesús ${w(9, 10)}`);
    assert.equal(LEVELS.name[cmp.level(0, 11, 12)], 'else');
    assert.ok(free(11, 12) > 2 && w(11, 12) <= 2, `Carlos José / Antonio José ${w(11, 12)}`);
    assert.ok(free(15, 16) > 2 && w(15, 16) === free(15, 16), `Aha Rosa / Ana ${w(15, 16)}`);
    assert.equal(LEVELS.name[cmp.level(0, 16, 17)], 'else');
    assert.ok(free(16, 17) > 2 && w(16, 17) <= 2, `Ana / Ada ${w(16, 17)}`);
    assert.equal(LEVELS.name[cmp.level(0, 16, 18)], 'else');
    assert.ok(free(16, 18) > 2 && w(16, 18) === free(16, 18), `Ana / Aan ${w(16, 18)}`);
  });

  it('the same given name with another sex is a recording error, not a twin', () => {
    const { cmp, tables } = build();
    const unguarded = { ...tables, twin: { ...tables.twin, sex: -1 } };
    assert.equal(
      scorePair(cmp, tables, 0, 2, Number.NEGATIVE_INFINITY),
      scorePair(cmp, unguarded, 0, 2, Number.NEGATIVE_INFINITY),
    );
  });
});

describe('halves of one compound given name (compound-names.ts)', () => {
  const fields: FieldSpec[] = [...FIELDS, { column: 'sexo', type: 'exact' }];
  // Somebody in the lists is called "María del Carmen": "María" and "Carmen" can be its halves.
  const rows = [
    ['María', 'Rivas', 'Zerpa', '03/05/1990', '14567890', 'F'],
    ['Carmen', 'Rivas', 'Zerpa', '03/05/1990', '', 'F'],
    ['Carmen', 'Rivas', 'Zerpa', '03/05/1990', '14567891', 'F'],
    ['Carmen', 'Rivas', 'Zerpa', '03/05/1990', '22334455', 'F'],
    ['Rosa', 'Rivas', 'Zerpa', '03/05/1990', '', 'F'],
    ['Carmen', 'Rivas', 'Zerpa', '03/05/1990', '', 'M'],
    ['María del Carmen', 'Blanco', 'Toro', '11/11/1971', '9876543', 'F'],
  ];
  function build(extra: string[][] = []) {
    const enc = new RecordEncoder(fields);
    const s = enc.addSource('t.csv');
    [...rows, ...extra].forEach((r, i) => {
      enc.add(s, String(i), r);
    });
    for (let i = 0; i < 200; i++)
      enc.add(s, `x${i}`, [`Nombre${i}`, `Apellido${i}`, `Otro${i}`, '', '', i % 2 ? 'M' : 'F']);
    const { data } = enc.finish(false);
    const m = model();
    m.fields.push(fieldModel('sexo', 'exact', [0.98, 0.02], [0.5, 0.5], [0.5, 0.5], 'test'));
    const tables = scoreTables(m, data);
    const roles = inferIdentityRoles(fields);
    tables.twin = { ...roles, cap: 2 };
    return { cmp: new Comparator(data), tables, data, roles };
  }
  const score = (cmp: Comparator, t: ReturnType<typeof build>['tables'], a: number, b: number) =>
    scorePair(cmp, t, a, b, Number.NEGATIVE_INFINITY);

  it('finds the words of the lists’ two-word given names, particles dropped, and only those', () => {
    const { data, roles } = build([['José L.', 'Pérez', '', '', '', 'M']]);
    const words = compoundWords(data, roles.given);
    assert.equal(words.length / 2, 1, 'one pair: "María del Carmen"; an initial makes none');
    assert.ok(areHalves(data, roles.given, words, 0, 1));
    assert.ok(areHalves(data, roles.given, words, 1, 0));
    assert.ok(
      !areHalves(data, roles.given, words, 1, 4),
      '"Carmen" and "Rosa": no "Carmen Rosa" in the lists',
    );
    assert.ok(!areHalves(data, roles.given, words, 1, 2), 'the same word is not two halves');
  });

  it('an undocumented pair of halves is capped at the lifted cap, not the review cap', () => {
    const { cmp, tables, data, roles } = build();
    const held = score(cmp, tables, 0, 1);
    assert.equal(held, 2, 'without the halves rule the twin guard holds it');
    const free = score(cmp, { ...tables, twin: { ...tables.twin, given: -1 } }, 0, 1);
    assert.ok(free > 3, `the model alone would link them (${free})`);
    tables.twin.halves = { words: compoundWords(data, roles.given), cap: 3 };
    assert.equal(score(cmp, tables, 0, 1), 3, 'lifted to the halves cap');
    tables.twin.halves.cap = 10;
    assert.equal(score(cmp, tables, 0, 1), free, 'a cap above the model’s weight leaves the weight');
  });

  it('a document that disagrees, or is the next number, keeps the guard: María and Carmen may be twins', () => {
    const { cmp, tables, data, roles } = build();
    tables.twin.halves = { words: compoundWords(data, roles.given), cap: 5 };
    assert.ok(score(cmp, tables, 0, 2) <= 2, 'consecutive documents: twins registered together');
    assert.ok(score(cmp, tables, 0, 3) <= 2, 'other documents');
  });

  it('a one-edit document is a typo of the same number: the halves are lifted', () => {
    const { cmp, tables, data, roles } = build([['Carmen', 'Rivas', 'Zerpa', '03/05/1990', '14567830', 'F']]);
    tables.twin.halves = { words: compoundWords(data, roles.given), cap: 3 };
    assert.equal(LEVELS.id[cmp.level(4, 0, 7)], 'one_edit');
    assert.equal(score(cmp, tables, 0, 7), 3);
  });

  it('words that make no compound name in the lists, or another sex, keep the guard', () => {
    const { cmp, tables, data, roles } = build();
    tables.twin.halves = { words: compoundWords(data, roles.given), cap: 5 };
    const words = compoundWords(data, roles.given);
    assert.ok(!areHalves(data, roles.given, words, 0, 4));
    assert.ok(score(cmp, tables, 0, 4) <= 2, '"María" / "Rosa"');
    assert.ok(score(cmp, tables, 0, 5) <= 2, '"María" (F) / "Carmen" (M)');
  });

  it('the documented halves pairs decide: one person lifts the cap, twins keep it', () => {
    // Many documented María / Carmen pairs, same document each: the lists' halves are one person.
    const same: string[][] = [];
    const twins: string[][] = [];
    for (let k = 0; k < 60; k++) {
      const born = `${String(1 + (k % 28)).padStart(2, '0')}/0${1 + (k % 9)}/${1930 + k}`;
      same.push(['María', `Sur${k}`, 'Uno', born, String(10_000_000 + 7 * k), 'F']);
      same.push(['Carmen', `Sur${k}`, 'Uno', born, String(10_000_000 + 7 * k), 'F']);
      twins.push(['María', `Sur${k}`, 'Dos', born, String(20_000_000 + 7 * k), 'F']);
      twins.push(['Carmen', `Sur${k}`, 'Dos', born, String(20_000_000 + 7 * k + 1), 'F']);
    }
    const one = build(same);
    const g1 = compoundHalvesGuard(one.cmp, one.tables, one.roles);
    // Rows 0–2 (consecutive documents) and 0–3 (other documents) above are two people each.
    assert.equal(g1.otherPerson, 2);
    assert.ok(g1.samePerson >= 60, `one person: ${g1.samePerson}`);
    assert.ok(g1.liftedCap !== undefined && g1.liftedCap > 0.85, `cap ${g1.liftedCap}`);
    const two = build(twins);
    const g2 = compoundHalvesGuard(two.cmp, two.tables, two.roles);
    assert.ok(g2.otherPerson >= 60, `twins: ${g2.otherPerson}`);
    assert.equal(g2.liftedCap, undefined, 'twins in the documented pairs: the guard holds');
  });

  it('Wilson lower bound', () => {
    assert.equal(wilsonLower(0, 0), 0);
    assert.ok(Math.abs(wilsonLower(72, 72) - 0.9494) < 1e-3);
    assert.ok(Math.abs(wilsonLower(5, 10) - 0.2366) < 1e-3);
  });
});
