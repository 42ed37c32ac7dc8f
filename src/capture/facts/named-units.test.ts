/**
 * Armed units named after a person with a lower-case unit word (named-units.ts): sentences written for this
 * test in the shapes of the development texts (NGO reports, table rows, petitions), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { withNamedUnits } from './named-units.js';

const mention = (text: string, kind: EntityMention['kind'], name: string, value = name): EntityMention => {
  const start = text.indexOf(name);
  return { kind, start, end: start + name.length, text: name, value };
};
const shown = (ms: EntityMention[]) => ms.map((m) => [m.kind, m.text, m.value]);

describe('a unit named after a person', () => {
  it('reads a Spanish columna or frente and its name as one body, in text order', () => {
    const text =
      'Los ataques se atribuyen al frente Rodrigo Lozada y a la columna móvil Ernesto Gil, dijo la ONU.';
    const onu = mention(text, 'organization', 'ONU');
    assert.deepEqual(shown(withNamedUnits(text, [mention(text, 'person', 'Rodrigo Lozada'), onu])), [
      ['organization', 'frente Rodrigo Lozada', 'frente Rodrigo Lozada'],
      ['organization', 'columna móvil Ernesto Gil', 'columna móvil Ernesto Gil'],
      ['organization', 'ONU', 'ONU'],
    ]);
  });

  it('reads a unit opening a table cell and gives its later short forms the first value', () => {
    const text =
      '02/03/2024 | Caldono | Bus retenido | columna móvil Ernesto Gil\nhombres de la columna Ernesto Gil';
    assert.deepEqual(
      shown(withNamedUnits(text, [])).map((m) => m[2]),
      ['columna móvil Ernesto Gil', 'columna móvil Ernesto Gil'],
    );
  });

  it('reads an English mobile column and ties the bare name the text reads as a body to it', () => {
    const text = 'Families blame the Ernesto Gil mobile column. Ernesto Gil controls the river.';
    const at = text.lastIndexOf('Ernesto Gil');
    const bare: EntityMention = {
      kind: 'organization',
      start: at,
      end: at + 11,
      text: 'Ernesto Gil',
      value: 'Ernesto Gil',
    };
    assert.deepEqual(shown(withNamedUnits(text, [bare])), [
      ['organization', 'Ernesto Gil mobile column', 'Ernesto Gil mobile column'],
      ['organization', 'Ernesto Gil', 'Ernesto Gil mobile column'],
    ]);
  });

  it('leaves the preposition "frente a", prison blocks, sheet columns and capitalised fronts to the rules', () => {
    for (const text of [
      'Hicieron un plantón frente a la Fiscalía.',
      'Lo aislaron en el bloque H4 del penal.',
      'See the Status column for each case.',
      'Votó por el Frente Amplio en 2019.',
    ])
      assert.deepEqual(withNamedUnits(text, []), []);
  });
});
