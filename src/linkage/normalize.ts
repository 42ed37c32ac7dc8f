/**
 * Cell values → comparable values, per field type. Placeholders that lists use for "unknown"
 * ("S/N", "N/A", "sin dato", "0" as a document number) become missing, so they never count as
 * agreement between two people.
 */

import { stripMarks } from '../domain/fold.js';
import { findState, normalizePlaceName } from '../domain/gazetteer.js';
import { fold } from './text.js';

const PLACEHOLDERS = new Set([
  'na',
  'n a',
  'nd',
  'n d',
  'sn',
  's n',
  'sd',
  's d',
  'ns',
  'nr',
  'x',
  'xx',
  'xxx',
  'sin dato',
  'sin datos',
  'sin informacion',
  'sin info',
  'desconocido',
  'desconocida',
  'no aplica',
  'no tiene',
  'no sabe',
  'no reporta',
  'ninguno',
  'ninguna',
  'null',
  'none',
  'nan',
  'unknown',
]);

/** True for empty cells and the usual "unknown" placeholders. */
export function isPlaceholder(s: string): boolean {
  const f = fold(s);
  return f === '' || PLACEHOLDERS.has(f);
}

/**
 * Identity-document numbers: "V-12.345.678", "v 12345678", "12,345,678" and "V12345678" are the
 * same cédula. The nationality letter (V/E) is dropped — lists omit it more often than they get it
 * wrong — and so are separators and leading zeros. Other letters (passports) are kept.
 * Returns "" for missing or placeholder values ("0", "00000000", "S/N").
 */
export function normalizeDocumentId(s: string): string {
  if (isPlaceholder(s)) return '';
  let t = stripMarks(s)
    .toUpperCase()
    .replace(/[\s.,\-/_#:]+/g, '');
  t = t.replace(/^(?:CI|CEDULA|C)?(?:V|E)(?=\d)/, '').replace(/^(?:CI|CEDULA|C)(?=\d)/, '');
  t = t.replace(/^0+(?=.)/, '');
  if (/^0*$/.test(t)) return '';
  return t;
}

/** Places: folded, administrative prefixes dropped, Venezuelan state aliases resolved ("Caracas" = "Distrito Capital"). */
export function normalizePlace(s: string): string {
  if (isPlaceholder(s)) return '';
  const v = normalizePlaceName(s);
  const state = findState(v);
  return state ? fold(state.name) : fold(v);
}

/** Free text and exact codes: folded ("Detención  Arbitraria" = "detencion arbitraria"). */
export function normalizeText(s: string): string {
  return isPlaceholder(s) ? '' : fold(s);
}

/**
 * Numbers written either way: "1.234,5" and "1,234.5" are both 1234.5; "12" is 12. NaN when the
 * text is not a number.
 */
export function parseNumber(s: string): number {
  let t = s.trim().replace(/\s+/g, '');
  if (t === '') return Number.NaN;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma > lastDot) t = t.replace(/\./g, '').replace(',', '.');
  else if (lastComma >= 0) t = t.replace(/,/g, '');
  if (!/^[-+]?\d*\.?\d+(?:e[-+]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}
