/**
 * A yearless day or month whose own clause says what is to come with a Spanish present periphrasis (stop 47): "el
 * investigador me dijo que el 8 de octubre pueden entregar los restos", "Que el 16 de octubre se van a cumplir seis
 * años", "en marzo tenemos que presentar", "hay que mandar los testimonios antes del 30 de noviembre". A finite
 * present of ir a, poder, deber, tener que, haber que, querer, pensar or esperar, then an infinitive, is a plan
 * whatever verb of saying stands before the "que": the saying's past ("dijo") or the clause's own verb after the
 * date ("se van a cumplir", which the future-after test of dates.ts reads only as a "-rá" form) had sent the day a
 * year back. Not an imperfect ("iban a", "podían": the story's own future), nor a clause that also holds a past.
 * The clause is the date's own: from the last "que" of its sentence to the next comma or stop (date-predicate.ts).
 */
import { ownClauseOf } from './date-predicate.js';
import { PAST_ES } from './story-years.js';

/** The last "que" before the date: what was said is its own clause (story-years.ts' connector). */
const QUE = /(?<![\p{L}])que\s(?!.*(?<![\p{L}])que\s)/isu;
const CLITIC = String.raw`(?:(?:se|lo|la|los|las|le|les|me|te|nos)\s+)`;
/** A present of a verb of plans or ability, then (after "a"/"que") an infinitive with or without its clitic. */
const PLAN = new RegExp(
  String.raw`(?<![\p{L}])${CLITIC}?(?:voy|vas|va|vamos|van|puedo|puede|pueden|podemos|debe|deben|debemos|(?:tengo|tiene|tienen|tenemos)\s+que|hay\s+que|quiero|quiere|quieren|queremos|pienso|piensa|piensan|pensamos)\s+(?:a\s+)?${CLITIC}?\p{L}{2,}(?:ar|er|ir|ír)(?:se|lo|la|los|las|le|les|nos|me|te)?(?![\p{L}])`,
  'iu',
);

/** Whether the date at text[start, end) is a plan by its own clause's present periphrasis, with no past in it. */
export function planByPeriphrasis(text: string, start: number, end: number): boolean {
  const clause = ownClauseOf(text, start, end, QUE);
  return PLAN.test(clause) && !PAST_ES.test(clause.replace(PLAN, ' '));
}
