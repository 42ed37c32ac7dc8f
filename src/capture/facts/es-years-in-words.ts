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
const LETTER = /\p{L}/u;
const FULL_ANCHOR = /(?:dos|mil)\s+(?:mil|novecientos)/gi;
/** The word a year takes before it; "año" (group 1) lets "dos mil" alone be one. */
const FULL_LEAD = /(?<![\p{L}])(?:(año)|en|de|del|desde|hasta|para)\s+$/iu;
const TWO_DIGIT_ANCHOR = /(año\s+|del\s+)(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)/gi;
const TWO_DIGIT_WORDS = new RegExp(`^((?:${TENS})(?:\\s+y\\s+(?:${UNITS}))?)(?![\\p{L}])`, 'iu');
const MONTH_BEFORE_DEL = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\s+$`, 'iu');

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
  const covered = (from: number, to: number) => found.some((d) => d.start < to && from < d.end);
  const out: DateMention[] = [];
  const add = (from: number, to: number, value: string, precision: 'year' | 'month') => {
    if (covered(from, to)) return;
    out.push({
      start: from,
      end: to,
      text: text.slice(from, to),
      date: { precision, value },
      value,
      relative: false,
    });
  };
  // Literal anchors first (one cheap scan each; a lookbehind at every position cost ~60 ms on 300 KB), then the
  // words around them.
  const rest = new RegExp(`\\s+(?:${numberWords})(?![\\p{L}])`, 'iuy');
  for (const m of text.matchAll(FULL_ANCHOR)) {
    if (LETTER.test(text[m.index - 1] ?? '') || LETTER.test(text[m.index + m[0].length] ?? '')) continue;
    // "en dos mil diecisiete", "de mil novecientos ochenta y dos", "el año dos mil".
    const lead = FULL_LEAD.exec(text.slice(Math.max(0, m.index - 12), m.index));
    if (!lead) continue;
    rest.lastIndex = m.index + m[0].length;
    const more = rest.exec(text);
    if (!more && !lead[1]) continue;
    const end = more ? rest.lastIndex : m.index + m[0].length;
    // "dos mil cuatrocientos", "dos mil quinientas personas": a count.
    if (/^\s+\p{L}*(?:cient|mil)/iu.test(text.slice(end, end + 20))) continue;
    const y = fullYear(text.slice(m.index, end));
    if (y === undefined || y > 2099) continue;
    add(m.index, end, String(y), 'year');
  }
  // "el año noventa y dos", "hasta el año noventa"; "febrero del ochenta y dos".
  for (const m of text.matchAll(TWO_DIGIT_ANCHOR)) {
    if (LETTER.test(text[m.index - 1] ?? '')) continue;
    const words = TWO_DIGIT_WORDS.exec(text.slice(m.index + m[1]!.length, m.index + m[1]!.length + 30));
    if (!words) continue;
    const n = tensAndUnits(words[1]!);
    if (n === undefined) continue;
    const y = 1900 + n;
    const wordsStart = m.index + m[1]!.length + words.index + words[0].length - words[1]!.length;
    const end = wordsStart + words[1]!.length;
    if (/^año$/iu.test(m[1]!.trim())) {
      add(wordsStart, end, String(y), 'year');
      continue;
    }
    const monthWord = MONTH_BEFORE_DEL.exec(text.slice(Math.max(0, m.index - 12), m.index));
    const mo = monthWord ? MONTHS.get(fold(monthWord[1]!)) : undefined;
    if (!monthWord || !mo || !/^\p{Ll}/u.test(monthWord[1]!)) continue;
    const from = m.index - monthWord[0].length;
    const alone = found.findIndex((d) => d.start === from && d.end === from + monthWord[1]!.length);
    if (alone >= 0 && found[alone]!.date.precision === 'month') found.splice(alone, 1);
    add(from, end, `${y}-${pad(mo)}`, 'month');
  }
  return out;
}
