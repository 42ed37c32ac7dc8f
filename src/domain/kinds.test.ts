/**
 * Every kind has every part of its specification (KindSpec), and each part names what the kind's
 * schema really has: a field that is sealed, identifying, indexed or sorted on but not in the body
 * would silently seal, withhold, index or order nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { KIND_NAMES, KINDS, type KindSpec } from './kinds.js';

/** The parts of KindSpec; a new part goes here and into every kind. */
const PARTS: readonly (keyof KindSpec)[] = [
  'name',
  'table',
  'prefix',
  'schema',
  'refs',
  'columns',
  'sealed',
  'identifying',
  'sortKey',
  'searchable',
  'writeAction',
  'read',
];

const fieldsOf = (schema: z.ZodType) => Object.keys((schema as unknown as { shape: object }).shape);

describe('the kind registry', () => {
  it('every kind states every part (null or [] where the kind has none)', () => {
    const missing = KIND_NAMES.flatMap((k) =>
      PARTS.filter((p) => (KINDS[k] as Record<string, unknown>)[p] === undefined).map((p) => `${k}.${p}`),
    );
    assert.deepEqual(missing, []);
  });

  it('sealed, identifying and indexed fields are fields of the kind’s body', () => {
    const wrong: string[] = [];
    for (const k of KIND_NAMES) {
      const spec: KindSpec = KINDS[k];
      const fields = new Set(fieldsOf(spec.schema));
      for (const [part, list] of [
        ['sealed', spec.sealed?.fields ?? []],
        ['identifying', spec.identifying],
        ['columns', spec.columns],
      ] as const)
        for (const f of list) if (!fields.has(f)) wrong.push(`${k}.${part}: ${f}`);
      if (spec.sealed?.unlessPublic && !fields.has('protection'))
        wrong.push(`${k}.sealed: no protection field`);
    }
    assert.deepEqual(wrong, []);
  });

  it('a kind that seals or identifies has a read gate, and its withheld view names real fields', () => {
    const wrong: string[] = [];
    for (const k of KIND_NAMES) {
      const spec: KindSpec = KINDS[k];
      const { read } = spec;
      if ((spec.identifying.length > 0 || spec.sealed) && read.gate === 'open')
        wrong.push(`${k}: identifying or sealed fields, but every member reads it in full`);
      const fields = new Set(fieldsOf(spec.schema));
      for (const [part, list] of [
        ['keep', read.keep ?? []],
        ['mask', read.mask],
        ['maskIfSet', read.maskIfSet],
        ['drop', read.drop],
      ] as const)
        for (const f of list) if (!fields.has(f)) wrong.push(`${k}.read.${part}: ${f}`);
      if (read.pseudonym && read.pseudonym.field !== 'displayName' && !fields.has(read.pseudonym.field))
        wrong.push(`${k}.read.pseudonym: ${read.pseudonym.field}`);
      // A kept field that identifies would undo the withholding.
      for (const f of read.keep ?? [])
        if (spec.identifying.includes(f)) wrong.push(`${k}.read.keep: ${f} identifies`);
    }
    assert.deepEqual(wrong, []);
  });

  it('names, tables and id prefixes are unique; sort keys and write actions are what the store and policy expect', () => {
    for (const part of ['name', 'table', 'prefix'] as const)
      assert.equal(new Set(KIND_NAMES.map((k) => KINDS[k][part])).size, KIND_NAMES.length, part);
    for (const k of KIND_NAMES) {
      const spec: KindSpec = KINDS[k];
      assert.equal(spec.sortKey({}), null, `${k}: an empty body has no sort key`);
      assert.ok([null, 'write', 'analyse'].includes(spec.writeAction), k);
    }
    assert.equal(KINDS.person.sortKey({ givenNames: 'Ána', firstSurname: 'Pérez' }), 'perez  ana');
    assert.equal(KINDS.event.sortKey({ date: { precision: 'day', value: '2017-05-03' } }), '2017-05-03');
  });
});
