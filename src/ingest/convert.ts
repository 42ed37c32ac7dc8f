/**
 * Cell-level conversions from what NGO spreadsheets contain to domain values. Each returns
 * either a value or an error message; the importer attaches file, row and column.
 */
import { type FuzzyDate, parseLooseDate } from '../domain/dates.js';
import { foldCase } from '../domain/fold.js';
import type { Vocabulary } from '../domain/vocab.js';

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const bad = (message: string): Converted<never> => ({ ok: false, message });

export function fold(s: string): string {
  return foldCase(s)
    .replace(/[\s_\-./]+/g, ' ')
    .trim();
}

/** A vocabulary code given as the code itself or as its Spanish or English label. */
export function vocabValue(v: Vocabulary, input: string): Converted<string> {
  if (v.has(input)) return ok(input);
  const f = fold(input);
  for (const t of v.terms) {
    if (fold(t.code) === f || fold(t.es) === f || fold(t.en) === f) return ok(t.code);
  }
  const examples = v.terms.slice(0, 6).map((t) => `${t.code} (${t.es})`);
  return bad(`"${input}" is not a known ${v.id}; use a code or label such as ${examples.join(', ')}`);
}

export function vocabList(v: Vocabulary, input: string): Converted<string[]> {
  const out: string[] = [];
  for (const part of input
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const c = vocabValue(v, part);
    if (!c.ok) return c;
    out.push(c.value);
  }
  return ok(out);
}

const SEX: Record<string, string> = {
  f: 'female',
  femenino: 'female',
  mujer: 'female',
  female: 'female',
  woman: 'female',
  fem: 'female',
  m: 'male',
  masculino: 'male',
  hombre: 'male',
  male: 'male',
  man: 'male',
  masc: 'male',
  otro: 'other',
  other: 'other',
  x: 'other',
  desconocido: 'unknown',
  unknown: 'unknown',
  nd: 'unknown',
  's/i': 'unknown',
  'sin informacion': 'unknown',
};

export function sexValue(input: string): Converted<string> {
  const s = SEX[fold(input)] ?? SEX[input.trim().toLowerCase()];
  return s
    ? ok(s)
    : bad(`"${input}" is not a sex value (use F/M, femenino/masculino, female/male, otro, desconocido)`);
}

export function dateValue(input: string): Converted<FuzzyDate> {
  const d = parseLooseDate(input);
  return d
    ? ok(d)
    : bad(
        `"${input}" is not a date Testigo can read with certainty (use YYYY-MM-DD, DD/MM/YYYY, YYYY-MM or YYYY)`,
      );
}

/**
 * Venezuelan identity documents as written in lists: "V-12.345.678", "v12345678", "E 81.234.567",
 * "12345678". The prefix gives the type (V: Venezuelan cédula, E: foreigner's cédula).
 */
export function documentValue(input: string, typeHint?: string): Converted<{ type: string; number: string }> {
  const s = input.trim().toUpperCase();
  const m = s.match(/^([VEP])\s*[-.:]?\s*([\d.\s-]+)$/);
  if (m) {
    const number = m[2]!.replace(/[^\d]/g, '');
    if (number.length < 5 || number.length > 10) return bad(`"${input}" does not look like a cédula number`);
    const type = m[1] === 'V' ? 'cedula_venezolana' : m[1] === 'E' ? 'cedula_extranjero' : 'passport';
    return ok({ type, number });
  }
  if (/^[\d.\s-]+$/.test(s)) {
    const number = s.replace(/[^\d]/g, '');
    if (number.length < 5 || number.length > 10)
      return bad(`"${input}" does not look like a document number`);
    return ok({ type: typeHint ?? 'cedula_venezolana', number });
  }
  if (/^[A-Z0-9-]{5,20}$/.test(s)) return ok({ type: typeHint ?? 'passport', number: s.replace(/-/g, '') });
  return bad(`"${input}" is not a document number Testigo can read`);
}

export function listValue(input: string): string[] {
  return input
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter(Boolean);
}
