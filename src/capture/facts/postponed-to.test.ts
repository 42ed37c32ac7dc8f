import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { postponedTo } from './postponed-to.js';

const at = (text: string, day: string) => postponedTo(text, text.indexOf(day));
const readAs = (text: string, ref: string, day: string) =>
  findDates(text, ref).find((d) => d.start === text.indexOf(day))?.value;

describe('postponedTo', () => {
  it('knows the day a hearing was put off to', () => {
    assert.equal(at('The tribunal has adjourned once more, this time to 6 May.', '6 May'), true);
    assert.equal(at('El juez aplazó de nuevo la vista, ahora al 12 de diciembre.', '12 de diciembre'), true);
    assert.equal(at('The court moved the hearing from 2 March to 9 June.', '9 June'), true);
  });
  it('leaves days the verb does not point to', () => {
    assert.equal(at('The hearing was postponed. On 6 May the guards beat him.', '6 May'), false);
    assert.equal(at('They moved him on 6 May to another prison.', '6 May'), false);
  });
  it('reads the day ahead of the text, not a year back', () => {
    const en = 'The court in Sfax has postponed again, this time to 3 April. That is the ninth time.';
    assert.equal(readAs(en, '2025-01-09', '3 April'), '2025-04-03');
    const es = 'Ayer el juez aplazó otra vez la audiencia, ahora al 14 de noviembre. Seguimos.';
    assert.equal(readAs(es, '2025-10-02', '14 de noviembre'), '2025-11-14');
  });
});
