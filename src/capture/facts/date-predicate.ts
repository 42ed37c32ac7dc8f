/**
 * Whether a date is told in the past by its own predicate (stop 46). `storyYearsOfThePast` (story-years.ts) reads a
 * yearless day in the story's year only when its whole sentence has no word of the teller's own time; but a witness
 * often adds an aside after the date: "We arrived on the 19th of April, I am sure, because it is my son's birthday",
 * "He was taken on the 25th of January, and his mother still thinks…". The aside's "am", "is", "still" kept the day in
 * the recording's year, and the story's chain broke there: every day after it had no far moment to lean on. Here the
 * date's own clause is the sentence up to it and its words up to the next comma, semicolon, dash or colon: told in
 * the past when that has a past and no word of the teller's own time.
 */
import { clauseOf, type Tense } from './story-years.js';

/** Where the date's own clause ends after it: the next comma, semicolon, dash, colon or sentence end. */
const CLAUSE_END = /[,;:–—.!?\n]|\s-\s/u;

/** The date's sentence before it (from its last connector), and after it up to where its clause ends. */
export function ownClauseOf(text: string, start: number, end: number, connector?: RegExp): string {
  // clauseOf over the text cut at the date's end: its sentence head, and no tail.
  const from = Math.max(0, start - 200);
  const head = clauseOf(text.slice(from, end), start - from, end - from, connector);
  const after = text.slice(end, end + 200);
  const stop = CLAUSE_END.exec(after);
  return `${head}${stop ? after.slice(0, stop.index) : after}`;
}

/** Whether the date's own clause is told in the past, with no word of the teller's own time or plans. */
export function toldInThePastByItsClause(text: string, start: number, end: number, tense: Tense): boolean {
  const clause = ownClauseOf(text, start, end, tense.que);
  return tense.past.test(clause) && !tense.now.test(clause) && !tense.future?.test(clause);
}
