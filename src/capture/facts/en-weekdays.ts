/**
 * An English weekday after "by", "until", "till", "after", "from" or "this" ("tell me by Friday if you want your name
 * removed", "They want $8,000 by Friday", "will hold readings until Wednesday", "Visits suspended until Saturday",
 * "after Friday we come in", "promised water trucks from Monday", "The memorial reading is this Sunday", "This
 * Saturday there is a screening"): the weekday-alone rule leaves these words out (they often lead a day of the past
 * too), so these days were missed (stop 41: 14 in 14 texts of 12 development and guard rounds). The clause before the
 * weekday decides (from the sentence's start, a quote or a "that"): a modal or a plan in it ("will walk this Sunday",
 * "tell me by Friday") is the next such day ("this Sunday" on a Sunday is that day); a past verb in it ("from Monday
 * the soldiers searched", "This Monday the court ruled") the last; neither, the
 * next, unless the first words after it are told in the past. A deadline asked or promised
 * ("asked for the text by Monday") is ahead of whoever set it.
 */
import { DAY_MS, iso, relativeDay } from './calendar.js';
import type { DateMention } from './dates.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LEAD_WEEKDAY = new RegExp(
  `(?<=(?<![\\p{L}])(?:[Bb]y|[Uu]ntil|[Tt]ill|[Aa]fter|[Ff]rom|[Tt]his)\\s+)(${WEEKDAYS.join('|')})(?![\\p{L}'’])(?!\\s+(?:\\p{Lu}|\\d|the\\s+\\d)|,?\\s+(?:\\d{1,2}|the\\s+\\d)|\\s+(?:prayers?|market|mass|sermon|services?|school|edition|paper|club|protests?|march(?:es)?)(?![\\p{L}]))`,
  'gu',
);

const AHEAD =
  /(?<![\p{L}])(?:will|would|shall|can|must|going\s+to|wants?|need|please)(?![\p{L}])|\p{L}['’]ll(?![\p{L}])/iu;

/** Verbs that set a deadline: what they ask for "by Monday" lies ahead of them. */
const SET_DEADLINE =
  /(?<![\p{L}])(?:ask(?:ed|s)?|promised?|promises|told|tells?|gave|gives?|set|agreed|wanted|wants?|requested|expected|said|says|demanded|urged)(?![\p{L}])/iu;

/** Whether the weekday at text[start, end) is told in the past; `past(words)` finds a finite past in some words. */
function toldBack(text: string, start: number, end: number, past: (words: string) => boolean): boolean {
  const head = text.slice(Math.max(0, start - 160), start);
  // The first words after it: "by Friday they had fled", "This Monday the court ruled".
  const tail = text
    .slice(end, end + 160)
    .split(/[.!?\n;"”,]/u, 1)[0]!
    .split(/\s+/u)
    .slice(0, 6)
    .join(' ');
  const cut = Math.max(...['. ', '? ', '! ', '\n', '; ', '"', '“', ': '].map((b) => head.lastIndexOf(b)));
  const clause = (cut >= 0 ? head.slice(cut + 1) : head).replace(/^.*(?<![\p{L}])that(?![\p{L}])/su, '');
  // A deadline someone set is ahead of them, past or not ("ASF asked for the text by Monday", "They promised to move
  // the troops by Saturday"); one that passed is not ("did not answer our questions by Monday evening").
  if (/(?<![\p{L}])by\s+$/iu.test(head) && SET_DEADLINE.test(clause)) return !AHEAD.test(tail) && past(tail);
  if (AHEAD.test(clause)) return false;
  if (past(clause)) return true;
  return !AHEAD.test(tail) && past(tail);
}

/** These weekdays in `text`; `past(words)` finds a finite past in some words. */
export function englishWeekdays(text: string, ref: Date, past: (words: string) => boolean): DateMention[] {
  const more: DateMention[] = [];
  LEAD_WEEKDAY.lastIndex = 0;
  for (let m = LEAD_WEEKDAY.exec(text); m; m = LEAD_WEEKDAY.exec(text)) {
    const wd = WEEKDAYS.indexOf(m[1]!);
    const end = m.index + m[0].length;
    const back = toldBack(text, m.index, end, past);
    const self = /this\s+$/iu.test(text.slice(Math.max(0, m.index - 6), m.index)) && ref.getUTCDay() === wd;
    let d = self ? ref : new Date(ref.getTime() + (back ? -DAY_MS : DAY_MS));
    // Seven steps at most: a week holds every weekday.
    for (let k = 0; k < 6 && d.getUTCDay() !== wd; k++) d = new Date(d.getTime() + (back ? -DAY_MS : DAY_MS));
    const v = iso(d);
    more.push(relativeDay(m.index, m[0], v));
  }
  return more;
}

/**
 * "call on Saturday mornings", "Visits at Nakkhu are on Saturday only": a weekday said of every week, a habit and no
 * date (guide §7, as "every year on 23 February"); the weekday rule read the last such day (rounds 19, 25).
 */
export function weeklyHabit(text: string, d: DateMention): boolean {
  return (
    d.relative &&
    /^on\s+(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$/iu.test(d.text) &&
    /^\s+(?:mornings|afternoons|evenings|nights|only)(?![\p{L}])/u.test(text.slice(d.end, d.end + 14))
  );
}

const WEEKDAY_AFTER = new RegExp(`^,\\s+(?:a|the)\\s+(${WEEKDAYS.join('|')})(?![\\p{L}])`, 'u');

/**
 * "A colleague called me on 16 July, a Friday" in a 2026 testimony about the summer of 2021: a day without its year
 * whose weekday is said after it falls on that weekday. When the reading does not, the nearest of the three years
 * written before it (3,000 characters back) whose same day does is its year; none, nothing changes. In place.
 */
export function weekdaySaidAfter(text: string, found: readonly DateMention[]): void {
  for (const d of found) {
    if (d.date.precision !== 'day' || /\d{4}/.test(d.text) || !/\p{L}{3}/u.test(d.text)) continue;
    const named = WEEKDAY_AFTER.exec(text.slice(d.end, d.end + 20))?.[1];
    if (!named) continue;
    const wd = WEEKDAYS.indexOf(named);
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number];
    if (new Date(Date.UTC(Number(d.value.slice(0, 4)), mo - 1, day)).getUTCDay() === wd) continue;
    const years = [
      ...new Set(
        [
          ...text
            .slice(Math.max(0, d.start - 3000), d.start)
            .matchAll(/(?<![\d.,/])(?:19|20)\d{2}(?![\d.,/]\d)/g),
        ]
          .map((y) => Number(y[0]))
          .reverse(),
      ),
    ].slice(0, 3);
    for (const y of years) {
      const at = new Date(Date.UTC(y, mo - 1, day));
      if (at.getUTCMonth() !== mo - 1 || at.getUTCDay() !== wd) continue;
      const v = iso(at);
      d.date = { precision: 'day', value: v };
      d.value = v;
      break;
    }
  }
}

/**
 * "I will draft the application this weekend", "she will draft it this weekend": an English weekend ahead of the
 * writer is a plan as vague as "next week" (guide §7), none annotated (stop 44: rounds 17 and 43, every such weekend
 * in the English development texts); the rule read the weekend just past. `ahead`: the clause looks ahead.
 */
export function weekendAhead(m: RegExpExecArray, ahead: boolean): boolean {
  return ahead && /weekend$/iu.test(m[0]);
}
