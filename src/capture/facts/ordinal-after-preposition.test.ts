import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { ledByItsPreposition } from './ordinal-after-preposition.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('an ordinal day led by its preposition', () => {
  it('is a day whatever word follows it', () => {
    assert.deepEqual(values('The audit closes on 30 June, so any receipts by the 18th help.', '2025-06-02'), [
      '2025-06-30',
      '2025-06-18',
    ]);
    assert.deepEqual(
      values('Since the army took over the port on the 9th nobody has been allowed in.', '2024-03-14'),
      ['2024-03-09'],
    );
  });
  it("not before the noun it counts, nor before 'of'", () => {
    const text = 'We met on the 40th anniversary and sit there on the 5th of every month.';
    assert.equal(
      ledByItsPreposition(text, text.indexOf('40th'), text.slice(text.indexOf('40th') + 4)),
      false,
    );
    assert.equal(ledByItsPreposition(text, text.indexOf('5th'), text.slice(text.indexOf('5th') + 3)), false);
    assert.equal(ledByItsPreposition('the 7th people', 4, ' people'), false);
    assert.equal(ledByItsPreposition('From the 7th people', 9, ' people'), true);
  });
});
