/** An undated text's own now, when it writes a later day than its capture day as no plan. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { laterOwnDay } from './text-now.js';

const CAPTURED = '2025-01-01';
const nowOf = (text: string) => laterOwnDay(text, CAPTURED);

describe("an undated text's own now", () => {
  it('is the latest day it writes in full after the capture day', () => {
    assert.equal(
      nowOf(
        'Vista del 3 de noviembre en Van. La sala estaba llena.\nNota: esta reseña se publica el martes 4 de noviembre de 2025.',
      ),
      '2025-11-04',
    );
    assert.equal(
      nowOf('Session record. Date: Monday 9 March 2026, opened at 10:05 a.m.\nThe witness was sworn in.'),
      '2026-03-09',
    );
  });
  it("is a month's last day when only the month is written", () => {
    assert.equal(nowOf('The register was last updated in June 2026.'), '2026-06-30');
  });
  it('is not a day announced or set as a deadline', () => {
    assert.equal(nowOf('The court will hear the case on 12 March 2026.'), undefined);
    assert.equal(nowOf('El ministerio prometió el informe para abril de 2026.'), undefined);
    assert.equal(nowOf('La audiencia se celebrará el 3 de febrero de 2026.'), undefined);
    assert.equal(nowOf('The next hearing is set for 20 May 2026.'), undefined);
  });
  it('is not a day before the capture day, nor a day whose year is not written', () => {
    assert.equal(nowOf('The soldiers came on 4 June 2019 and on 9 March.'), undefined);
  });
  it("is not a diary's copying day", () => {
    assert.equal(
      nowOf(
        'Cuaderno de Rosa, 1976. Copiado en marzo de 2026 por su sobrino.\n\nLunes 5 de abril\nLlovió.\n\nMartes 6 de abril\nNada.',
      ),
      undefined,
    );
  });
});
