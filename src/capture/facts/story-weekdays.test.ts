/** A bare weekday right after a story's day named with its weekday takes that story's week. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a weekday of a dated story', () => {
  it("the weekday next to the story's day, in the same sentence or the next", () => {
    // A letter of Sunday 12 May 1991 about a Tuesday in April.
    const v = values(
      'A Ramón lo detuvieron el martes 16 frente a la fábrica, y a su hermano lo soltaron el miércoles sin cargos.',
      '1991-04-28',
    );
    assert.ok(v.includes('1991-04-16') && v.includes('1991-04-17'), v.join(' '));
    const w = values(
      'Ese lunes, el 9 de agosto de 2010, salió temprano del cuartel. Me escribió el domingo en la noche y no volvió.',
      '2024-08-20',
    );
    assert.ok(w.includes('2010-08-08'), w.join(' '));
  });
  it('across a paragraph, only the day before or after', () => {
    const next = values(
      'La noche del viernes 6 de marzo entraron los guardias.\n\nEl sábado llegó la fiscal.',
      '2020-03-25',
    );
    assert.ok(next.includes('2020-03-07'), next.join(' '));
    const far = values('Ya sabrás lo del lunes 2 de marzo.\n\nEl jueves rezamos por ellos.', '2020-03-25');
    assert.ok(!far.includes('2020-03-05'), far.join(' '));
  });
  it("the writer's own week stands: a story day within the week, or a plan ahead", () => {
    const v = values('El martes 17 nos visitó la abogada. El jueves volvió con papeles.', '2020-03-21');
    assert.ok(v.includes('2020-03-19'), v.join(' '));
    const plan = values(
      'Nos detuvieron el martes 3 de marzo. El sábado vamos a ir todos a la fiscalía.',
      '2020-03-25',
    );
    assert.ok(!plan.includes('2020-03-07'), plan.join(' '));
  });
});
