/**
 * A body named by its remits, a comma list (portfolio-names.ts): sentences written for this test in the
 * shapes of the development texts (petitions' addressee lines, rulings, government statements), not
 * taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFacts, ruleEntities } from './index.js';
import { remitListEnd } from './portfolio-names.js';

const orgs = (text: string) =>
  ruleEntities(text, { reference: '2025-06-01' })
    .entities.filter((e) => e.kind === 'organization')
    .map((e) => e.text);
const runsTo = (text: string, name: string) => {
  const start = text.indexOf(name);
  const end = remitListEnd(text, { end: start + name.length, text: name });
  return end === undefined ? undefined : text.slice(start, end);
};

describe('bodies named by their remits', () => {
  it('runs a ministry over its comma list of remits', () => {
    const t = 'Dirigida a: Ministerio de Cultura, Deporte y Turismo; Parlamento de Aragón';
    assert.equal(runsTo(t, 'Ministerio de Cultura'), 'Ministerio de Cultura, Deporte y Turismo');
    assert.equal(
      runsTo('The Ministry of Lands, Water and Rural Affairs said on Monday', 'Ministry of Lands'),
      'Ministry of Lands, Water and Rural Affairs',
    );
  });

  it('takes remits written with articles and small words', () => {
    const t =
      'La Comisión para la Memoria, el Diálogo Social y la Reparación a las Víctimas publicó su informe.';
    assert.equal(
      runsTo(t, 'Comisión para la Memoria'),
      'Comisión para la Memoria, el Diálogo Social y la Reparación a las Víctimas',
    );
  });

  it('drops the bodies the rules read among the remits', () => {
    const found = orgs('Escribimos al Ministerio de Asuntos Exteriores, Unión Europea y Cooperación ayer.');
    assert.deepEqual(found, ['Ministerio de Asuntos Exteriores, Unión Europea y Cooperación']);
  });

  it('leaves a list of bodies apart', () => {
    assert.equal(
      runsTo('Firmaron el Ministerio de Salud, Cruz Roja y Policía Nacional.', 'Ministerio de Salud'),
      undefined,
    );
    assert.equal(
      runsTo(
        'al Ministerio de Justicia, Dirección General de Registros de Personas y Archivo',
        'Ministerio de Justicia',
      ),
      undefined,
    );
  });

  it('needs a remit in the name itself and "y"/"and" closing the list', () => {
    assert.equal(runsTo('la Cancillería, Unión Europea y Cooperación', 'Cancillería'), undefined);
    assert.equal(runsTo('el Ministerio de Salud, dijo Pérez', 'Ministerio de Salud'), undefined);
  });

  it('leaves names of persons after a court and its town', () => {
    const found = orgs(
      'Before the Court of Bamako Sekou Diarra, Moussa Traoré, Ali Keita and Issa Coulibaly stood.',
    );
    assert.ok(!found.some((o) => o.includes('Issa')));
  });

  it('makes the name cut at its first remit, written elsewhere, the same body', () => {
    const facts = extractFacts(
      'Escribimos al Ministerio de Cultura, Deporte y Turismo. Días después, el Ministerio de Cultura contestó.',
      { reference: '2025-06-01' },
    ).filter((f) => f.kind === 'organization');
    assert.deepEqual(
      facts.map((f) => f.mentions?.length),
      [2],
    );
  });
});
