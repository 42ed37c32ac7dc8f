/**
 * Spanish first-person preterites in "-é" ("Llegué el lunes", "Como te comenté el viernes", "hablé con ella el
 * martes"): a past the "-ó / -aron / -ieron" endings of the shared past test miss, so the sentence's weekday or
 * yearless day was read ahead (stop 42: rounds 32 and 34, a mail and a blog). Not a future ("llegaré": the
 * infinitive before "-é", and the irregular "podré, tendré, sabré…"), nor the nouns and names so ending ("comité",
 * "café", "bebé", "José", "qué"). Pure; a regular-expression source for dates.ts's past tests.
 */
const NOT_PAST = [
  'qu',
  'porqu',
  'comit',
  'caf',
  'beb',
  'jos',
  'ren',
  'no',
  'josu',
  'bernab',
  'pur',
  'carn',
  'chal',
  'canap',
  'consom',
  'clich',
  'bid',
  'pat',
  'merc',
  'y',
  'fr',
  'est',
];
/** Either case of a word's first letter: "[qQ]u". */
const anyCase = (w: string) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`;
/**
 * A word of three letters or more ending in "-é" that is no future and none of the words above ("esté" is a
 * subjunctive), in lower case, or capitalized at a sentence's start only ("calle Obispo Labbé" is a name).
 * Case-sensitive, so apart from the shared past test (which ignores case).
 */
export const FIRST_PERSON_PAST = new RegExp(
  String.raw`(?<![\p{L}])(?!(?:${NOT_PAST.map(anyCase).join('|')})é(?![\p{L}]))(?:\p{Ll}|(?<=(?:^|[.!?:;\n"“«(—–-])\s*)\p{Lu})\p{Ll}+(?<!(?:ar|er|ir|dr|br|rr))é(?![\p{L}])`,
  'u',
);

/** Whether `words` hold a Spanish first-person preterite in "-é". */
export const firstPersonPast = (words: string) =>
  /é(?![\p{L}])/u.test(words) && FIRST_PERSON_PAST.test(words);

/**
 * The words after a bare weekday up to a Spanish relative or temporal clause (", que Boric prometió en 2023", ",
 * cuando se cumplen 19 años de … que declaró"): that clause's past tells of something else, not of the plan the
 * weekday dates ("El martes reunión por Zoom … por la reparación integral, que Boric prometió en 2023"). Stop 42:
 * two plans so read as past, rounds 13 and 16.
 */
const RELATIVE_CLAUSE =
  /,\s+(?:que|cuando|donde|quien|quienes|cuyo|cuya|(?:el|la|los|las|lo)\s+que)(?![\p{L}])/iu;
export const beforeRelativeClause = (after: string) => after.split(RELATIVE_CLAUSE, 1)[0]!;
