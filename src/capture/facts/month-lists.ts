/**
 * The months listed after a month without its year: "en los meses de abril, mayo y junio", "en noviembre y
 * diciembre de ese año", "en marzo y abril, las emboscadas": each month is a date (guide §7), in the year the first
 * one was read in. The month rules read a month alone only after a word of time ("en", "desde", "a finales de"), so
 * the rest of a list was never read. Stop 43, development rounds: 5 months missed in 3 texts of rounds 25, 39, 57.
 * Spanish month words only, written in full and in lower case ("y Mayo" may open a name); not before "de 1967" (the
 * list's year is then its own, read by the rules for "mayo y junio de 1967").
 */
import type { DateMention } from './dates.js';
import { fold, MONTHS } from './lexicon.js';

const ES_MONTH =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
/** The next month of the list: after a comma or "y/e", in lower case, not before a year of its own. */
const NEXT = new RegExp(
  `^(?:,\\s*|\\s+[ye]\\s+)(${ES_MONTH})(?![\\p{L}])(?!\\s+(?:de|del)\\s+(?:año\\s+)?\\d)`,
  'u',
);

const MONTH_ALONE = new RegExp(`^(?:${ES_MONTH})$`, 'iu');

export function monthLists(text: string, found: readonly DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const d of found) {
    if (d.date.precision !== 'month' || !MONTH_ALONE.test(d.text)) continue;
    const year = d.value.slice(0, 4);
    let end = d.end;
    for (let m = NEXT.exec(text.slice(end, end + 30)); m; m = NEXT.exec(text.slice(end, end + 30))) {
      const start = end + m[0].length - m[1]!.length;
      end = start + m[1]!.length;
      if (found.some((f) => f.start < end && start < f.end)) break;
      const mo = MONTHS.get(fold(m[1]!));
      if (!mo) break;
      const value = `${year}-${String(mo).padStart(2, '0')}`;
      out.push({ start, end, text: m[1]!, date: { precision: 'month', value }, value, relative: d.relative });
    }
  }
  return out;
}
