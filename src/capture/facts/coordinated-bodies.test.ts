/**
 * Two bodies joined by "and" / "y" in one mention (coordinated-bodies.ts): phrases written for this test in
 * the shapes of the development texts (lists of outlets, comments, cables), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withCoordinatedBodies } from './coordinated-bodies.js';
import type { EntityMention } from './entities.js';

const cut = (text: string, kind: EntityMention['kind'] = 'organization') =>
  withCoordinatedBodies([{ kind, start: 10, end: 10 + text.length, text, value: text }]).map((m) => [
    m.text,
    m.start,
    m.value,
  ]);

describe('two bodies joined by a conjunction', () => {
  it('cuts two outlets or bodies each whole by its form', () => {
    assert.deepEqual(cut('KTN and Nation Radio'), [
      ['KTN', 10, 'KTN'],
      ['Nation Radio', 18, 'Nation Radio'],
    ]);
    assert.deepEqual(cut('Radio Libertad y Diario.net'), [
      ['Radio Libertad', 10, 'Radio Libertad'],
      ['Diario.net', 27, 'Diario.net'],
    ]);
  });

  it('cuts a second body after "y de la" / "y del"', () => {
    assert.deepEqual(cut('Ministerio de Defensa y de la Comandancia General de Cádiz'), [
      ['Ministerio de Defensa', 10, 'Ministerio de Defensa'],
      ['Comandancia General de Cádiz', 40, 'Comandancia General de Cádiz'],
    ]);
  });

  it("keeps a name's own conjunction", () => {
    for (const name of [
      'Truth and Reconciliation Commission',
      'Ministerio de Justicia y Derechos Humanos',
      'Comisión Africana de Derechos Humanos y de los Pueblos',
      'Instituto de Estudios Andinos y de las Culturas Amazónicas',
      'Centro por la Justicia y el Derecho Internacional',
      'Dirección de Información y Divulgación del Ejército',
      'Jammu and Kashmir Police',
      'Radio Fe y Alegría',
      'Ministry of Justice and Public Security',
      'Fire Service and Civil Defence',
    ])
      assert.deepEqual(cut(name), [[name, 10, name]]);
  });

  it('leaves lists with commas and other kinds alone', () => {
    assert.deepEqual(cut('Ministerio de Asuntos Exteriores, Unión Europea y Cooperación').length, 1);
    assert.deepEqual(cut('KTN and Nation Radio', 'place'), [
      ['KTN and Nation Radio', 10, 'KTN and Nation Radio'],
    ]);
  });
});
