/**
 * A Spanish bare weekday read ahead although its own clause tells the past: "Como te comenté el viernes, por fin
 * hay fecha" (a mail of Thursday 16 October: Friday the 10th, not the 17th), "Yo me acuerdo porque el martes había
 * sido la reunión" (a testimony's story day, read three days after the interview). The ahead reading came from a
 * present elsewhere in the sentence ("hay fecha", "me acuerdo"); the clause the weekday stands in — its sentence
 * from the last "que" up to it and its words up to the next comma (date-predicate.ts) — holds a past no present
 * shares, a first-person preterite in "-é" (es-tense.ts) or a pluperfect, and no word of the writer's own time or
 * plans (story-years.ts' `NOW_ES`, `FUTURE_ES`): it names the last such weekday (guide §7, "as the tense says").
 * The shared past test (`PAST_ES`: "-ó", "-aron", imperfects) was tried first on the development rounds: it mended
 * 6 errors in 4 texts and added 17 in 10 (chats and news whose sentence tells a past beside a plan).
 * Stop 48: rounds 32 and 78.
 */
import { toldInThePastByItsClause } from './date-predicate.js';
import { FIRST_PERSON_PAST } from './es-tense.js';
import { ES_WEEKDAY_ALT } from './lexicon.js';
import { FUTURE_ES, NOW_ES } from './story-years.js';

/** A past no present shares: a first-person preterite in "-é" (es-tense.ts) or a pluperfect ("había sido"). */
const PLAIN_PAST = new RegExp(
  `${FIRST_PERSON_PAST.source}|(?<![\\p{L}])[Hh]ab[ií]a(?:n|mos)?\\s+(?:(?:se|lo|la|los|las|le|les|me|te|nos)\\s+)?\\p{L}+(?:ado|ido)(?![\\p{L}])`,
  'u',
);

const SPANISH_WEEKDAY = new RegExp(`^(?:${ES_WEEKDAY_ALT})$`, 'iu');
/** The last "que" before the weekday opens what was said (story-years.ts' connector). */
const QUE = /(?<![\p{L}])que\s(?!.*(?<![\p{L}])que\s)/isu;

/** Whether the Spanish weekday `name` at text[start, end) is told in the past by its own clause. */
export function spanishWeekdayToldInThePast(text: string, start: number, end: number, name: string): boolean {
  return (
    SPANISH_WEEKDAY.test(name) &&
    toldInThePastByItsClause(text, start, end, { past: PLAIN_PAST, now: NOW_ES, future: FUTURE_ES, que: QUE })
  );
}
