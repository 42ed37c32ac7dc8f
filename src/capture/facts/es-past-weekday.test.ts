import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { spanishWeekdayToldInThePast } from './es-past-weekday.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);
const at = (text: string, words: string, name: string) =>
  spanishWeekdayToldInThePast(text, text.indexOf(words), text.indexOf(words) + words.length, name);

describe('a Spanish bare weekday whose own clause tells the past', () => {
  it('is the last such weekday, whatever present follows it in the sentence', () => {
    // Wednesday 5 November 2025: the Thursday before, not the next one.
    assert.deepEqual(values('Como le conté el jueves, hay novedades del expediente.', '2025-11-05'), [
      '2025-10-30',
    ]);
  });
  it("dates a story's day named with its weekday after it (a pluperfect)", () => {
    // Saturday 14 June 2025: the Tuesday was read three days ahead of the interview, not in the story's week.
    const text =
      'Fue un miércoles, el 8 de mayo de 2019. Me acuerdo porque el martes había sido la asamblea del barrio. ' +
      'El jueves 9 lo entregaron en la morgue.';
    assert.deepEqual(values(text, '2025-06-14'), ['2019-05-08', '2019-05-07', '2019-05-09']);
  });
  it('is the clause\'s own: a plan after "que", a present or a future stays ahead', () => {
    assert.equal(at('Le conté que el viernes viene la fiscal.', 'el viernes', 'viernes'), false);
    assert.equal(at('Ya le avisé: el lunes presentaré el escrito.', 'el lunes', 'lunes'), false);
    assert.equal(at('Como te comenté el viernes, hay fecha.', 'el viernes', 'viernes'), true);
    assert.equal(at('Yo sé que el martes había sido la reunión.', 'el martes', 'martes'), true);
  });
  it('is Spanish only', () => {
    assert.equal(at('As I mentioned on Friday, we had a date.', 'Friday', 'Friday'), false);
  });
});
