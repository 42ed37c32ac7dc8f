/**
 * A year closing a phrase after a comma: a reference ("Comisión Nacional de la Verdad, Informe final, vol. III,
 * 2014."), a note ("un condenado (15 años), 2017."), an inscription ("Chiche, 1975"), a place and year ("(San Pedro
 * Sula, 1983 – 29 de junio de 2009)"). No preposition leads it, so the shared year rule misses it. Stop 42: nine such
 * years in the Spanish texts of the development rounds, seven annotated (four of them missed, rounds 33, 35, 51,
 * 61); of the two not, one is a blog's labels line (left out here) and one a title's range (another rule's).
 * A day's year ("septiembre 21, 2025", "May 4, 2026") is left to the day's rule (a figure before the comma
 * refuses), and a span of years to the span's ("…, 2019–2026.": a report's title, no date).
 */
import type { DateMention } from './dates.js';

// The figures first, the comma and word before them looked behind only then (a lookbehind first ran at every
// position of the text).
const CLOSING_YEAR =
  /(?<=,\s)((?:19|20)\d{2})(?<=[\p{L}.)»"”]\s*,\s\d{4})(?=[ \t]*(?:[.;)»"”]|[–—-](?!\s*(?:19|20)\d{2})|$))/gmu;
/** A blog's or wiki's labels ("· Etiquetas: Ayerbe, familia, memoria, 1936"): metadata (guide §2). */
const LABELS = /(?<![\p{L}])(?:etiquetas|labels|tags|categor[ií]as|categories)\s*:[^·\n]*$/iu;

export function closingYears(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(CLOSING_YEAR)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (LABELS.test(text.slice(lineStart, m.index))) continue;
    out.push({
      start: m.index,
      end: m.index + 4,
      text: m[1]!,
      date: { precision: 'year', value: m[1]! },
      value: m[1]!,
      relative: false,
    });
  }
  return out;
}
