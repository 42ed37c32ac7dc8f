/**
 * The story year of a text published on its event's anniversary (stop 43). A broadcast, blog or thread that opens
 * "Five years ago today …" or "Sixty-nine years ago tonight …" names the event's day only by its count (the `ago`
 * rule in dates.ts reads it, N years back to the day); the event's day said again without its year ("He had spent
 * the evening of 3 February at a friend's house", "Today, as every 17 November, thousands marched") is the
 * reference's own day, read in the reference's year, and so cut the story's chain (`storyYearsOfThePast` stopped at
 * it as a day of the writer's own time). Such a day is passed over in the chain. Counts: README, stop 43 second
 * wave year section.
 */
import { iso } from './calendar.js';
import type { DateMention } from './dates.js';

/** "Five years ago", "hace cinco años": an anniversary's count as the `ago` rules write it. */
const AGO = /\b(?:years?\s+ago|hace\s+.*\ba[ñn]os?)\b/iu;

/**
 * The day an anniversary count names ("Five years ago today" in a text of 3 February 2026 is 3 February 2021), when it
 * lies two or more years back.
 */
export function anniversaryOf(found: readonly DateMention[], reference: Date): DateMention | undefined {
  const today = iso(reference).slice(4);
  const refYear = reference.getUTCFullYear();
  return found.find(
    (d) =>
      d.relative &&
      d.date.precision === 'day' &&
      AGO.test(d.text) &&
      d.value.slice(4) === today &&
      Number(d.value.slice(0, 4)) <= refYear - 2,
  );
}

/**
 * Whether `d` is the anniversary's day said again without its year ("as every 17 November", "Today", "tonight"): the
 * reference's own day, no year written.
 */
export const anniversaryDaySaidAgain = (d: DateMention, reference: Date) =>
  d.date.precision === 'day' && !/\d{4}/u.test(d.text) && d.value === iso(reference);
