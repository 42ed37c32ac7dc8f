/**
 * An undated text's own "now", when it is later than the capture day (stop 49). A text with no date of its own counts
 * its yearless days and months from the day it was captured. A text cannot tell as done, or as happening, what had not
 * yet happened when it was copied: when it writes a full day or month with its year after the capture day, in a clause
 * that is no plan ("se publica el viernes 5 de diciembre de 2025", "the list was updated on 2 June 2026"; not "will
 * hear the case on 15 January 2026", "para marzo de 2026"), the capture day is wrong for it and its now is the latest
 * such day. In real use the capture day is the true day of copying, so this fires only on a text whose own dates say
 * that day is wrong (the eval captures every text on 2025-01-01, whatever its time). Not in a diary: a later day
 * there is its copying's.
 */

import { ownClauseOf } from './date-predicate.js';
import { findDates } from './dates.js';
import { hasEntryHeads } from './diary-heads.js';
import { FUTURE_ES } from './story-years.js';

/** A written year of four digits in the mention ("5 dic. 2025", "02/06/2026"), not a year taken from elsewhere. */
const WRITTEN_YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/u;
/** A day or a month with its year: "2026-06-02", "2026-06". */
const DAY_OR_MONTH = /^\d{4}-\d\d(?:-\d\d)?$/u;
/** Words of a plan or a deadline in the date's clause, both languages. */
const PLAN =
  /(?<![\p{L}'])(?:will|won't|shall|going\s+to|scheduled|set\s+for|due|expected|next|until|by|before|deadline|para|hasta|antes|pr[oó]xim[oa]s?|prevista?s?|programad[oa]s?|plazo|(?:voy|vas|va|vamos|van)\s+a)(?![\p{L}])|'ll(?![\p{L}])/iu;

/** A year of four digits standing alone in the text. */
const YEAR = /(?<![\d\p{L}])(?:19|20)\d\d(?![\d\p{L}])/gu;
/** How far either side of a year its line is read for its date. */
const LINE_REACH = 160;

/**
 * The latest day (or month's last day) an undated text writes in full after its reference and tells as no plan.
 * Only the lines around years from the reference's on are read for their dates (`findDates` on each), so the whole
 * text's dates are found once, from the right reference.
 */
export function laterOwnDay(text: string, reference: string): string | undefined {
  // A diary's entries are told at their own days; a later day in it is the copying's ("Transcripción hecha en
  // septiembre de 2025"), not the entries' now (diary-heads.ts). Asked first: a diary needs no scan.
  if (hasEntryHeads(text)) return undefined;
  const refYear = +reference.slice(0, 4);
  let latest: string | undefined;
  let readTo = -1;
  for (const y of text.matchAll(YEAR)) {
    if (+y[0] < refYear || y.index < readTo) continue;
    const from = Math.max(0, text.lastIndexOf('\n', y.index) + 1, y.index - LINE_REACH);
    const lineEnd = text.indexOf('\n', y.index);
    const to = Math.min(lineEnd < 0 ? text.length : lineEnd, y.index + LINE_REACH);
    readTo = to;
    for (const d of findDates(text.slice(from, to), reference, true)) {
      if (d.relative || !DAY_OR_MONTH.test(d.value) || !WRITTEN_YEAR.test(d.text)) continue;
      const day = d.value.length === 7 ? lastDayOf(d.value) : d.value;
      if (day <= reference || (latest && day <= latest)) continue;
      const clause = ownClauseOf(text, from + d.start, from + d.end);
      if (PLAN.test(clause) || FUTURE_ES.test(clause)) continue;
      latest = day;
    }
  }
  return latest;
}

/** "2026-02" → "2026-02-28". */
function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}
