/**
 * "Hoy vive en Madrid", "que hoy trabaja en Lleida", "Hoy tiene 86 años", "Santa Rosa (hoy Ciudad Mendoza)":
 * "hoy" meaning nowadays — where someone lives or works now, how old they are now, what a place is called now —
 * names no day (GUIDE §7: "Hoy vive en un piso compartido" is not a date). Development rounds: "hoy" before
 * living, working or an age in 14 texts of 11 rounds (22–67); a lone extra only where the publication day is no
 * date of its own (rounds 43 and 67), elsewhere the same value is counted by another mention.
 */
import { ES_WEEKDAY_ALT } from './lexicon.js';

/** What follows "hoy" when it says how things stand now: living, residing, working, an age. */
const STANDING_NOW =
  /^\s+(?:viv(?:e|o|en|imos)|resid(?:e|o|en|imos)|trabaj(?:a|o|an|amos)|tiene\s+[\p{L}\d]+\s+años)\b/iu;

const LIVING_BEFORE = /(?<![\p{L}])(?:viv(?:e|o|en|imos)|resid(?:e|o|en|imos)|trabaj(?:a|o|an|amos))\s+$/iu;

/**
 * How a thing, a body or a person stands now, stop 49 (rounds 75, 92, 93, 94: "Hoy funciona una oficina de
 * tránsito", "Hoy la Escuelita es un lugar de memoria", "Hoy es maestra en Zumalai", "el caserío donde viven hoy
 * varias familias", "el HDP, …, hoy integrado en el DEM Parti"): a present of being, working or remaining after "hoy"
 * — with a subject named first only when a determiner opens it, so "Hoy Nelly declara" and "hoy a las 18:00 hay
 * reunión" stay days —, "es" before an article-less predicate (a trade or a role; "Hoy es el día", "Hoy es domingo"
 * and "Hoy es un día triste" stay days), a participle of what a body or place became, or a verb of living before
 * "hoy" with its subject after it.
 */
const STATE_NOW = new RegExp(
  String.raw`^\s+(?:(?:(?:el|la|los|las|mi|mis|su|sus|nuestr[oa]s?)\s+\p{L}+\s+(?:\p{L}+\s+)?(?:es|son|está|están|sigue|siguen|queda|quedan|funciona|funcionan)|funciona|funcionan|existe|existen|es\s+(?!(?:el|la|los|las|lo|un|una|unos|unas|día|feriado|fiesta|hoy|mañana|${ES_WEEKDAY_ALT})(?![\p{L}]))\p{Ll}+|(?:integrad|convertid|transformad|rebautizad|reconvertid)[oa]s?)(?![\p{L}]))`,
  'u',
);
const LIVING_BEFORE_ANY = /(?<![\p{L}])(?:donde|que)\s+(?:viv(?:e|en)|resid(?:e|en))\s+$/iu;

/** Whether the "hoy" at [start, end) of `text` means nowadays rather than the day of writing. */
export function nowadaysHoy(text: string, start: number, end: number): boolean {
  if (!/^hoy$/iu.test(text.slice(start, end))) return false;
  const after = text.slice(end, end + 40);
  if (STANDING_NOW.test(after) || STATE_NOW.test(after)) return true;
  if (LIVING_BEFORE_ANY.test(text.slice(Math.max(0, start - 20), start))) return true;
  // The verb before it: "que vive hoy en San Antonio".
  if (LIVING_BEFORE.test(text.slice(Math.max(0, start - 14), start)) && /^\s+en\s/iu.test(after)) return true;
  // A place's name now, after its old one: "Santa Rosa (hoy Ciudad Mendoza)".
  return /\(\s*$/u.test(text.slice(Math.max(0, start - 2), start)) && /^\s+\p{Lu}/u.test(after);
}
