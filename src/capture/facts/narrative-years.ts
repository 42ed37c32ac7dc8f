/**
 * The story year of a narrative that is not a transcript (stop 42). A letter, e-mail, blog or report written in 2025
 * about August 2020 ("El 4 de agosto de 2020 … no le dejó volver hasta septiembre") read its yearless
 * days in 2025: a sentence alone cannot tell a story's month from the writer's ("En marzo, la Policía Nacional…" in
 * news about a past year is the news'). As HeidelTime tells narratives from news by the text, so does this: a text
 * whose dated mentions, with their years written, mostly lie in one stretch two or more years before its own date,
 * and whose verbs are mostly past, tells that stretch: its yearless days told in the past take the last dated
 * moment's year (`storyYearsOfThePast`). A text whose years cluster at its own date, or that writes in the present
 * ("dice", "sigue", "ha"), is news and keeps the reference. Measured on the development rounds (README, stop 42).
 */
import { detectLanguage } from '../language.js';
import { anniversaryDaySaidAgain, anniversaryOf } from './anniversary-years.js';
import type { DateMention } from './dates.js';
import { isTranscript, PAST_EN, PAST_ES, storyYearsOfThePast } from './story-years.js';
import { REPORTING_PRESENT_ES } from './writers-present.js';

const PAST_ALL = new RegExp(PAST_ES.source, 'giu');
/**
 * The present of the writer's own time: the perfect's and the copulas' forms and the verbs a news writer reports by
 * ("ha", "es", "hay", "sigue", "dice", "denuncian"). A few grammar words, not a topic's.
 */
const PRESENT_ALL = new RegExp(
  `(?<![\\p{L}])(?:es|son|está|están|estoy|estamos|hay|ha|han|he|hemos|has|${REPORTING_PRESENT_ES})(?![\\p{L}])`,
  'giu',
);
/** The English past and present, counted the same way (stop 43). */
const PAST_ALL_EN = new RegExp(PAST_EN.source, 'giu');
const PRESENT_ALL_EN =
  /(?<![\p{L}'])(?:is|are|am|isn't|aren't|has|have|hasn't|haven't|says|say|remains|remain|lives|live|continues|continue|wants|want|asks|ask|calls|call|tells|keeps|can|cannot|does|do|doesn't|don't)(?![\p{L}])/giu;
const TENSE_COUNT = { es: [PAST_ALL, PRESENT_ALL], en: [PAST_ALL_EN, PRESENT_ALL_EN] } as const;
/** A narrative's verbs: at least eight past forms, and four for each present one. */
const MIN_PAST = 8;
const PAST_SHARE = 0.8;

/**
 * Whether a text is told in the past: a testimony or letter about 2022 ("subimos", "llegó", "estaba") against news
 * about it, which writes in the present ("dice", "sigue sin resolverse", "ha").
 */
export function toldMostlyInThePast(text: string, language: 'es' | 'en' = 'es'): boolean {
  const [pastForm, presentForm] = TENSE_COUNT[language];
  const past = text.match(pastForm)?.length ?? 0;
  const present = text.match(presentForm)?.length ?? 0;
  return past >= MIN_PAST && past >= PAST_SHARE * (past + present);
}

/** At least this many written years two or more back, this share of all written years, and this share of those in one year. */
const MIN_FAR = 3;
const FAR_SHARE = 0.75;
const STRETCH_SHARE = 0.5;

const yearOf = (d: DateMention) => Number(d.value.slice(0, 4));
const yearWritten = (d: DateMention) => !d.relative && /(?:1[5-9]|20)\d{2}/u.test(d.text);

/**
 * Whether a text tells one past stretch: of its mentions with a written year (no range, no relative reading), at
 * least three and three quarters lie two or more years before the reference, and half of those in one year (the
 * story's; a life's other years, "nació en 1961 … desde 1989 hasta 2015", and a trial's later ones may stand beside).
 */
export function tellsOnePastStretch(found: readonly DateMention[], refYear: number): boolean {
  const years = found.filter((d) => yearWritten(d) && /^\d{4}(?:-\d{2}){0,2}$/u.test(d.value)).map(yearOf);
  const far = years.filter((y) => y <= refYear - 2);
  if (far.length < MIN_FAR || far.length < FAR_SHARE * years.length) return false;
  const count = new Map<number, number>();
  for (const y of far) count.set(y, (count.get(y) ?? 0) + 1);
  const most = Math.max(...count.values());
  return most >= STRETCH_SHARE * far.length;
}

/** How much of a text's opening tells its language. */
const LANGUAGE_SAMPLE = 5000;

/**
 * The story's year of the yearless days and months a text tells in the past (`storyYearsOfThePast`): in a transcript
 * (story-years.ts), and in a text that tells one past stretch mostly in the past, read forward from its last dated
 * moment. In place.
 */
export function storyYears(text: string, found: DateMention[], reference: Date): void {
  // Either language (stop 43: English testimonies, broadcasts and letters are told the same way).
  // Its opening tells the language: the whole of a 300 KB text would cost ~12 ms for the same answer.
  const language = () => (detectLanguage(text.slice(0, LANGUAGE_SAMPLE)) === 'en' ? 'en' : 'es');
  // On an event's anniversary ("Five years ago today"), its day said again is the event's, not the writer's.
  const anniversary = anniversaryOf(found, reference);
  const passOver = anniversary ? (a: DateMention) => anniversaryDaySaidAgain(a, reference) : undefined;
  if (isTranscript(text)) storyYearsOfThePast(text, found, reference, false, language(), passOver);
  // The years first: counting the tenses reads the whole text, and most texts (news) fail on their years.
  else if (tellsOnePastStretch(found, reference.getUTCFullYear())) {
    const lang = language();
    if (toldMostlyInThePast(text, lang)) storyYearsOfThePast(text, found, reference, true, lang, passOver);
  }
}
