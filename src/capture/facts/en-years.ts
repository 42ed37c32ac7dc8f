/**
 * English years and months the shared rules miss because no preposition leads them (stop 41, counted over every
 * English text of the development and guard rounds):
 * - "dismissed the case that November", "banned that October", "hanged at Pentonville that July": a month after
 *   "that" is of the year written last before it (13 in the corpus, every one annotated, none read);
 * - "Witness: Laxmi Devi Adhikari, b. 1958", "(b. 1971)": a birth year (4 texts, all annotated);
 * - "released 1991 under amnesty; died 2012", "married 2021", "Left Bahrain 2013", "filed 2011": a year right
 *   after what happened in it, as lists, tables and notes write it;
 * - "- 1942: Camp Ipperwash built on Stoney Point land": a timeline's year opening its line;
 * - "older than 1996", "anything on that office for 2013?", "the old file says 2016", "not 2006", "Same like 2017",
 *   "his birth year as 1966", "in spring 2024": a year after a word that compares, asks for, quotes or seasons it
 *   (stop 43: 9 missed in 9 texts of 8 development rounds, 13–63, none read; no year after these words was an
 *   extra); not a decade ("for 1990s maps");
 * - "It was 1999, in the autumn", "Deadline for new claims is 2026 (check)", "beyond 2026.", "The figure for 2025 is
 *   higher": after a copula or "beyond", or before one (stop 45: 4 missed in 4 texts of rounds 32, 58, 62, 67, none
 *   read; no year after or before these words in the English development or guard texts was an extra).
 */
import { MONTH_NAMES } from '../../domain/dates.js';
import type { DateMention } from './dates.js';
import { storyYearsOfUndated, type UndatedStoryCues } from './undated-story-years.js';

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
  /(?<![\d/.,-])(?:19|20)\d{2}(?![\d/-]|[.,]\d)(?!\s+(?!(?:to|and|in|on|at|for|by|after|under|when|but|as|with|without|from|until|is|was)(?![\p{L}]))\p{Ll})/gu;
const BARE_LEAD = new RegExp(`(?<![\\p{L}])(?:b\\.\\s*|(?:${BARE_VERBS.join('|')})\\s+)$`, 'u');
/** "older than 1996", "for 2013?", "says 2016", "spring 2024": words after which a free year is one. */
const YEAR_LEAD = /(?<![\p{L}])(?:for|than|as|like|not|says|spring|summer|autumn|winter|was|is|beyond)\s+$/u;
/** "the 1990s", "1930s maps", "2019's": a decade or a possessive, no year of its own here. */
const DECADE_AFTER = /^['’]?s(?![\p{L}])/u;
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
    if (
      BARE_LEAD.test(text.slice(Math.max(0, m.index - 40), m.index)) ||
      (YEAR_LEAD.test(text.slice(Math.max(0, m.index - 20), m.index)) &&
        !DECADE_AFTER.test(text.slice(m.index + 4, m.index + 7)))
    )
      more.push(mention(m.index, m[0], m[0], 'year'));
  LINE_YEAR.lastIndex = 0;
  for (let m = LINE_YEAR.exec(text); m; m = LINE_YEAR.exec(text)) {
    const start = m.index + m[0].length - m[1]!.length;
    more.push(mention(start, m[1]!, m[1]!, 'year'));
  }
  return more;
}

const EN_MONTH_WORD = new RegExp(`(?<![\\p{L}])(${MONTHS.join('|')})(?![\\p{L}])`, 'u');
const FOUR_DIGITS = /\d{4}/;

/**
 * English words for `storyYearsOfUndated` (undated-story-years.ts): the year is that of a mention writing both a
 * month and a year (a year alone is too often an aside: "sent against the students in 1962"); "every year" before
 * the date is a habit. Stop 41: 14 such days in the encyclopedia pages of rounds 19, 24, 25, 32, 61 and 62 were read
 * in the capture's year.
 */
const ENGLISH_STORY: UndatedStoryCues = {
  order: (found) => [...found].sort((a, b) => a.start - b.start),
  yearless: (d) => !FOUR_DIGITS.test(d.text) && EN_MONTH_WORD.test(d.text),
  ownTimeAgain: (a) => !EN_MONTH_WORD.test(a.text),
  givesYear: (_text, a) =>
    FOUR_DIGITS.test(a.text) && EN_MONTH_WORD.test(a.text) && a.date.precision !== 'year',
  everyYearBefore: /\b(?:every|each)\s+year\b[^.!?\n]*$/iu,
};

/** An undated text's English yearless days take its story's year (undated-story-years.ts). In place. */
export function storyYearsOfUndatedText(text: string, found: DateMention[], reference: string): void {
  storyYearsOfUndated(text, found, reference, ENGLISH_STORY);
}
