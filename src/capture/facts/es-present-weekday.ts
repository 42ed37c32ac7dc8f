/**
 * A bare Spanish weekday ("el lunes") whose own clause is told in the present indicative: what the day holds is
 * still to come, so the next such day, even when it lies farther ahead than the last one ("[Wed] El lunes tengo
 * examen", "[Mon] El viernes se cumplen tres años del cierre", "dice que reza por ustedes el domingo"), and even
 * inside a past of saying ("me contó que el jueves tiene que presentarse": the present of the reported clause is
 * the speaker's, so still ahead). The clause is read from its last "que" (or the sentence's start) to the next
 * comma or conjunction; its verb is the word that opens it, after the weekday or after the "que", clitics aside;
 * no past may stand in the sentence after the weekday.
 * Stop 43: such weekdays read a week back in 4 texts of rounds 35, 47, 67 (×2). Pure; dates.ts hooks it in
 * `weekdayOf`.
 */

/** Words that open a clause but are no verb. */
const NOT_VERB =
  /^(?:el|la|los|las|un|una|unos|unas|de|del|en|a|al|con|por|para|sin|que|y|e|o|pero|no|su|sus|mi|mis|tu|tus|este|esta|ese|esa|todo|toda|todos|todas|nadie|nada|alguien|ella|ellas|ellos|usted|ustedes|yo|nosotros|también|tampoco|ya|hoy|mañana|ayer|anoche|siempre|nunca|solo|sólo|casi|muy|más|otra|otro|misa|noche|tarde|semana|casa|madre|padre|gente|familia|ese|esa|desde|hasta|entre|sobre|ante|hace|como|cuando|donde|aquí|allí|acá|allá)$/iu;
/**
 * A present indicative's ending ("tengo", "tiene", "cumplen", "reza"); not the imperfect, the past subjunctive, the
 * conditional, nor the irregular preterites in "-o" ("El lunes hubo reunión", round 40; "tuvo", "dijo", "produjo").
 */
const PRESENT = /^\p{Ll}{2,}(?:o|a|as|an|e|es|en)$/u;
const NOT_PRESENT =
  /(?:aba|abas|aban|ía|ías|ían|ara|aras|aran|iera|ieras|ieran|ase|iese|ría|rían)$|^(?:hubo|vio|\p{L}*(?:uvo|ijo|ujo|upo|izo|iso|ajo|udo))$/u;
const CLITICS = /^(?:(?:se|lo|la|le|les|me|te|nos|los|las|no)\s+)*/iu;

/**
 * Whether the first word of `words` (clitics and "no" aside) is a present indicative. `firstPerson` false leaves out
 * the "-o" of "yo": after a "que" it is as often a preterite written without its accent ("las pastillas que mando la
 * Cruz Roja el lunes", a letter of round 39).
 */
export function opensWithPresent(words: string, firstPerson = true): boolean {
  const w = /^\s*(\S+)/u.exec(words.replace(/^\s*/u, '').replace(CLITICS, ''))?.[1];
  return (
    !!w && PRESENT.test(w) && !NOT_PRESENT.test(w) && !NOT_VERB.test(w) && (firstPerson || !/o$/u.test(w))
  );
}

/**
 * `head` is the date's sentence before "el <weekday>", `tail` the sentence after it; `toldInThePast` the shared
 * past test. True when the weekday's clause opens with a present and holds no past.
 */
export function weekdayInPresentClause(
  head: string,
  tail: string,
  toldInThePast: (words: string) => boolean,
): boolean {
  // A chat's "[15/10/25 13:52] Nairi:" or a salutation ends at its colon.
  const own = head.slice(Math.max(head.lastIndexOf(':'), head.lastIndexOf(';')) + 1);
  const q = [...own.matchAll(/(?<![\p{L}])que\s+/giu)].pop();
  const before = q ? own.slice(q.index + q[0].length) : own;
  // Only a clause the weekday opens or sits in without a boundary between ("que reza por ustedes el domingo").
  if (/[,;:()]|(?<![\p{L}])(?:y|pero|cuando|porque|si)\s/iu.test(before)) return false;
  const after = tail.split(/[,;:()]|(?<![\p{L}])(?:y|pero|cuando|porque|que|si)\s/iu, 1)[0]!;
  // The past is looked for in the whole sentence after: "El viernes llegan los soldados y se llevaron a mi hijo" is
  // a testimony's present.
  if (toldInThePast(`${before} ${tail}`)) return false;
  return before.trim() ? q !== undefined && opensWithPresent(before, false) : opensWithPresent(after);
}
