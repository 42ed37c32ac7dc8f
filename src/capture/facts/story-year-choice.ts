/**
 * A learned choice of the year of a day or month written without one (stop 44). "On 6 April the plane was shot
 * down", "el 12 de julio nos llevaron": the rules read such a day in the reference's year, or in the year the story
 * is told in (the year the text last wrote), each by a few shapes (story-years.ts, narrative-years.ts, dates.ts
 * yearsOfTheNarrative). Here every such mention whose year differs from another candidate (the nearest year written
 * before it, the year of the nearest full date before it, the reference's year) is weighed by a logistic model over
 * general features of the text and the sentence: the text's shape and tense, the sentence's tense, how far back the
 * candidate was written, how often each year is written, whether a reading lies after the reference, the years of
 * the neighbouring dates. The weights are learned from the development rounds' gold (bench/capture/story-year-choice.ts)
 * and committed in story-year-weights.ts; a mention moves only when the model is sure.
 */
import { detectLanguage } from '../language.js';
import { DAY_MS, pad, realDay, standingMentions, utc } from './calendar.js';
import type { DateMention } from './dates.js';
import { MONTH_WORD } from './lexicon.js';
import { tellsOnePastStretch, toldMostlyInThePast } from './narrative-years.js';
import {
  DEFAULT_CANDIDATES,
  type ExtraCandidate,
  farAgo,
  headYearMention,
  nextWrittenYears,
  turnOfYear,
} from './story-year-candidates.js';
import { YEAR_CHOICE } from './story-year-weights.js';
import { FUTURE_ES, isTranscript, NOW_EN, NOW_ES, PAST_EN, PAST_ES } from './story-years.js';

/** A logistic model over named binary features, and per language the probability a mention must reach to move. */
export interface YearChoiceModel {
  /**
   * Per language it moves mentions in, the threshold. One model, trained on both languages, serves both (stop 45):
   * Spanish alone has too few cases to learn from (HISTORY.md).
   */
  thresholds: Readonly<Record<string, number>>;
  weights: Readonly<Record<string, number>>;
}

/** One mention and one other year it could be read in. */
export interface YearChoice {
  mention: DateMention;
  /** The mention's value read in the other year. */
  value: string;
  features: string[];
}

const YEAR_WRITTEN = /(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)/u;
const DAY_OR_MONTH = /^\d{4}-\d{2}(?:-\d{2})?$/u;
const FUTURE_EN = /(?<![\p{L}'])(?:will|won't|shall|going\s+to|'ll)(?![\p{L}])/iu;
/** A chat's or diary's lines opening on a stamp ("[08:12]", "12/03 -", "14:05"). */
const STAMPED_LINE = /^[ \t]*\[?\d{1,2}[:/.]\d{2}/gmu;
/** How much of a text's opening tells its language (as narrative-years.ts). */
const LANGUAGE_SAMPLE = 5000;
/** How much of a text's opening tells whether it is told in the past. */
const TENSE_SAMPLE = 30_000;

const dayOf = (v: string) => (v.length === 7 ? `${v}-01` : v.slice(0, 10));
const yearOf = (d: DateMention) => Number(d.value.slice(0, 4));
const writesYear = (d: DateMention) => !d.relative && YEAR_WRITTEN.test(d.text);
const bucket = (n: number, bounds: readonly number[]) => {
  const i = bounds.findIndex((b) => n <= b);
  return i < 0 ? `>${bounds.at(-1)}` : `<=${bounds[i]}`;
};

/** How far around a mention its sentence, line, paragraph and anchor are looked for (no pass over the whole text). */
const REACH = 2000;

/** The sentence around [start, end): from the last stop or line break before to the first after (within `REACH`). */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - REACH);
  const head = text.slice(from, start);
  const tail = text.slice(end, end + REACH);
  const opens = Math.max(...['\n', '. ', '? ', '! '].map((s) => head.lastIndexOf(s)));
  const stops = ['\n', '. ', '? ', '! '].map((s) => tail.indexOf(s)).filter((i) => i >= 0);
  return text.slice(from + opens + 1, end + (stops.length ? Math.min(...stops) : tail.length));
}

/** Whether a blank line, or else a stop, lies between two offsets: 'paragraph' / 'sentence' / 'same'. */
function separation(text: string, from: number, to: number): string {
  if (to - from > REACH) return 'further';
  const between = text.slice(from, to);
  if (/\n\s*\n/u.test(between)) return 'further';
  return /[.!?]\s|\n/u.test(between) ? 'paragraph' : 'sentence';
}

/** The features of a whole text, computed once. */
function textFeatures(
  text: string,
  ordered: readonly DateMention[],
  refYear: number,
  undated: boolean,
): string[] {
  const language = detectLanguage(text.slice(0, LANGUAGE_SAMPLE)) === 'en' ? 'en' : 'es';
  const lines = text.split('\n').filter((l) => l.trim()).length || 1;
  const stamped = text.match(STAMPED_LINE)?.length ?? 0;
  const out = [`lang=${language}`, undated ? 'undated' : 'dated'];
  if (isTranscript(text)) out.push('transcript');
  if (stamped >= 3 && stamped >= 0.2 * lines) out.push('stamped-lines');
  // Its opening tells the tense as well as the whole would (the whole of 300 KB costs ~50 ms).
  if (toldMostlyInThePast(text.slice(0, TENSE_SAMPLE), language)) out.push('text-past');
  if (tellsOnePastStretch(ordered, refYear)) out.push('one-past-stretch');
  return out;
}

/**
 * Every yearless day or month (written with a month's word) and each other year it could be read in, with its
 * features. `found` is not changed.
 */
export function yearChoices(
  text: string,
  found: readonly DateMention[],
  reference: string,
  undated = false,
): YearChoice[] {
  const refYear = Number(reference.slice(0, 4));
  const ordered = standingMentions(found);
  const yearless = new Set(
    ordered.filter(
      (d) =>
        (d.date.precision === 'day' || d.date.precision === 'month') &&
        DAY_OR_MONTH.test(d.value) &&
        !YEAR_WRITTEN.test(d.text) &&
        MONTH_WORD.test(d.text),
    ),
  );
  if (!yearless.size) return [];
  const language = detectLanguage(text.slice(0, LANGUAGE_SAMPLE)) === 'en' ? 'en' : 'es';
  const tense =
    language === 'en'
      ? { past: PAST_EN, now: NOW_EN, future: FUTURE_EN }
      : { past: PAST_ES, now: NOW_ES, future: FUTURE_ES };
  const whole = textFeatures(text, ordered, refYear, undated);
  const written = new Map<number, number>();
  for (const d of ordered) if (writesYear(d)) written.set(yearOf(d), (written.get(yearOf(d)) ?? 0) + 1);
  const out: YearChoice[] = [];
  const extra = new Set(yearChoiceHooks.candidates ?? []);
  const nextYears = extra.has('next') ? nextWrittenYears(text, ordered, writesYear, REACH) : [];
  const headYear = extra.has('head') ? headYearMention(text, ordered, writesYear) : undefined;
  const mostWritten = Math.max(0, ...written.values());
  const offered = offeredYears(ordered, yearless, refYear);
  let lastYear: DateMention | undefined;
  let lastAgo: DateMention | undefined;
  let lastDay: DateMention | undefined;
  for (const [i, d] of ordered.entries()) {
    if (yearless.has(d)) out.push(...choicesOf(d, i));
    if (extra.has('ago') && farAgo(d, refYear)) lastAgo = d;
    if (writesYear(d)) {
      lastYear = d;
      if (d.date.precision === 'day') lastDay = d;
    }
  }
  return out;

  function choicesOf(d: DateMention, i: number): YearChoice[] {
    const r = yearOf(d);
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number | undefined];
    const kinds = new Map<number, { kinds: string[]; anchor?: DateMention }>();
    const add = (y: number | undefined, kind: string, anchor?: DateMention) => {
      if (y === undefined || y === r || Number.isNaN(y)) return;
      const k = kinds.get(y) ?? { kinds: [], anchor };
      k.kinds.push(kind);
      kinds.set(y, k);
    };
    add(lastYear && yearOf(lastYear), 'story', lastYear);
    add(lastDay && yearOf(lastDay), 'dated', lastDay);
    add(refYear, 'reference');
    add(lastAgo && yearOf(lastAgo), 'ago', lastAgo);
    if (headYear && headYear.start < d.start) add(yearOf(headYear), 'head', headYear);
    const nx = nextYears[i];
    if (nx) add(yearOf(nx), 'next', nx);
    if (extra.has('turn')) add(turnOfYear(text, ordered[i - 1], d, REACH), 'turn');
    const sentence = sentenceAround(text, d.start, d.end);
    const sentenceTense = [
      tense.past.test(sentence) ? 'past' : '',
      tense.now.test(sentence) ? 'now' : '',
      tense.future.test(sentence) ? 'future' : '',
    ].join('+');
    const head = text.slice(Math.max(0, d.start - REACH), d.start);
    const tail = text.slice(d.end, d.end + REACH);
    const line = `${head.slice(head.lastIndexOf('\n') + 1)}${d.text}${tail.split('\n', 1)[0]}`;
    const quotes = head.slice(head.lastIndexOf('\n\n') + 1).match(/["“”«»]/gu)?.length ?? 0;
    // The last dated moment before: a full date, else a month with its year.
    const moment = lastDay ?? (lastYear?.date.precision === 'month' ? lastYear : undefined);
    const since = (v: string) =>
      moment ? (utc(dayOf(v)).getTime() - utc(dayOf(moment.value)).getTime()) / DAY_MS : NaN;
    const chronology = (v: string, who: string) => {
      const days = since(v);
      if (Number.isNaN(days)) return `${who}-no-moment`;
      return days < -31
        ? `${who}-before-moment`
        : days <= 62
          ? `${who}-follows-moment`
          : days <= 366
            ? `${who}-within-year`
            : `${who}-far-after-moment`;
    };
    const prev = ordered[i - 1];
    const next = ordered[i + 1];
    const near = (o: DateMention | undefined) =>
      o && separation(text, Math.min(o.end, d.start), Math.max(o.start, d.end)) !== 'further';
    const out: YearChoice[] = [];
    for (const [y, { kinds: ks, anchor }] of kinds) {
      const value = d.date.precision === 'day' ? realDay(y, mo, day!) : `${y}-${pad(mo)}`;
      if (!value) continue;
      const local = [
        d.date.precision,
        `tense=${sentenceTense}`,
        `gap=${bucket(Math.abs(y - r), [1, 3, 10])}`,
        y < r ? 'earlier' : 'later',
        `alt-written=${bucket(written.get(y) ?? 0, [0, 1, 3])}`,
        `own-written=${bucket(written.get(r) ?? 0, [0, 1, 3])}`,
        r === refYear ? 'own=reference' : 'own=other',
        value > reference ? 'alt-after-reference' : 'alt-before-reference',
        d.value > reference ? 'own-after-reference' : 'own-before-reference',
        chronology(value, 'alt'),
        chronology(d.value, 'own'),
      ];
      if (anchor) {
        // The anchor may stand before the mention or, for the year written next, after it.
        local.push(
          `anchor=${separation(text, Math.min(anchor.end, d.end), Math.max(anchor.start, d.start))}`,
        );
        local.push(
          `anchor-chars=${bucket(Math.max(d.start - anchor.end, anchor.start - d.end), [80, 300, 1000])}`,
        );
        local.push(`anchor-precision=${anchor.date.precision}`);
      }
      // Text-wide (stop 48): a story's year is offered to most of its yearless days and is the year written most;
      // a news writer's aside ("the hearing promised in March") is offered to few.
      local.push(`alt-share=${bucket(Math.round((10 * (offered.get(y) ?? 0)) / yearless.size), [2, 5, 8])}`);
      if ((written.get(y) ?? 0) === mostWritten) local.push('alt-most-written');
      if (mostWritten > 0 && (written.get(r) ?? 0) === mostWritten) local.push('own-most-written');
      if (line.trim().length < 50) local.push('short-line');
      if (quotes % 2 === 1) local.push('quoted');
      if (near(prev) && prev)
        local.push(yearOf(prev) === y ? 'prev=alt' : yearOf(prev) === r ? 'prev=own' : 'prev=other');
      if (near(next) && next)
        local.push(yearOf(next) === y ? 'next=alt' : yearOf(next) === r ? 'next=own' : 'next=other');
      const kind = ks[0]!;
      const features = ['bias', ...ks.map((k) => `is=${k}`)];
      for (const f of [...whole, ...local]) features.push(f, `${kind}:${f}`);
      out.push({ mention: d, value, features });
    }
    return out;
  }
}

/** Per year, how many of the text's yearless days or months have it among their own three candidates (as `choicesOf`). */
function offeredYears(
  ordered: readonly DateMention[],
  yearless: ReadonlySet<DateMention>,
  refYear: number,
): Map<number, number> {
  const out = new Map<number, number>();
  let lastYear: number | undefined;
  let lastDay: number | undefined;
  for (const d of ordered) {
    if (yearless.has(d)) {
      const own = yearOf(d);
      for (const y of new Set([lastYear, lastDay, refYear]))
        if (y !== undefined && y !== own) out.set(y, (out.get(y) ?? 0) + 1);
    }
    if (writesYear(d)) {
      lastYear = yearOf(d);
      if (d.date.precision === 'day') lastDay = yearOf(d);
    }
  }
  return out;
}

const probability = (model: YearChoiceModel, features: readonly string[]) => {
  let z = 0;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
};

/**
 * Under its threshold, a reading still moves in a year the model is sure of for another mention of the same text
 * (stop 48): one sure day of a testimony's 2017 carries its other days told in 2017 ("On the 25th of January … In
 * March"), which the model alone leaves in the reference's year. Chosen by leaving one round out (HISTORY.md).
 */
export const SURE_YEAR_FOLLOWED = 0.6;

/**
 * Per mention, its surest reading over its threshold, or over `SURE_YEAR_FOLLOWED` in a year some reading of the
 * text is over its threshold in. The bench judges its examples with the same choice.
 */
export function surestReadings<T extends { mention: unknown; value: string; p: number; threshold: number }>(
  weighed: readonly T[],
): T[] {
  const sureYears = new Set(weighed.filter((c) => c.p >= c.threshold).map((c) => c.value.slice(0, 4)));
  const best = new Map<unknown, T>();
  for (const c of weighed) {
    const moves = c.p >= c.threshold || (c.p >= SURE_YEAR_FOLLOWED && sureYears.has(c.value.slice(0, 4)));
    if (moves && c.p > (best.get(c.mention)?.p ?? 0)) best.set(c.mention, c);
  }
  return [...best.values()];
}

/** What the chooser was given for one text (the bench caches it to try features without re-extracting). */
export interface YearChoiceInput {
  text: string;
  found: readonly DateMention[];
  reference: string;
  undated: boolean;
}

/**
 * Set by the bench only: `model` null leaves every reading as the rules made it; `sink` sees every choice;
 * `candidates` offers more years to weigh (story-year-candidates.ts): the head's year by default (stop 49); the
 * others helped no more than they cost (stops 47–48).
 */
export const yearChoiceHooks: {
  model: YearChoiceModel | null;
  sink?: (choices: YearChoice[], input: YearChoiceInput) => void;
  candidates?: readonly ExtraCandidate[];
} = {
  model: YEAR_CHOICE,
  candidates: DEFAULT_CANDIDATES,
};

/**
 * The mentions, each yearless day or month read in the year the model is sure of (over its threshold; the surest
 * of its candidates), else as found. A new array; a moved mention is a new object.
 */
export function chooseStoryYears(
  text: string,
  found: readonly DateMention[],
  reference: string,
  undated = false,
): DateMention[] {
  const model = yearChoiceHooks.model;
  if (!model && !yearChoiceHooks.sink) return [...found];
  const choices = yearChoices(text, found, reference, undated);
  yearChoiceHooks.sink?.(choices, { text, found, reference, undated });
  if (!model) return [...found];
  const weighed = choices.flatMap((c) => {
    const language = c.features.find((f) => f.startsWith('lang='))?.slice(5) ?? '';
    const threshold = model.thresholds[language];
    return threshold === undefined ? [] : [{ ...c, p: probability(model, c.features), threshold }];
  });
  const best = new Map<DateMention, { value: string; p: number }>();
  for (const c of surestReadings(weighed)) best.set(c.mention, c);
  return found.map((d) => {
    const b = best.get(d);
    if (!b) return d;
    const date =
      d.date.precision === 'day'
        ? { precision: 'day' as const, value: b.value }
        : { precision: 'month' as const, value: b.value };
    return { ...d, date, value: b.value };
  });
}
