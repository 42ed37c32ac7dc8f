/**
 * A year inside the quoted title of a report, an exhibition, a sheet or a tab: Informe "Blanco sobre blanco: la misión
 * médica en el Cauca, 2024–2025", la exposición «Cinco pesos, ocho horas. La huelga de 1906», (hoja «Casos
 * 1983-1985», pestaña «Estado»). Guide §7: report and programme titles with a year are not dates; §3: tab, sheet
 * and file names are names. Stop 43, development rounds: 5 extras in 3 texts of rounds 28, 39, 43; every other
 * quoted title with a year in the Spanish development texts has that year annotated from the text around it too.
 */
import type { DateMention } from './dates.js';

/** A title's noun, then its opening quote: the title runs to the closing quote (one line, 160 characters at most). */
const TITLED =
  /(?:informe|exposici[oó]n|muestra|documental|libro|hoja|pestaña|carpeta|archivo|campaña)\s+[«“"]([^«»“”"\n]{1,160})[»”"]/giu;

/** The spans of quoted titles in `text`, from their opening to their closing quote. */
export function titleSpans(text: string): [number, number][] {
  // The noun starts its word (checked here, not by a lookbehind the regex would run at every position).
  return [...text.matchAll(TITLED)]
    .filter((m) => m.index === 0 || !/\p{L}/u.test(text[m.index - 1]!))
    .map((m) => [m.index + m[0].length - m[1]!.length - 1, m.index + m[0].length]);
}

/** Whether `d` is a year (or a span of years) written inside one of `titles`. */
export function yearOfATitle(titles: readonly [number, number][], d: DateMention): boolean {
  if (d.date.precision !== 'year') return false;
  return titles.some(([s, e]) => s <= d.start && d.end <= e);
}
