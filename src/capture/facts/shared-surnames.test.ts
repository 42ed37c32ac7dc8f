/**
 * A surname alone shared by several full names of a text: sentences written for this test (not
 * from the evaluation texts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { withSharedSurnames, withShortNames } from './shared-surnames.js';

/** The person mentions of `text`, longest names first, each written as given (value = text). */
function read(text: string, names: readonly string[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const n of [...names].sort((a, b) => b.length - a.length))
    for (const m of text.matchAll(new RegExp(`(?<!\\p{L})${n}(?!\\p{L})`, 'gu')))
      if (!out.some((o) => o.start <= m.index && m.index < o.end))
        out.push({ kind: 'person', start: m.index, end: m.index + n.length, text: n, value: n });
  return out.sort((a, b) => a.start - b.start);
}
/** `ms` with the mentions written `name` read as a list cell's name (table-names.ts). */
const asCell = (ms: EntityMention[], ...names: string[]) =>
  ms.map((m) => (names.includes(m.text) ? { ...m, rule: 'table-name' } : m));
const valuesOf = (ms: readonly EntityMention[], text: string) =>
  ms.filter((m) => m.text === text).map((m) => m.value);

describe('a surname alone shared by several full names', () => {
  it('is the person a page opens with', () => {
    const text =
      'Kofi Adjei Boateng\n\nKofi Adjei Boateng was a teacher. His wife Ama Boateng and his son Yaw Boateng fled. Boateng was detained in 2019.';
    const ms = withSharedSurnames(
      text,
      read(text, ['Kofi Adjei Boateng', 'Ama Boateng', 'Yaw Boateng', 'Boateng']),
    );
    assert.deepEqual(valuesOf(ms, 'Boateng'), ['Kofi Adjei Boateng']);
  });
  it('is the person named first when that one is also named last before it', () => {
    const text =
      'The court heard Lidia Ferreyra Ocampo. Her brother Tomás Ferreyra testified. Lidia Ferreyra Ocampo confirmed it; Ferreyra said she was beaten.';
    const ms = withSharedSurnames(text, read(text, ['Lidia Ferreyra Ocampo', 'Tomás Ferreyra', 'Ferreyra']));
    assert.deepEqual(valuesOf(ms, 'Ferreyra'), ['Lidia Ferreyra Ocampo']);
  });
  it('stays apart when the first and the last named before it differ (two relatives)', () => {
    const text = 'Marta Quiroga and José Quiroga were taken. Quiroga was released the next day.';
    const ms = withSharedSurnames(text, read(text, ['Marta Quiroga', 'José Quiroga', 'Quiroga']));
    assert.deepEqual(valuesOf(ms, 'Quiroga'), ['Quiroga']);
  });
  it('a form of address counts only the bearers whose given name fits its sex', () => {
    const text = 'Statement on Samuel Otieno Mwangi. His wife Grace Mwangi spoke. Mrs Mwangi asked for news.';
    const ms = withSharedSurnames(text, read(text, ['Samuel Otieno Mwangi', 'Grace Mwangi', 'Mrs Mwangi']));
    assert.deepEqual(valuesOf(ms, 'Mrs Mwangi'), ['Mrs Mwangi']);
  });
  it('a married form is no bearer of the husband’s surname', () => {
    const text =
      'Ramón Ibarra was arrested. His wife Elena Soto de Ibarra searched for him. Ibarra never came back.';
    const ms = withSharedSurnames(text, read(text, ['Ramón Ibarra', 'Elena Soto de Ibarra', 'Ibarra']));
    // One bearer only: left to the passes that tie a surname to the one full name holding it.
    assert.deepEqual(valuesOf(ms, 'Ibarra'), ['Ibarra']);
  });
  it('only a surname alone: a given name and a full name keep their values', () => {
    const text = 'Ana Ruiz Vega and Luis Ruiz were named. Ana spoke first.';
    const ms = withSharedSurnames(text, read(text, ['Ana Ruiz Vega', 'Luis Ruiz', 'Ana']));
    assert.deepEqual(
      ms.map((m) => m.value),
      ['Ana Ruiz Vega', 'Luis Ruiz', 'Ana'],
    );
  });
});

describe('a shorter name of several words', () => {
  it('is the one longer name of a list cell that opens with its words', () => {
    const text = 'Dayron Leyva Castro | 31 | Banes\nLa madre de Dayron Leyva pide su liberación.';
    const ms = withShortNames(
      text,
      asCell(read(text, ['Dayron Leyva Castro', 'Dayron Leyva']), 'Dayron Leyva Castro'),
    );
    assert.deepEqual(valuesOf(ms, 'Dayron Leyva'), ['Dayron Leyva Castro']);
  });
  it('not a longer name read outside a list cell (the tagger’s stage ties those)', () => {
    const text = 'Dayron Leyva Castro fue detenido. La madre de Dayron Leyva pide su liberación.';
    const ms = withShortNames(text, read(text, ['Dayron Leyva Castro', 'Dayron Leyva']));
    assert.deepEqual(valuesOf(ms, 'Dayron Leyva'), ['Dayron Leyva']);
  });
  it('stays apart when two longer names hold its words', () => {
    const text = 'Omar Salas Pinto y Omar Salas Ruiz, primos. Omar Salas declaró.';
    const ms = withShortNames(
      text,
      asCell(
        read(text, ['Omar Salas Pinto', 'Omar Salas Ruiz', 'Omar Salas']),
        'Omar Salas Pinto',
        'Omar Salas Ruiz',
      ),
    );
    assert.deepEqual(valuesOf(ms, 'Omar Salas'), ['Omar Salas']);
  });
  it('not a name that skips a word of the longer one (a father and his son)', () => {
    const text = 'Hernán Darío Ochoa Pardo desapareció. Su padre, Hernán Ochoa, lo buscó.';
    const ms = withShortNames(
      text,
      asCell(read(text, ['Hernán Darío Ochoa Pardo', 'Hernán Ochoa']), 'Hernán Darío Ochoa Pardo'),
    );
    assert.deepEqual(valuesOf(ms, 'Hernán Ochoa'), ['Hernán Ochoa']);
  });
  it('not a relative named after a kinship noun (a namesake parent)', () => {
    const text = 'Julián Castro Vélez (menor) | 15\n- El padre, Julián Castro, pidió su liberación.';
    const ms = withShortNames(
      text,
      asCell(read(text, ['Julián Castro Vélez', 'Julián Castro']), 'Julián Castro Vélez'),
    );
    assert.deepEqual(valuesOf(ms, 'Julián Castro'), ['Julián Castro']);
  });
});
