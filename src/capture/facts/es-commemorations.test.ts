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
  it('the day as the event it names, subject or object of what is said, is not a date (guide D11)', () => {
    assert.deepEqual(values('Y que el 9 de mayo no es una fecha de fiesta en mi pueblo.', '2025-10-29'), []);
    assert.deepEqual(values('Hubo un informe, pero el 2 de julio sigue sin culpables.', '2025-10-29'), []);
    assert.deepEqual(values('Pido que no olviden el 21 de septiembre.', '2025-10-29'), []);
    assert.deepEqual(values('¿Qué significa para usted el 4 de marzo hoy en día?', '2025-10-29'), []);
  });
  it('a day of the story said of in the past, or with its weekday, stays', () => {
    assert.deepEqual(values('Que el 9 de mayo de 1999 no fue un accidente.', '2025-10-29'), ['1999-05-09']);
    assert.deepEqual(values('La audiencia será pronto: el 3 de noviembre es lunes.', '2025-10-29'), [
      '2025-11-03',
    ]);
  });
});
