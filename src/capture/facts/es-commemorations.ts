/**
 * A day and month declared or kept as a commemoration: "declarar el 29 de octubre día de memoria en el estado
 * Apure", "Que el Congreso declare el 26 de marzo Día de los Mártires de la Democracia", "Desde 2014 el 25 de mayo
 * se conmemora en el país el Día Nacional por la Dignidad…". The day of every year, not a day of the story (guide §7:
 * recurring days and "el día de la ONU" are not dates). Stop 42: the three such phrases in the Spanish texts of the
 * development and guard rounds (rounds 16, 23, 48), none annotated, all read; "declaró el 20 de enero la conmoción
 * interior" (a day something was declared) has no "día" after it and stays.
 *
 * Stop 44: a day and month that is itself the subject or the object of what is said, the event named by its date
 * (guide D11, "the 20 January tragedy"; §7 "¿el 5 de junio es la fecha … para la romería?"): "Y que el 17 de abril
 * no es un día de fiesta para nosotros", "pero el 18 de mayo sigue sin respuesta", "que no olviden el 15 de
 * agosto", "¿Qué significa para usted el 17 de abril ahora?". Development rounds: 7 such phrases in 7 texts of
 * rounds 25, 28, 43, 63, 67, 69 (none annotated as a day of the story); "el 5 de octubre de 1995 no fue un
 * enfrentamiento" (its year, a past "fue") stays.
 */
import type { DateMention } from './dates.js';

const DECLARED_BEFORE = /(?<![\p{L}])declar\p{L}*\s+(?:el|al)\s+$/iu;
const DAY_OF_AFTER = /^\s+(?:como\s+)?d[ií]a\s+(?:de|del|nacional|internacional)(?![\p{L}])/iu;
const KEPT_AFTER = /^\s+se\s+(?:conmemora|celebra|recuerda)n?(?![\p{L}])/iu;
/** "el" opening the clause the day is the subject of: "Y que el", "pero el", "¿el", "Ojo: el". */
const SUBJECT_BEFORE = /(?:^|[.:;¿?!]\s*|(?<![\p{L}])(?:que|pero|y)\s+)el\s+$/iu;
/** What is said of it, in the present: "no es un día de fiesta", "sigue sin respuesta" (not "es domingo"). */
const SAID_OF_AFTER =
  /^\s+(?:no\s+)?(?:es|sigue|significa)(?![\p{L}])(?!\s+(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|feriado)\b)/iu;
/** The day as what is not to be forgotten, or what it means: "que no olviden el", "qué significa para usted el". */
const OBJECT_BEFORE = /(?<![\p{L}])(?:olvid\p{L}*|significa\p{L}*(?:\s+para\s+\p{L}+)?)\s+el\s+$/iu;

/** Whether `d`, a day without its year, names the day of a commemoration rather than a day of the story. */
export function commemorationDay(text: string, d: DateMention): boolean {
  if (d.relative || d.date.precision !== 'day' || /\d{4}/.test(d.text)) return false;
  const before = text.slice(Math.max(0, d.start - 30), d.start);
  const after = text.slice(d.end, d.end + 40);
  return (
    (DECLARED_BEFORE.test(before) && DAY_OF_AFTER.test(after)) ||
    KEPT_AFTER.test(after) ||
    (SUBJECT_BEFORE.test(before) && SAID_OF_AFTER.test(after)) ||
    OBJECT_BEFORE.test(before)
  );
}
