/**
 * Days written in figures without a year in lists and sheets whose rows write their days in full: "Vino en bus
 * desde La Ceiba el 20/09", "sin diálisis desde el 07/03", "MNP visitó el 11/03", "audiencia 15/07", "presentó un
 * amparo … el 19/12". The row's or sheet's dates (22/09/2009, 08/03/2019) give the year; the reference does not
 * (a list compiled in 2025 on a 2009 crackdown). Stop 42: six such days, all annotated, none read, in five sheets of
 * rounds 23, 39, 44, 57 and 62; "1/8", a thread's post count, has no "el" before it and one figure only.
 * English sheets and chats write them after a preposition or a past participle: "reached the lawyer only on 14/11",
 * "complaint filed 18/11", "body returned 05/11", "remanded to 27/06" (stop 44: six such days in the English
 * development texts, all annotated; five missed, in sheets of rounds 57 and 69).
 */
import { dayMention, realDay } from './calendar.js';
import type { DateMention } from './dates.js';

/**
/**
 * "el 20/09", "desde el 07/03", "audiencia 15/07", "on 14/11", "filed 18/11"; in a row with cells, also "| Situación
 * al 31/03", "| libre (14/02)", "| 24/02 |" (stop 44: round 74's sheet, four missed; a note's "(27/10)" under a sheet
 * is the writer's day, rounds 51, 65). Two figures each, no year, no range after.
 */
const SHORT_DAY =
  /(?<![\d/])(\d{2})\/(\d{2})(?<=(?:\b[Ee]l|\b[Aa]udiencia|\b(?:[Oo]n|to|until|till|since|from|by|before|after)|\b\p{Ll}{2,}ed)\s+\d{2}\/\d{2}|\|[^\n]*(?:\b[Aa]l\s+|\(|\|[ \t]*)\d{2}\/\d{2})(?![\d/.]\d|\/|\s*[-–]\s*\d)/gu;
/** A day in full: "22/09/2009", "08/03/2019". */
const FULL_DAY = /(?<![\d/])\d{1,2}\/\d{1,2}\/((?:19|20)\d{2})(?![\d/])/g;

/** The days of a sheet written without their year, each in the year of the full day written last before it. */
export function sheetDays(text: string): DateMention[] {
  const full = [...text.matchAll(FULL_DAY)].map((f) => ({ at: f.index, year: Number(f[1]) }));
  if (!full.length) return [];
  const out: DateMention[] = [];
  // Both in text order: one pass, the last full day before each short one (the first when none is before).
  let k = 0;
  for (const m of text.matchAll(SHORT_DAY)) {
    while (k + 1 < full.length && full[k + 1]!.at < m.index) k++;
    const year = full[k]!.year;
    const value = realDay(year, Number(m[2]), Number(m[1]));
    if (!value) continue;
    out.push(dayMention(m.index, m[0], value, false));
  }
  return out;
}
