/**
 * English days written as an ordinal alone, without their month: "Your letter of the 3rd came on Thursday", "On
 * the 18th they knocked down the monument", "the bench told him to come back on the 18th", "killed in the city
 * between the 16th and the 19th", "Court postponed to 20th", "died on the 30th of last month". Letters, transcripts,
 * e-mails and chats say a day so once its month is known (stop 41: about 50 such days missed, none read; this
 * rule mends 44 in 32 texts of 22 development and guard rounds). The month and year are those of the nearest day or
 * month named before (the letter's head, the story's dated day, a chat's stamp), or the reference's when none is;
 * "of last month", "of this month", "of next month" count from the reference.
 *
 * An ordinal before a noun is no day ("the 20th century", "the 33rd Light Infantry Division", "the 36th
 * anniversary", "the 4th floor"): the ordinal must close its clause or be followed by a word that cannot be its
 * noun (a preposition, a pronoun, an article, a conjunction).
 */
import { DAY_MS, realDay, relativeDay, utc } from './calendar.js';
import type { DateMention } from './dates.js';
import { ledByItsPreposition } from './ordinal-after-preposition.js';

/** "the 18th", "on the 3rd", "to 20th", the "4th" of "the 3rd and 4th": the ordinal's figures in group 1, its suffix in group 2. */
const ORDINAL_DAY =
  /(?<![\p{L}\d])(?:(?<=\bthe\s+)|(?<=\b(?:to|on|from|until|till|since|by)\s+)|(?<=\d(?:st|nd|rd|th),?\s+(?:and|or|&)\s+)|(?<=\d(?:st|nd|rd|th)\s*[-–]\s*))(\d{1,2})(st|nd|rd|th)(?![\p{L}\d])/giu;
/** Ordinals joined to this one ("the 16th and the 19th", "the 9th to the 11th"), skipped before the noun test. */
const JOINED =
  /^\s*(?:,|and|or|to|till|until|through|-|–)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?![\p{L}\d])/iu;
/** What may follow a day: the clause's end, or a word that is no noun of the ordinal (a verb: "Your letter of the 2nd came"). */
const CLOSES =
  /^(?:\s*(?:[,.;:!?)\]"'”’]|—|–(?!\p{L})|$)|\s+(?:(?:and|or)(?!\s+(?:final|last|latest|largest|most|least)(?![\p{L}]))|to|till|until|through|in|at|on|from|when|while|we|they|I|he|she|it|you|his|her|my|our|their|the|a|an|there|after|before|around|about|by|with|as|but|so|was|were|is|came|went|arrived|\p{Ll}{2,}ed|of\s+(?:the\s+|this\s+|last\s+|next\s+)?month)(?![\p{L}]))/u;
const OF_MONTH = /^\s+of\s+(last|this|next)\s+month\b/iu;

const rightSuffix = (n: number, suffix: string) =>
  suffix.toLowerCase() ===
  (n % 10 === 1 && n !== 11
    ? 'st'
    : n % 10 === 2 && n !== 12
      ? 'nd'
      : n % 10 === 3 && n !== 13
        ? 'rd'
        : 'th');

/** How far back the day or month that names the ordinal's month may stand. */
const REACH = 2000;
/** How far back a day of the writer's own time, written without its year, may name the ordinal's month. */
const NEAR = 300;

/**
 * The mention that names an ordinal's month: the nearest day before it (within `REACH`), else the nearest month,
 * among those that write their year or lie two or more years from the reference ("Fifty-two years ago tonight",
 * a chronicle's day given its year by the narrative). A month or day of the writer's own year without its year is
 * no anchor: "filling in the monthly report for November. We heard on the Thursday, the 4th" follows "Before dawn
 * on 3 December 2008", and "the Hunter Committee, which sat from October 1919" stands between "13 April 1919" and
 * "until the morning of the 14th" (undefined: the reference's month) — unless it is a day with its month, written
 * in the ordinal's paragraph within `NEAR` and after any other anchor (stop 44: rounds 34 and 69, a list's "Friday 25
 * April … the anniversary walk on the 24th" and a mail's "fell on 8 December … went there on the 10th" after a 2012
 * arrest; no other development text changes).
 */
function anchorOf(
  text: string,
  anchors: readonly DateMention[],
  at: number,
  refYear: number,
): DateMention | undefined {
  let day: DateMention | undefined;
  let month: DateMention | undefined;
  let near: DateMention | undefined;
  for (const a of anchors) {
    if (a.end > at) break;
    if (at - a.end > REACH) continue;
    if (!/\d{4}/.test(a.text) && Math.abs(Number(a.value.slice(0, 4)) - refYear) < 2) {
      if (
        a.date.precision === 'day' &&
        !a.relative &&
        at - a.end <= NEAR &&
        !text.slice(a.end, at).includes('\n')
      )
        near = a;
      continue;
    }
    if (a.date.precision === 'day') day = a;
    else month = a;
  }
  // "Since the regime fell on 8 December … My mother went to Saydnaya on the 10th" after "arrested … on 17 November
  // 2012": a day of the writer's own time written just before, nearer than the story's, names the month.
  if (near && (!day || day.end < near.start) && (!month || month.end < near.start)) return near;
  // "In February 2016 he agreed to plead … and was freed on the 19th": a month in the ordinal's own sentence names it.
  if (month && (!day || day.end < month.end) && !/[.!?]\s|\n/u.test(text.slice(month.end, at))) return month;
  return day ?? month;
}

/** A day or month two years or more from the reference between an anchor and an ordinal. */
function storyBetween(
  anchors: readonly DateMention[],
  anchor: DateMention,
  at: number,
  refYear: number,
): boolean {
  return anchors.some(
    (a) => a.start >= anchor.end && a.end <= at && Math.abs(Number(a.value.slice(0, 4)) - refYear) >= 2,
  );
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_NAME = 'sunday|monday|tuesday|wednesday|thursday|friday|saturday';
/** "on the Tuesday, the 20th", "Sunday morning, the 23rd", "Wednesday the 19th". */
const WEEKDAY_BEFORE = new RegExp(
  `\\b(${DAY_NAME})(?:\\s+(?:morning|afternoon|evening|night))?,?\\s+the\\s+$`,
  'iu',
);
/** "the 14th, a Wednesday". */
const WEEKDAY_AFTER = new RegExp(`^,\\s+(?:a|the)\\s+(${DAY_NAME})\\b`, 'iu');
/**
 * A clause set ahead of the writer ("I will be out on the 3rd", "Court postponed to 20th", "told him to come back on
 * the 18th").
 */
const AHEAD =
  /\b(?:will|shall|going\s+to)\b|\p{L}['’]ll\b|\b(?:postponed|adjourned|deferred|rescheduled)\s+(?:again\s+)?(?:to|until|till)\s+(?:the\s+)?$|\bto\s+(?:\p{Ll}+\s+){1,3}(?:on|by)\s+(?:the\s+)?$/iu;
/**
 * A clause told in the past ("On the 15th he was moved"), irregular verbs too ("We lit candles on the 22nd",
 * "someone saw a nurse after the 27th": rounds 71, 74).
 */
const PAST =
  /\b(?:was|were|had|\p{L}{3,}ed|said|saw|told|took|came|went|lit|fell|got|left|found|heard|made|gave|brought|began|ran|met|kept|held|sent|knew|became|shot|beat|caught|spent|stood|lost|sat|slept|fled|hid|ate|wrote|spoke|broke|drove|rode|threw|tore|woke|stole|dug|wept|fought|bought|thought|felt|burnt|led)\b/iu;

/** The sentence around an ordinal, before and after it (a line break ends it too). */
function sentence(text: string, start: number, end: number): [string, string] {
  const head = text.slice(Math.max(0, start - 200), start);
  const cut = Math.max(head.lastIndexOf('\n'), head.search(/[.!?]\s(?!.*[.!?]\s)/su));
  const tail = text.slice(end, end + 200);
  const stop = tail.search(/[.!?](?:\s|$)|\n/u);
  return [cut >= 0 ? head.slice(cut + 1) : head, stop >= 0 ? tail.slice(0, stop) : tail];
}

/**
 * A weekday named beside the ordinal must fall on it ("That was on the Tuesday, the 20th" in a 2025 transcript of
 * November 2012): else the nearest of the three years written before (3,000 characters back) whose same day fits, or
 * no day at all.
 */
/** A weekday named beside an ordinal, if any. */
function weekdayNamed(text: string, start: number, end: number): string | undefined {
  return (WEEKDAY_BEFORE.exec(text.slice(Math.max(0, start - 40), start)) ??
    WEEKDAY_AFTER.exec(text.slice(end, end + 20)))?.[1];
}

function weekdayFit(text: string, start: number, end: number, v: string): string | undefined {
  const named = weekdayNamed(text, start, end);
  if (!named) return v;
  const wd = WEEKDAYS.indexOf(named.toLowerCase());
  if (utc(v).getUTCDay() === wd) return v;
  const years = [
    ...new Set(
      [...text.slice(Math.max(0, start - 3000), start).matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)]
        .map((y) => y[0])
        .reverse(),
    ),
  ];
  for (const y of years.slice(0, 3)) {
    const w = realDay(Number(y), Number(v.slice(5, 7)), Number(v.slice(8, 10)));
    if (w && utc(w).getUTCDay() === wd) return w;
  }
  return undefined;
}

/**
 * The day `day` of the month an ordinal at text[start, end) continues (the nearest day or month named before, else
 * the reference's), moved to the nearest year written before on whose calendar its named weekday fits (for
 * weekday-ordinal-words.ts: "On the Tuesday, the eleventh" in a testimony of July 1995 recorded in 2025).
 */
export function ordinalDay(
  text: string,
  found: readonly DateMention[],
  ref: Date,
  start: number,
  end: number,
  day: number,
): string | undefined {
  const anchors = found
    .filter((f) => f.date.precision === 'day' || f.date.precision === 'month')
    .sort((a, b) => a.end - b.end);
  const anchor = anchorOf(text, anchors, start, ref.getUTCFullYear());
  const y = anchor ? Number(anchor.value.slice(0, 4)) : ref.getUTCFullYear();
  const mo = anchor ? Number(anchor.value.slice(5, 7)) : ref.getUTCMonth() + 1;
  const first = realDay(y, mo, day);
  return first && weekdayFit(text, start, end, first);
}

/** How many of the nearest months before an ordinal its named weekday may choose from. */
const TRIED = 3;

/**
 * The day `day` of the nearest of the months or days named before `at` (within `REACH`, the three nearest) on whose
 * calendar it falls on weekday `wd`: "Can you tell us where you were in November 2012? … That was on the Tuesday,
 * the 20th" after a head dated August 2025, "Your son was taken in August 2023? — It was Monday, the 14th".
 */
export function fittingMonth(
  anchors: readonly DateMention[],
  at: number,
  day: number,
  wd: number,
  refYear: number,
): string | undefined {
  // As in anchorOf, a month or day of the writer's time written without its year is no anchor ("filling in the
  // monthly report for November. We heard on the Thursday, the 4th" after "3 December 2008").
  const before = anchors
    .filter(
      (a) =>
        a.end <= at &&
        at - a.end <= REACH &&
        !a.value.includes('/') &&
        (/\d{4}/.test(a.text) || Math.abs(Number(a.value.slice(0, 4)) - refYear) >= 2),
    )
    .slice(-TRIED);
  for (const a of before.reverse()) {
    const v = realDay(Number(a.value.slice(0, 4)), Number(a.value.slice(5, 7)), day);
    if (v && utc(v).getUTCDay() === wd) return v;
  }
  return undefined;
}

/** The days `text` writes as an ordinal alone, each in the month and year of what it follows. */
export function ordinalDays(text: string, found: DateMention[], ref: Date): DateMention[] {
  const more: DateMention[] = [];
  if (!/\d(?:st|nd|rd|th)\b/iu.test(text)) return more;
  const anchors = found
    .filter((f) => f.date.precision === 'day' || f.date.precision === 'month')
    .sort((a, b) => a.end - b.end);
  const refYear = ref.getUTCFullYear();
  ORDINAL_DAY.lastIndex = 0;
  for (let m = ORDINAL_DAY.exec(text); m; m = ORDINAL_DAY.exec(text)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31 || !rightSuffix(day, m[2]!)) continue;
    const end = m.index + m[0].length;
    let after = text.slice(end, end + 80);
    for (let j = JOINED.exec(after); j; j = JOINED.exec(after)) after = after.slice(j[0].length);
    // "From the 14th people in Khorog were protesting": after its preposition, a day (ordinal-after-preposition.ts).
    if (!CLOSES.test(after) && !ledByItsPreposition(text, m.index, after)) continue;
    // A weekday named beside it chooses among the months named just before (stop 45: rounds 20, 24, 48, 63).
    const named = weekdayNamed(text, m.index, end);
    const fit = named && fittingMonth(anchors, m.index, day, WEEKDAYS.indexOf(named.toLowerCase()), refYear);
    if (fit) {
      const holder = found.find((f) => f.start < m.index && f.end >= end && f.date.precision === 'day');
      if (holder) {
        holder.date = { precision: 'day', value: fit };
        holder.value = fit;
      } else more.push(relativeDay(m.index, m[0], fit));
      continue;
    }
    let y = refYear;
    let mo = ref.getUTCMonth() + 1;
    const of = OF_MONTH.exec(text.slice(end, end + 30));
    const anchor = of ? undefined : anchorOf(text, anchors, m.index, refYear);
    // A head's day in the writer's time, then a story's month or day years back, then the ordinal ("Transcribed 3 May
    // 2025 … where were you in April 1995? … Before dawn on the 18th"): which one it continues is unsure, so nothing
    // — unless a weekday beside it will say ("Sunday morning, the 23rd").
    const writerAnchor = !!anchor && Math.abs(Number(anchor.value.slice(0, 4)) - refYear) <= 1;
    if (writerAnchor && storyBetween(anchors, anchor!, m.index, refYear) && !weekdayNamed(text, m.index, end))
      continue;
    if (of) mo += /^last$/iu.test(of[1]!) ? -1 : /^next$/iu.test(of[1]!) ? 1 : 0;
    else if (anchor) {
      y = Number(anchor.value.slice(0, 4));
      mo = Number(anchor.value.slice(5, 7));
    }
    // In the writer's own time, a plan lies ahead ("I will be out on the 3rd" in a letter of 28 December) and a
    // past told lies behind ("On the 15th he was moved", a thread of 3 April): the next or the last such day.
    if (!of && Math.abs(y - refYear) <= 1) {
      const first = realDay(y, mo, day);
      const [before, rest] = sentence(text, m.index, end);
      const ahead = AHEAD.test(before);
      if (first && ahead && utc(first).getTime() < ref.getTime()) mo += 1;
      else if (
        first &&
        !ahead &&
        utc(first).getTime() > ref.getTime() + 2 * DAY_MS &&
        PAST.test(`${before} ${rest}`)
      )
        mo -= 1;
    }
    const at = new Date(Date.UTC(y, mo - 1, 1));
    const day1 = realDay(at.getUTCFullYear(), at.getUTCMonth() + 1, day);
    const v = day1 && weekdayFit(text, m.index, end, day1);
    if (!v) continue;
    // "where were you on Monday the 9th?" in a testimony of August 1971 recorded in 2025: the weekday rule read the
    // day near the writer; a story's day written with its year before it, whose month the weekday fits, says which.
    const holder = found.find((f) => f.start < m.index && f.end >= end && f.date.precision === 'day');
    if (holder) {
      const story = !!anchor && Math.abs(y - refYear) >= 2;
      if (story && v === day1 && WEEKDAY_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) {
        holder.date = { precision: 'day', value: v };
        holder.value = v;
      }
      continue;
    }
    // "the 18th of next month" is one day: its span takes "of next month", which no month reading keeps (rounds 69, 72).
    more.push(relativeDay(m.index, of ? m[0] + of[0] : m[0], v));
  }
  return more;
}

/** Ordinal words of a month's days, 1–9 and 10–19 ("first" … "nineteenth"), and the tens' own. */
const ORDINAL_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORDINAL_TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
/**
 * A day of the month written as an ordinal word, as transcripts and testimonies spell it out: "the first of
 * November", "the twenty-sixth of February" (stop 41: 5 such days in 4 rounds, 25, 48, 61, 62, none read — the
 * month alone was taken in the reference's year).
 */
export const EN_ORDINAL_DAY = `(?:twenty[-\\s](?:${ORDINAL_UNITS.join('|')})|thirty[-\\s]first|twentieth|thirtieth|${ORDINAL_TEENS.join('|')}|${ORDINAL_UNITS.join('|')})`;
/** "twenty-sixth" → 26, "first" → 1 (undefined for any other word). */
export function ordinalWordDay(word: string): number | undefined {
  const [head, tail] = word.toLowerCase().split(/[-\s]+/) as [string, string | undefined];
  if (tail) {
    const unit = ORDINAL_UNITS.indexOf(tail) + 1;
    if (!unit) return undefined;
    return head === 'twenty' ? 20 + unit : head === 'thirty' && unit === 1 ? 31 : undefined;
  }
  if (head === 'twentieth') return 20;
  if (head === 'thirtieth') return 30;
  const teen = ORDINAL_TEENS.indexOf(head);
  if (teen >= 0) return 10 + teen;
  const unit = ORDINAL_UNITS.indexOf(head);
  return unit >= 0 ? unit + 1 : undefined;
}
