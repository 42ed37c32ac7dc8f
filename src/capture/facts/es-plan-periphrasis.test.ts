import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { planByPeriphrasis } from './es-plan-periphrasis.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);
const at = (text: string, date: string) =>
  planByPeriphrasis(text, text.indexOf(date), text.indexOf(date) + date.length);

describe("a plan said with a present periphrasis in the date's own clause", () => {
  it('is read ahead, whatever past verb of saying stands before its "que"', () => {
    assert.deepEqual(
      values('La fiscal nos contó que el 12 de noviembre pueden exhumar la fosa.', '2025-10-20'),
      ['2025-11-12'],
    );
    assert.deepEqual(values('—Que el 3 de agosto se van a cumplir diez años.', '2025-05-02'), ['2025-08-03']);
    assert.deepEqual(values('Nos avisaron que en febrero tenemos que volver a declarar.', '2025-09-10'), [
      '2026-02',
    ]);
  });
  it('is the clause\'s own: a periphrasis after the "que" counts, a past in that clause undoes it', () => {
    assert.equal(at('Me dijo que el 5 de mayo van a entregar los restos.', '5 de mayo'), true);
    assert.equal(at('Me dijo que el 5 de mayo lo detuvieron y lo iban a trasladar.', '5 de mayo'), false);
  });
  it("not an imperfect: the story's own future", () => {
    assert.equal(at('Sabíamos que el 5 de mayo iban a llegar los soldados.', '5 de mayo'), false);
    assert.equal(at('El 5 de mayo detuvieron a mi hermano.', '5 de mayo'), false);
  });
});
