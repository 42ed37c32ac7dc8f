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
import { MONTH_ALT } from './lexicon.js';

// The figures first, the comma and word before them looked behind only then (a lookbehind first ran at every
// position of the text).
// A comma after it closes it too, before a word in lower case ("Editorial Cuscatleca, 2009, pp. 41–55", "Kavaliou A.,
// 1984, cell 12": stop 48).
const CLOSING_YEAR =
  /(?<=,\s)((?:19|20)\d{2})(?<=[\p{L}.)»"”]\s*,\s\d{4})(?=[ \t]*(?:[.;)»"”]|,\s(?![\d\p{Lu}])|[–—-](?!\s*(?:19|20)\d{2})|$))/gmu;
/**
 * A year right after a word, closing its clause (stop 48): "moved to Tondo 1998.", "Second autopsy requested 2017;
 * family still waiting", "Sentence 15 years (reported 2020)", "Nausėda spoke about Ukraine more than about 1991." No
 * preposition leads it, so the shared year rule misses it. Not after a month or a day's month ("last edited 8
 * December 2025.", "8 Mai 1945;": a day's year, the day's rule's or left out as metadata on purpose), nor a law's or
 * a name's year ("Internal Security Act 1960", guide D12; "Tribunal Popular Internacional 1965."), nor a tab's name
 * ("pestaña: Guinda 1982)", guide §3), nor after a function word ("in 1998", "Case 1056 of 2020": the shared rules
 * read or refuse those). A line's end does not close it: titles end so ("Chat de WhatsApp con Madres Lara 2017").
 */
const WORD_YEAR = /((?:19|20)\d{2})(?<=\p{L}[ \t]\d{4})(?=[ \t]*[.;)](?!\d))/gu;
const NOT_AFTER = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${MONTH_ALT}|ene|abr|ago|dic|of|de|del|in|en|since|desde|from|to|until|hasta|a|al|by|para|for|than|as|and|y|or|o|the|el|la|los|las|this|that|este|ese|esta|act|law|ley|decree|decreto|code|c[oó]digo|ordinance|order|constitution|constituci[oó]n)\.?[ \t]$`,
  'iu',
);
/** "8 Mai 1945", "20 Nov 2023": a day's month, in any language. */
const DAY_BEFORE = /\d{1,2}(?:st|nd|rd|th|\.)?\s+\p{L}+\.?[ \t]$/u;
/** A blog's or wiki's labels ("· Etiquetas: Ayerbe, familia, memoria, 1936"): metadata (guide §2). */
const LABELS = /(?<![\p{L}])(?:etiquetas|labels|tags|categor[ií]as|categories)\s*:[^·\n]*$/iu;

/** A tab's or sheet's name before the year ("(pestaña: Guinda 1982)"). */
const TAB_BEFORE = /(?<![\p{L}])(?:tab|pestaña|sheet|hoja)\s*:[^):\n]*$/iu;
/** "Tribunal Popular Internacional 1965", "Internal Security Act 1960": a name's year. */
const NAME_BEFORE = /\p{Lu}[\p{L}.]*\s+\p{Lu}\p{L}+[ \t]$/u;

function afterAWord(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return (
    !DAY_BEFORE.test(before) &&
    !NOT_AFTER.test(before) &&
    !NAME_BEFORE.test(before) &&
    !TAB_BEFORE.test(before)
  );
}

export function closingYears(text: string): DateMention[] {
  const out: DateMention[] = [];
  const words = [...text.matchAll(WORD_YEAR)].filter((m) => afterAWord(text, m.index));
  for (const m of [...text.matchAll(CLOSING_YEAR), ...words]) {
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
