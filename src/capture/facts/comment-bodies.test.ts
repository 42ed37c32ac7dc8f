/**
 * A comment's short form of a body the page names (comment-bodies.ts): names written for this test in
 * the shapes of the development pages (news comments, petitions with comments), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tieCommentBodies } from './comment-bodies.js';

const org = (value: string, ...forms: string[]) => ({
  kind: 'organization',
  text: value,
  value,
  mentions: [value, ...forms].map((text) => ({ text })),
});
/** The comments' organization values once tied to the article's. */
const tied = (article: ReturnType<typeof org>[], ...comments: string[]) => {
  const facts = comments.map((c) => [org(c)]);
  tieCommentBodies(article, facts);
  return facts.map((f) => f[0]!.value);
};

describe('a comment naming a page body by another form', () => {
  it('ties a bare acronym to the one body whose initials it is', () => {
    assert.deepEqual(tied([org('Northern Regional Police'), org('Lakeside Archive')], 'NRP'), [
      'Northern Regional Police',
    ]);
  });
  it('leaves an acronym two bodies share', () => {
    assert.deepEqual(tied([org('National Rescue Party'), org('Northern Regional Police')], 'NRP'), ['NRP']);
  });
  it('ties a form the article wrote for a body', () => {
    assert.deepEqual(tied([org('Secretaría de Asuntos Agrarios (Seaga)', 'Seaga')], 'Seaga'), [
      'Secretaría de Asuntos Agrarios (Seaga)',
    ]);
  });
  it('ties the first words of one longer name', () => {
    assert.deepEqual(
      tied([org('Comisión de Búsqueda de Personas del Estado de Colima')], 'Comisión de Búsqueda'),
      ['Comisión de Búsqueda de Personas del Estado de Colima'],
    );
    assert.deepEqual(tied([org('Golden Banana Company')], 'Golden Banana'), ['Golden Banana Company']);
    assert.deepEqual(
      tied(
        [org('Ministerio de Asuntos Exteriores, Unión Europea y Cooperación')],
        'Ministerio de Asuntos Exteriores',
      ),
      ['Ministerio de Asuntos Exteriores, Unión Europea y Cooperación'],
    );
  });
  it('leaves a short form two longer names open', () => {
    assert.deepEqual(
      tied([org('Asamblea Nacional del Ecuador'), org('Asamblea Nacional de Bolivia')], 'Asamblea Nacional'),
      ['Asamblea Nacional'],
    );
  });
  it('leaves a body named as the owner at the end of another name', () => {
    assert.deepEqual(
      tied([org('Departamento de Criminalística de la Policía Nacional')], 'Policía Nacional'),
      ['Policía Nacional'],
    );
  });
  it('leaves a comment body the article also names by that value', () => {
    const article = [org('Human Rights Watch'), org('Watch Committee')];
    assert.deepEqual(tied(article, 'Human Rights Watch'), ['Human Rights Watch']);
  });
});
