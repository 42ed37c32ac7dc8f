/**
 * Day arithmetic the date readers share (dates.ts and its English modules): ISO days in UTC, a day's
 * existence, a day mention and the mentions that stand (none inside a longer one). Pure.
 */
import type { DateMention } from './dates.js';

export const DAY_MS = 86_400_000;
export const pad = (n: number) => String(n).padStart(2, '0');
export const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** "2025-03-05" → that day's midnight, UTC. */
export const utc = (s: string) => new Date(`${s}T00:00:00Z`);
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);

/** The ISO day y-m-d, if the calendar has it ("2025-02-30" it has not). */
export function realDay(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? iso(dt) : undefined;
}

/** A day the text writes at `start` as `text`, read as `value` (relative: counted from the reference). */
export const dayMention = (start: number, text: string, value: string, relative: boolean): DateMention => ({
  start,
  end: start + text.length,
  text,
  date: { precision: 'day', value },
  value,
  relative,
});
/** A day the text writes at `start` as `text`, read relative to the reference as `value`. */
export const relativeDay = (start: number, text: string, value: string): DateMention =>
  dayMention(start, text, value, true);

/**
 * The mentions that will stand, in text order: none inside a longer one ("enero de 1969" and "1969" inside
 * "16 de enero de 1969"). A new array; the mentions themselves are shared.
 */
export function standingMentions(found: readonly DateMention[]): DateMention[] {
  const ordered: DateMention[] = [];
  let reach = -1;
  for (const f of [...found].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (f.end <= reach) continue;
    ordered.push(f);
    reach = f.end;
  }
  return ordered;
}
