/**
 * "Hoy vive en Madrid", "que hoy trabaja en Lleida", "Hoy tiene 86 años", "Santa Rosa (hoy Ciudad Mendoza)":
 * "hoy" meaning nowadays — where someone lives or works now, how old they are now, what a place is called now —
 * names no day (GUIDE §7: "Hoy vive en un piso compartido" is not a date). Development rounds: "hoy" before
 * living, working or an age in 14 texts of 11 rounds (22–67); a lone extra only where the publication day is no
 * date of its own (rounds 43 and 67), elsewhere the same value is counted by another mention.
 */

/** What follows "hoy" when it says how things stand now: living, residing, working, an age. */
const STANDING_NOW =
  /^\s+(?:viv(?:e|o|en|imos)|resid(?:e|o|en|imos)|trabaj(?:a|o|an|amos)|tiene\s+[\p{L}\d]+\s+años)\b/iu;

const LIVING_BEFORE = /(?<![\p{L}])(?:viv(?:e|o|en|imos)|resid(?:e|o|en|imos)|trabaj(?:a|o|an|amos))\s+$/iu;

/** Whether the "hoy" at [start, end) of `text` means nowadays rather than the day of writing. */
export function nowadaysHoy(text: string, start: number, end: number): boolean {
  if (!/^hoy$/iu.test(text.slice(start, end))) return false;
  const after = text.slice(end, end + 40);
  if (STANDING_NOW.test(after)) return true;
  // The verb before it: "que vive hoy en San Antonio".
  if (LIVING_BEFORE.test(text.slice(Math.max(0, start - 14), start)) && /^\s+en\s/iu.test(after)) return true;
  // A place's name now, after its old one: "Santa Rosa (hoy Ciudad Mendoza)".
  return /\(\s*$/u.test(text.slice(Math.max(0, start - 2), start)) && /^\s+\p{Lu}/u.test(after);
}
