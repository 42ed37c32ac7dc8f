/**
 * An ordinal day led by its preposition, whatever word follows: "From the 14th people in Khorog were protesting", "On
 * the 17th young men from Rushan stood on the road", "since the military took control of the Litoral on the 12th
 * nobody has seen anything", "anything by the 20th helps", "told us on the 9th that it is checking" (stop 48: 5 days
 * in 4 texts of rounds 22, 61, 72, 78, every one annotated, none read). ordinal-days.ts reads an ordinal only where
 * the word after it cannot be its noun (a closed list of verbs, pronouns and function words), so a subject or a verb
 * it does not list after the day left it unread. After "on/from/since/by/until the" an ordinal is a day unless its
 * noun follows: "on the 36th anniversary", "on the 10th of every month", "on the 14th of Magh" (the only such
 * phrases of the English development texts, none annotated).
 */

/** "on the", "From the", "by the" right before the ordinal. */
const LED = /(?<![\p{L}])(?:on|from|since|by|until|till)\s+the\s+$/iu;
/** A lower-case word after the ordinal that is not "of" nor a noun an ordinal counts ("anniversary", "floor"). */
const NOT_ITS_NOUN =
  /^\s+(?!(?:of|anniversary|anniversaries|birthday|year|years|day|days|century|floor|storey|time|round|session|week|month|edition|generation|grade|place|division|brigade|battalion|regiment|company|corps|district|precinct|street|avenue|amendment|article|paragraph|petitioner|respondent|defendant|applicant|appellant|accused)(?![\p{L}]))\p{Ll}/u;

/** Whether the ordinal at `start`, with `after` the words after it, is a day by its preposition (above). */
export function ledByItsPreposition(text: string, start: number, after: string): boolean {
  return LED.test(text.slice(Math.max(0, start - 12), start)) && NOT_ITS_NOUN.test(after);
}
