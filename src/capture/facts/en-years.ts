/**
 * English years and months the shared rules miss because no preposition leads them (stop 41, counted over every
 * English text of the development and guard rounds):
 * - "dismissed the case that November", "banned that October", "hanged at Pentonville that July": a month after
 *   "that" is of the year written last before it (13 in the corpus, every one annotated, none read);
 * - "Witness: Laxmi Devi Adhikari, b. 1958", "(b. 1971)": a birth year (4 texts, all annotated);
 * - "released 1991 under amnesty; died 2012", "married 2021", "Left Bahrain 2013", "filed 2011": a year right
 *   after what happened in it, as lists, tables and notes write it;
 * - "- 1942: Camp Ipperwash built on Stoney Point land": a timeline's year opening its line.
 */
import { MONTH_NAMES } from '../../domain/dates.js';
import type { DateMention } from './dates.js';

const MONTHS: readonly string[] = MONTH_NAMES.en;
/** "that November" (capitalized, no day or year after it); "that May" only closing its clause ("Theresa May"). */
const THAT_MONTH = new RegExp(
  `\\bthat\\s+(${MONTHS.join('|')})(?![\\p{L}])(?!\\s*\\d|\\s+(?:of|de)\\s+\\d)`,
  'gu',
);
const YEAR_BEFORE = /(?<![\d.,/-])(?:1[5-9]|20)\d{2}(?![\d/-]|[.,]\d)/g;
/** How far back the year that "that <Month>" refers to may be written. */
const REACH = 1500;

/** "b. 1958", "released 1991", "died 2012", "Left Bahrain 2013": the year in group 1. */
const BARE_VERBS = [
  'died',
  'released',
  'married',
  'filed',
  'freed',
  'jailed',
  'executed',
  'exiled',
  'deported',
  'convicted',
  'sentenced(?:\\s+in\\s+absentia)?,?',
  'moved\\s+again',
  'left\\s+\\p{Lu}\\p{L}+',
].map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`);
/** A year standing free (not in a day, a range or a number), then what must come before it: one scan of the text. */
const FREE_YEAR =
  /(?<![\d/.,-])(?:19|20)\d{2}(?![\d/-]|[.,]\d)(?!\s+(?!(?:to|and|in|on|at|for|by|after|under|when|but|as|with|without|from|until)(?![\p{L}]))\p{Ll})/gu;
const BARE_LEAD = new RegExp(`(?<![\\p{L}])(?:b\\.\\s*|(?:${BARE_VERBS.join('|')})\\s+)$`, 'u');
/** "- 1942: Camp Ipperwash built…", "1993 — families reoccupy…": a timeline's line. */
const LINE_YEAR = /^[ \t]*(?:[-•*·][ \t]*)?((?:19|20)\d{2})(?=[ \t]*[:—–][ \t])/gmu;

const mention = (start: number, text: string, value: string, precision: 'year' | 'month'): DateMention => ({
  start,
  end: start + text.length,
  text,
  date: { precision, value },
  value,
  relative: precision === 'month',
});

/** The mentions of these shapes in `text`. */
export function englishYears(text: string): DateMention[] {
  const more: DateMention[] = [];
  THAT_MONTH.lastIndex = 0;
  for (let m = THAT_MONTH.exec(text); m; m = THAT_MONTH.exec(text)) {
    const end = m.index + m[0].length;
    const start = end - m[1]!.length;
    if (m[1] === 'May' && !/^\s*(?:[,.;:)]|$|\s(?:and|when|in|at)\b)/u.test(text.slice(end, end + 8)))
      continue;
    const years = [...text.slice(Math.max(0, start - REACH), start).matchAll(YEAR_BEFORE)];
    const year = years[years.length - 1]?.[0];
    if (!year) continue;
    const mo = String(MONTHS.indexOf(m[1]!) + 1).padStart(2, '0');
    more.push(mention(start, m[1]!, `${year}-${mo}`, 'month'));
  }
  FREE_YEAR.lastIndex = 0;
  for (let m = FREE_YEAR.exec(text); m; m = FREE_YEAR.exec(text))
    if (BARE_LEAD.test(text.slice(Math.max(0, m.index - 40), m.index)))
      more.push(mention(m.index, m[0], m[0], 'year'));
  LINE_YEAR.lastIndex = 0;
  for (let m = LINE_YEAR.exec(text); m; m = LINE_YEAR.exec(text)) {
    const start = m.index + m[0].length - m[1]!.length;
    more.push(mention(start, m[1]!, m[1]!, 'year'));
  }
  return more;
}
