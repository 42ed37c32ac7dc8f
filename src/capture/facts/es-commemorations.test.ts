/** A day declared or kept as a commemoration is no day of the story. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a day declared or kept as a commemoration', () => {
  it('is not a date', () => {
    assert.deepEqual(
      values('Pedimos declarar el 14 de agosto día de duelo en el municipio.', '2025-10-29'),
      [],
    );
    assert.deepEqual(
      values('Que la Asamblea declare el 3 de abril Día de las Víctimas de Yumbo.', '2025-10-29'),
      [],
    );
    assert.deepEqual(
      values('Desde 2019 el 9 de julio se conmemora en la provincia el Día del Desaparecido.', '2025-10-29'),
      ['2019'],
    );
  });
  it('a day something was declared on, and a day with its year, stay', () => {
    assert.deepEqual(values('El gobernador declaró el 20 de enero la emergencia.', '2025-10-29'), [
      '2025-01-20',
    ]);
    assert.deepEqual(values('El Congreso declaró el 5 de mayo de 2011 Día del Periodista.', '2025-10-29'), [
      '2011-05-05',
    ]);
  });
});
