/**
 * The story's year of a day or month a witness tells without one (stop 42). An interview or hearing transcript
 * recorded in 2025 about 1973 ("¿Dónde estaba usted el 27 de junio de 1973?" … "Yo estuve hasta que la CNT levantó
 * la huelga el 11 de julio") was read in the recording's year: `yearsOfTheNarrative` (dates.ts) asks a news
 * writer's caution — one paragraph at most, no word of the writer's own time such as "hasta", "-imos" — which a
 * transcript's turns and spoken past always break. In a transcript, as in HeidelTime's narratives, a yearless day
 * told in the past is of the last dated moment of the story: the nearest day or month before it, when that one is
 * of a far year (written, or already read so: "el sábado 30 de junio" after the question). Counted on the
 * development rounds first (see the README's stop 42 section).
 */
import { DAY_MS, pad, realDay, standingMentions, utc } from './calendar.js';
import { toldInThePastByItsClause } from './date-predicate.js';
import type { DateMention } from './dates.js';
import { MONTH_WORD, WEEKDAY_ALT } from './lexicon.js';
import { SPOKEN_YEAR_END } from './spoken-years.js';

/** dates.ts' `writesYear` (which imports this module), spoken years too (spoken-years.ts). */
const YEAR_WRITTEN = {
  test: (t: string) => /\d{4}|\bmil\b|\bdel?\s+\d{2}$/iu.test(t) || SPOKEN_YEAR_END.test(t),
};
const WEEKDAY_BEFORE = new RegExp(`(?:${WEEKDAY_ALT})[,\\s]+(?:el\\s+|the\\s+)?$`, 'iu');

/**
 * A speaker's turn opening its line: "[00:03:33] OLIVERA:", "TESTIGO:", "AJP:", "MARTA CAAL:", "LLAMADA (doña
 * Ofelia):", "[01:10] VOROBIOVA:". A transcript has at least three.
 */
const TURN =
  /^[ \t]*(?:\[\d{1,2}(?::\d{2}){1,2}\][ \t]*)?\p{Lu}[\p{Lu}\p{M}'.-]*(?:[ \t]\p{Lu}[\p{Lu}\p{M}'.-]*){0,3}(?:[ \t]*\([^)\n]{1,40}\))?:[ \t]/gmu;
const MIN_TURNS = 3;

/** A Spanish past: preterite, imperfect, pluperfect ("levantó", "soltaron", "llegué", "estaba", "habían matado"). */
export const PAST_ES =
  /(?<![\p{L}])(?:\p{L}{2,}(?:ó|aron|ieron|aba|aban|ábamos|ara|aran|iera|ieran)|\p{L}{2,}(?:[^aeiouáéíóú\s]|gu|qu)é|(?!allí|Haití)\p{L}{2,}[^aeiouáéíóú\s]í|fue|fueron|fui|fuimos|estuvo|estuve|estuvieron|hubo|tuvo|tuve|tuvieron|hizo|hice|hicieron|dijo|dije|dijeron|vino|vine|vinieron|pudo|pude|puso|supo|trajo|dio|dieron|vio|vi|vimos|era|eran|éramos|iba|iban|íbamos|\p{L}{2,}(?:ían|íamos)|(?:hab|ten|ven|sab|dec|quer|pod|viv|sal|hac|pon|conoc|ser)ía)(?![\p{L}])/iu;
/**
 * Words of the speaker's own time or plans in the date's sentence: "voy/vamos a", "próximo", "pasado"
 * ("en noviembre pasado"), "este/esta", "hoy", "ahora", "todavía", "sigue", "cada" (a habit), "se cumple(n)", a
 * present perfect.
 */
export const NOW_ES =
  /(?<![\p{L}])(?:(?:voy|vas|va|vamos|van)\s+a|pr[oó]xim[oa]s?|pasad[oa]|est[ea]s?|hoy|ahora|actualmente|todav[ií]a|a[uú]n|sigue|siguen|cada|cumplen?|ha|han|hemos|he)(?![\p{L}])/iu;
/** A future by its ending, in a word written lower-case ("juzgarán"; "Nazrán" is a town). */
export const FUTURE_ES = /(?<![\p{L}])\p{Ll}+(?:rá|rán|remos|ré)(?![\p{L}])/u;

/**
 * An English past (stop 43): a lower-case "-ed" ("arrested", "died"; "Ahmed" is a name; "need" is no past) or a common irregular
 * preterite ("was", "took", "came", "shot").
 */
export const PAST_EN =
  /(?<![\p{L}'])(?:(?!(?:need|feed|seed|speed|indeed|proceed|succeed|exceed|breed|bleed|weed|greed|hundred|kindred|sacred|naked|wicked)(?![\p{L}]))\p{Ll}{2,}ed|was|were|had|did|went|came|took|saw|said|told|got|left|gave|made|kept|found|brought|put|ran|fell|began|knew|heard|thought|became|stood|sat|held|led|shot|hit|beat|lost|sent|met|spent|burnt|burned|caught|fought|fled|hid|slept|woke|drove|wrote|spoke|broke|threw|bought|paid|stole|wore|tore|felt|ate|drank|grew|rode|swam|dug|sold|struck|won|lay|rose|bled|fed|forgot|understood|could|would)(?![\p{L}])/iu;
/**
 * Words of the English speaker's own time or plans: "now", "today", "still", "next", "this", "last" ("last
 * November" counts back from the telling), "every", "ago", a present or present perfect ("is", "has", "have"), a
 * future ("will", "going to").
 */
export const NOW_EN =
  /(?<![\p{L}'])(?:now|today|tonight|currently|still|next|this|these|last|every|each|ago|is|are|am|has|have|will|won't|shall|going\s+to)(?![\p{L}])|'(?:s\s+(?:been|now)|ve|ll|re|m)(?![\p{L}])/iu;

/** The tense words a language's clause is read by; `que`, the connector a reported clause opens with (Spanish only). */
export type Tense = { past: RegExp; now: RegExp; future?: RegExp; que?: RegExp };
const TENSE: Record<'es' | 'en', Tense> = {
  es: { past: PAST_ES, now: NOW_ES, future: FUTURE_ES, que: /(?<![\p{L}])que\s(?!.*(?<![\p{L}])que\s)/isu },
  en: { past: PAST_EN, now: NOW_EN },
};

/**
 * The date's clause: its sentence (up to 200 characters each side, not across a line) from the last "que" before
 * it, so that what was said ("nos dijo que lleva el caso a su asamblea de octubre") is not told by the saying's past.
 */
export function clauseOf(text: string, start: number, end: number, connector?: RegExp): string {
  const head = unwrap(text.slice(Math.max(0, start - 200), start));
  const cut = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('? '),
    head.lastIndexOf('! '),
    head.lastIndexOf('\n'),
  );
  const sentenceHead = head.slice(cut + 1);
  const que = connector?.exec(sentenceHead);
  const tail = unwrap(text.slice(end, end + 200)).split(/[.!?\n]/, 1)[0]!;
  return `${que ? sentenceHead.slice(que.index) : sentenceHead} ${tail}`;
}

/**
 * A line broken inside a sentence, as hard-wrapped transcripts break it ("By October we\nhad no insulin"): after a
 * word or comma and before a lower-case word, the break is a space (stop 43).
 */
const unwrap = (s: string) => s.replace(/(?<=[\p{L},;])[ \t]*\n[ \t]*(?=\p{Ll})/gu, ' ');

/** How far from the story's last dated moment a reading may fall, either way: four months. */
const STORY_SPAN = 130 * DAY_MS;
const REACH = 3000;

/**
 * The mention before `i` that says when the telling stands: the nearest day or month (written or read), if its
 * year lies two or more from the reference; a written year alone is passed over ("declaró en la causa … en 2014"),
 * but a day, month or year of the speaker's own time ("La próxima audiencia es el 23 de septiembre", "este año")
 * ends the story's stretch. `passOver`: mentions that neither are the moment nor end it (an anniversary's day said
 * again, anniversary-years.ts).
 */
function lastDatedMoment(
  ordered: readonly DateMention[],
  i: number,
  refYear: number,
  passOver?: (a: DateMention) => boolean,
): DateMention | undefined {
  const d = ordered[i]!;
  for (let j = i - 1; j >= 0; j--) {
    const a = ordered[j]!;
    if (d.start - a.end > REACH) return undefined;
    if (passOver?.(a)) continue;
    const far = Math.abs(yearOf(a) - refYear) >= 2;
    if (a.date.precision === 'year' && far) continue;
    if (a.date.precision !== 'day' && a.date.precision !== 'month') return undefined;
    return far ? a : undefined;
  }
  return undefined;
}

/**
 * Whether the turn before the one at `at` is a question asked in the speaker's present ("Where are the cases?", "Has
 * anyone been held responsible?"): its answer tells the speaker's own time, not the story's (stop 43). `turns` are
 * the turns' starts, in order.
 */
function askedInThePresent(text: string, turns: readonly number[], at: number, tense: Tense): boolean {
  let k = turns.length - 1;
  while (k >= 0 && turns[k]! > at) k--;
  if (k < 1) return false;
  const asked = text.slice(turns[k - 1]!, turns[k]!).replace(TURN_HEAD, '');
  return asked.includes('?') && tense.now.test(asked) && !tense.past.test(asked);
}
const TURN_HEAD = new RegExp(`^${TURN.source}`, 'u');

export const isTranscript = (text: string) => (text.match(TURN)?.length ?? 0) >= MIN_TURNS;
const yearOf = (d: DateMention) => Number(d.value.slice(0, 4));

/**
 * In a text that tells a past stretch (a transcript, or a narrative: `storyYears` in narrative-years.ts decides), each
 * day or month without its year that leaned on the reference (within a year of it) and is told in the past (no word
 * of the speaker's own time in its clause) takes the story's year: the reading nearest the last dated moment
 * (`lastDatedMoment`, at most 3,000 characters back), in its year or one either side, at most four months from it
 * ("septiembre del 2013 … Que volviera en enero" is 2014-01; "habían matado antes, en febrero" after 13 March 1982 is
 * 1982-02). Each day so read is the next one's moment. A day after a weekday is the weekday rules'. `forwardOnly`: no
 * reading before the last dated moment's month — a narrative's telling runs forward from it, while a transcript's
 * answers go back ("habían matado antes, en febrero"). In place.
 */
export function storyYearsOfThePast(
  text: string,
  found: DateMention[],
  reference: Date,
  forwardOnly = false,
  language: 'es' | 'en' = 'es',
  passOver?: (a: DateMention) => boolean,
): void {
  const tense = TENSE[language];
  const refYear = reference.getUTCFullYear();
  const ordered = standingMentions(found);
  const turns = forwardOnly ? [] : [...text.matchAll(TURN)].map((m) => m.index);
  for (const [i, d] of ordered.entries()) {
    if (d.date.precision !== 'day' && d.date.precision !== 'month') continue;
    if (YEAR_WRITTEN.test(d.text) || !MONTH_WORD.test(d.text) || Math.abs(yearOf(d) - refYear) > 1) continue;
    if (WEEKDAY_BEFORE.test(text.slice(Math.max(0, d.start - 16), d.start))) continue;
    const anchor = lastDatedMoment(ordered, i, refYear, passOver);
    if (!anchor || askedInThePresent(text, turns, d.start, tense)) continue;
    const clause = clauseOf(text, d.start, d.end, tense.que);
    const told = tense.past.test(clause) && !tense.now.test(clause) && !tense.future?.test(clause);
    // An aside of the teller's time after the date's own clause does not bring it back (date-predicate.ts).
    if (!told && !toldInThePastByItsClause(text, d.start, d.end, tense)) continue;
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number | undefined];
    const ay = yearOf(anchor);
    const from = anchor.date.precision === 'day' ? anchor.value : `${anchor.value}-01`;
    const gap = (v: string) => Math.abs(utc(v.length === 7 ? `${v}-01` : v).getTime() - utc(from).getTime());
    const reading = [ay - 1, ay, ay + 1]
      .map((y) => (d.date.precision === 'day' ? realDay(y, mo, day!) : `${y}-${pad(mo)}`))
      .filter((v): v is string => !!v && gap(v) <= STORY_SPAN)
      .filter((v) => !forwardOnly || v.slice(0, 7) >= from.slice(0, 7))
      .sort((a, b) => gap(a) - gap(b))[0];
    if (!reading || reading === d.value) continue;
    d.date =
      d.date.precision === 'day'
        ? { precision: 'day', value: reading }
        : { precision: 'month', value: reading };
    d.value = reading;
  }
}
