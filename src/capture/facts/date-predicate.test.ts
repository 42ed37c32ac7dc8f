/** A date told in the past by its own clause, an aside of the teller's time after it aside (date-predicate.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ownClauseOf, toldInThePastByItsClause } from './date-predicate.js';
import { NOW_EN, PAST_EN } from './story-years.js';

const EN = { past: PAST_EN, now: NOW_EN };
const at = (text: string, date: string) => [text.indexOf(date), text.indexOf(date) + date.length] as const;

describe("a date's own clause", () => {
  it('ends at the comma after the date: the aside after it is another clause', () => {
    const text =
      "Then the bus. We reached the camp on the 2nd of June, I am sure, because it is my daughter's birthday.";
    const [s, e] = at(text, '2nd of June');
    assert.equal(ownClauseOf(text, s, e).trim(), 'We reached the camp on the');
    assert.equal(toldInThePastByItsClause(text, s, e, EN), true);
  });
  it("keeps the teller's own time when it is in the clause itself", () => {
    const text = 'My brother is still waiting for the hearing on the 2nd of June, they told us.';
    const [s, e] = at(text, '2nd of June');
    assert.equal(toldInThePastByItsClause(text, s, e, EN), false);
  });
  it('and a clause with no past is not told in the past', () => {
    const text = 'In June, the lawyers say, the court will sit again.';
    const [s, e] = at(text, 'June');
    assert.equal(toldInThePastByItsClause(text, s, e, EN), false);
  });
});
