/** "tu carta del 31": a letter answered by its day alone, in the answering letter's month or the one before. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('"tu carta del 3": the day of the letter answered', () => {
  it('in the month of the letter that answers, or the month before when the day is still to come', () => {
    const v = values('Querida Rosa:\n\nTu carta del 2 llegó ayer, con las fotos.', '1990-03-09');
    assert.ok(v.includes('1990-03-02'), v.join(' '));
    const w = values('Querida Rosa:\n\nRecibí tu carta del 30 y las naranjas.', '1990-03-09');
    assert.ok(!w.some((d) => d.endsWith('-30')), `no 30 February: ${w.join(' ')}`);
    const x = values('Querida Rosa:\n\nRecibí tu carta del 28 y las naranjas.', '1990-03-09');
    assert.ok(x.includes('1990-02-28'), x.join(' '));
  });
  it('not a letter written with its month, nor a number that is no day', () => {
    const v = values('Recibí tu carta del 12 de diciembre y la del 1.º de enero.', '1990-01-09');
    assert.ok(!v.includes('1990-01-12') && !v.includes('1990-01-01'), v.join(' '));
  });
});
