/**
 * "colonia Las Margaritas": a neighbourhood written after its lower-case class noun is named by the name
 * alone, the phrase kept as its mention. Writers disagree on the noun: counted at stop 44 on the
 * development rounds, the colonias the rules read were annotated with the phrase only in 12 texts (rounds
 * 18–61), with the bare name only in 10 (rounds 21–40, 72: ten extras), with both in 8. A value of the bare
 * name, the phrase as mention, is right under all three, and one entity with the bare name written alone
 * elsewhere ("colonia El Pedregal" … "El Pedregal").
 */

/** Lower-case class nouns whose name follows them. */
const CLASS_NOUN = /^(?:colonias?)[ \t\u00a0]+(?=\p{Lu})/u;

/** The mention's value: the name without its class noun, or the value unchanged. */
export function bareNameValue(e: { kind: string; text: string; value: string }): string {
  if (e.kind !== 'place') return e.value;
  const noun = CLASS_NOUN.exec(e.value);
  return noun ? e.value.slice(noun[0].length) : e.value;
}
