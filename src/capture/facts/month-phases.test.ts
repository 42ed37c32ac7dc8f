/** "a finales de mes": a part of the month without its name is the month of the text or message. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('"a mediados de mes", "a finales de mes": the month written in', () => {
  it("the reference's month", () => {
    assert.ok(
      values('La entrega del informe será seguramente a finales de mes.', '2026-02-09').includes('2026-02'),
    );
    assert.ok(
      values('Los vídeos difundidos a mediados de mes muestran la subasta.', '2017-11-29').includes(
        '2017-11',
      ),
    );
  });
  it('not a month named after it, nor "a fin de mes" (a habit)', () => {
    const v = values('Llegaron a mediados de marzo; cobramos a fin de mes.', '2026-02-09');
    assert.ok(!v.includes('2026-02'), v.join(' '));
  });
});
