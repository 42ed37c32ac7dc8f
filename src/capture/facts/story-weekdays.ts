/**
 * A bare weekday told in the past right after a day named with its weekday, in a story weeks or years before the
 * text's date: "A Santiago Nattino se lo llevaron el jueves 28 …; a Pepe Parada y a Manuel Guerrero los sacaron el
 * viernes" (a letter of Sunday 7 April 1985: Friday 29 March), "Esa noche del sábado 21 de marzo empezamos a golpear
 * las rejas … El domingo vino la ministra … A Wilmer lo trasladaron el martes" (a letter of 2 April 2020: 22 and 24
 * March), "Ese sábado, el 18 de marzo de 2017, salió con la patrulla. Me llamó el viernes en la noche" (17 March
 * 2017). The weekday was read as the writer's last one (guide §7 reads a weekday from the text's date, but a story
 * that counts its own weekdays is its own calendar; from round 47 on writers reword such weekdays). Stop 43,
 * development rounds: 4 extras and 4 misses in 3 texts of rounds 20, 32, 42.
 *
 * The weekday takes the day of that weekday nearest the story's day (three days either way, one across a paragraph), when: the mention just
 * before it (within `REACH`) is a day written with its weekday ("el jueves 28", "sábado 21 de marzo", "Ese sábado,
 * el 18 de marzo"), or a weekday this pass already dated from one; that day lies more than a week before the text's
 * date; and the weekday had been read in the past (a plan "el sábado vamos…" stays ahead).
 */
import { addDays, DAY_MS, iso, standingMentions, utc } from './calendar.js';
import type { DateMention } from './dates.js';
import { ES_WEEKDAY_ALT, fold, WEEKDAYS } from './lexicon.js';

const WEEKDAY = ES_WEEKDAY_ALT;
/** The mention is a weekday alone: "el viernes", "El domingo", "del jueves". */
const BARE = new RegExp(`^(?:el|del|al|la\\s+noche\\s+del)?\\s*(${WEEKDAY})$`, 'iu');
/** A day written with its weekday: "jueves 28", "sábado 21 de marzo", or the weekday just before ("sábado, el 18 de"). */
const OWN = new RegExp(`^(?:el\\s+|del\\s+)?(${WEEKDAY})[,\\s]+(?:el\\s+)?\\d`, 'iu');
const BEFORE = new RegExp(`(?<![\\p{L}])(${WEEKDAY})[,\\s]+(?:el\\s+)?$`, 'iu');
/** How far the weekday may stand after the story's day (a paragraph or two of a letter). */
const REACH = 900;
/** The story's day must lie this far before the text's date, else the writer's last weekday may be meant. */
const STORY_GAP_DAYS = 7;

const weekdayOf = (name: string) => WEEKDAYS.get(fold(name));

export function weekdaysOfTheStory(text: string, found: DateMention[], ref: Date): void {
  const ordered = standingMentions(found);
  const dated = new Set<DateMention>();
  for (const [i, d] of ordered.entries()) {
    const bare = BARE.exec(d.text);
    if (!bare || d.date.precision !== 'day' || utc(d.value).getTime() > ref.getTime()) continue;
    const anchor = ordered[i - 1];
    if (anchor?.date.precision !== 'day' || d.start - anchor.end > REACH) continue;
    const named =
      dated.has(anchor) ||
      OWN.test(anchor.text) ||
      BEFORE.test(text.slice(Math.max(0, anchor.start - 16), anchor.start));
    if (!named) continue;
    const at = utc(anchor.value);
    if (ref.getTime() - at.getTime() <= STORY_GAP_DAYS * DAY_MS) continue;
    const wd = weekdayOf(bare[1]!);
    if (wd === undefined) continue;
    // Across a paragraph only the day before or after ("Esa noche del sábado 21 … ¶ El domingo vino la
    // ministra"); three days on, the writer's own last Sunday is as likely ("lo del jueves 9 … ¶ El domingo rezamos").
    const across = /\n\s*\n/.test(text.slice(anchor.end, d.start));
    const offset = [0, 1, -1, 2, -2, 3, -3].find((k) => addDays(at, k).getUTCDay() === wd);
    if (offset === undefined || (across && Math.abs(offset) > 1)) continue;
    const value = iso(addDays(at, offset));
    d.value = value;
    d.date = { precision: 'day', value };
    dated.add(d);
  }
}
