/**
 * A witness's two-digit year whose clause goes on with a verb, a clitic or "sin": "En el 66 cerraron el ingenio",
 * "En el 38 la detuvieron", "murió en el 91 sin saber dónde estaba", "se vino en el 91 diciendo que…" (stop 45).
 * dates.ts reads "en el 76," closing its clause and "En el 99 yo tenía…" going on with a pronoun, "ya", "no" or "y";
 * these went on otherwise and were missed: five years in three oral histories and testimonies of rounds 74 and 75
 * (two writers). A house number or a share goes on with "de", "por", a noun ("en el 12 de la calle", "en el 80 por
 * ciento", "en el 40 aniversario"), none of which is a verb.
 */
import type { DateMention } from './dates.js';
import { PAST_ES } from './story-years.js';

/** "en el 66 …", "desde el 38 …", "hasta el 91 …": the year (30–99: the 1900s) and the word after it. */
const YEAR_THEN_WORD =
  /(?<![\p{L}])(?:[Ee]n|[Dd]esde|[Hh]asta)\s+el\s+([3-9]\d)(?![\d\p{L}%º°ª.,:])\s+(\p{Ll}+)/gu;
/** A clitic or "sin" opening the clause's verb, or a gerund ("diciendo", "trabajando"). */
const GOES_ON = /^(?:lo|la|los|las|sin|\p{L}+(?:ando|iendo|yendo))$/u;
const PAST_WORD = new RegExp(`^(?:${PAST_ES.source})$`, 'iu');

export function twoDigitYearsGoingOn(text: string): DateMention[] {
  const more: DateMention[] = [];
  for (const m of text.matchAll(YEAR_THEN_WORD)) {
    const word = m[2]!;
    if (!GOES_ON.test(word) && !PAST_WORD.test(word)) continue;
    const start = m.index + m[0].search(/\d/u);
    const value = `19${m[1]}`;
    more.push({
      start,
      end: start + 2,
      text: m[1]!,
      date: { precision: 'year', value },
      value,
      relative: false,
    });
  }
  return more;
}
