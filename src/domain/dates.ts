/**
 * Dates as documenters know them: sometimes a day, often only a month or a year, sometimes a
 * range ("between March and May 2017"), sometimes unknown. Every comparison goes through the
 * earliest/latest day a fuzzy date can mean, so counts "at a date" stay honest about uncertainty.
 */
import { z } from 'zod';

const partial = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** "2017", "2017-05" or "2017-05-03", and the day must exist in that month. */
export const PartialIsoDate = z
  .string()
  .regex(partial, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length < 10 || isRealDay(s), 'no such day in that month');

export const FuzzyDate = z
  .discriminatedUnion('precision', [
    z.object({
      precision: z.literal('day'),
      value: PartialIsoDate.refine((s) => s.length === 10, 'day needs YYYY-MM-DD'),
    }),
    z.object({
      precision: z.literal('month'),
      value: PartialIsoDate.refine((s) => s.length === 7, 'month needs YYYY-MM'),
    }),
    z.object({
      precision: z.literal('year'),
      value: PartialIsoDate.refine((s) => s.length === 4, 'year needs YYYY'),
    }),
    z.object({ precision: z.literal('range'), from: PartialIsoDate, to: PartialIsoDate }),
    z.object({ precision: z.literal('unknown') }),
  ])
  .superRefine((d, ctx) => {
    if (d.precision === 'range' && earliestDay(d.from) > latestDay(d.to)) {
      ctx.addIssue({ code: 'custom', message: 'range ends before it starts', path: ['to'] });
    }
  });
export type FuzzyDate = z.infer<typeof FuzzyDate>;

function isRealDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The first day a partial ISO date can mean, as YYYY-MM-DD. */
export function earliestDay(p: string): string {
  if (p.length === 4) return `${p}-01-01`;
  if (p.length === 7) return `${p}-01`;
  return p;
}

/** The last day a partial ISO date can mean, as YYYY-MM-DD. */
export function latestDay(p: string): string {
  if (p.length === 4) return `${p}-12-31`;
  if (p.length === 7) {
    const [y, m] = p.split('-').map(Number) as [number, number];
    return `${p}-${String(lastDayOfMonth(y, m)).padStart(2, '0')}`;
  }
  return p;
}

/** [earliest, latest] day of a fuzzy date; undefined when unknown. */
export function bounds(d: FuzzyDate | undefined | null): [string, string] | undefined {
  if (!d) return undefined;
  switch (d.precision) {
    case 'unknown':
      return undefined;
    case 'range':
      return [earliestDay(d.from), latestDay(d.to)];
    default:
      return [earliestDay(d.value), latestDay(d.value)];
  }
}

/** A sortable key (earliest day), or undefined. */
export function sortKey(d: FuzzyDate | undefined | null): string | undefined {
  return bounds(d)?.[0];
}

/** Builds a fuzzy date from a partial ISO string ("2017", "2017-05", "2017-05-03"). */
export function fromPartial(p: string): FuzzyDate {
  if (p.length === 4) return { precision: 'year', value: p };
  if (p.length === 7) return { precision: 'month', value: p };
  return { precision: 'day', value: p };
}

/** Human form: "2017-05-03", "2017-05", "2017", "2017-03 – 2017-05", "unknown". */
export function formatFuzzyDate(d: FuzzyDate | undefined | null): string {
  if (!d || d.precision === 'unknown') return '';
  if (d.precision === 'range') return `${d.from} – ${d.to}`;
  return d.value;
}

/** Month names as written in running text, January first. */
export const MONTH_NAMES = {
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** Month names and abbreviations in Spanish and English (folded, lower case) → month number. */
export const MONTHS: Readonly<Record<string, number>> = {
  ene: 1,
  enero: 1,
  jan: 1,
  january: 1,
  feb: 2,
  febrero: 2,
  february: 2,
  mar: 3,
  marzo: 3,
  march: 3,
  abr: 4,
  abril: 4,
  apr: 4,
  april: 4,
  may: 5,
  mayo: 5,
  jun: 6,
  junio: 6,
  june: 6,
  jul: 7,
  julio: 7,
  july: 7,
  ago: 8,
  agosto: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  set: 9,
  septiembre: 9,
  setiembre: 9,
  september: 9,
  oct: 10,
  octubre: 10,
  october: 10,
  nov: 11,
  noviembre: 11,
  november: 11,
  dic: 12,
  diciembre: 12,
  dec: 12,
  december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parses the date formats found in NGO spreadsheets into a fuzzy date. Day-first is the norm in
 * Venezuela, so "03/05/2017" is 3 May 2017. Returns undefined for text it cannot read with certainty;
 * the importer turns that into an error naming the row and column rather than guessing.
 */
export function parseLooseDate(input: string): FuzzyDate | undefined {
  const s = input.trim().toLowerCase();
  if (s === '') return undefined;
  const check = (y: number, mo: number, d?: number): FuzzyDate | undefined => {
    if (y < 1800 || y > 2200 || mo < 1 || mo > 12) return undefined;
    if (d === undefined) return { precision: 'month', value: `${y}-${pad(mo)}` };
    const v = `${y}-${pad(mo)}-${pad(d)}`;
    return isRealDay(v) ? { precision: 'day', value: v } : undefined;
  };
  const month = (name: string) => MONTHS[name];
  const rules: [RegExp, (m: string[]) => FuzzyDate | undefined][] = [
    [/^(\d{4})$/, (m) => ({ precision: 'year', value: m[1]! })],
    [/^(\d{4})-(\d{1,2})$/, (m) => check(+m[1]!, +m[2]!)],
    [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?$/, (m) => check(+m[1]!, +m[2]!, +m[3]!)],
    [/^(\d{4})(\d{2})(\d{2})$/, (m) => check(+m[1]!, +m[2]!, +m[3]!)],
    [/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/, (m) => check(+m[3]!, +m[2]!, +m[1]!)],
    [/^(\d{1,2})[-/.](\d{4})$/, (m) => check(+m[2]!, +m[1]!)],
    [
      /^(\d{1,2})(?:\s+de)?\s+([a-z]+)\.?(?:\s+de)?\s+(\d{4})$/,
      (m) => (month(m[2]!) ? check(+m[3]!, month(m[2]!)!, +m[1]!) : undefined),
    ],
    [
      /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/,
      (m) => (month(m[1]!) ? check(+m[3]!, month(m[1]!)!, +m[2]!) : undefined),
    ],
    [/^([a-z]+)\.?(?:\s+de)?\s+(\d{4})$/, (m) => (month(m[1]!) ? check(+m[2]!, month(m[1]!)!) : undefined)],
  ];
  for (const [re, make] of rules) {
    const m = s.match(re);
    if (m) return make(m);
  }
  return undefined;
}
