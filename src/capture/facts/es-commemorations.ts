/**
 * A day and month declared or kept as a commemoration: "declarar el 29 de octubre día de memoria en el estado
 * Apure", "Que el Congreso declare el 26 de marzo Día de los Mártires de la Democracia", "Desde 2014 el 25 de mayo
 * se conmemora en el país el Día Nacional por la Dignidad…". The day of every year, not a day of the story (guide §7:
 * recurring days and "el día de la ONU" are not dates). Stop 42: the three such phrases in the Spanish texts of the
 * development and guard rounds (rounds 16, 23, 48), none annotated, all read; "declaró el 20 de enero la conmoción
 * interior" (a day something was declared) has no "día" after it and stays.
 */
import type { DateMention } from './dates.js';

const DECLARED_BEFORE = /(?<![\p{L}])declar\p{L}*\s+(?:el|al)\s+$/iu;
const DAY_OF_AFTER = /^\s+(?:como\s+)?d[ií]a\s+(?:de|del|nacional|internacional)(?![\p{L}])/iu;
const KEPT_AFTER = /^\s+se\s+(?:conmemora|celebra|recuerda)n?(?![\p{L}])/iu;

/** Whether `d`, a day without its year, names the day of a commemoration rather than a day of the story. */
export function commemorationDay(text: string, d: DateMention): boolean {
  if (d.relative || d.date.precision !== 'day' || /\d{4}/.test(d.text)) return false;
  const before = text.slice(Math.max(0, d.start - 30), d.start);
  const after = text.slice(d.end, d.end + 40);
  return (DECLARED_BEFORE.test(before) && DAY_OF_AFTER.test(after)) || KEPT_AFTER.test(after);
}
