/**
 * A text with no date of its own (an encyclopedia page, an oral history, a victims' list: the reference is only the
 * day it was captured) tells a story whose yearless days are not of the capture: "On 23 May 2017 soldiers raided a
 * house … he escaped on 16 September" is 2017-09-16. Such a day or month that leaned on the reference (within a year
 * of it) takes the year of the nearest mention before it, within 3,000 characters, that gives the story's year,
 * when that year lies two or more years from the reference; a new year's first months after a story's last ones
 * take the next year. What gives the year, what brings the text back to its own time and what marks a habit are
 * each language's words: `UndatedStoryCues`, filled in by en-years.ts and es-undated-years.ts. In place.
 */
import { pad, realDay, utc } from './calendar.js';
import type { DateMention } from './dates.js';

/** How far back an undated text's story may have written its year. */
const STORY_REACH = 3000;

/** One language's words for the pass below. */
export interface UndatedStoryCues {
  /** The mentions in the text's order, the pass reads them in. */
  order(found: DateMention[]): DateMention[];
  /** A day or month written with its month's word and without its year. */
  yearless(d: DateMention): boolean;
  /** A relative mention ("yesterday", "hace dos semanas"): the text is back in its own time. */
  ownTimeAgain(a: DateMention): boolean;
  /** A mention before it that gives the story's year; `reread`: days this pass already moved. */
  givesYear(text: string, a: DateMention, reread: ReadonlySet<DateMention>): boolean;
  /** A habit told in the writer's own time, before the date on its line ("every year … on 28 December"). */
  everyYearBefore: RegExp;
  /** The date's sentence is of the speaker's own time or plans (when the language reads it). */
  ownTimeSentence?(text: string, d: DateMention): boolean;
  /** The weekday written with a day (0 = Sunday), which the new day must fall on (when the language reads it). */
  weekday?(text: string, d: DateMention): number | undefined;
}

export function storyYearsOfUndated(
  text: string,
  found: DateMention[],
  reference: string,
  cues: UndatedStoryCues,
): void {
  const refYear = Number(reference.slice(0, 4));
  const ordered = cues.order(found);
  const reread = new Set<DateMention>();
  for (const [i, d] of ordered.entries()) {
    if (d.date.precision !== 'day' && d.date.precision !== 'month') continue;
    if (!cues.yearless(d)) continue;
    const [y0, mo] = d.value.split('-').map(Number) as [number, number];
    if (Math.abs(y0 - refYear) > 1) continue;
    let anchor: DateMention | undefined;
    for (let j = i - 1; j >= 0 && !anchor; j--) {
      const a = ordered[j]!;
      if (d.start - a.end > STORY_REACH) break;
      if (a.relative && cues.ownTimeAgain(a)) break;
      if (cues.givesYear(text, a, reread)) anchor = a;
    }
    if (!anchor) continue;
    if (cues.ownTimeSentence?.(text, d)) continue;
    const [ay, am = 0] = anchor.value.split('-').map(Number) as [number, number?];
    if (Math.abs(ay - refYear) < 2) continue;
    const lineStart = text.lastIndexOf('\n', d.start) + 1;
    if (cues.everyYearBefore.test(text.slice(Math.max(lineStart, d.start - 200), d.start))) continue;
    const y = am >= 11 && mo <= 2 ? ay + 1 : ay;
    const v = d.date.precision === 'day' ? realDay(y, mo, Number(d.value.slice(8, 10))) : `${y}-${pad(mo)}`;
    if (!v || v === d.value) continue;
    const wd = d.date.precision === 'day' ? cues.weekday?.(text, d) : undefined;
    if (wd !== undefined && utc(v).getUTCDay() !== wd) continue;
    d.date = d.date.precision === 'day' ? { precision: 'day', value: v } : { precision: 'month', value: v };
    d.value = v;
    reread.add(d);
  }
}
