/**
 * The day a text says in its head it was itself made, when nothing else dates it: an interview held ("Entrevista
 * realizada en cantonés el 23 de noviembre de 2024", "Interview conducted in Kigali on 3 May 2025"), a translation or
 * summary prepared ("UNOFFICIAL TRANSLATION — prepared on 2 October 2025", "(unofficial English translation prepared
 * by the Sahel Justice Observatory, Dakar, 16 February 2026)"), a hearing's minutes ("Minutes of the hearing of
 * Tuesday 14 October 2025"), a ruling's own date ("sentencia definitiva S.D. N.º 112, de fecha 21 de octubre de
 * 2025"), a record's act formula ("En la ciudad de Montevideo, el día martes 10 de marzo de 2026, siendo las 10:15
 * horas, comparece"). Such texts fell to the capture day (six texts of rounds 22, 32, 54, 61, 72, 73), so their
 * "hoy", "hace cinco años" and yearless days counted from the day they were copied (GUIDE: the recording line dates
 * its on-air "today"). Only the first four lines, the full day at most 60 characters after the cue, with its year.
 */
import type { FuzzyDate } from '../domain/dates.js';
import { findDates, writesYear } from './facts/dates.js';

/** The text itself made then: an interview held, a text prepared or translated, a hearing minuted, "de fecha". */
const MADE =
  /\b(?:(?:entrevista|interview|testimonio|testimony|declaraci[oó]n)\s+(?:realizad[oa]|tomad[oa]|grabad[oa]|conducted|held|taken)|traducid[oa]|elaborad[oa]|prepared|translated|de\s+fecha|(?:minutes|record|transcript)\s+of\s+the\s+(?:hearing|session|meeting|interview)\s+of|acta\s+de\s+la\s+(?:audiencia|sesi[oó]n)\s+del?)\b/giu;
/**
 * A head line saying who collected, prepared, distributed or updated the text, its participle opening the line or a
 * clause, or after the text's own noun ("Recogido en Guayaquil el 2 de febrero de 2026 por Ximena Baque",
 * "Testimonio recogido por la Red … en Murcia el 25 de octubre de 2026.", "Versión en español, distribuida en Ginebra
 * el 22 de septiembre de 2026", "Elaborado por el Observatorio … (OIJU), Madrid, 4 de diciembre de 2026", "Prepared by
 * the legal team of … (CGDP), 14 March 2025", "Taken in Malmö on Tuesday 11 February 2025 by investigators"). The
 * maker's name runs long, so its day may stand up to 160 characters on, but not inside a relative clause ("para la
 * exposición, que se abrirá en Bilbao el 15 de enero de 2027": another event's day). Nine texts of rounds 76, 77,
 * 91, 93 and 94, both languages, fell to the capture day for want of it.
 */
const TEXT_NOUN =
  'testimonio|testimony|entrevista|interview|versi[oó]n|version|informe|report|registro|record|lista|list|hoja|sheet|transcripci[oó]n|transcript|resumen|summary|traducci[oó]n|translation|documento|document';
const MADE_BY = new RegExp(
  String.raw`(?:^|[,;.(—–-]\s*|(?<![\p{L}])(?:${TEXT_NOUN})\s+)(?:(?:recogid|distribuid|actualizad|preparad|elaborad|redactad|compilad|filmad|tomad|grabad)[oa]s?|collected|compiled|distributed|drafted|filmed|prepared|recorded|taken|updated)(?![\p{L}])`,
  'giu',
);
/** A relative clause between the maker and a day: the day is of what the clause tells. */
const RELATIVE = /(?<![\p{L}])(?:que|quien|donde|cuando|that|which|who|where|when)(?![\p{L}])/iu;
/** A record's act formula: its day followed by the clock time at which it opens ("…de 2026, siendo las 10:15 horas"). */
const ACT_TIME = /^,?\s*siendo\s+las\s+\d/iu;

/**
 * The days a head line writes in full with their year ("14 March 2025", "el 2 de febrero de 2026"): what dates a
 * text from its head (here and head-dateline.ts). The reference is irrelevant to a day that writes its year.
 */
export const fullDaysIn = (line: string) =>
  findDates(line, '2000-01-01').filter(
    (x) => !x.relative && x.date.precision === 'day' && writesYear(x.text),
  );

/** The first full day with its year written within `reach` characters of the start of `words`. */
const dayAfter = (words: string, reach: number) => fullDaysIn(words).find((x) => x.start <= reach);

export function madeOn(lines: readonly string[]): FuzzyDate | undefined {
  for (const l of lines.filter((x) => x.trim()).slice(0, 4)) {
    for (const cue of l.matchAll(MADE)) {
      const said = dayAfter(l.slice(cue.index + cue[0].length), 60);
      if (said) return said.date;
    }
    for (const cue of l.matchAll(MADE_BY)) {
      const after = l.slice(cue.index + cue[0].length);
      const said = dayAfter(after, 160);
      if (said && !RELATIVE.test(after.slice(0, said.start))) return said.date;
    }
    const act = fullDaysIn(l).find((x) => ACT_TIME.test(l.slice(x.end)));
    if (act) return act.date;
  }
  return undefined;
}
