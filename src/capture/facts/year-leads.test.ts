/** A year written after "para", "todo" or a birth mark "n." (dates.ts, the year-after-a-word rule). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a year after "para", "todo" or a birth mark "n."', () => {
  it('names the year', () => {
    assert.ok(values('Pedimos que la excavación siga durante todo 2026.', '2026-03-03').includes('2026'));
    assert.ok(
      values('Que incluya las escuelas en su plan de respuesta para 2027.', '2026-08-25').includes('2027'),
    );
    assert.ok(
      values('Testimoniante: Sophal Keo (n. 1964), nacida en Phnom Penh.', '2026-11-05').includes('1964'),
    );
  });
});
