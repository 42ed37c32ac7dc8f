/**
 * An office's seat written after its name (office-seats.ts, GUIDE D25): sentences written for this test in the
 * shapes of the development texts (a communiqué, a social thread, a chat), not taken from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention } from './entities.js';
import { withOfficeSeats } from './office-seats.js';

const at = (text: string, name: string, kind: EntityMention['kind']): EntityMention => {
  const start = text.indexOf(name);
  return { kind, start, end: start + name.length, text: name, value: name };
};
const grown = (text: string, mentions: EntityMention[]) =>
  withOfficeSeats(text, mentions)
    .filter((m) => m.kind === 'organization')
    .map((m) => [m.text, m.value]);

describe("an office's seat after its name", () => {
  it('takes "en <place>" / "in <place>" into an embassy or office mention and keeps the value', () => {
    const es = 'Las familias entregaron la carta en la Embajada de Chile en Montevideo el lunes.';
    assert.deepEqual(
      grown(es, [at(es, 'Embajada de Chile', 'organization'), at(es, 'Montevideo', 'place')]),
      [['Embajada de Chile en Montevideo', 'Embajada de Chile']],
    );
    const en = 'We wrote twice to the UN Human Rights Office in Nairobi; no answer.';
    assert.deepEqual(grown(en, [at(en, 'UN Human Rights Office', 'organization')]), [
      ['UN Human Rights Office in Nairobi', 'UN Human Rights Office'],
    ]);
  });

  it('leaves other bodies, a month after "in" and a lower-case word alone', () => {
    const court = 'The High Court in Nairobi ruled on it.';
    assert.deepEqual(grown(court, [at(court, 'High Court', 'organization'), at(court, 'Nairobi', 'place')]), [
      ['High Court', 'High Court'],
    ]);
    const month = 'She asked the Embassy in March and again in June.';
    assert.deepEqual(grown(month, [at(month, 'Embassy', 'organization')]), [['Embassy', 'Embassy']]);
    const lower = 'La Oficina en ese momento no respondió.';
    assert.deepEqual(grown(lower, [at(lower, 'Oficina', 'organization')]), [['Oficina', 'Oficina']]);
  });
});
