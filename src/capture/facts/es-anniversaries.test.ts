/** Spanish anniversaries with "cumplir": the earlier day as well as the day said. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('Spanish anniversaries said with "se cumplen N años"', () => {
  it('"Hoy se cumplen N años de…" names the day N years back too', () => {
    assert.deepEqual(values('Hoy se cumplen doce años de la quema del mercado de Tumaco.', '2026-04-09'), [
      '2026-04-09',
      '2014-04-09',
    ]);
    assert.deepEqual(
      values('Hoy, 3 de mayo de 2026, se cumplen treinta y un años del desalojo.', '2026-05-03'),
      ['2026-05-03', '2026-05-03', '1995-05-03'],
    );
  });
  it('a past anniversary counts back from its own day', () => {
    assert.deepEqual(
      values('Ayer, 14 de junio, se cumplieron nueve años de la detención de Amalia.', '2026-06-15'),
      ['2026-06-14', '2026-06-14', '2017-06-14'],
    );
    assert.deepEqual(values('El 2 de marzo se cumplieron 8 años 🙏', '2025-11-20'), [
      '2025-03-02',
      '2017-03-02',
    ]);
  });
  it('not an anniversary ahead, nor a count with months, nor a day not beside the count', () => {
    assert.deepEqual(values('Mañana se cumplen once años. Nos vemos en la plaza.', '2026-07-30'), [
      '2026-07-31',
    ]);
    assert.deepEqual(values('Hoy se cumplen dos años y seis meses de su detención.', '2026-07-30'), [
      '2026-07-30',
    ]);
    assert.deepEqual(
      values('La vigilia sigue el domingo, cuando se cumplen veinte años del crimen.', '2026-07-30'),
      ['2026-08-02'],
    );
  });
});
