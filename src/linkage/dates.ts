/**
 * Dates as lists write them, packed into one integer `year*10000 + month*100 + day` where an
 * unknown month or day is 0 (a partial date: "1985", "05/1985", "00/05/1985"). Day-first is the
 * Venezuelan norm, so "03/05/1985" is 3 May; "05/23/1985" can only be month-first and is read so.
 */

import { MONTHS } from '../domain/dates.js';

export const NO_DATE = -1;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[m - 1]!;
}

export function packDate(y: number, m: number, d: number): number {
  return y * 10000 + m * 100 + d;
}

export const yearOf = (p: number) => Math.floor(p / 10000);
export const monthOf = (p: number) => Math.floor(p / 100) % 100;
export const dayOf = (p: number) => p % 100;
export const isComplete = (p: number) => p >= 0 && p % 100 !== 0 && Math.floor(p / 100) % 100 !== 0;

/** Checks the parts; 0 = unknown for month/day (a day without a month is dropped). */
function valid(y: number, m: number, d: number): number {
  if (!Number.isInteger(y) || y < 1800 || y > 2200) return NO_DATE;
  if (m < 0 || m > 12 || d < 0 || d > 31) return NO_DATE;
  if (m === 0) return packDate(y, 0, 0);
  if (d > daysInMonth(y, m)) return NO_DATE;
  return packDate(y, m, d);
}

/** Two-digit years: within `pivot` of the century are 20xx, the rest 19xx (birth and event dates in lists). */
function fullYear(yy: string, pivot: number): number {
  if (yy.length === 4) return Number(yy);
  const n = Number(yy);
  return n <= pivot ? 2000 + n : 1900 + n;
}

/** Day and month in the order they are most probably written: day first unless that is impossible. */
function dayMonth(y: number, first: number, second: number): number {
  if (second > 12 && first <= 12) return valid(y, first, second);
  return valid(y, second, first);
}

const unknownPart = (s: string) => (/^(0+|x+|\?+|-+)$/.test(s) ? '0' : s);

/**
 * Reads a date; returns the packed value, or NO_DATE when the text is not a date. `pivot` sets
 * how two-digit years are read (default 30: "85" → 1985, "17" → 2017).
 */
export function parseDate(input: string, pivot = 30): number {
  const s = input.trim().toLowerCase();
  if (s === '') return NO_DATE;
  let m: RegExpMatchArray | null;
  // ISO and ISO-like: 1985-05-03, 1985/5/3, 1985.05.03, with an optional time part.
  m = s.match(/^(\d{4})[-/.](\d{1,2}|xx|\?\?)(?:[-/.](\d{1,2}|xx|\?\?))?(?:[t ].*)?$/);
  if (m) return valid(Number(m[1]), Number(unknownPart(m[2]!)), Number(unknownPart(m[3] ?? '0')));
  // Compact YYYYMMDD.
  m = s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  // Year alone.
  m = s.match(/^(\d{4})$/);
  if (m) return valid(Number(m[1]), 0, 0);
  // DD/MM/YYYY, D-M-YY, DD.MM.YYYY (and MM/DD/YYYY when the day cannot be first).
  m = s.match(/^(\d{1,2}|xx|\?\?)[-/.](\d{1,2}|xx|\?\?)[-/.](\d{4}|\d{2})$/);
  if (m) {
    const y = fullYear(m[3]!, pivot);
    return dayMonth(y, Number(unknownPart(m[1]!)), Number(unknownPart(m[2]!)));
  }
  // MM/YYYY.
  m = s.match(/^(\d{1,2})[-/.](\d{4})$/);
  if (m) return valid(Number(m[2]), Number(m[1]), 0);
  // 3 de mayo de 1985, 3 mayo 1985, 03-may-1985, 3-MAY-85.
  m = s.match(/^(\d{1,2})(?:\s+de\s+|[\s\-/.]+)([a-z]+)\.?(?:\s+de\s+|[\s\-/.]+)(\d{4}|\d{2})$/);
  if (m && MONTHS[m[2]!]) return valid(fullYear(m[3]!, pivot), MONTHS[m[2]!]!, Number(m[1]));
  // May 3, 1985.
  m = s.match(/^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/);
  if (m && MONTHS[m[1]!]) return valid(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]));
  // mayo de 1985, mayo 1985, may-85.
  m = s.match(/^([a-z]+)\.?(?:\s+de\s+|[\s\-/.]+)(\d{4}|\d{2})$/);
  if (m && MONTHS[m[1]!]) return valid(fullYear(m[2]!, pivot), MONTHS[m[1]!]!, 0);
  return NO_DATE;
}

/** Days since 1970-01-01 of a complete packed date (for distances). */
export function dayNumber(p: number): number {
  return Math.floor(Date.UTC(yearOf(p), monthOf(p) - 1, dayOf(p)) / 86400000);
}

/** ISO text of a packed date: "1985-05-03", "1985-05", "1985". */
export function formatPacked(p: number): string {
  if (p < 0) return '';
  const y = String(yearOf(p)).padStart(4, '0');
  const mo = monthOf(p);
  const d = dayOf(p);
  if (mo === 0) return y;
  if (d === 0) return `${y}-${String(mo).padStart(2, '0')}`;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
