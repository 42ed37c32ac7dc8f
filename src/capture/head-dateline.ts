/**
 * The day a text's head line closes on, when nothing else dates it: "Prepared by the legal team of … (CGDP), 14 March
 * 2025", "Transcript of the victims' observations hearing, Florencia, Caquetá, 18 March 2025 (English translation
 * …)", "Compiled by the … Observatory (Cairo and Geneva), update of 30 October 2026", "(advance unedited version, 16
 * June 2026)". A head line closing on a day with its year, after a comma or "of", is a dateline: the text's own
 * day. Stop 49: four texts of rounds 91–93 (three writers) fell to the capture day, so their "last Friday", "today",
 * "last month" and yearless days counted from the day they were copied; no other development text falls to it.
 * Only the first four lines, the full day with its year; a story's day runs on ("on 2 February 2024, three weeks").
 */
import type { FuzzyDate } from '../domain/dates.js';
import { fullDaysIn } from './made-on-head.js';

/** What stands right before the dateline's day: a comma (a place's, a body's) or "of" ("update of"). */
const LED = /(?:,|\bof)\s+$/u;
/**
 * The line says what the text is in words of its own ("Prepared by the legal team", "update of", "advance unedited
 * version"): a place's line alone ("Cuartel del Batallón … N.º 8, Paso de los Toros, 8 de marzo de 1981") or a line
 * of numbers before a day is the letter date line's to judge (html.ts, stops 36–37), not this.
 */
const DESCRIBED = /(?<!\p{L})\p{Ll}{4,}(?!\p{L})/u;
/** What may follow it: the line's end, a stop, a closing bracket, or a bracketed note ("(English translation …"). */
const CLOSED = /^\s*(?:$|[.;)\]]|\()/u;

export function headDateline(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines.filter((x) => x.trim()).slice(0, 4)) {
    const said = fullDaysIn(l).find(
      (x) =>
        LED.test(l.slice(0, x.start)) && DESCRIBED.test(l.slice(0, x.start)) && CLOSED.test(l.slice(x.end)),
    );
    if (said) return said.date;
  }
  return undefined;
}
