/** A day number alone after an article, in the month of the day named before it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('"el 8", "del 6": a bare day in the month of the day before it', () => {
  it('after a story day, a letter date or a chat stamp', () => {
    const v = values(
      'Nos sacaron de Tapachula el 4 de mayo de 2003 y llegamos a Arriaga el 9.',
      '2025-06-01',
    );
    assert.ok(v.includes('2003-05-09'), v.join(' '));
    const w = values(
      'La Paz, martes 18 de junio de 1985\n\nQuerida Ana:\nGracias por la visita del 9. Te extraño.',
      '1985-06-18',
    );
    assert.ok(w.includes('1985-06-09'), w.join(' '));
    const x = values(
      'Desde el 2 de marzo de 2021 no hay luz; los técnicos vinieron el 5 y el 6 con la fiscal.',
      '2025-01-10',
    );
    assert.ok(x.includes('2021-03-05') && x.includes('2021-03-06'), x.join(' '));
  });
  it('not an ordinal, a house number, a share, nor without a day before', () => {
    const v = values(
      'El 3 de abril de 2014 los soldados del 1.er Batallón y del 11.º Regimiento entraron.',
      '2025-01-10',
    );
    assert.ok(!v.includes('2014-04-01') && !v.includes('2014-04-11'), v.join(' '));
    const w = values(
      'El 3 de abril de 2014 vivía en el 12 de la calle Sucre; ganó el 80 por ciento.',
      '2025-01-10',
    );
    assert.ok(!w.includes('2014-04-12') && !w.includes('2014-04-30'), w.join(' '));
    assert.deepEqual(values('Llegamos a Arriaga el 9.', '2025-06-01'), []);
  });
});
