/**
 * A season with a two-digit year, as witnesses say it: "en la primavera del 36", "¿qué recuerda del verano del
 * 36?", "el invierno del 77" (stop 45). Guide §7 gives a season with its year the year ("desde el otoño de 2023";
 * "junio del 76" is 1976); a four-digit year is read by the year rules, a two-digit one only after a month
 * (`twoDigitYears`, dates.ts), so the witness's season year was missed: two oral histories of rounds 74 and 75, the
 * first year each story tells. 30–99 are the 1900s, a lower figure the 2000s up to the reference's year.
 */
import type { DateMention } from './dates.js';

export const SEASON_TWO_DIGIT_YEAR =
  /(?<![\p{L}])(?:primavera|verano|oto[ñn]o|invierno)\s+del?\s+(\d{2})(?![\d%º°ª:]|[.,]\d|\s*(?:%|por\s+ciento))/giu;

export function seasonTwoDigitYears(text: string, ref: Date): DateMention[] {
  const more: DateMention[] = [];
  for (const m of text.matchAll(SEASON_TWO_DIGIT_YEAR)) {
    const n = Number(m[1]);
    const year = n >= 30 ? 1900 + n : 2000 + n <= ref.getUTCFullYear() ? 2000 + n : undefined;
    if (year === undefined) continue;
    const value = String(year);
    more.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      date: { precision: 'year', value },
      value,
      relative: false,
    });
  }
  return more;
}
