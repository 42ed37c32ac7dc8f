/** A weekday and a day number in a story told years later: the story's month with its year anchors it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { dayInAnchorMonth } from './story-weekday-anchors.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('weekday and day number in a story told later', () => {
  it("a month named with its year anchors the story's weekdays", () => {
    const v = values(
      'Grabado en Valencia el martes 3 de marzo de 2026.\n\nP: ¿Qué pasó en mayo de 1982?\nR: Los soldados llegaron el 2 por la noche. El martes 4 se llevaron a mi padre y el viernes 7 volvimos al pueblo.',
      '2026-03-03',
    );
    assert.ok(v.includes('1982-05-04') && v.includes('1982-05-07'), v.join(' '));
    assert.ok(!v.some((x) => /^202[67]-\d\d-0[47]$/.test(x)), v.join(' '));
  });
  it("a weekday read ahead of the writer's day anchors nothing", () => {
    const v = values(
      'Entrevista del sábado 7 de febrero de 2026.\n\n—Fue un lunes, el 9 de octubre de 2017. Me acuerdo porque el martes había sido el cumpleaños de mi hermana. Lo velamos el miércoles 11 y lo enterramos el jueves 12.',
      '2026-02-07',
    );
    assert.ok(v.includes('2017-10-11') && v.includes('2017-10-12'), v.join(' '));
    assert.ok(!v.includes('2026-02-11'), v.join(' '));
  });
  it("the writer's own weekdays stay near the writer when the month's weekday does not fit", () => {
    // 9 May 1982 was a Sunday: "el martes 9" is not of that month.
    const v = values('En mayo de 1982 se fueron al norte. Nos vemos el martes 9 en la sede.', '2026-06-01');
    assert.ok(!v.includes('1982-05-09'), v.join(' '));
  });
});

describe('dayInAnchorMonth', () => {
  it('gives the day when the weekday falls on it in that month', () => {
    assert.equal(dayInAnchorMonth('1982-05', 4, 2), '1982-05-04');
    assert.equal(dayInAnchorMonth('1982-05', 4, 3), undefined);
    assert.equal(dayInAnchorMonth('1982-02', 30, 2), undefined);
  });
});
