import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handModel } from '../test-support/link-model.js';
import { cluster } from './cluster.js';
import { Comparator, LEVELS, scorePair } from './compare.js';
import { RecordEncoder } from './encode.js';
import { fieldModel, scoreTables } from './model.js';
import type { FieldSpec } from './types.js';

const FIELDS: FieldSpec[] = [
  { column: 'given', type: 'name' },
  { column: 's1', type: 'name' },
  { column: 's2', type: 'name' },
  { column: 'birth', type: 'date' },
  { column: 'doc', type: 'id' },
  { column: 'state', type: 'place' },
  { column: 'sex', type: 'exact' },
];

/** Encodes rows (cells aligned with FIELDS) and returns a function naming the level of each field. */
function levels(rows: string[][]) {
  const enc = new RecordEncoder(FIELDS);
  const s = enc.addSource('t.csv');
  rows.forEach((r, i) => {
    enc.add(s, String(i), r);
  });
  const data = enc.finish(false);
  const cmp = new Comparator(data.data);
  return (a: number, b: number, column: string) => {
    const f = FIELDS.findIndex((x) => x.column === column);
    const l = cmp.level(f, a, b);
    return l === LEVELS[FIELDS[f]!.type].length ? 'missing' : LEVELS[FIELDS[f]!.type][l];
  };
}

describe('comparison levels', () => {
  it('an initial agrees with any word of its letter (token subset), not with another letter', () => {
    const lv = levels([
      ['J.', 'Pérez', '', '', '', '', ''],
      ['José', 'Pérez', '', '', '', '', ''],
      ['José L.', 'Pérez', '', '', '', '', ''],
      ['José Luis', 'Pérez', '', '', '', '', ''],
      ['M.', 'Pérez', '', '', '', '', ''],
    ]);
    assert.equal(lv(0, 1, 'given'), 'token_subset');
    assert.ok(['token_subset', 'jaro_winkler_0.92'].includes(lv(2, 3, 'given')!));
    assert.equal(lv(4, 1, 'given'), 'else');
  });

  it('grades names: exact, phonetic, Jaro–Winkler bands, token subset, swapped surnames', () => {
    const lv = levels([
      ['María José', 'Pérez', 'Rodríguez', '', '', '', ''],
      ['MARIA JOSE', 'Peres', 'Rodrigues', '', '', '', ''],
      ['María', 'Rodríguez', 'Pérez', '', '', '', ''],
      ['Mariela', 'Pereira', '', '', '', '', ''],
      ['Yndira', 'Pérez', 'X', '', '', '', ''],
      ['Indira', 'Pérez', 'N/A', '', '', '', ''],
    ]);
    assert.equal(lv(0, 1, 'given'), 'exact');
    assert.equal(lv(0, 1, 's1'), 'phonetic');
    assert.equal(lv(0, 2, 'given'), 'token_subset');
    assert.equal(lv(0, 2, 's1'), 'swapped_with_other_name');
    assert.equal(lv(0, 2, 's2'), 'swapped_with_other_name');
    assert.equal(lv(0, 3, 's1'), 'jaro_winkler_0.80');
    assert.equal(lv(4, 5, 'given'), 'phonetic');
    assert.equal(lv(0, 3, 's2'), 'missing');
    assert.equal(lv(4, 5, 's2'), 'missing', 'placeholders never agree');
  });

  it('a swap is two name columns the other way round, or a name standing in the missing other one', () => {
    const lv = levels([
      ['Ana', 'Rodríguez', 'González', '', '', '', ''],
      ['ana', 'gonzalez', 'rodrigues', '', '', '', ''],
      ['Ana', 'González', '', '', '', '', ''],
      ['Ana', 'González', 'Pérez', '', '', '', ''],
      ['Rodríguez', 'Ana', 'González', '', '', '', ''],
    ]);
    assert.equal(lv(0, 1, 's1'), 'swapped_with_other_name');
    assert.equal(lv(0, 1, 's2'), 'swapped_with_other_name');
    // b has one surname, a's second.
    assert.equal(lv(0, 2, 's1'), 'swapped_with_other_name');
    // Cousins: one surname in common, in the other position, both full — not a swap.
    assert.equal(lv(0, 3, 's1'), 'else');
    // Given name and first surname the other way round.
    assert.equal(lv(0, 4, 'given'), 'swapped_with_other_name');
    assert.equal(lv(0, 4, 's1'), 'swapped_with_other_name');
    // Given name and second surname are not swap partners.
    const lv2 = levels([
      ['Ana', 'Pérez', 'Luisa', '', '', '', ''],
      ['Luisa', 'Pérez', 'Ana', '', '', '', ''],
    ]);
    assert.equal(lv2(0, 1, 'given'), 'else');
  });

  it('grades dates: typos and day–month swaps, partial dates, distance bands', () => {
    const row = (d: string) => ['', '', '', d, '', '', ''];
    const lv = levels([
      row('1985-05-03'),
      row('03/05/1985'),
      row('1985-03-05'),
      row('1985-05-10'),
      row('05/1985'),
      row('1985-06-20'),
      row('1990'),
      row(''),
      row('1985-05-13'),
    ]);
    assert.equal(lv(0, 1, 'birth'), 'exact');
    assert.equal(lv(0, 2, 'birth'), 'typo_or_day_month_swap');
    assert.equal(lv(0, 8, 'birth'), 'typo_or_day_month_swap', 'one digit differs');
    assert.equal(lv(0, 3, 'birth'), 'within_7_days');
    assert.equal(lv(0, 4, 'birth'), 'partial_consistent');
    assert.equal(lv(0, 5, 'birth'), 'within_60_days');
    assert.equal(lv(0, 6, 'birth'), 'else');
    assert.equal(lv(0, 7, 'birth'), 'missing');
  });

  it('grades ids by edits after normalisation, and places through the gazetteer', () => {
    const row = (doc: string, state: string) => ['', '', '', '', doc, state, ''];
    const lv = levels([
      row('V-12.345.678', 'Caracas'),
      row('12345678', 'Distrito Capital'),
      row('12345687', 'Miranda'),
      row('12354768', 'Mirand'),
      row('S/N', ''),
    ]);
    assert.equal(lv(0, 1, 'doc'), 'exact');
    assert.equal(lv(0, 1, 'state'), 'exact');
    assert.equal(lv(0, 2, 'doc'), 'one_edit');
    assert.equal(lv(0, 3, 'doc'), 'two_edits');
    assert.equal(lv(2, 3, 'state'), 'jaro_winkler_0.90');
    assert.equal(lv(0, 4, 'doc'), 'missing');
  });
});

describe('term frequency', () => {
  it('a shared common surname is weaker evidence than a shared rare one', () => {
    const specs: FieldSpec[] = [{ column: 's1', type: 'name' }];
    const enc = new RecordEncoder(specs);
    const s = enc.addSource('t.csv');
    for (let i = 0; i < 200; i++) enc.add(s, `g${i}`, ['González']);
    enc.add(s, 'z1', ['Zambrano']);
    enc.add(s, 'z2', ['Zambrano']);
    for (let i = 0; i < 98; i++) enc.add(s, `o${i}`, [`Apellido${String.fromCharCode(97 + (i % 26))}${i}`]);
    const { data } = enc.finish(false);
    const model = handModel(
      [
        fieldModel(
          's1',
          'name',
          [0.8, 0.05, 0.05, 0.03, 0.02, 0.03, 0.02],
          [0.02, 0.01, 0.05, 0.01, 0.01, 0.1, 0.8],
          [0.5, 0.05, 0.05, 0.1, 0.05, 0.05, 0.2],
          'test',
        ),
      ],
      { priorRelated: 1e-4 },
    );
    const tables = scoreTables(model, data);
    const cmp = new Comparator(data);
    const common = scorePair(cmp, tables, 0, 1, Number.NEGATIVE_INFINITY);
    const rare = scorePair(cmp, tables, 200, 201, Number.NEGATIVE_INFINITY);
    assert.ok(
      rare > common + 3,
      `rare ${rare.toFixed(2)} should exceed common ${common.toFixed(2)} by > 3 bits`,
    );
  });
});

describe('clustering', () => {
  // Weights between five records: 0~1~2~3 each strongly linked in a chain, 0 and 3 clearly different.
  const W = new Map<string, number>([
    ['0,1', 20],
    ['1,2', 18],
    ['2,3', 16],
    ['0,2', 5],
    ['1,3', 4],
    ['0,3', -30],
  ]);
  const weightOf = (a: number, b: number) => W.get(`${Math.min(a, b)},${Math.max(a, b)}`) ?? -40;
  const pairs = () => {
    const keys = [...W.keys()];
    return {
      a: Int32Array.from(keys.map((k) => Number(k.split(',')[0]))),
      b: Int32Array.from(keys.map((k) => Number(k.split(',')[1]))),
      w: Float32Array.from(keys.map((k) => W.get(k)!)),
    };
  };
  const base = { n: 5, thresholdWeight: Math.log2(9), chainMargin: 12, maxClusterSize: 50, weightOf };

  it('does not let a chain of links merge records a direct comparison separates', () => {
    const c = cluster(pairs(), base);
    assert.notEqual(c.clusterOf[0], c.clusterOf[3]);
    assert.equal(c.clusterOf[0], c.clusterOf[1]);
    assert.ok(c.refused.some((r) => r.reason === 'chain'));
    assert.equal(c.clusters, 3, 'records 4 stays alone');
  });

  it('without the guard the chain would merge them (the guard is what separates)', () => {
    const c = cluster(pairs(), { ...base, chainMargin: 1000 });
    assert.equal(c.clusterOf[0], c.clusterOf[3]);
  });

  it('honours must-link and cannot-link decisions', () => {
    const c = cluster(pairs(), { ...base, mustLink: [[3, 4]], cannotLink: [[0, 1]] });
    assert.notEqual(c.clusterOf[0], c.clusterOf[1]);
    assert.equal(c.clusterOf[3], c.clusterOf[4]);
    assert.ok(c.refused.some((r) => r.reason === 'decision'));
  });

  it('caps cluster size', () => {
    const c = cluster(pairs(), { ...base, chainMargin: 1000, maxClusterSize: 2 });
    assert.equal(c.largest, 2);
    assert.ok(c.refused.some((r) => r.reason === 'size'));
  });

  it('rejects decisions that contradict each other', () => {
    assert.throws(
      () => cluster(pairs(), { ...base, mustLink: [[0, 1]], cannotLink: [[0, 1]] }),
      /contradict|both/i,
    );
  });
});
