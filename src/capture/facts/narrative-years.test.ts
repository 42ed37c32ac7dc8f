/** The story year of a narrative that is not a transcript (narrative-years.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { toldMostlyInThePast } from './narrative-years.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

/** A letter of 2025 about 2019, told in the past; its last line is what the test varies. */
const letter = (last: string) => `Querida Elena:

Te escribo lo que pasó con mi hermano. Lo detuvieron el 12 de mayo de 2019 en la plaza, cuando salía del trabajo.
Lo llevaron a la comisaría del puerto y allí lo golpearon toda la noche. En junio de 2019 lo trasladaron al penal
de la costa. Mi madre viajó cada semana, le llevaba comida y ropa, y los guardias la hacían esperar horas. El abogado
presentó un recurso el 3 de julio de 2019, que el juez rechazó. ${last}

Un abrazo, Marta`;

describe("a narrative's yearless days", () => {
  it("take the story's year, forward from its last dated moment", () => {
    assert.deepEqual(values(letter('Lo soltaron el 20 de agosto, flaco y enfermo.'), '2025-03-01'), [
      '2019-05-12',
      '2019-06',
      '2019-07-03',
      '2019-08-20',
    ]);
  });
  it('but not back before it: a month earlier than the story stands is the reference year', () => {
    assert.deepEqual(values(letter('En febrero nos llamaron de la fiscalía.'), '2025-03-01'), [
      '2019-05-12',
      '2019-06',
      '2019-07-03',
      '2025-02',
    ]);
  });
  it('news about the past year written in the present keeps the reference', () => {
    const news = `La familia de Ramón Gil sigue sin respuestas. Según la denuncia, fue detenido el 12 de mayo de 2019 y
trasladado en junio de 2019 al penal de la costa. El abogado presentó un recurso el 3 de julio de 2019. "Hoy no
sabemos nada", dice su hermana, que asegura que la fiscalía no ha contestado. La organización exige una
investigación y denuncia que el caso está cerrado. En agosto la fiscalía archivó la causa, señala el comunicado.`;
    assert.equal(values(news, '2025-03-01').includes('2019-08'), false);
  });
  it('a text whose written years are its own keeps the reference', () => {
    const text = `${letter('Lo soltaron el 20 de agosto.')}\n\nPD: en enero de 2025 y en febrero de 2025 volvimos a ir; en marzo de 2024 también.`;
    assert.equal(values(text, '2025-03-01').includes('2019-08-20'), false);
  });
});

describe('toldMostlyInThePast', () => {
  it('counts past forms against the present of the writer', () => {
    assert.equal(toldMostlyInThePast(letter('Lo soltaron en agosto.')), true);
    assert.equal(
      toldMostlyInThePast('Dice que sigue preso. Hay miedo. Es lo que hay, y ha empezado otra vez.'),
      false,
    );
    assert.equal(toldMostlyInThePast('He was arrested in May and released in August.'), false);
  });
});

describe('an English narrative told in the past (stop 43)', () => {
  const letter = (last: string) => `Dear Ana,

On 9 May 2014 they took Karim from the market. He was held in the barracks at Tessalit and beaten. On 30 May 2014
the officers moved him to Gao, where a guard recognised him. We visited him on 2 June 2014 and again on 16 June. We
brought bread and he ate it in front of us. ${last}

Your cousin,
Omar`;
  it('reads its yearless days forward from the last dated moment', () => {
    assert.deepEqual(values(letter('He was released in August.'), '2025-03-01'), [
      '2014-05-09',
      '2014-05-30',
      '2014-06-02',
      '2014-06-16',
      '2014-08',
    ]);
  });
  it('counts the English past against the present of the writer', () => {
    assert.equal(toldMostlyInThePast(letter('He was released in August.'), 'en'), true);
    assert.equal(
      toldMostlyInThePast(
        'She says he is still in prison. The family has asked twice and does not know where he is. They want answers and they need them. It is hard, they say; they have no news and can do nothing.',
        'en',
      ),
      false,
    );
  });
});
