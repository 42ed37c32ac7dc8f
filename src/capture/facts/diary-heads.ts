/**
 * A diary's or notebook's entry heads that do not write their year ("Miércoles 7", "Jueves 1 de julio", "sábado 29 de
 * junio", "2 de junio"): each is the day its entry's "hoy", "anoche", "este mes", "el jueves" and yearless months
 * count from, as a chat's day separator is (guide §3, §7: relative dates resolve against the line they sit under).
 * `timeline` (dates.ts) took as separators only lines that write their year, so every entry after the first counted
 * from the text's own day: "Jueves 1 de julio … herido en el tiroteo de anoche" was read 4 April (the diary's first
 * day), "lunes 1 de julio … sale el jueves" 28 March. Stop 46, development rounds: Spanish diaries with such heads
 * are 3 texts, one each in rounds 74, 76 and 78 (none before round 74); this mends 3 extras and 3 misses in those of
 * 76 and 78, and, the rule being the same in English, 3 extras and 2 misses (one new extra) in a diary of round 74.
 * Each head is read from the day of the head before it.
 *
 * Only in a text with a date of its own (not `undated`: a notebook of 1977 transcribed without a date gives its
 * heads no year to count from; its story year is story-years' to find), and only where two or more lines are such
 * heads, so a lone "Martes 4" line in a programme or a list is left as it was.
 */
import { MONTH_ALT, WEEKDAY_ALT } from './lexicon.js';

/** "Miércoles 7", "jueves 1 de julio", "2 de junio", "Thursday 1 July", "Monday, 5 April": a day with its weekday or its month, nothing else. */
const ENTRY_HEAD = new RegExp(
  `^(?:(?:${WEEKDAY_ALT}),?\\s+\\d{1,2}(?:\\s+(?:de\\s+)?(?:${MONTH_ALT}))?|\\d{1,2}\\s+(?:de\\s+)?(?:${MONTH_ALT})|(?:(?:${WEEKDAY_ALT}),?\\s+)?(?:${MONTH_ALT})\\s+\\d{1,2})\\.?$`,
  'iu',
);

/** How many head lines make a text a diary. */
const HEADS_NEEDED = 2;

/** Whether a line's words (trimmed) are a yearless entry head. */
export const isEntryHead = (line: string): boolean => ENTRY_HEAD.test(line.trim());

/** Whether `text` is kept as a diary: two or more lines that are yearless entry heads. */
export function hasEntryHeads(text: string): boolean {
  let n = 0;
  for (const line of text.split('\n')) if (isEntryHead(line) && ++n >= HEADS_NEEDED) return true;
  return false;
}
