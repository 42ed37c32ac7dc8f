/**
 * English years as a witness says them: "in March of eighty", "December of eighty-one", "the 16th of January of
 * ninety-two", "in June of 77", "May '89", "I was nine in '85", "the '73 I mean", "my mother died in eighty-six,",
 * "in nineteen eighty-two". The rules read only four-digit years in English (two-digit ones only after a Spanish
 * "del", dates.ts `twoDigitYears`), so the month was read in the reference's year and the year alone was missed;
 * the yearless months told after it ("in ninety, in the December") had no year to take either. Guide §7: "a
 * two-digit year is a year" ("en el 87", "junio del 76").
 *
 * Stop 47, development rounds: 10 such years in 6 texts of rounds 20 and 75 (two writers; every one in an oral
 * history, a transcript, a letter or voice notes), 8 of them in 4 texts read here; "he said \"eighty-two\"" and
 * "the strike of 73" are left (a quoted answer, and a figure after "of" that may be an age). A bare figure after "in" or "of" ("in 77 cases", "a man of 73")
 * is a count or an age: only a month before it, or the apostrophe, makes it a year. A year in words alone must close
 * its clause ("in eighty-six, of the fever"), so "in eighty-six cases" stays a count. Decades ("the '80s", "the
 * eighties") are not dates (guide §7) and are not read.
 */
import { MONTH_NAMES } from '../../domain/dates.js';
import { pad, realDay } from './calendar.js';
import type { DateMention } from './dates.js';
import { EN_TENS, EN_UNITS } from './lexicon.js';

const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
/** English month names, January first (the domain's own list). */
const MONTHS: readonly string[] = MONTH_NAMES.en;

/** "eighty", "eighty-one", "ninety two": 20–99 in words. */
const TENS_WORDS = `(?:${EN_TENS.join('|')})(?:[-\\s](?:${EN_UNITS.join('|')}))?`;
/** "nineteen eighty-two", "two thousand and three", "two thousand fifteen": a whole year in words. */
const WHOLE_WORDS = `nineteen[-\\s](?:${TENS_WORDS}|${TEENS.join('|')})|two\\s+thousand(?:\\s+and)?\\s+(?:${TENS_WORDS}|${TEENS.join('|')}|${EN_UNITS.join('|')})`;
/**
 * The year after a month: an apostrophe's figures, "of" and figures or words, or a whole year in words ("May
 * twenty people" is a count: two-digit words need their "of").
 */
const YEAR_AFTER_MONTH = `(?:['’‘](\\d{2})|of\\s+(\\d{2})|(?:of\\s+)?(${WHOLE_WORDS})|of\\s+(${TENS_WORDS}))`;
const NOT_GOING_ON = String.raw`(?![\p{L}\d'’%]|[.,:]\d|\s*(?:%|per\s?cent))`;

/** A month and its spoken year: "June of 77", "December of eighty-one" (found first: a month's capital is rare). */
const MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\d])(${MONTHS.join('|')})\\s+${YEAR_AFTER_MONTH}${NOT_GOING_ON}`,
  'gu',
);
/** The day before such a month: "the 16th of ", "3 ". */
const DAY_BEFORE = /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$/u;
/** "in '85", "the '73", "since '82": an apostrophe's year after a preposition or an article (not "the '80s"). */
const APOSTROPHE_YEAR = new RegExp(`['’‘](\\d{2})${NOT_GOING_ON}`, 'gu');
const APOSTROPHE_LEAD =
  /(?<![\p{L}])(?:in|since|of|the|until|till|from|before|after|around|summer|winter|spring|autumn)\s$/iu;
/** "in eighty-six," "since ninety." "in nineteen eighty-two": a year in words closing its clause, or a whole one. */
const WORDS_YEAR = new RegExp(`(?<![\\p{L}-])(?:${TENS_WORDS})(?=\\s*(?:[,;:!?)]|\\.(?!\\d)|$))`, 'gmu');
const WORDS_LEAD = /(?<![\p{L}])(?:[Ii]n|[Ss]ince)\s$/u;
/** A whole year in words anywhere else: "Nineteen eighty-two was the worst year". */
const WHOLE_ALONE = new RegExp(`(?<![\\p{L}-])(?:${WHOLE_WORDS})(?![\\p{L}-])`, 'giu');

/** 20–99 (or 10–19, 1–9) from its words; undefined when the words are no such number. */
function wordsValue(words: string): number | undefined {
  const [first, second] = words.toLowerCase().split(/[-\s]+/);
  const t = EN_TENS.indexOf(first!);
  if (t >= 0)
    return second
      ? EN_UNITS.includes(second)
        ? 20 + 10 * t + EN_UNITS.indexOf(second) + 1
        : undefined
      : 20 + 10 * t;
  if (second) return undefined;
  const teen = TEENS.indexOf(first!);
  if (teen >= 0) return 10 + teen;
  const unit = EN_UNITS.indexOf(first!);
  return unit >= 0 ? unit + 1 : undefined;
}

/** A whole year in words: "nineteen eighty-two" 1982, "two thousand and three" 2003. */
function wholeYear(words: string): number | undefined {
  const m = /^(nineteen|two\s+thousand(?:\s+and)?)\s*[-\s]\s*(.+)$/iu.exec(words.trim());
  const rest = m ? wordsValue(m[2]!) : undefined;
  if (!m || rest === undefined) return undefined;
  return /^nineteen/i.test(m[1]!) ? (rest >= 10 ? 1900 + rest : undefined) : 2000 + rest;
}

/** A two-digit year as a witness means it: 30–99 the 1900s, a lower one the 2000s up to the writer's year. */
function twoDigits(n: number, refYear: number): number | undefined {
  if (n >= 30) return 1900 + n;
  return 2000 + n <= refYear ? 2000 + n : 1900 + n;
}

/** The year of a spoken form: figures ("77"), two-digit words ("eighty-one") or whole words. */
function yearOf(figures: string | undefined, words: string | undefined, refYear: number): number | undefined {
  if (figures) return twoDigits(Number(figures), refYear);
  if (!words) return undefined;
  const whole = wholeYear(words);
  if (whole !== undefined) return whole;
  const n = wordsValue(words);
  return n !== undefined && n >= 20 ? twoDigits(n, refYear) : undefined;
}

function mention(start: number, text: string, value: string): DateMention {
  const precision = value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
  return {
    start,
    end: start + text.length,
    text,
    date: { precision, value } as DateMention['date'],
    value,
    relative: false,
  };
}

/** The value of a month-and-year match, with the day written before it or not: "1981-12", "1992-01-16". */
function monthYearValue(m: RegExpExecArray, day: string | undefined, refYear: number): string | undefined {
  const y = yearOf(m[2] ?? m[3], m[4] ?? m[5], refYear);
  if (y === undefined) return undefined;
  const mo = MONTHS.indexOf(m[1]!) + 1;
  return day ? realDay(y, mo, Number(day)) : `${y}-${pad(mo)}`;
}

/** Every spoken year of `text` (English), as mentions; `reference` ("YYYY-MM-DD") bounds a two-digit year's century. */
export function spokenYears(text: string, reference: string): DateMention[] {
  const refYear = Number(reference.slice(0, 4));
  const out: DateMention[] = [];
  const taken = (s: number, e: number) => out.some((o) => s < o.end && o.start < e);
  for (const m of text.matchAll(MONTH_YEAR)) {
    const day = DAY_BEFORE.exec(text.slice(Math.max(0, m.index! - 12), m.index!));
    const v = monthYearValue(m, day?.[1], refYear);
    const start = m.index! - (day?.[0].length ?? 0);
    if (v) out.push(mention(start, text.slice(start, m.index! + m[0].length), v));
  }
  for (const m of text.matchAll(APOSTROPHE_YEAR)) {
    if (!APOSTROPHE_LEAD.test(text.slice(Math.max(0, m.index! - 8), m.index!))) continue;
    const y = twoDigits(Number(m[1]), refYear);
    if (y !== undefined && !taken(m.index!, m.index! + m[0].length))
      out.push(mention(m.index!, m[0], String(y)));
  }
  for (const re of [WORDS_YEAR, WHOLE_ALONE]) {
    for (const m of text.matchAll(re)) {
      if (re === WORDS_YEAR && !WORDS_LEAD.test(text.slice(Math.max(0, m.index! - 6), m.index!))) continue;
      const y = yearOf(undefined, m[0], refYear);
      if (y !== undefined && !taken(m.index!, m.index! + m[0].length))
        out.push(mention(m.index!, m[0], String(y)));
    }
  }
  return out;
}

/** A mention's text that ends in a spoken year (dates.ts' and story-years.ts' "writes its year"). */
export const SPOKEN_YEAR_END = new RegExp(
  `(?:['’‘]\\d{2}|(?<![\\p{L}])of\\s+\\d{2}|(?<![\\p{L}-])(?:${WHOLE_WORDS}|${TENS_WORDS}))$`,
  'iu',
);

/**
 * Adds `spokenYears` to `found`, dropping what they cover ("March" inside "March of eighty" was read in the
 * reference's year and would stand as a yearless anchor for the story-year passes).
 */
export function addSpokenYears(text: string, found: DateMention[], reference: string): void {
  const spoken = spokenYears(text, reference);
  if (!spoken.length) return;
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    if (spoken.some((s) => s.start <= f.start && f.end <= s.end)) found.splice(i, 1);
  }
  found.push(...spoken);
}

/**
 * The learned chooser (story-year-choice.ts) counts only figures as a written year, so it may move "March of
 * eighty" as a yearless month: each mention that is a spoken year takes its own reading back.
 */
export function keepSpokenYears(text: string, dates: DateMention[], reference: string): DateMention[] {
  if (!dates.some((d) => SPOKEN_YEAR_END.test(d.text))) return dates;
  const spoken = new Map(spokenYears(text, reference).map((s) => [`${s.start}:${s.end}`, s]));
  return dates.map((d) => {
    const s = spoken.get(`${d.start}:${d.end}`);
    return s && s.value !== d.value ? { ...d, date: s.date, value: s.value } : d;
  });
}
