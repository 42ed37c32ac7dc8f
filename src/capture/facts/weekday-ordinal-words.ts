/**
 * A day spelled as an ordinal word after its weekday, without its month: "On the Saturday, the twelfth, the President
 * went on television", "on Thursday the seventh and Friday the eighth people went to the church", "This was on the
 * Thursday, the fourteenth, or the fifteenth", "The plane came down on the Wednesday night, the sixth". Testimonies
 * and oral histories tell a story's days so once its month is said ("Take us back to January 2019", "since April
 * 1994"). Stop 45, development rounds: 10 such days in 4 texts of rounds 39, 62, 73, 74; 9 missed, 2 of their
 * weekdays read near the writer (extras), and only round 39's "Next Tuesday, the tenth" read; all 9 read now, none
 * broken. ordinal-days.ts reads only figures ("the 12th"); run before it, so "The next day, the 12th" continues the
 * month found here (round 73: 2 more days).
 *
 * The weekday checks the month: the nearest of the three months or days named before on whose calendar the ordinal
 * falls on that weekday (ordinal-days.ts fittingMonth); else the month the figures' rule would give, in the nearest
 * year written before that fits. A weekday read already as that very day ("Next Tuesday, the tenth") is kept; one
 * read as another day takes the day found.
 */
import { realDay, relativeDay, utc } from './calendar.js';
import type { DateMention } from './dates.js';
import { EN_ORDINAL_DAY, fittingMonth, ordinalDay, ordinalWordDay } from './ordinal-days.js';

const DAY_NAME = 'sunday|monday|tuesday|wednesday|thursday|friday|saturday';
const WEEKDAYS = DAY_NAME.split('|');
/** "Saturday, the twelfth", "the Wednesday night, the sixth", "Thursday the seventh": the weekday in group 1, the word in 2. */
const WEEKDAY_ORDINAL_WORD = new RegExp(
  `(?<![\\p{L}])(${DAY_NAME})(?:\\s+(?:morning|afternoon|evening|night))?,?\\s+the\\s+(${EN_ORDINAL_DAY})(?![\\p{L}-])`,
  'giu',
);
/** ", or the fifteenth", " and the ninth": a second day joined to the first. */
const JOINED_WORD = new RegExp(`^,?\\s+(?:or|and)\\s+the\\s+(${EN_ORDINAL_DAY})(?![\\p{L}-])`, 'iu');
/** Words that make the ordinal a noun's or a month's ("the second time", "the sixteenth of December", read elsewhere). */
const NOT_A_DAY =
  /^\s+(?:of|time|times|day|days|week|weeks|anniversary|year|years|month|months|floor|round)(?![\p{L}])/iu;
/** The days `text` spells as ordinal words after their weekday; a weekday read as another day takes the day (in place). */
export function weekdayOrdinalWords(text: string, found: DateMention[], ref: Date): DateMention[] {
  const more: DateMention[] = [];
  if (!/(?:day(?:\s+\p{L}+)?),?\s+the\s+\p{L}*(?:st|nd|rd|th)(?![\p{L}])/iu.test(text)) return more;
  const anchors = found
    .filter((f) => (f.date.precision === 'day' || f.date.precision === 'month') && !f.value.includes('/'))
    .sort((a, b) => a.end - b.end);
  for (const m of text.matchAll(WEEKDAY_ORDINAL_WORD)) {
    const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    const wordStart = m.index + m[0].length - m[2]!.length;
    const end = m.index + m[0].length;
    if (NOT_A_DAY.test(text.slice(end, end + 16))) continue;
    const day = ordinalWordDay(m[2]!);
    if (!day) continue;
    const v =
      fittingMonth(anchors, m.index, day, wd, ref.getUTCFullYear()) ??
      ordinalDay(text, found, ref, wordStart, end, day);
    if (!v || utc(v).getUTCDay() !== wd) continue;
    const weekday = found.find(
      (f) => f.start < wordStart && f.end > m.index && f.date.precision === 'day' && !f.value.includes('/'),
    );
    if (weekday) {
      if (Number(weekday.value.slice(8, 10)) === day) continue;
      weekday.date = { precision: 'day', value: v };
      weekday.value = v;
    } else more.push(relativeDay(wordStart, m[2]!, v));
    const joined = JOINED_WORD.exec(text.slice(end, end + 40));
    const second = joined && ordinalWordDay(joined[1]!);
    const w = second && realDay(Number(v.slice(0, 4)), Number(v.slice(5, 7)), second);
    if (w)
      more.push(relativeDay(end + joined!.index + joined![0].length - joined![1]!.length, joined![1]!, w));
  }
  return more;
}
