/** A weekday and a day number read in the month of the story's day, past a stamp or "esta noche" in between. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { dayFromAnchors } from './weekday-day-anchors.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a weekday and a day number in a dated story', () => {
  it("past a thread's post stamp to the story's own day", () => {
    const v = values(
      '4 feb. 2026 · 10:01\n\n2/ El martes 9 de junio de 2020 cortaron el agua del barrio.\n\n4 feb. 2026 · 10:03\n\n3/ El miércoles 10 y el jueves 11 nadie pudo salir.',
      '2026-02-04',
    );
    assert.ok(v.includes('2020-06-10') && v.includes('2020-06-11'), v.join(' '));
    assert.ok(!v.some((x) => /^202[56]-\d\d-1[01]$/.test(x)), v.join(' '));
  });
  it('past an on-air "esta noche" to the day of the story', () => {
    const v = values(
      'Emisión del martes 14 de abril de 2026. Hoy recordamos el 13 de abril de 2002 en Caracas. Esta noche nos acompaña un testigo. ¿Qué vio la noche del domingo 14?',
      '2026-04-14',
    );
    assert.ok(v.includes('2002-04-14'), v.join(' '));
  });
  it('the nearest day still wins when the weekday fits it', () => {
    const v = values('El 3 de mayo de 1999 se fueron. Volvieron el miércoles 5.', '2025-01-10');
    assert.ok(v.includes('1999-05-05'), v.join(' '));
  });
});

describe('dayFromAnchors', () => {
  const at = { start: 500, end: 510 };
  const day = (start: number, value: string, text: string) => ({
    start,
    end: start + text.length,
    value,
    text,
  });
  const fits = (want: string) => (a: string) => (a === want ? `${a}!` : undefined);
  const yearWritten = (t: string) => /\d{4}/.test(t);
  it('tries earlier days that write their year only, a few distinct ones', () => {
    const before = [day(10, '2001-07-20', '20 de julio de 2001'), day(300, '2026-07-20', 'esta noche')];
    assert.equal(dayFromAnchors(at, before, undefined, fits('2001-07-20'), yearWritten), '2001-07-20!');
    const noYear = [day(10, '2001-07-20', '20 de julio'), day(300, '2026-07-20', 'esta noche')];
    assert.equal(dayFromAnchors(at, noYear, undefined, fits('2001-07-20'), yearWritten), undefined);
    const many = [
      day(10, '1990-01-01', '1 de enero de 1990'),
      day(100, '1991-01-01', '1 de enero de 1991'),
      day(200, '1992-01-01', '1 de enero de 1992'),
      day(300, '2026-07-20', 'esta noche'),
    ];
    assert.equal(dayFromAnchors(at, many, undefined, fits('1990-01-01'), yearWritten), undefined);
  });
  it('the day right after only when none is before', () => {
    const after = day(530, '2025-10-18', '18 de octubre');
    assert.equal(dayFromAnchors(at, [], after, fits('2025-10-18'), yearWritten), '2025-10-18!');
    assert.equal(
      dayFromAnchors(at, [], day(900, '2025-10-18', 'x'), fits('2025-10-18'), yearWritten),
      undefined,
    );
  });
});
