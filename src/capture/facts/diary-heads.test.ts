/** A diary's yearless entry heads: what each entry says relative to a day counts from its head. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { hasEntryHeads, isEntryHead } from './diary-heads.js';

const values = (text: string, ref: string, undated = false) =>
  findDates(text, ref, undated).map((d) => d.value);

describe('diary entry heads without their year', () => {
  const diary =
    'Cuaderno de campo, Tumaco\n\nViernes 6 de mayo de 2011\nLlegamos al puerto. Hoy no hubo lancha.\n\nDomingo 8\nMisa en la vereda.\n\nMartes 2 de agosto\nAnoche se oyeron tiros en el estero. El jueves llega la comisión. Este mes van tres muertos.';
  it("an entry's relative days count from its own head", () => {
    const v = values(diary, '2011-05-06');
    // "Anoche" the night before 2 August, "el jueves" that week's Thursday, "este mes" August.
    assert.ok(v.includes('2011-08-01') && v.includes('2011-08-04') && v.includes('2011-08'), v.join(' '));
    assert.ok(!v.includes('2011-05-05') && !v.includes('2011-05-12'), v.join(' '));
  });
  it('a lone head line changes nothing', () => {
    const one = 'Programa de la semana\n\nMartes 4\nTaller de memoria. Hoy a las seis.';
    assert.deepEqual(
      values(one, '2025-03-01'),
      values(one.replace('Martes 4\n', 'Martes 4. '), '2025-03-01'),
    );
  });
  it('an undated notebook is left to the story years', () => {
    const v = values(
      'Cuaderno, 1977\n\nJueves 12 de mayo\nHoy fui a la comisaría.\n\nSábado 14\nHoy al Arzobispado.',
      '2025-01-01',
      true,
    );
    assert.ok(!v.includes('2025-05-12'), v.join(' '));
  });
});

describe('isEntryHead / hasEntryHeads', () => {
  it('takes a day with its weekday or month, and nothing more', () => {
    for (const h of [
      'Miércoles 7',
      'jueves 1 de julio',
      '2 de junio',
      'Thursday 1 July',
      'May 10',
      'Monday, 5 April',
    ])
      assert.ok(isEntryHead(h), h);
    for (const h of ['7', 'Junio', 'Caracas, 4 de julio', 'Martes 4 de julio de 2019', 'Punto 2 de junio'])
      assert.ok(!isEntryHead(h), h);
  });
  it('needs two heads', () => {
    assert.equal(hasEntryHeads('Martes 4\nalgo'), false);
    assert.equal(hasEntryHeads('Martes 4\nalgo\n\n6 de marzo\nmás'), true);
  });
});
