/** "hoy" meaning nowadays names no day; "hoy" of the day of writing still does. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('"hoy" meaning nowadays', () => {
  it('is no date before living or working somewhere', () => {
    assert.deepEqual(values('Salió del país con su hija. Hoy vive en Quito y vende pan.', '2026-04-02'), []);
    assert.deepEqual(
      values('El médico, que hoy trabaja en Valencia, atendió a los heridos.', '2026-04-02'),
      [],
    );
    assert.deepEqual(values('Hoy vivo y trabajo en Sevilla con mis hermanos.', '2026-04-02'), []);
    assert.deepEqual(values('Su hermano, que vive hoy en Tijuana, no quiso hablar.', '2026-04-02'), []);
  });
  it('is no date before an age', () => {
    assert.deepEqual(values('Hoy tiene 81 años y sigue esperando.', '2026-04-02'), []);
  });
  it("is no date before a place's present name in brackets", () => {
    assert.deepEqual(
      values('Los registros de San Pedro (hoy Villa Nueva) no anotaron muertes.', '2026-04-02'),
      [],
    );
  });
  it('is still the day of writing elsewhere', () => {
    assert.deepEqual(
      values('Hoy se cumplen diez años de la masacre.', '2026-04-02').includes('2026-04-02'),
      true,
    );
    assert.deepEqual(values('Hoy marchamos hasta la fiscalía.', '2026-04-02'), ['2026-04-02']);
  });
});
