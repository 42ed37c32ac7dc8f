/**
 * "Río" read alone as Rio de Janeiro where it is one word of a longer name: "Asociación Río Muni",
 * "Fideicomiso Río Sonora", "Río Santiago", "Boca del Río", "FM DEL RÍO". Counted at stop 43: 6 extras
 * "Rio" in the development rounds (rounds 15, 28, 34, 58, 62) and one in round 69, none right; the gold
 * holds Rio de Janeiro's bare "Río"/"Rio" in 5 texts (41, 44, 49, 58), never before a capitalized word nor
 * after "de"/"del".
 */
const RIVER_WORD = /^r[ií]o$/iu;
/** A capitalized word going on from the mention on its line ("Río Muni"). */
const NAME_GOES_ON = /^[ \t\u00a0]+\p{Lu}/u;
/** A capitalized word and "de"/"del" before the mention ("Boca del Río", "FM DEL RÍO"), not "la policía de Río". */
const OF_BEFORE = /\p{Lu}[\p{L}\p{M}]*[ \t\u00a0]+(?:de|del|DE|DEL)[ \t\u00a0]+$/u;

/** Whether a place's mention is the word "Río" of a longer name. */
export function riverWordOfName(text: string, e: { start: number; end: number; text: string }): boolean {
  return (
    RIVER_WORD.test(e.text) &&
    (NAME_GOES_ON.test(text.slice(e.end, e.end + 3)) ||
      OF_BEFORE.test(text.slice(Math.max(0, e.start - 30), e.start)))
  );
}
