/**
 * A yearless day after a far dated moment (dates.ts' `yearsOfTheNarrative`): the writer's present in its sentence
 * keeps the reference (writers-present.ts); a far year alone between them neither dates it nor ends the stretch.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { WRITERS_PRESENT_ES } from './writers-present.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

/** A note of late 2025 on a case that began in March 2022; its last sentence is what the test varies. */
const note = (last: string) =>
  `Expediente de Rosa Elvira: la fiscalía la destituyó el 4 de marzo de 2022 y salió del país al mes siguiente. ${last}`;

describe("the writer's present in a yearless day's sentence", () => {
  // Which way from the reference is the tense rules' matter; this rule only leaves the day there.
  const second = (last: string) => values(note(last), '2025-12-02')[1];
  it('a reporting present ("tiene") keeps the reference', () => {
    assert.equal(second('Tiene cita ante el servicio de migración el 20 de marzo.')?.slice(0, 4), '2025');
  });
  it('"ahora" keeps it too', () => {
    assert.equal(second('¿Qué recuerda usted ahora del 9 de abril?')?.slice(0, 4), '2025');
  });
  it("a sentence told in the past still takes the story's year", () => {
    assert.deepEqual(values(note('Cruzó la frontera el 9 de abril, de noche.'), '2025-12-02'), [
      '2022-03-04',
      '2022-04-09',
    ]);
  });
  it('is Spanish words only', () => {
    assert.ok(WRITERS_PRESENT_ES.test('me dijo que cuenta los sellos'));
    assert.ok(!WRITERS_PRESENT_ES.test('she counts the stamps he has now'));
  });
});

describe('a far year alone between the dated moment and the day', () => {
  it('is passed over: the day takes the dated moment’s year', () => {
    const thread = `1/6 El 11 de septiembre de 1973 lo detuvieron en su casa de la calle Santa Rosa.
2/6 El fallo de 1991 recién nombró a los oficiales.
3/6 El 13 de septiembre, según ese fallo, lo sacaron del regimiento en un camión.`;
    assert.deepEqual(values(thread, '2025-09-11'), ['1973-09-11', '1991', '1973-09-13']);
  });
});
