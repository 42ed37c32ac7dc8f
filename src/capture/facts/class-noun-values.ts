/**
 * "colonia Las Margaritas", "cuartel Los Cabitos", "la carretera Panamericana Norte": a place written after
 * its lower-case class noun is named by the name alone, the phrase kept as its mention. Writers disagree
 * on the noun: a value of the bare name with the phrase as mention matches either annotation, and is one
 * entity with the bare name written alone elsewhere ("colonia El Pedregal" … "El Pedregal"). Counted at
 * stop 44 on the development rounds (error lines fixed / broken): colonia 20 / 0 (rounds 21–40 and 72,
 * 11 texts; the gold kept the phrase alone in 12 texts, the bare name alone in 10, both in 8), cuartel,
 * estadio, finca, represa, quebrada 16 / 0 (7 rounds), carretera 9 / 0 (6 rounds).
 *
 * Not rivers: "río Cauca" beside the department Cauca, in the article and a comment that are extracted
 * apart, would become one entity (19 / 7). Nor streets, squares, parks, hospitals or bridges: there the
 * gold holds the phrase alone.
 */

/** Lower-case class nouns whose name follows them. */
const CLASS_NOUN = /^(?:colonias?|cuartel|estadio|finca|represa|quebrada|carretera)[ \t\u00a0]+(?=\p{Lu})/u;

/** The mentions, each place written after a class noun with the bare name as value. */
export function withBareNameValues<T extends { kind: string; value: string }>(entities: readonly T[]): T[] {
  return entities.map((e) => {
    const noun = e.kind === 'place' ? CLASS_NOUN.exec(e.value) : null;
    return noun ? { ...e, value: e.value.slice(noun[0].length) } : e;
  });
}
