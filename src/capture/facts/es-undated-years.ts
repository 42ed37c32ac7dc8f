/**
 * Spanish words for `storyYearsOfUndated` (undated-story-years.ts), whose English side is en-years.ts (stop 45).
 * A Spanish text with no date of its own — an oral history, a testimony, a victims' list, a diary whose head gives
 * no year — has only the capture day as its reference, so its yearless days fell in the capture's year: "se lo
 * llevaron el 24 de marzo" after "el 2 de enero del 76" was 2024-03-24, "visto … el 3 de mayo" in a list whose every
 * row is of 1982 was 2024-05-03. As in English, such a day or month takes the year of the nearest mention before it
 * that writes its year with a month or day ("mayo del 75", "02/05/1982", "julio de 1936"); unlike English, a day so
 * read dates the next one ("el 15 de agosto" … "El 22 de septiembre"), so does a season with its year ("la
 * primavera del 36 … en octubre"), a sentence of the speaker's own time or plans keeps its reading, and a weekday
 * written with the day must fit the new year, or the day stays. Counted on the development rounds first
 * (HISTORY.md, stop 45).
 */
import { standingMentions } from './calendar.js';
import type { DateMention } from './dates.js';
import { ES_WEEKDAY_ALT, fold, SPANISH_MONTHS, WEEKDAYS } from './lexicon.js';
import { FUTURE_ES, NOW_ES } from './story-years.js';
import { storyYearsOfUndated, type UndatedStoryCues } from './undated-story-years.js';

const ES_MONTH_WORD = new RegExp(
  `(?<![\\p{L}])(?:${[...SPANISH_MONTHS.keys()].join('|')})(?![\\p{L}])`,
  'iu',
);
/** dates.ts' `writesYear` (dates.ts imports this module). */
const YEAR_WRITTEN = /\d{4}|\bmil\b|\bdel?\s+\d{2}$/iu;
/** The weekday written with the day: in it ("martes 11 de julio") or right before it ("el martes, 11 de julio"). */
const WEEKDAY = new RegExp(`(?<![\\p{L}])(${ES_WEEKDAY_ALT})(?![\\p{L}])[,\\s]*(?:el\\s+)?$`, 'iu');
const WEEKDAY_ALONE = new RegExp(`^(?:el\\s+)?(?:${ES_WEEKDAY_ALT})$`, 'iu');
/** A habit told in the speaker's own time: "cada año, el 3 de agosto", "todos los años en noviembre". */
const EVERY_YEAR_BEFORE = /(?<![\p{L}])(?:cada\s+año|todos\s+los\s+años)(?![\p{L}])[^.!?\n]*$/iu;

/** A season named with its year ("la primavera del 36", "el verano de 1936"): a year the story stands in. */
const SEASON = /(?<![\p{L}])(?:primavera|verano|oto[ñn]o|invierno)(?![\p{L}])/iu;
const SEASON_BEFORE = /(?<![\p{L}])(?:primavera|verano|oto[ñn]o|invierno)\s+del?\s+$/iu;
const seasonOfAYear = (text: string, a: DateMention) =>
  SEASON.test(a.text) || SEASON_BEFORE.test(text.slice(Math.max(0, a.start - 16), a.start));

/** "del presente año", "del año en curso": a ruling's or minutes' own year, not the story's. */
const THIS_YEAR = /(?<![\p{L}])(?:presente|corriente)\s+año|año\s+en\s+curso(?![\p{L}])/iu;

/** The date's sentence, not across a line. */
function sentenceOf(text: string, d: DateMention): string {
  const head = text.slice(Math.max(0, d.start - 200), d.start);
  const cut = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('? '),
    head.lastIndexOf('! '),
    head.lastIndexOf('\n'),
  );
  return `${head.slice(cut + 1)} ${text.slice(d.end, d.end + 200).split(/[.!?\n]/u, 1)[0]}`;
}

/** The weekday a mention names (0 = Sunday), from its own words or the few before it. */
function weekdayOf(text: string, d: DateMention): number | undefined {
  const named =
    new RegExp(`^(?:el\\s+)?(${ES_WEEKDAY_ALT})(?![\\p{L}])`, 'iu').exec(d.text)?.[1] ??
    WEEKDAY.exec(text.slice(Math.max(0, d.start - 16), d.start))?.[1];
  return named === undefined ? undefined : WEEKDAYS.get(fold(named));
}

const SPANISH_STORY: UndatedStoryCues = {
  order: standingMentions,
  yearless: (d) => !YEAR_WRITTEN.test(d.text) && ES_MONTH_WORD.test(d.text),
  // "ayer", "hace dos semanas", "hoy" ("Era un martes" is the story's still).
  ownTimeAgain: (a) => !ES_MONTH_WORD.test(a.text) && !WEEKDAY_ALONE.test(a.text),
  givesYear: (text, a, reread) =>
    a.date.precision === 'year' ? seasonOfAYear(text, a) : YEAR_WRITTEN.test(a.text) || reread.has(a),
  everyYearBefore: EVERY_YEAR_BEFORE,
  // "Dijo que van a volver a la Comisión si en septiembre no hay novedades": a plan or the speaker's own time.
  ownTimeSentence: (text, d) => {
    const sentence = sentenceOf(text, d);
    return NOW_ES.test(sentence) || FUTURE_ES.test(sentence) || THIS_YEAR.test(sentence);
  },
  weekday: weekdayOf,
};

/**
 * In a Spanish text with no date of its own (`undated`: the reference is only the capture day), each day or month
 * without its year that leaned on the reference (within a year of it) takes the story's year, as above. In place.
 */
export function storyYearsOfUndatedSpanish(text: string, found: DateMention[], reference: string): void {
  storyYearsOfUndated(text, found, reference, SPANISH_STORY);
}
