/** Spanish first-person preterites in "-é" are a past for the date rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { firstPersonPast } from './es-tense.js';

describe('a Spanish first-person preterite in "-é"', () => {
  it('is a past; a future, a subjunctive, a noun or a name in "-é" is not', () => {
    for (const w of ['Llegué ayer', 'te lo comenté', 'Ya firmé la denuncia', '. Entré a la sala'])
      assert.equal(firstPersonPast(w), true, w);
    for (const w of [
      'llegaré',
      'podré ir',
      'donde esté',
      'el Comité de Familiares',
      'José',
      'un café',
      'calle Obispo Labbé',
    ])
      assert.equal(firstPersonPast(w), false, w);
  });
  it('dates a bare weekday back', () => {
    // Saturday 25 January 2025: "el lunes" after "Llegué" is the Monday before, not the one ahead.
    assert.deepEqual(
      findDates('Llegué el lunes desde Montevideo, pasando por São Paulo.', '2025-01-25').map((d) => d.value),
      ['2025-01-20'],
    );
  });
  it("a relative clause's past does not date the plan a bare weekday names", () => {
    // Sunday 19 October 2025: the Tuesday ahead.
    assert.deepEqual(
      findDates(
        'El martes reunión con el Ministerio por la reparación, que el presidente prometió en 2023.',
        '2025-10-19',
      ).map((d) => d.value),
      ['2025-10-21', '2023'],
    );
    // The main clause's own past still dates it back.
    assert.deepEqual(
      findDates('El martes se reunieron con el Ministerio, que prometió la reparación.', '2025-10-19').map(
        (d) => d.value,
      ),
      ['2025-10-14'],
    );
  });
});
