/**
 * An English gathering named by its day that something is meant for or comes before: "for the bicommunal meeting
 * of 22 October", "before the local government elections of 27 November" (rounds 20, 62: both read a year back).
 * Like Spanish "a su asamblea de octubre" (dates.ts `gatheringOfTheMonth`), it lies ahead of the writer. Not the
 * gathering alone: "thanks Komnas HAM for hosting the meeting of 20 November", "she counts the hearing of 26
 * December as a postponement" tell one that was held (rounds 18, 43).
 */

const GATHERINGS =
  'meeting|meetings|hearing|hearings|session|sessions|elections?|summit|conference|assembly|briefing|vigil|commemoration|sitting|plenary|trial|reading|ceremony';

const FOR_A_GATHERING_OF = new RegExp(
  String.raw`(?<![\p{L}])(?:for|before|ahead\s+of|until|to)\s+(?:the|its|their|our|his|her|next)\s+(?:[\p{L}-]+\s+){0,3}(?:${GATHERINGS})\s+of\s+$`,
  'iu',
);

/** Whether the date whose day starts at `start` in `text` is the day of a gathering still to come. */
export function englishGatheringOfTheDay(text: string, start: number): boolean {
  return FOR_A_GATHERING_OF.test(text.slice(Math.max(0, start - 90), start).replace(/\s+/gu, ' '));
}
