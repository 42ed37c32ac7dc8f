/**
 * More years a yearless day or month may be read in, for the learned chooser (story-year-choice.ts) where its own
 * candidates (the year written last before, the last full date's, the reference's) lack the gold (stop 47). Offered
 * only when the bench asks (`--candidates`), but for the head's year: leaving one round out, the others moved no
 * more mentions right (HISTORY.md).
 * - the year written next after it, in its paragraph: a story whose year comes after its day ("Rawson, 14 August …
 *   That was 1978", "el 2 de junio … en 1977");
 * - the turn of the year: a month earlier in the calendar than the day or month just before it, read in that one's
 *   year plus one ("treinta de diciembre … cuatro de enero", "the 9th to the 11th of August … the next January").
 * - the head's year (stop 49): the first year written, when it stands in the text's first line, a title naming the
 *   story's year above a line that dates the recording years later. The only one offered by default: leaving one
 *   round out, Spanish moves right / wrong 4 / 1 → 9 / 2 at .85, English 26 / 0 → 27 / 1 at .90 (HISTORY.md).
 * The chooser weighs them like the others; these only say where to look.
 */
import type { DateMention } from './dates.js';

/** The years the bench may offer besides the chooser's own. */
export type ExtraCandidate = 'next' | 'turn' | 'ago' | 'head';

/** What the chooser is offered at run time, and what it is trained with. */
export const DEFAULT_CANDIDATES: readonly ExtraCandidate[] = ['head'];

const yearOf = (d: DateMention) => Number(d.value.slice(0, 4));
const monthOf = (d: DateMention) => Number(d.value.slice(5, 7));
const DAY_OR_MONTH = /^\d{4}-\d{2}(?:-\d{2})?$/u;
/** A blank line: the paragraph ends. */
const PARAGRAPH_BREAK = /\n[ \t]*\n/u;

/**
 * Per mention of `ordered` (text order), the next mention after it that writes its year, when it stands within
 * `reach` characters and no blank line lies between; one pass from the end.
 */
export function nextWrittenYears(
  text: string,
  ordered: readonly DateMention[],
  writesYear: (d: DateMention) => boolean,
  reach: number,
): (DateMention | undefined)[] {
  const out: (DateMention | undefined)[] = new Array(ordered.length);
  let next: DateMention | undefined;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const d = ordered[i]!;
    out[i] =
      next && next.start - d.end <= reach && !PARAGRAPH_BREAK.test(text.slice(d.end, next.start))
        ? next
        : undefined;
    if (writesYear(d)) next = d;
  }
  return out;
}

/**
 * The year after the one the day or month just before was read in, when that one (a day or month too, within its
 * paragraph and `reach`) falls later in the calendar: a running story has crossed the new year.
 */
export function turnOfYear(
  text: string,
  prev: DateMention | undefined,
  d: DateMention,
  reach: number,
): number | undefined {
  if (!prev || !DAY_OR_MONTH.test(prev.value) || !DAY_OR_MONTH.test(d.value)) return undefined;
  if (monthOf(prev) <= monthOf(d) || d.start - prev.end > reach) return undefined;
  if (PARAGRAPH_BREAK.test(text.slice(prev.end, d.start))) return undefined;
  return yearOf(prev) + 1;
}

/** Whether `d` is a relative date two or more years back ("hace cinco años", "Five years ago today"). */
export const farAgo = (d: DateMention, refYear: number) =>
  d.relative && /^\d{4}/u.test(d.value) && yearOf(d) <= refYear - 2;

/**
 * The first mention writing a year, when it stands in the text's first line: a title or head that names the story's
 * year ("Testimonio N.º 7 (masacre de septiembre de 2021)", "NOVEMBER 1984 ORAL HISTORY ARCHIVE") before a line that
 * dates the recording years later (stop 49).
 */
export function headYearMention(
  text: string,
  ordered: readonly DateMention[],
  writesYear: (d: DateMention) => boolean,
): DateMention | undefined {
  const lineEnd = text.trimStart().indexOf('\n') + (text.length - text.trimStart().length);
  const first = ordered.find(writesYear);
  return first && lineEnd > 0 && first.end <= lineEnd ? first : undefined;
}
