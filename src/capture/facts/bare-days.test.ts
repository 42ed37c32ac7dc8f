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
  it('"el día 11": in the month named nearest before it, a month with its year too', () => {
    const v = values(
      'Hubo muertos el 8 y el 9 de septiembre. Uno murió en el hospital el día 11, solo.',
      '2025-10-04',
    );
    assert.ok(v.includes('2025-09-11'), v.join(' '));
    const w = values('Eso cambió en mayo de 2024: el día 18, la policía entró en el barrio.', '2025-10-04');
    assert.ok(w.includes('2024-05-18'), w.join(' '));
  });
  it('not after "ayer" or a month without its year, and not before its month', () => {
    assert.deepEqual(
      values('En marzo y abril hubo emboscadas. Lo levantaron el día 21 en la noche.', '2026-05-22'),
      ['2026-03', '2026-04'],
    );
    assert.deepEqual(values('Ayer vino. Se fue el día 5.', '2025-10-04'), ['2025-10-03']);
    assert.deepEqual(values('Se fue el día 3 de marzo de 2020.', '2025-10-04'), ['2020-03-03']);
  });
});
