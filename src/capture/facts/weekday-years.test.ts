/** A yearless day with its weekday, read in a written year the weekday fits (weekday-years.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayMention } from './calendar.js';
import type { DateMention } from './dates.js';
import { weekdayYears } from './weekday-years.js';

/** The mentions of `text` at each of `spans` (its words, as found), with the values the rules gave. */
const mentions = (text: string, spans: [string, string, boolean?][]): DateMention[] =>
  spans.map(([words, value, relative]) => {
    const start = text.indexOf(words);
    const d = dayMention(start, words, value, relative ?? false);
    return value.length === 10 ? d : { ...d, date: { precision: 'month' as const, value }, value };
  });
const values = (text: string, found: DateMention[], ref = '2026-02-10') =>
  weekdayYears(text, found, ref).map((d) => d.value);

describe('a yearless day with its weekday', () => {
  const diary = `Cuaderno de Ana (Kinshasa, marzo-abril de 1993)

Jueves 11 de marzo
Hoy vinieron los soldados al mercado.

Lunes 15 de marzo
Ayer no abrieron la iglesia.`;
  it('takes the written year its weekday fits, and the relative days after it follow', () => {
    const found = mentions(diary, [
      ['abril de 1993', '1993-04'],
      ['11 de marzo', '2027-03-11'],
      ['Hoy', '2027-03-11', true],
      ['15 de marzo', '2027-03-15'],
      ['Ayer', '2027-03-14', true],
    ]);
    assert.deepEqual(values(diary, found), [
      '1993-04',
      '1993-03-11',
      '1993-03-11',
      '1993-03-15',
      '1993-03-14',
    ]);
  });
  it('brings the relative days after a day already read in its year into that year', () => {
    const text =
      'Diario de 1965\n\nMartes 19 de octubre\nHoy detuvieron al director. Ayer cerraron la escuela.';
    const found = mentions(text, [
      ['1965', '1965'],
      ['19 de octubre', '1965-10-19'],
      ['Hoy', '2027-10-19', true],
      ['Ayer', '2027-10-18', true],
    ]);
    assert.deepEqual(values(text, found), ['1965', '1965-10-19', '1965-10-19', '1965-10-18']);
  });
  it('keeps a reading in the reference year that fits its weekday', () => {
    const text = 'The massacre of 1998 is remembered. The vigil is on Thursday 5 March at the square.';
    const found = mentions(text, [
      ['1998', '1998'],
      ['5 March', '2026-03-05'],
    ]);
    assert.deepEqual(values(text, found), ['1998', '2026-03-05']);
  });
  it("keeps a reading in the year of a post's relative day told before it", () => {
    const text = 'Desde mayo de 1998 esperamos. Hoy llevamos flores. Nos citaron para el martes 19 de mayo.';
    const found = mentions(text, [
      ['mayo de 1998', '1998-05'],
      ['Hoy', '2026-05-06', true],
      ['19 de mayo', '2026-05-19'],
    ]);
    assert.deepEqual(values(text, found, '2025-01-01'), ['1998-05', '2026-05-06', '2026-05-19']);
  });
  it('moves nothing when no written year fits the weekday', () => {
    const text = 'Arrested in 2018. On Monday 4 March he was moved.';
    const found = mentions(text, [
      ['2018', '2018'],
      ['4 March', '2024-03-04'],
    ]);
    assert.deepEqual(values(text, found), ['2018', '2024-03-04']);
  });
  it('takes the weekday written just before the day ("Wednesday, the 6th of April")', () => {
    const text = 'It was 1994. On Wednesday, the 6th of April the plane fell.';
    const found = mentions(text, [
      ['1994', '1994'],
      ['6th of April', '2025-04-06'],
    ]);
    assert.deepEqual(values(text, found), ['1994', '1994-04-06']);
  });
});
