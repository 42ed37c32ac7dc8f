/**
 * A range of two ordinal days whose month is written once, after the second: "On the night of the 19th to the 20th of
 * January", "In the night of the 28th to the 29th of July", "from the 9th to the 11th of August" (stop 48: 3 texts of
 * rounds 20, 74, 77, every one annotated with both ends, §7 "a range gives both ends"). The second end is read with
 * its month; ordinal-days.ts passes the first over, as "of July" after a joined ordinal is not one of the words that
 * may close a day. Here the first end takes the month and year the second was read in. English only (the ordinal
 * suffixes; Spanish "del 19 al 20 de enero" is dates.ts' range).
 */
import { MONTH_NAMES } from '../../domain/dates.js';
import { dayMention, realDay } from './calendar.js';
import type { DateMention } from './dates.js';

const MONTH = MONTH_NAMES.en.join('|');
/** "the 19th to the 20th of January": the first ordinal in group 1, the second's figures in group 2. */
const RANGE_OF_MONTH = new RegExp(
  // The figures first, "the" before them looked behind only then (a lookbehind first runs at every position).
  `(?<![\\p{L}\\d])(\\d{1,2}(?:st|nd|rd|th))(?<=\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)),?\\s+(?:to|and|or|till|until|through|-|–)\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\s+of\\s+(?:${MONTH})(?![\\p{L}])`,
  'gu',
);

/** The mentions, with the first end of each such range added in its second end's month. A new array. */
export function rangeStartDays(text: string, found: readonly DateMention[]): DateMention[] {
  const more: DateMention[] = [];
  if (!/\d(?:st|nd|rd|th),?\s+(?:to|and|or|till|until|through|-|–)\s/u.test(text)) return [...found];
  RANGE_OF_MONTH.lastIndex = 0;
  for (let m = RANGE_OF_MONTH.exec(text); m; m = RANGE_OF_MONTH.exec(text)) {
    const first = m[1]!;
    const start = m.index;
    const end = start + first.length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    const secondAt = start + m[0].lastIndexOf(m[2]!, m[0].search(/\s+of\s+/u));
    const second = found.find(
      (f) =>
        f.date.precision === 'day' &&
        f.start <= secondAt &&
        secondAt < f.end &&
        f.value.endsWith(`-${m![2]!.padStart(2, '0')}`),
    );
    if (!second) continue;
    const day = realDay(
      Number(second.value.slice(0, 4)),
      Number(second.value.slice(5, 7)),
      Number.parseInt(first, 10),
    );
    if (day && day < second.value) more.push(dayMention(start, first, day, second.relative));
  }
  return more.length ? [...found, ...more] : [...found];
}
