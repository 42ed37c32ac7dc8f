import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { opensWithPresent, weekdayInPresentClause } from './es-present-weekday.js';

const past = (w: string) => /\p{L}{2,}(?:ó|aron|ieron|é)(?![\p{L}])/u.test(w);
const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('opensWithPresent', () => {
  it('takes a present indicative, clitics aside', () => {
    assert.equal(opensWithPresent(' tengo turno'), true);
    assert.equal(opensWithPresent(' se cumplen diez años'), true);
    assert.equal(opensWithPresent('no viene nadie'), true);
  });
  it('not an imperfect, a conditional, a preterite in "-o" or a noun after its article', () => {
    assert.equal(opensWithPresent(' tenía turno'), false);
    assert.equal(opensWithPresent(' hubo asamblea'), false);
    assert.equal(opensWithPresent(' vendrían todos'), false);
    assert.equal(opensWithPresent(' la misa'), false);
  });
});

describe('weekdayInPresentClause', () => {
  it('reads the clause the weekday opens or stands in', () => {
    assert.equal(weekdayInPresentClause('[3/4/25 10:00] Ana: ', ' tengo turno en el hospital', past), true);
    assert.equal(weekdayInPresentClause('La vecina avisó que ', ' llega el camión del agua', past), true);
    assert.equal(weekdayInPresentClause('El cura dice que canta por ellos ', '', past), true);
  });
  it('not across a comma or a conjunction, nor a clause in the past', () => {
    assert.equal(weekdayInPresentClause('Vive en la costa, ', ' llamó', past), false);
    assert.equal(weekdayInPresentClause('Trabaja en el puerto y ', '', past), false);
    assert.equal(weekdayInPresentClause('', ' llegaron los soldados', past), false);
    assert.equal(weekdayInPresentClause('', ' entran los soldados y se llevaron a dos', past), false);
    assert.equal(weekdayInPresentClause('los víveres que mando la parroquia ', '', past), false);
  });
});

describe('a bare weekday told in the present, in findDates', () => {
  // 2025-04-03 is a Thursday: Monday is 3 days back, 4 ahead.
  it('is the next such day even when the last one is nearer', () => {
    assert.ok(values('El lunes tengo turno con la abogada.', '2025-04-03').includes('2025-04-07'));
    assert.ok(values('Me contó que el lunes viene la comisión.', '2025-04-03').includes('2025-04-07'));
  });
  it('a past clause keeps the last one', () => {
    assert.ok(values('El lunes hubo asamblea en la escuela.', '2025-04-03').includes('2025-03-31'));
  });
});
