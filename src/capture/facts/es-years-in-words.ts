/**
 * A Spanish year written in words on its own (stop 47): "en dos mil diecisiete vinieron los forenses", "la exhumación
 * de dos mil diecisiete", "hasta el año noventa", "en el año noventa y dos", "febrero del ochenta y dos". dates.ts
 * reads a year in words only after a day or month ("octubre de mil novecientos ochenta y uno", rulings' formulas);
 * a witness or a hearing's minutes also say the year alone, and it was lost with every day counted from it (round 75;
 * the guide's §7 "a two-digit year is a year" in figures, "en el 87"). A full year in words needs its last part
 * ("dos mil diecisiete"; "dos mil personas" is a count) unless "año" stands before it; a two-digit year in words only
 * after "año" or a month's "del" ("del ochenta y dos"), tens thirty to ninety, of the 1900s. Not "el ochenta y uno"
 * alone, nor "los ochenta" (a decade, §7).
 */
import { pad } from './calendar.js';
import type { DateMention } from './dates.js';
import { fold, MONTH_ALT, MONTHS } from './lexicon.js';

const TENS = 'treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa';
const UNITS = 'uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve';
const TEN_VALUE: Readonly<Record<string, number>> = {
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
};
const UNIT_VALUE = UNITS.split('|');

/** "ochenta y dos" → 82, "noventa" → 90. */
function tensAndUnits(words: string): number | undefined {
  const [t, u] = fold(words).split(/\s+y\s+/);
  const tens = TEN_VALUE[t!];
  if (tens === undefined) return undefined;
  if (u === undefined) return tens;
  const unit = UNIT_VALUE.indexOf(u) + 1;
  return unit > 0 ? tens + unit : undefined;
}

/**
 * The years in words of `text` that no mention in `found` already covers; a month read alone before its year in words
 * ("febrero" of "febrero del ochenta y dos") is taken out of `found`. `fullYear` reads "dos mil diecisiete";
 * `numberWords` is the source of a Spanish number in words (dates.ts' `ES_NUM`).
 */
export function esYearsInWords(
  text: string,
  found: DateMention[],
  numberWords: string,
  fullYear: (words: string) => number | undefined,
): DateMention[] {
  if (!/(?:mil|ochenta|noventa|setenta|sesenta|cincuenta|cuarenta|treinta)/iu.test(text)) return [];
  const covered = (start: number, end: number) => found.some((d) => d.start < end && start < d.end);
  const out: DateMention[] = [];
  const add = (start: number, end: number, value: string, precision: 'year' | 'month') => {
    if (covered(start, end)) return;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      date: { precision, value },
      value,
      relative: false,
    });
  };
  // "en dos mil diecisiete", "de mil novecientos ochenta y dos", "el año dos mil".
  const full = new RegExp(
    `(?<![\\p{L}])(?:(año)|en|de|del|desde|hasta|para)\\s+((?:dos\\s+mil|mil\\s+novecientos)(?:\\s+(?:${numberWords}))?)(?![\\p{L}])`,
    'giu',
  );
  for (const m of text.matchAll(full)) {
    const words = m[2]!;
    const hasRest = !/^(?:dos\s+mil|mil\s+novecientos)$/iu.test(words.trim());
    if (!hasRest && !m[1]) continue;
    // "dos mil cuatrocientos", "dos mil quinientas personas": a count.
    if (/^\s+\p{L}*(?:cient|mil)/iu.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20)))
      continue;
    const y = fullYear(words);
    if (y === undefined || y > 2099) continue;
    const start = m.index + m[0].length - words.length;
    add(start, m.index + m[0].length, String(y), 'year');
  }
  // "el año noventa y dos", "hasta el año noventa"; "febrero del ochenta y dos".
  const twoDigits = new RegExp(
    `(?<![\\p{L}])(?:año|(${MONTH_ALT})\\s+del)\\s+((?:${TENS})(?:\\s+y\\s+(?:${UNITS}))?)(?![\\p{L}])`,
    'giu',
  );
  for (const m of text.matchAll(twoDigits)) {
    const n = tensAndUnits(m[2]!);
    if (n === undefined) continue;
    const y = 1900 + n;
    const end = m.index + m[0].length;
    if (m[1]) {
      const mo = MONTHS.get(fold(m[1]));
      if (!mo || !/^\p{Ll}/u.test(m[1])) continue;
      const alone = found.findIndex((d) => d.start === m.index && d.end === m.index + m[1]!.length);
      if (alone >= 0 && found[alone]!.date.precision === 'month') found.splice(alone, 1);
      add(m.index, end, `${y}-${pad(mo)}`, 'month');
    } else add(end - m[2]!.length, end, String(y), 'year');
  }
  return out;
}
