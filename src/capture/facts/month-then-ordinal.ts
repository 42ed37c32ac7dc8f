/**
 * A month named and then, at once, its day as an ordinal alone: "It was in 2018, the rainy season, September. The
 * 22nd.", "They came to my flat in Heliopolis in September, the 22nd", "The first time they let her see me was in
 * September, the 5th, I think, or the 6th", "In January 2025. On the 16th." (stop 46). A witness pins the day down
 * after the month, often across a full stop. ordinal-days.ts takes the ordinal's month from the nearest dated day
 * before it, and passes over a month without its year read near the reference (a month of the writer's own time is
 * no anchor there), so these days fell to an older day's month or the reference's. Here, once every rule and the
 * chooser have read the month's year, the month standing right before the ordinal — only a comma or a full stop and
 * "the", "on the", "maybe the" between — gives the ordinal its month and year. Counts: HISTORY.md, stop 46.
 */
import { realDay, standingMentions } from './calendar.js';
import type { DateMention } from './dates.js';

/** What may stand between the month and the ordinal: a comma or stop, then "the" after a hedge or "on". */
const BETWEEN = /^[,.]?\s+(?:(?:on|maybe|perhaps|probably|around|about|I\s+think)\s+)?the\s+$/iu;
const MONTH_VALUE = /^\d{4}-\d{2}$/u;
/** A month that closes a day ("from the 24th of May; on the 26th"): that day, not the month, is the anchor. */
const DAY_OF = /\d(?:st|nd|rd|th)?\s+(?:of\s+)?$/iu;

/** Whether `month`, the mention standing just before an ordinal at `at`, is that ordinal's month (above). */
export function monthJustBefore(
  text: string,
  month: DateMention | undefined,
  at: number,
): month is DateMention {
  if (!month || !MONTH_VALUE.test(month.value) || at - month.end > 24) return false;
  if (DAY_OF.test(text.slice(Math.max(0, month.start - 12), month.start))) return false;
  return BETWEEN.test(text.slice(month.end, at));
}

/** What joins a second ordinal to the first: "the 5th, I think, or the 6th", "the 16th or 17th". */
const JOINED = /^,?\s+(?:I\s+think,?\s+)?(?:or|and|to)\s+(?:the\s+)?$/iu;

/** An ordinal day alone, as ordinal-days.ts reads it ("22nd", "5th"). */
const ORDINAL_ALONE = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$/iu;

/** The mentions, each ordinal day right after a month read in that month and its year. A new array. */
export function ordinalsAfterTheirMonth(text: string, found: readonly DateMention[]): DateMention[] {
  const standing = standingMentions(found);
  const anchors = standing.filter((d) => d.date.precision === 'day' || d.date.precision === 'month');
  const moved = new Map<DateMention, DateMention>();
  for (const [i, d] of anchors.entries()) {
    const ordinal = ORDINAL_ALONE.exec(d.text);
    const prior = i > 0 ? anchors[i - 1] : undefined;
    // The month, or an ordinal this pass just read in it ("the 5th, I think, or the 6th").
    const first = prior && moved.get(prior);
    const month =
      first && JOINED.test(text.slice(prior!.end, d.start))
        ? first
        : monthJustBefore(text, prior, d.start)
          ? prior
          : undefined;
    if (!ordinal || !month) continue;
    const value = realDay(
      Number(month.value.slice(0, 4)),
      Number(month.value.slice(5, 7)),
      Number(ordinal[1]),
    );
    if (!value || value === d.value) continue;
    moved.set(d, { ...d, date: { precision: 'day', value }, value });
  }
  return moved.size ? found.map((d) => moved.get(d) ?? d) : [...found];
}
