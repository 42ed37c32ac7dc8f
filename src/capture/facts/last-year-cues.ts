/**
 * A day or month without its year whose sentence says which year: "last year" before it, or "last"/"next" on the
 * month itself (stop 44). Round after round, writers put "Last year they promised the same for 15 October" and
 * "warned last May" (said in May) in the writer's own year: the day read in the reference's year, the month
 * "last May" read as the May under way. Both cues name the year outright; no anchor in the text is needed.
 */

/**
 * "Last year", "El año pasado" opening the date's sentence, with no year written between: the sentence's own time.
 * Inside a clause it dates another verb ("a request filed last year … was turned down in March", "Since last year
 * the Red Cross has come once, in March": rounds 19 and 23).
 */
const LAST_YEAR = /^\s*["“(]?(?:last\s+year|el\s+año\s+pasado)(?![\p{L}'’])(?![^.!?\n]*?\d{4})[^.!?\n]*$/iu;
/** What ends the sentence before the date. */
const SENTENCE_END = /[.!?]\s|\n/gu;

/** Whether the sentence before `at` in `text` (at most 160 characters back) opens with "last year". */
export function lastYearBefore(text: string, at: number): boolean {
  let head = text.slice(Math.max(0, at - 160), at);
  let end = -1;
  for (const m of head.matchAll(SENTENCE_END)) end = m.index + m[0].length;
  if (end >= 0) head = head.slice(end);
  return LAST_YEAR.test(head);
}

/**
 * The year of an English month said with "last" or "next" ("last May", "next March"): the nearest such month
 * strictly before (after) the reference's month, so that "last May" said in May is the year before, and "next
 * March" said in March the year after. `phrase` is the month's match ("last May", "in May").
 */
export function lastOrNextMonthYear(phrase: string, ref: Date, mo: number): number | undefined {
  const word = /^(last|next)\s/iu.exec(phrase)?.[1]?.toLowerCase();
  if (!word) return undefined;
  const y = ref.getUTCFullYear();
  const refMonth = ref.getUTCMonth() + 1;
  if (word === 'last') return mo < refMonth ? y : y - 1;
  return mo > refMonth ? y : y + 1;
}
