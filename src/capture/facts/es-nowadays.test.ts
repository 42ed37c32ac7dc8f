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
  it('is no date before how a thing, a body or a person stands now', () => {
    assert.deepEqual(
      values('La casa de la calle Moreno sigue en pie. Hoy funciona una biblioteca.', '2026-04-02'),
      [],
    );
    assert.deepEqual(values('Hoy la antigua base es un museo. Fui una vez.', '2026-04-02'), []);
    assert.deepEqual(values('Volvió a Dili con su tía. Hoy es enfermera en Baucau.', '2026-04-02'), []);
    assert.deepEqual(values('Es la vereda donde viven hoy unas cuarenta familias.', '2026-04-02'), []);
    assert.deepEqual(
      values('la UNTG, el sindicato de maestros, hoy integrado en la central obrera', '2026-04-02'),
      [],
    );
  });
  it('is still the day of writing elsewhere', () => {
    assert.deepEqual(values('Hoy es el día de la memoria.', '2026-04-02'), ['2026-04-02']);
    assert.deepEqual(values('Hoy Marta declara ante la jueza.', '2026-04-02'), ['2026-04-02']);
    assert.deepEqual(values('Hoy es domingo y el pabellón está tranquilo.', '2026-04-05'), ['2026-04-05']);
    assert.deepEqual(values('hoy a las 18:00 hay reunión en la parroquia', '2026-04-02'), ['2026-04-02']);
    assert.deepEqual(
      values('Hoy se cumplen diez años de la masacre.', '2026-04-02').includes('2026-04-02'),
      true,
    );
    assert.deepEqual(values('Hoy marchamos hasta la fiscalía.', '2026-04-02'), ['2026-04-02']);
  });
});
