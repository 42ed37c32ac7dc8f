/**
 * Folding text for comparison: the one definition of "the same letters" that search, blind indexes,
 * name matching, gazetteer lookups and sorting share (a name folded one way when stored and another
 * way when looked up would silently miss). Diacritics go entirely: lists drop the tilde of ñ as often
 * as an accent.
 */

/** Canonical decomposition with every combining mark removed ("Peñalver" → "Penalver"). */
export function stripMarks(s: string): string {
  // Most words are plain ASCII, which has no marks and decomposes to itself: capture folds every word.
  if (!NOT_ASCII.test(s)) return s;
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}
const NOT_ASCII = /[\u0080-\uffff]/;

/** No marks, lower case. */
export function foldCase(s: string): string {
  return stripMarks(s).toLowerCase();
}

/** No marks, lower case, runs of white space as one space, trimmed. */
export function foldWords(s: string): string {
  return foldCase(s).replace(/\s+/g, ' ').trim();
}

/** No marks, recomposed, case kept (for generating text as people type it without accents). */
export function stripAccents(s: string): string {
  return stripMarks(s).normalize('NFC');
}
