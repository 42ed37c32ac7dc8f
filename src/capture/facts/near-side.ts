/**
 * The near side of a day without its year. Such a day has two readings a year apart, one behind the writer and one
 * ahead; when one lies within a month of the writer's day, the other lies eleven months or more away. Tense cues pick
 * the side well when the day is a season away, but misread it at these distances in both directions: a plan told with
 * a past somewhere in its sentence ("The Mechanism, which took over the archive, has scheduled a reading on 2 March"
 * written 22 February; "respondió …: revisión el 6 de abril" written 25 March) was read eleven months back, and a
 * day just past in a sentence with a future or a "next" ("Field clinic will be in the house …, same as 13 November"
 * written 16 November) eleven months ahead. A writer who means a day a year off from a day within a month of their
 * own says so ("last year", "next year", "el próximo"); such cues are read before this. Stop 44: on the development
 * rounds (12–74 without the held-apart ones) 26 days were read on the far side while the gold holds the near one;
 * kept to clauses with no past of their own (dates.ts `ownClause`), the check mends 13 pairs in 13 texts of 11 rounds
 * and breaks none.
 */
import { DAY_MS, utc } from './calendar.js';

/** The near reading's reach: a month for a day; two for a month alone, counted from its middle. */
export const NEAR_DAYS = 31;
export const MONTH_REACH = 60;
/** Beyond this the chosen reading is on the far side (a year less the near reach, with room for month lengths). */
const FAR_DAYS = 300;

/**
 * The reading to take instead of the chosen one (`back` or `ahead`, days written YYYY-MM-DD) when that lies on the far
 * side and the other within `NEAR_DAYS` of the reference; undefined to keep the chosen one.
 */
export function nearSide(
  ref: Date,
  back: string | undefined,
  ahead: string | undefined,
  chosenAhead: boolean,
  reach = NEAR_DAYS,
): string | undefined {
  if (!back || !ahead) return undefined;
  const behind = (ref.getTime() - utc(back).getTime()) / DAY_MS;
  const before = (utc(ahead).getTime() - ref.getTime()) / DAY_MS;
  if (chosenAhead) return before >= FAR_DAYS && behind <= reach ? back : undefined;
  return behind >= FAR_DAYS && before <= reach ? ahead : undefined;
}

/** Words right before the day that ask for the far side or for a stretch begun: "next", "el próximo", "since", "desde". */
const FAR_OR_BEGUN =
  /(?<![\p{L}])(?:next|coming|upcoming|pr[oó]xim[oa]s?|since|desde|a\s+partir\s+del?)\s+(?:(?:the|el|la|on|del?)\s+)*$/iu;
export const farSideAsked = (head: string, mention: string) =>
  FAR_OR_BEGUN.test(head) || /^(?:since|desde)(?![\p{L}])/iu.test(mention);
