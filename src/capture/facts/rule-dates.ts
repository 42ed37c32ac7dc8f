/**
 * The dates of a text, the first stage of the rules: the dates found (dates.ts), then the year of each yearless one
 * the text's story gives. They read no name, so a long text's can be read apart from its names (dates-aside.ts).
 */
import { withTextCache } from '../text-cache.js';
import { type DateMention, findDates } from './dates.js';
import { nearestToEvent } from './infobox-anchor.js';
import { ordinalsAfterTheirMonth } from './month-then-ordinal.js';
import { restatedYears } from './restated-years.js';
import { keepSpokenYears } from './spoken-years.js';
import { chooseStoryYears } from './story-year-choice.js';
import { yearAloneStories } from './year-alone-story.js';

/** What the dates of a text count from (index.ts FactOptions has the same fields). */
export interface DateOptions {
  /** The day relative dates count from (YYYY-MM-DD). */
  reference: string;
  /** The reference is only the capture day. */
  undated?: boolean;
  /** The reference is the event day an encyclopedia page's box gives. */
  eventDay?: boolean;
}

/** The dates of a text, the first stage of the rules: they read no name (the year chooser's training runs only this). */
export function ruleDates(text: string, opts: DateOptions): DateMention[] {
  return withTextCache(() => datesOfText(text, opts));
}

function datesOfText(text: string, opts: DateOptions): DateMention[] {
  const ruled = findDates(text, opts.reference, opts.undated);
  // An encyclopedia page's yearless days near its infobox's event (infobox-anchor.ts).
  if (opts.eventDay) nearestToEvent(ruled, opts.reference);
  // A yearless day's year, where the learned chooser is sure of another than the rules' (story-year-choice.ts).
  // A story's year written alone before its yearless months (year-alone-story.ts).
  // "March of eighty" is a spoken year the chooser does not count as written (spoken-years.ts).
  const chosen = keepSpokenYears(
    text,
    chooseStoryYears(text, ruled, opts.reference, opts.undated),
    opts.reference,
  );
  const storied = yearAloneStories(text, chosen, opts.reference);
  // "in September, the 5th": an ordinal day right after its month, in that month's final reading (month-then-ordinal.ts).
  // "in ninety, in the December", "the 16th of September, the '73": a year said beside its month (restated-years.ts).
  return ordinalsAfterTheirMonth(text, restatedYears(text, storied));
}
