/** Day arithmetic on ISO dates (pure: no clock) and the formats documenters write dates in. */
import { type FuzzyDate, MONTH_NAMES } from '../domain/dates.js';

const DAY_MS = 86_400_000;

export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** A uniformly drawn day in [from, to]. */
export function dayIn(next: () => number, from: string, to: string): string {
  return addDays(from, Math.floor(next() * (daysBetween(from, to) + 1)));
}

export const day = (value: string): FuzzyDate => ({ precision: 'day', value });
export const month = (value: string): FuzzyDate => ({ precision: 'month', value: value.slice(0, 7) });

/**
 * Venezuelan legal time: UTC−04:30 from 9 December 2007 to 1 May 2016, UTC−04:00 otherwise, so
 * timestamps of acquisitions and custody entries read as they would have on the day.
 */
export function caracasOffset(iso: string): string {
  return iso >= '2007-12-09' && iso < '2016-05-01' ? '-04:30' : '-04:00';
}

/** An ISO 8601 timestamp with the Caracas offset of that day. */
export function caracasTime(iso: string, hh: number, mm: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${iso}T${p(hh)}:${p(mm)}:00${caracasOffset(iso)}`;
}

/** 2017-05-03 → 03/05/2017. */
export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** 2017-05-03 → 3/5/2017 (no leading zeros, as spreadsheets often export). */
export const dmyShort = (iso: string) =>
  `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
/** 2017-05-03 → 20170503. */
export const compact = (iso: string) => iso.replace(/-/g, '');

/** "3 de mayo de 2017" / "3 May 2017". */
export function longDate(iso: string, lang: 'es' | 'en'): string {
  const d = Number(iso.slice(8, 10));
  const m = Number(iso.slice(5, 7)) - 1;
  return lang === 'es'
    ? `${d} de ${MONTH_NAMES.es[m]} de ${iso.slice(0, 4)}`
    : `${d} ${MONTH_NAMES.en[m]} ${iso.slice(0, 4)}`;
}

/** "mayo de 2017" / "May 2017". */
export function monthName(iso: string, lang: 'es' | 'en'): string {
  const m = Number(iso.slice(5, 7)) - 1;
  return lang === 'es'
    ? `${MONTH_NAMES.es[m]} de ${iso.slice(0, 4)}`
    : `${MONTH_NAMES.en[m]} ${iso.slice(0, 4)}`;
}
