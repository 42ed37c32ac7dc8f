import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handModel } from '../test-support/link-model.js';
import { Comparator, scorePair } from './compare.js';
import { RecordEncoder } from './encode.js';
import { jointNameBits } from './joint-names.js';
import { fieldModel, type LinkModel, scoreTables } from './model.js';
import type { FieldSpec } from './types.js';

const FIELDS: FieldSpec[] = [
  { column: 'nombres', type: 'name' },
  { column: 'primer_apellido', type: 'name' },
  { column: 'estado', type: 'place' },
];

function model(): LinkModel {
  const name = (c: string) =>
    fieldModel(
      c,
      'name',
      [0.85, 0.04, 0.04, 0.03, 0.01, 0.02, 0.01],
      [0.01, 0.005, 0.01, 0.005, 0.005, 0.1, 0.865],
      [0.01, 0.005, 0.01, 0.005, 0.005, 0.1, 0.865],
      'test',
    );
  return handModel([
    name('nombres'),
    name('primer_apellido'),
    fieldModel('estado', 'place', [0.95, 0.03], [0.05, 0.01], [0.05, 0.01], 'test'),
  ]);
}

/**
 * 40 people called "José Rodríguez" (the two always together) against "Pedro" and "Gómez", each
 * as common but never together except in the last two records: per field, both names are equally
 * common; only their joint frequency differs.
 */
function setup() {
  const enc = new RecordEncoder(FIELDS);
  const s = enc.addSource('a.csv');
  const t = enc.addSource('b.csv');
  for (let i = 0; i < 40; i++) enc.add(s, `jr${i}`, ['José', 'Rodríguez', 'Zulia']);
  for (let i = 0; i < 40; i++) enc.add(s, `p${i}`, ['Pedro', `Apellido${i}`, 'Zulia']);
  for (let i = 0; i < 40; i++) enc.add(s, `g${i}`, [`Nombre${i}`, 'Gómez', 'Zulia']);
  for (let i = 0; i < 300; i++) enc.add(s, `x${i}`, [`Otro${i}`, `Distinto${i}`, 'Lara']);
  enc.add(t, 'pg1', ['Pedro', 'Gómez', 'Zulia']);
  enc.add(t, 'pg2', ['Pedro', 'Gómez', 'Zulia']);
  const { data } = enc.finish(false);
  return { data, cmp: new Comparator(data), tables: scoreTables(model(), data) };
}

describe('given name and surname by their joint frequency', () => {
  it('a pair sharing a name that is common as a whole weighs less than one whose parts are merely common', () => {
    const { data, cmp, tables } = setup();
    const n = data.n;
    const joseRodriguez = scorePair(cmp, tables, 0, 1, Number.NEGATIVE_INFINITY);
    const pedroGomez = scorePair(cmp, tables, n - 2, n - 1, Number.NEGATIVE_INFINITY);
    // Per field the two pairs are alike (40 Josés, 40 Rodríguez; 41 Pedros, 41 Gómez); 40 people
    // share "José Rodríguez", so agreeing on it is log2(40·40/420 / 38) ≈ −3.3 bits weaker.
    assert.ok(
      pedroGomez - joseRodriguez > 3,
      `José Rodríguez ${joseRodriguez.toFixed(2)} vs Pedro Gómez ${pedroGomez.toFixed(2)}`,
    );
  });

  it('names that are rare together get no bonus and no penalty from their own records', () => {
    const { data } = setup();
    const bits = jointNameBits(data, 0, 1, 1e-6, 1e-6)!;
    assert.equal(bits[data.n - 1], 0);
    assert.equal(bits[130], 0);
    assert.ok(bits[0]! < -3);
  });
});
