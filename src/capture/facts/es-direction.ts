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
    if (/^\p{Lu}/u.test(verb!) && !(!lead && opens)) continue;
    last = m;
  }
  if (!last) return false;
  const after = head.slice(last.index + last[0].length);
  return !toldInThePast(`${after} ${clause}`);
}

/**
 * A first person plural in "-amos"/"-imos" is a present and a preterite alike ("El martes presentamos un informe",
 * "El viernes entregamos las firmas"). The sentences beside it in its paragraph or turn say which: a past in the one
 * before or after ("… Nos recibió un asistente.") makes it the preterite; none, the speaker's present, a plan
 * ("Por eso hoy a las 15 vamos a estar en el Centro Cívico. Y el martes presentamos un informe"). A neighbour that
 * writes its own year ("Mi papá desapareció en 1983") tells of another time and is passed over. Stop 42 (second
 * wave): 7 bare weekdays of rounds 18, 20, 31, 43 (×2), 58, 61 so read a week back, nearer ahead than back.
 */
export function neighboursInThePresent(
  text: string,
  start: number,
  end: number,
  toldInThePast: (words: string) => boolean,
): boolean {
  const from = text.lastIndexOf('\n', start) + 1;
  const to = text.indexOf('\n', end);
  const before = text.slice(Math.max(from, start - 300), start);
  const after = text.slice(end, to < 0 ? end + 300 : Math.min(to, end + 300));
  const sentenceEnd = /[.!?](?:\s+|$)/gu;
  const cuts = [...before.matchAll(sentenceEnd)].map((m) => m.index! + m[0].length);
  // The sentence before the date's own: between the last two sentence ends before it.
  const previous = cuts.length
    ? before.slice(cuts.length > 1 ? cuts[cuts.length - 2]! : 0, cuts[cuts.length - 1])
    : '';
  const own = /[.!?](?:\s+|$)/u.exec(after);
  const next = own ? after.slice(own.index + own[0].length).split(/[.!?](?:\s+|$)/u, 1)[0]! : '';
  const pastNeighbour = (s: string) => !/\b\d{4}\b/u.test(s) && toldInThePast(s);
  return !pastNeighbour(previous) && !pastNeighbour(next);
}

/**
 * A note added after the text ("Nota de la traductora: la red escribió de nuevo el 5 de febrero", "Nota del
 * Observatorio: la defensa apeló el 27 de marzo", "Lo añado el 30 de noviembre:", a heading "ACTUALIZACIÓN (agregada
 * …)"): written later than the text's own day, so its yearless day, past or not, is the nearest one ahead of that day.
 * `line` is the date's line up to it, `lineBefore` the line above (a heading). Stop 42 (second wave): rounds 30, 31,
 * 52 and 63 (one note each) read a year back.
 */
const LATER_NOTE =
  /^\s*(?:\S+\s+)?(?:nota\s+(?:de|del|de\s+la)\s+[^:\n]{2,40}:|(?:lo\s+)?(?:añado|agrego)\b|(?:\p{L}+\.\s+)?actualizaci[oó]n\b)/iu;
export const inLaterNote = (line: string, lineBefore: string) =>
  LATER_NOTE.test(line) || /^\s*(?:[IVX]+\.\s+)?ACTUALIZACI[OÓ]N\b/u.test(lineBefore);
