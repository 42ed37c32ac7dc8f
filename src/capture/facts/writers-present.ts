/**
 * The Spanish present of the writer's own time, by a few grammar words and the verbs a writer reports by ("tiene",
 * "dice", "cuenta", "pide"), and "ahora". narrative-years.ts counts them to tell news from a narrative; dates.ts'
 * `yearsOfTheNarrative` reads one in a yearless day's sentence as the writer's time, not the story's: "Tiene
 * audiencia … el 15 de enero", "me dijo en su última carta, del 2 de mayo, que cuenta los sellos", "¿Qué significa
 * para usted el 17 de abril ahora?" (stop 44: 4 such days of rounds 25, 41, 63 read in the story's year).
 * Spanish words only: no English word is spelt so.
 */
export const REPORTING_PRESENT_ES =
  'tiene|tienen|tengo|dice|dicen|digo|sigue|siguen|sigo|puede|pueden|vive|viven|vivo|queda|quedan|pide|piden|exige|exigen|denuncia|denuncian|asegura|aseguran|explica|afirma|señala|recuerda|cuenta';

/** One of those verbs, or "ahora", as a word. */
export const WRITERS_PRESENT_ES = new RegExp(
  `(?<![\\p{L}])(?:ahora|${REPORTING_PRESENT_ES})(?![\\p{L}])`,
  'iu',
);
