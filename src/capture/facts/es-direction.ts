/**
 * The direction a Spanish clause gives the day or weekday it holds, from the mood of the verb that governs it rather
 * than from a list of verbs of plans. An imperative of saying or reminding that opens the clause ("decile a tu abuela
 * que el lunes pasamos a buscarla", "Acuérdate que en noviembre se cumplen tres años", "Avisale que el domingo es su
 * cumpleaños") hands a message on: what it says lies ahead of the writer, unless the message itself is told in the
 * past ("dile que el lunes lo llamé"). Stop 42 (second wave): letters and chats of rounds 29, 50 (×2) read such
 * days a week or a year back. Pure; dates.ts hooks it into its `future()` test.
 */

/**
 * An imperative with a pronoun joined after its vowel, then "que" within a few words ("decile a tu abuela Chela
 * que"): a "-le"/"-me" form on a stem of three letters or more ("decile", "avisale", "recordale", "decime": "sale",
 * "baile", "suele" have shorter ones), any joined form with its written accent ("acuérdate", "avísale", "dígale",
 * "cuéntame"), the short "dile/dime" and the voseo "acordate/fijate", or a stressed voseo form ("avisá", "contá").
 * "-te", "-les" and "-nos" alone are left out: "permite", "civiles", "hermanos" end so; a future in "-rá" ("brindará") is no voseo.
 */
const IMPERATIVE_THAT =
  /(?<![\p{L}])(?<lead>\p{L}+\s+)?(?<verb>\p{L}{3,}[aeií](?:le|me)|\p{L}*[áéíóú]\p{L}*[aeiéí](?:le|les|me|nos|te)|di(?:le|me|les|nos)|acordate|fijate|\p{L}{2,}á(?<!\p{L}{3}[aei]rá))(?![\p{L}])(?:\s+[^\s.!?\n]+){0,5}?\s+que(?![\p{L}])/giu;
/** Words before a noun, which an imperative does not follow. */
const DETERMINER =
  /^(?:el|la|los|las|un|una|unos|unas|del|al|su|sus|mi|mis|tu|tus|este|esta|ese|esa|aquel|aquella|otro|otra|cada|nuestro|nuestra|de|en|con|por)$/iu;
/** Words that end like an imperative but are none ("Chile", "siete", "está", "acá"). */
const NOT_IMPERATIVE =
  /^(?:chile|siete|nadie|está|estará|será|habrá|acá|allá|ojalá|quizá|mamá|papá|ya|da)$/iu;

/**
 * Whether the words of the date's sentence before it (`head`) hold an imperative that opens a "que" clause the date
 * stands in, and the clause (`clause`: its words before and after the date) is not told in the past.
 */
export function commandedAhead(
  head: string,
  clause: string,
  toldInThePast: (words: string) => boolean,
): boolean {
  let last: RegExpExecArray | undefined;
  for (const m of head.matchAll(IMPERATIVE_THAT)) {
    const { lead, verb } = m.groups!;
    const opens = m.index === 0 || /[,:;¡(«"“]\s*$/u.test(head.slice(0, m.index + (lead?.length ?? 0)));
    if (NOT_IMPERATIVE.test(verb!) || (lead && DETERMINER.test(lead.trim()))) continue;
    // A capitalized word inside a sentence is a name ("Marcela"), unless it opens the clause.
    if (/^\p{Lu}/u.test(verb!) && !(lead === undefined ? opens : false) && !(m.index === 0 && !lead))
      continue;
    last = m;
  }
  if (!last) return false;
  const after = head.slice(last.index + last[0].length);
  return !toldInThePast(`${after} ${clause}`);
}
