import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { standingMentions } from './calendar.js';
import { findDates } from './dates.js';
import { headYearMention, nextWrittenYears, turnOfYear } from './story-year-candidates.js';

const REF = '2025-01-01';
const writes = (d: { text: string }) => /\d{4}/u.test(d.text);

describe('story year candidates', () => {
  it('finds the year written next after a day, within its paragraph', () => {
    const text =
      'Rawson, 14 August\n\nMy dear Elvira, they moved us on the 9th of May. That was 1978, a cold year.';
    const ordered = standingMentions(findDates(text, REF));
    const next = nextWrittenYears(text, ordered, writes, 2000);
    const may = ordered.findIndex((d) => d.text.includes('May'));
    const head = ordered.findIndex((d) => d.text === '14 August');
    assert.equal(next[may]?.text, '1978');
    // The letter's head is a paragraph of its own: the year after the blank line is not its.
    assert.equal(next[head], undefined);
  });

  it('reads a month earlier in the calendar than the day before it in the next year', () => {
    const text = 'El treinta de diciembre presentamos el recurso. El cuatro de enero nos lo rechazaron.';
    const [dec, jan] = standingMentions(findDates(text, REF)).filter((d) => /^\d{4}-\d{2}/u.test(d.value));
    assert.ok(dec && jan);
    assert.equal(turnOfYear(text, dec, jan, 2000), Number(dec.value.slice(0, 4)) + 1);
    // A later month, or one across a blank line, is no turn of the year.
    assert.equal(turnOfYear(text, jan, dec, 2000), undefined);
    const apart = 'El treinta de diciembre presentamos el recurso.\n\nEl cuatro de enero nos lo rechazaron.';
    const [d2, j2] = standingMentions(findDates(apart, REF));
    assert.equal(turnOfYear(apart, d2, j2, 2000), undefined);
  });
  it("offers the head's year when the first year written stands in the first line", () => {
    const text =
      'TESTIMONIO 3 — Archivo de la matanza de agosto de 1997\nRecogido el 4 de marzo de 2026.\n\nR: El 12 de agosto llegaron.';
    const ordered = standingMentions(findDates(text, REF));
    assert.equal(headYearMention(text, ordered, writes)?.value.slice(0, 4), '1997');
    // A first year written below the first line is no head's.
    const below = 'TESTIMONIO 3\nRecogido el 4 de marzo de 2026.\n\nR: El 12 de agosto llegaron.';
    assert.equal(headYearMention(below, standingMentions(findDates(below, REF)), writes), undefined);
  });
});
