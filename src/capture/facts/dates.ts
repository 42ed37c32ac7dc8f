/**
 * Dates in Spanish and English news prose, absolute ("3 de mayo de 2024", "May 3, 2024",
 * "03/05/2024", "mayo de 2024") and relative ("ayer", "el pasado lunes", "hace tres días",
 * "last Tuesday", "two weeks ago"; not the vague "last week"). Relative dates are resolved against a
 * reference day — the publication date of the text — because that is the day the writer counted
 * from; a date without its year takes the reference's year, or the year before when it would
 * otherwise fall after publication (news reports the past).
 */
import type { FuzzyDate } from '../../domain/dates.js';
import { bareDays } from './bare-days.js';
import { addDays, DAY_MS, iso, pad, realDay, standingMentions, utc } from './calendar.js';
import { closingYears } from './closing-years.js';
import { hasEntryHeads, isEntryHead } from './diary-heads.js';
import { englishGatheringOfTheDay } from './en-gatherings.js';
import { englishWeekdays, weekdaySaidAfter, weekendAhead, weeklyHabit } from './en-weekdays.js';
import { englishYears, storyYearsOfUndatedText } from './en-years.js';
import { anniversaryDays } from './es-anniversaries.js';
import { commemorationDay } from './es-commemorations.js';
import { commandedAhead, inLaterNote, neighboursInThePresent } from './es-direction.js';
import { esMonthDays } from './es-month-days.js';
import { nowadaysHoy } from './es-nowadays.js';
import { spanishWeekdayToldInThePast } from './es-past-weekday.js';
import { planByPeriphrasis } from './es-plan-periphrasis.js';
import { weekdayInPresentClause } from './es-present-weekday.js';
import { seasonTwoDigitYears } from './es-season-years.js';
import { beforeRelativeClause, firstPersonPast } from './es-tense.js';
import { storyYearsOfUndatedSpanish } from './es-undated-years.js';
import { twoDigitYearsGoingOn } from './es-year-clauses.js';
import { esYearsInWords } from './es-years-in-words.js';
import { lastOrNextMonthYear, lastYearBefore } from './last-year-cues.js';
import { letterDays } from './letter-days.js';
import {
  EN_TENS,
  EN_UNITS,
  fold,
  MONTH_AHEAD,
  MONTH_ALT,
  MONTH_WORD,
  MONTHS,
  NUMBER_WORDS,
  WEEKDAY_ALT,
  WEEKDAYS,
} from './lexicon.js';
import { monthLists } from './month-lists.js';
import { monthPhases } from './month-phases.js';
import { storyYears } from './narrative-years.js';
import { farSideAsked, MONTH_REACH, nearSide } from './near-side.js';
import { EN_ORDINAL_DAY, ordinalDays, ordinalWordDay } from './ordinal-days.js';
import { postponedTo } from './postponed-to.js';
import { restatedRelatives } from './restated-relatives.js';
import { sheetDays } from './sheet-days.js';
import { addSpokenYears, SPOKEN_YEAR_END } from './spoken-years.js';
import { dayInAnchorMonth, storyWeekdayAnchors } from './story-weekday-anchors.js';
import { weekdaysOfTheStory } from './story-weekdays.js';
import { titleSpans, yearOfATitle } from './title-years.js';
import { dayFromAnchors } from './weekday-day-anchors.js';
import { weekdayOrdinalWords } from './weekday-ordinal-words.js';
import { WRITERS_PRESENT_ES } from './writers-present.js';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  date: FuzzyDate;
  /** ISO form: "2024-03-12", "2024-03", "2024", or "from/to" for ranges. */
  value: string;
  relative: boolean;
}

/** Whether "YYYY-MM-DD" names a day of the calendar ("2025-02-30" does not). */
const realDayOf = (s: string) => realDay(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) !== undefined;

const near = (ref: Date, v: string) => Math.abs(utc(v).getTime() - ref.getTime());
const dayDate = (v: string): FuzzyDate => ({ precision: 'day', value: v });
const isoValue = (d: FuzzyDate) =>
  d.precision === 'range' ? `${d.from}/${d.to}` : d.precision === 'unknown' ? '' : d.value;

/**
 * English counts the lexicon's short list lacks: teens, tens and their compounds ("Sixty-nine years ago",
 * "twenty two years ago"); without them "Sixty-nine years ago" was read as nine years ago (rounds 10, 11,
 * 17, 19: seven anniversaries so written). Spanish compounds ("treinta y cinco", "catorce") are `ES_NUM`'s.
 */
const EN_TEENS = ['thirteen', 'fourteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_COUNT = `(?:${EN_TENS.join('|')})(?:[-\\s](?:${EN_UNITS.join('|')}))?|${EN_TEENS.join('|')}`;
/** "sixty-nine", "Twenty two", "fourteen": its value (undefined when the words are no such count). */
function enCount(words: string): number | undefined {
  const [tens, unit] = fold(words).split(/[-\s]+/);
  const t = EN_TENS.indexOf(tens!);
  if (t >= 0) return 20 + 10 * t + (unit ? EN_UNITS.indexOf(unit) + 1 : 0);
  const teen = EN_TEENS.indexOf(tens!);
  return teen >= 0 && !unit ? [13, 14, 16, 17, 18, 19][teen] : undefined;
}

/** Spanish abbreviated months, as wire datelines and post stamps write them. */
const SHORT_ES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    ene: 1,
    feb: 2,
    mar: 3,
    abr: 4,
    may: 5,
    jun: 6,
    jul: 7,
    ago: 8,
    sep: 9,
    sept: 9,
    set: 9,
    oct: 10,
    nov: 11,
    dic: 12,
  }),
);
const SHORT_ES_ALT = [...SHORT_ES.keys()].sort((a, b) => b.length - a.length).join('|');
/** "… que espero", "… que lo buscan": a "que" clause in the present after "hace N años" (not "-ó/-aron/-ido"). */
function presentAfterQue(after: string): boolean {
  const clause = /^\s+que\s+([\p{L}\s]{1,40})/u.exec(after)?.[1];
  if (!clause) return false;
  const verb = clause.split(/\s+/).find((w) => w && !/^(?:no|lo|la|los|las|le|les|me|te|se|nos)$/iu.test(w));
  return (
    !!verb && !/(?:ó|é|aron|ieron|ado|ido|aba|ía)$/iu.test(verb) && /(?:o|as|a|es|e|an|en|mos)$/iu.test(verb)
  );
}

/** The months a Spanish initial may stand for ("28J", "17M", "8M"). */
const INITIAL_MONTHS: Readonly<Record<string, readonly number[]>> = {
  E: [1],
  F: [2],
  M: [3, 5],
  A: [4, 8],
  J: [6, 7],
  S: [9],
  O: [10],
  N: [11],
  D: [12],
};
/** An English month that is also a word ("may", "march") in lower case: not a month. */
const lowerEnglishWord = (s: string) => /^(?:may|march)$/.test(s);
const num = (s: string) =>
  /^\d+$/.test(s) ? Number(s) : (NUMBER_WORDS.get(fold(s)) ?? enCount(s) ?? esNumber(s) ?? Number.NaN);
const month = (s: string) => MONTHS.get(fold(s).replace(/\.$/, ''));
const weekday = (s: string) => WEEKDAYS.get(fold(s));

interface Rule {
  re: RegExp;
  relative: boolean;
  /**
   * A match that is no real date ("31 de febrero") still claims its words, so no shorter rule reads them —
   * or only when this says so (an English month in lower case claims nothing: "27 feb (EFE)" is Spanish).
   */
  claims?: boolean | ((m: RegExpExecArray) => boolean);
  make(m: RegExpExecArray, ref: Date): FuzzyDate | undefined;
  /** Two dates from one match (a range of months): each named by its month's word. */
  pair?: (m: RegExpExecArray, ref: Date) => [FuzzyDate, FuzzyDate] | undefined;
  /** The span is the month's name alone, without the words that introduced it ("en", "a finales de"). */
  monthAlone?: boolean;
}

/**
 * "la termoeléctrica 10 de Octubre", "Avenida 18 de Julio", "Escuela 12 de Octubre": Spanish writes months
 * in lower case, so a capitalized one without a year, after a word that is no date's lead, closes a name.
 */
function inName(m: RegExpExecArray): boolean {
  if (m[3] || !/^\p{Lu}/u.test(m[2]!)) return false;
  const before = m.input.slice(Math.max(0, m.index - 30), m.index);
  // The remolcador "13 de Marzo", the "Fundación Memoria del 13 de Marzo", "Familiares de Víctimas del 15 de
  // Diciembre": quoted, or after "del" closing a capitalized name (rounds 7, 14).
  if (/["“«]$/u.test(before) && /^["”»]/u.test(m.input.slice(m.index + m[0].length))) return true;
  if (/\p{Lu}[\p{L}-]*\s+del\s+$/u.test(before)) return true;
  const word = /([\p{L}]+)[\s,]*$/u.exec(before)?.[1];
  return (
    !!word &&
    !/^(?:el|del|al|a|y|e|o|desde|hasta|entre|para|de|en|sobre|tras|antes|después|despues|hoy|ayer|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|fecha|día|dia|los|las|días|dias)$/iu.test(
      word,
    )
  );
}

/** A day without its year: the reference year, or the year before when it would fall after the reference. */
function yearless(ref: Date, mo: number, d: number): string | undefined {
  const y = ref.getUTCFullYear();
  const v = realDay(y, mo, d);
  if (v && utc(v).getTime() <= ref.getTime() + 2 * DAY_MS) return v;
  return realDay(y - 1, mo, d);
}

/**
 * Words before a date that put it ahead of the writer ("before the July 28 election", "el próximo
 * 5 de julio", "will be held on"): a day or month without its year is then the next one, not the last.
 */
const FUTURE_BEFORE =
  /(?:\p{L}+(?:rá|rán|remos)|\b(?:before(?!\s+(?:dawn|midnight|daybreak|sunrise|first\s+light|noon|sunset)(?![\p{L}]))|ahead\s+of|upcoming|coming|next|scheduled\s+for|set\s+for|will|until|(?:adjourned|postponed|deferred|moved|rescheduled)\s+(?:again\s+)?(?:to|until|for)|(?:aplazad[oa]s?|diferid[oa]s?|postergad[oa]s?|pospuest[oa]s?|reprogramad[oa]s?)\s+(?:(?:otra\s+vez|de\s+nuevo|nuevamente)\s+)?(?:para|hasta|al)|antes\s+del?|pr[oó]xim[oa]s?|previst[oa]s?\s+para|pautad[oa]s?\s+para|de\s+cara\s+a|hasta|ser[aá]))(?![\p{L}])(?:\s+\S+){0,3}\s*$/iu;
/** A past verb right before the date, or before its "in"/"on"/"el" ("decided in June", "fue detenido el 3 de mayo"). */
const PAST_RIGHT_BEFORE =
  /(?<![\p{L}])(?<!\b(?:be|been|being|to|is|are|ser|será|serán)\s+)(?:\p{L}{3,}(?:ed|ó|aron|ieron)|was|were|had|fue|fueron|went|took|said|told|came|gave|found|saw|made|held|left|met|began|fled|shot|dijo|hizo|tuvo)\s+(?:(?:in|on|at|during|en|el|durante)\s+)?$/iu;
/**
 * A future verb right after the date ("El domingo se concentrarán", "Del 24 al 28 acompañaremos"), or a
 * present of going or coming that plans ("El lunes voy a la Defensoría", "el sábado viene con su gente":
 * chats of rounds 4 and 7, whose messages also told of the past); the third person plural is left out,
 * as testimonies tell the past with it ("El lunes llegan los soldados").
 */
const FUTURE_AFTER =
  /^\s*(?:,\s*)?(?:will\b|(?:(?:se|nos|lo|la|los|las|le|les|me|te)\s+)?\p{L}{2,}(?:rá|rán|remos|ré)(?![\p{L}])|(?:voy|vamos|vengo|venimos|viene|salgo|salimos|viajo|viajamos|regreso|regresamos|vuelvo|volvemos)(?![\p{L}]))/iu;

/**
 * A clause that speaks of what is to come, anywhere before the date in its sentence ("the IACHR will
 * request information from the State in April", "is expected to appear on 24 June", "Irina piensa
 * viajar en mayo", "va a presentar … el lunes", "they want an interview on Friday", "quiere entrevistarnos el
 * jueves": what someone wants is ahead, rounds 13, 21, 25, 41) — unless a past verb stands between the marker and
 * the date, or the date is a noun's ("they want justice for the victims of 3 May").
 */
const FUTURE_CLAUSE =
  /(?:\b(?:will|won['’]t|shall|next|upcoming|(?<=\p{L})['’]ll|pr[oó]xim[oa]s?|(?:is|are)\s+(?:expected|due|scheduled)|(?:is|are)\s+(?:set|going)\s+to|plans?\s+to|intends?\s+to|hopes?\s+to|wants?|quieren?\s+\p{L}+(?:ar|er|ir)(?:se|nos|lo|la|los|las|le|les|me|te)?|va\s+a|van\s+a|vamos\s+a|voy\s+a|piensa|piensan|planea|planean|espera\s+(?:viajar|ir|volver)|tiene\s+(?:previsto|programad[oa])|para\s+(?:el|la)\s+(?=\S+\s*$))\b|\p{L}{2,}(?:rá|rán|remos|ré)(?![\p{L}]))/iu;
const FUTURE_CLAUSE_ALL = new RegExp(FUTURE_CLAUSE.source, 'giu');
/** The last match of a global regex in `s`. */
function lastMatch(re: RegExp, s: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    last = m;
    if (m[0] === '') re.lastIndex++;
  }
  return last;
}
/**
 * An English "-ed" word that is no finite past: a participle after "is/be/been" or set off by a comma
 * ("the visit she is allowed", "the judgment, redacted to protect…").
 */
const ED = String.raw`(?<!(?:\b(?:is|are|am|be|been|being)|,)\s+)\p{L}+ed`;
const PAST_BETWEEN = new RegExp(
  String.raw`(?<![\p{L}])(?:${ED}|\p{L}+(?:ó|aron|ieron)|\p{L}{3,}(?:ad|id)[oa]s?|was|were|had|fue|fueron|estuvo)(?![\p{L}])`,
  'iu',
);
/** A past verb right after the date ("que en septiembre reconoció a …"): the date is of what was done. */
const PAST_AFTER = /^\s*(?:,\s*)?(?:(?:se|lo|la|le|les)\s+)?\p{L}{3,}(?:ó|aron|ieron|ed)(?![\p{L}])/iu;

/**
 * Hard-wrapped text (court orders, e-mails, plain-text reports) breaks lines inside a sentence ("shall file a
 * status report by noon on\nJuly 6"): such a break ends no sentence. Chat, table and list lines end in one break
 * too, so a break counts as a wrap only when the line before is long (50+ characters, no cell), ends on a
 * lower-case letter or a comma, and the next line goes straight on with a word or a figure: not a list item,
 * a bracketed stamp, a cell, or a "Name:" speaker or label.
 */
const WRAP_NEXT = /^(?![-•*·|[(>]|\d+[.)]\s|[^\n:]{1,40}:\s)[\p{L}\d]/u;
function unwrapText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (i - lineStart < 50 || !/[\p{Ll},]$/u.test(text.slice(i - 1, i))) continue;
    if (!WRAP_NEXT.test(text.slice(i + 1, i + 60))) continue;
    const line = text.slice(lineStart, i);
    if (line.includes('|') || line.includes('\t')) continue;
    out += `${text.slice(from, i)} `;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
/** The text with its wraps read as spaces (same length, same offsets); the last text is kept, for the many look-ups of one text. */
let lastText = '';
let lastUnwrapped = '';
function unwrapped(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastUnwrapped = unwrapText(text);
  }
  return lastUnwrapped;
}

/**
 * The header a United States federal court stamps on every page of a filing ("Case 3:18-cv-00193 Document 27
 * Filed 07/02/18 Page 1 of 6"): its figures are month first, whatever the text's language.
 */
function usCourtStamp(m: RegExpExecArray): boolean {
  const before = m.input.slice(Math.max(0, m.index - 40), m.index);
  if (!/\bFiled:?\s+$/u.test(before)) return false;
  return (
    /\bDocument\s+[\d-]+\s+Filed/u.test(before) ||
    /^\s+Page\s+\d+\s+of\s+\d+/u.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 20))
  );
}

/** What follows the last of `bounds` in `head` (all of it when none): the clause or sentence a date closes. */
function afterLast(head: string, bounds: readonly string[]): string {
  const cut = Math.max(...bounds.map((b) => head.lastIndexOf(b)));
  return cut >= 0 ? head.slice(cut + 1) : head;
}

/** The sentence a date stands in, up to it (at most `reach` characters, the text's wraps read as spaces). */
function sentenceBefore(m: RegExpExecArray, upTo: number, reach: number): string {
  return afterLast(unwrapped(m.input).slice(Math.max(0, upTo - reach), upTo), ['. ', '? ', '! ', '\n', '; ']);
}

function futureClause(m: RegExpExecArray, upTo: number): boolean {
  const clause = sentenceBefore(m, upTo, 160);
  // "una cita para el lunes", "se fijó para el 15 de julio": what a date is set for lies ahead.
  if (/\bpara\s+(?:(?:el|la|los|las)\s+)?$/iu.test(clause)) return true;
  // The marker nearest the date: "the court will let relatives watch from a marked area, and she wants to go on
  // Thursday" hangs on "wants", whatever past stands between an earlier marker and the date (round 63).
  const f = lastMatch(FUTURE_CLAUSE_ALL, clause);
  if (f && /^(?:wants?|quieren?)\b/iu.test(f[0]) && /(?<![\p{L}])(?:of|de|del)\s+(?:the\s+)?$/iu.test(clause))
    return false;
  // After a modal the next word is an infinitive, whatever past it looks like ("will let us consult the annexes
  // in March", "we'll put it to them in May"), and so is a passive's participle ("A vigil will be held on Saturday").
  const after = clause.slice(f ? f.index + f[0].length : 0);
  // After "próximo/a" the next word is its noun, whatever participle it looks like ("la próxima salida, en abril").
  const rest =
    f && /^(?:will|shall|['’]ll)$/iu.test(f[0])
      ? after.replace(/^\s+(?:be\s+)?\p{L}+/u, (w) => (IRREGULAR_PAST.test(w) ? ' ' : w))
      : f && /^pr[oó]xim[oa]s?$/iu.test(f[0])
        ? after.replace(/^\s+\p{L}+/u, ' ')
        : after;
  return !!f && !PAST_BETWEEN.test(rest) && !IRREGULAR_PAST.test(rest);
}

/**
 * The first verb of the date's own sentence after it, when it is a future or a "hay" ("El viernes, la
 * agrupación hará una romería", "El domingo hay misa", "On Friday the court will hear"): not past a "que"/
 * "that" or a present verb of saying ("the relatives of those shot on 29 October say police will…": what
 * someone says is another clause), nor past a verb in the past.
 */
const LATER_VERB =
  /(?<![\p{L}])(?:(will|shall|hay|habr[aá]|\p{L}{2,}(?:rá|rán|remos))|(\p{L}{2,}(?:ed|ó|aron|ieron)|was|were|had|has|have|is|are|said|told|took|came|went|gave|found|saw|made|held|left|met|began|fled|shot|fue|fueron|estuvo|hubo|hab[ií]a|dijo|dijeron|hizo|hicieron|tuvo|tuvieron|puso|vino|vinieron|dio|dieron|es|son|está|están|que|that|says?|tells?|reports?|claims?|insists?|dicen?|cuentan?|afirman?|aseguran?|denuncian?))(?![\p{L}])/iu;

function laterVerbIsFuture(m: RegExpExecArray): boolean {
  const rest = unwrapped(m.input).slice(m.index + m[0].length, m.index + m[0].length + 120);
  const sentence = rest.split(/[.!?\n]/, 1)[0]!;
  const v = LATER_VERB.exec(sentence);
  if (!v?.[1]) return false;
  // "hay" says what is to come only of a day ("El domingo hay misa"), not of a stretch ("Desde julio no hay noticias").
  return (
    !/^hay$/i.test(v[1]) ||
    !(/^(?:desde|since)\b/i.test(m[0]) || /\bno\s+$/i.test(sentence.slice(0, v.index)))
  );
}

/**
 * A Spanish present that sets the day: what a day "is" is what it is set for ("la misa es el miércoles a
 * las 6", "la nueva fecha es el 9 de junio", "El juicio oral … es el 3 de diciembre", "la audiencia es en
 * diciembre"). All twelve such phrases before a date in rounds 3–43 are of what lies ahead ("no es el 2 de
 * noviembre" aside); past a colon the verb before it does not count ("Ya confirmó el padre: la misa es el miércoles").
 * English says it the same way ("The hearing is on 2 June", "this year it is on 5 July", "the hearing before the
 * Lomé court is on 21 December"): all nine "is/are on <date>" phrases of rounds 1–54 are ahead (rounds 3, 4, 6,
 * 7, 18, 41, 44, 49 twice; "Visits … are on Saturday only" a habit, no date either way).
 */
const SET_BY_COPULA =
  /(?<![\p{L}])(?<!\bno\s+)(?:(?:es|son)\s+(?:(?:el|en|para\s+el)\s+)?|(?:is|are)\s+(?:on|in)\s+(?:the\s+)?)$/iu;

/**
 * A present subjunctive after "que"/"quien"/"ojalá" ("Me dijeron que vuelva en enero", "pide que la reunión
 * sea el viernes", "Quien visite Boniato el sábado", "Que venga el sábado al local"): asked or wished for,
 * so ahead of the writer whatever past verb asked it. The common irregular forms, or a regular "-ar" form
 * right after the "que"; not the "-e" of a first-person past ("que le dije el lunes"), a "-ste" or an
 * imperfect subjunctive ("que volviera", "que llegase": a future seen from the past, the story's).
 */
const SUBJUNCTIVE_FORMS =
  'sea|sean|seas|vaya|vayan|vayas|venga|vengan|vengas|vuelva|vuelvan|vuelvas|tenga|tengan|tengas|haga|hagan|hagas|pueda|puedan|puedas|esté|estén|estés|haya|hayan|diga|digan|salga|salgan|ponga|pongan|traiga|traigan|dé|den|sepa|sepan';
const WISHED = new RegExp(
  String.raw`(?<![\p{L}])(?:que|quien|quienes|ojal[aá])\s+(?:(?:no|se|me|te|le|les|lo|la|los|las|nos|os)\s+)*(?:(?:[\p{L}]+\s+){0,2}(?:${SUBJUNCTIVE_FORMS})|(?!(?:este|ese|aquel|siempre|nadie|entre|sobre|ante|antes|nunca|mientras|desde|hasta|donde|cuando|dije|hice|puse|tuve|estuve|vine|quise|pude|supe|traje)(?![\p{L}]))\p{L}{3,}(?<!ste|[aei]se)(?:e|en))(?![\p{L}])((?:\s+\S+){0,5}?)\s*$`,
  'iu',
);
/**
 * A Spanish first person singular present of doing or going, in the date's clause: what the writer is
 * about to do ("Llego a Madrid el viernes", "los publico el viernes en este mismo blog", "Yo llevo las copias a
 * la UCA el lunes", "El viernes te llamo", "Vuelvo a Uruguay el martes"). All thirteen such clauses with a
 * weekday in rounds 1–54 are plans (rounds 5, 7, 11, 13, 15, 18, 20, 23, 34, 35, 47, 48); the past of these verbs is
 * "-é"/"-í", a testimony's present is the third person. Not a noun after its article or a preposition ("el paso", "un cuento", "por paso no habilitado"),
 * nor "escribo" (a letter's "te escribo" is its own day), nor past a "desde"/"hasta", nor after "que": written
 * without its accent the same word is a past ("las pastillas que mando la Cruz Roja", a letter of round 39).
 */
const MY_PLAN_VERBS =
  'llego|llevo|paso|publico|vuelvo|regreso|salgo|viajo|mando|env[ií]o|llamo|aviso|entrego|presento|traigo|cuento|subo|voy|vengo';
const MY_PLAN_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?<!\b(?:el|un|los|mi|su|tu|este|ese|del|al|que|por|de|a|sin|cada)\s+)(?:yo\s+)?(?:(?:lo|la|los|las|le|les|me|te|se|nos)\s+)?(?:${MY_PLAN_VERBS})(?![\p{L}])((?:\s+\S+){0,8}?)\s+(?:(?:el|este|en|para\s+el)\s+)?$`,
  'iu',
);
const MY_PLAN_AFTER = new RegExp(
  String.raw`^\s*(?:,\s*)?(?:yo\s+)?(?:(?:lo|la|los|las|le|les|me|te|se|nos)\s+)?(?:${MY_PLAN_VERBS})(?![\p{L}])`,
  'iu',
);
function myPlan(m: RegExpExecArray, upTo: number): boolean {
  if (/^(?:desde|hasta)\b/iu.test(m[0])) return false;
  const head = unwrapped(m.input).slice(Math.max(0, upTo - 90), upTo);
  const clause = afterLast(head, ['. ', '? ', '! ', '\n', '; ', ': ', ', ']);
  if (/(?<![\p{L}])(?:desde|hasta)\s+(?:el\s+)?$/iu.test(clause)) return false;
  const v = MY_PLAN_BEFORE.exec(clause);
  // "Les cuento que el lunes la policía detuvo a…": what is told is another clause.
  if (v)
    return (
      !FINITE_PAST.test(v[1]!) &&
      !IRREGULAR_PAST.test(v[1]!) &&
      !/(?<![\p{L}])(?:que|cuando|como|porque|lo\s+del?)(?![\p{L}])/iu.test(v[1]!)
    );
  return MY_PLAN_AFTER.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 30));
}

function setOrWishedAhead(m: RegExpExecArray, upTo: number): boolean {
  const head = unwrapped(m.input).slice(Math.max(0, upTo - 120), upTo);
  if (SET_BY_COPULA.test(head)) return true;
  if (myPlan(m, upTo)) return true;
  const w = WISHED.exec(afterLast(head, ['. ', '? ', '! ', '\n', '; ', ': ']));
  // Not a date that begins what goes on ("que mantiene una huelga desde el 23 de octubre"), nor a noun's own
  // date ("que se investigue el ingreso policial del 21 de enero": the entry happened).
  return (
    !!w &&
    !FINITE_PAST.test(w[1]!) &&
    !IRREGULAR_PAST.test(w[1]!) &&
    !/(?<![\p{L}])(?:desde|since|hasta)(?![\p{L}])|(?<![\p{L}])del?\s*$/iu.test(w[1]!)
  );
}

/**
 * What someone promised or offered to do, with its date after what was promised: "Prometió una mesa con el CNMH en
 * marzo", "Se comprometieron a una primera prospección en el río en abril", "se ofreció a dar una charla en el
 * instituto el 2 de diciembre" (rounds 43, 51, 54: three petitions and blogs read them a year back). The promise is
 * past, its object ahead. Not a date right after the verb ("prometió en marzo que…": when it was promised), nor past
 * another past verb after it.
 */
const PROMISED =
  /(?<![\p{L}])(?:prometi[óo]|prometieron|(?:se\s+)?comprometi[óo]\s+a|(?:se\s+)?comprometieron\s+a|se\s+ofreci[óo]\s+a|se\s+ofrecieron\s+a)(?![\p{L}])((?:\s+[^\s.;:!?]+){1,10}?)\s+(?:en|el|para\s+el)\s+$/iu;
function promised(m: RegExpExecArray, upTo: number): boolean {
  const p = PROMISED.exec(sentenceBefore(m, upTo, 120));
  return !!p && !FINITE_PAST.test(p[1]!) && !IRREGULAR_PAST.test(p[1]!);
}

/**
 * A Spanish verb of saying after a comma closes a reported clause ("La presentarán en Washington antes de diciembre,
 * aseguró Echeverría"): it dates the saying, not the date before it, so it is no past of that date (round 22).
 */
/**
 * "lleva el caso a su asamblea de octubre", "pidió testimonios para su informe de septiembre": a body's gathering or
 * report named by its month, that something is taken to or meant for, lies ahead (rounds 39, 58: both read a year
 * back). "en su informe de junio" tells what one said (every such one in rounds 1–58 writes its year), so not "en".
 */
const GATHERING_OF_THE_MONTH =
  /(?<![\p{L}])(?:a|para)\s+(?:su|sus|la|el|nuestra|nuestro)\s+(?:asamblea|informe|sesión|sesiones|reunión|audiencia|cumbre|congreso|visita)(?:\s+(?:anual|general|ordinaria|extraordinaria))?\s+de\s+$/iu;
function gatheringOfTheMonth(m: RegExpExecArray, upTo: number): boolean {
  return GATHERING_OF_THE_MONTH.test(m.input.slice(Math.max(0, upTo - 80), upTo));
}
const SAID_AFTER =
  /^\s*,\s*(?:asegur|afirm|señal|indic|explic|inform|añad|agreg|precis|declar|advirti|record|anunci|confirm|adelant|insisti|detall)(?:ó|aron|ieron)(?![\p{L}])/iu;
/** An imperative's "que" clause the date stands in (a "que" near before it, looked at first: this runs often). */
function commanded(m: RegExpExecArray, upTo: number): boolean {
  if (!/(?<![\p{L}])que\s/iu.test(m.input.slice(Math.max(0, upTo - 200), upTo))) return false;
  const [head, tail] = sentenceAround(m.input, upTo, m.index + m[0].length);
  return commandedAhead(head, tail, toldInThePast);
}
/** The date's line up to it and the line above, for a note added after the text. */
function laterNote(m: RegExpExecArray, upTo: number): boolean {
  const start = m.input.lastIndexOf('\n', upTo - 1) + 1;
  const above = m.input.lastIndexOf('\n', start - 2) + 1;
  return inLaterNote(m.input.slice(start, upTo), start > 0 ? m.input.slice(above, start - 1) : '');
}
function future(m: RegExpExecArray, upTo = m.index): boolean {
  const next = m.input.slice(m.index + m[0].length, m.index + m[0].length + 30);
  if (PAST_AFTER.test(next) && !SAID_AFTER.test(next)) return false;
  if (laterNote(m, upTo) || commanded(m, upTo)) return true;
  if (setOrWishedAhead(m, upTo)) return true;
  if (englishDeadline(m, upTo)) return true;
  if (postponedTo(m.input, upTo)) return true;
  if (promised(m, upTo)) return true;
  if (gatheringOfTheMonth(m, upTo) || englishGatheringOfTheDay(m.input, upTo)) return true;
  // "what the court decided in June, and the city court will agree": the verb the date hangs on is past.
  if (PAST_RIGHT_BEFORE.test(m.input.slice(Math.max(0, upTo - 40), upTo))) return false;
  if (futureClause(m, upTo)) return true;
  if (scheduledClause(m, upTo)) return true;
  if (laterVerbIsFuture(m)) return true;
  const raw = unwrapped(m.input).slice(Math.max(0, upTo - 40), upTo);
  // Never across a sentence's end ("llegó hasta Ciudad Juárez. En enero, …").
  const stop = Math.max(
    raw.lastIndexOf('. '),
    raw.lastIndexOf('? '),
    raw.lastIndexOf('! '),
    raw.lastIndexOf('\n'),
  );
  const before = stop >= 0 ? raw.slice(stop + 1) : raw;
  const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 30);
  // "until he defected in January": a past verb after the marker makes the date the past's.
  const marker = FUTURE_BEFORE.exec(before);
  const pastAfterMarker = !!marker && PAST_BETWEEN.test(before.slice(marker.index).replace(/^\S+/, ''));
  return (!!marker && !pastAfterMarker && !pastUntil(m, upTo)) || FUTURE_AFTER.test(after);
}

/**
 * An English deadline or schedule right before the date, in a sentence with no finite past (a perfect aside): "We
 * need it by 10 June", "if we send them by 10 February", "by the end of June", "Deadline 15 August", "My passport
 * expires on 2 May", "The court has scheduled a hearing for 19 January", "has scheduled a public reading of the
 * 2001 judgment in Sarajevo on 2 March": ahead of the writer (stop 41: such days read a year back in 7 texts of
 * rounds 23–51; the rule mends three, in rounds 48 and 51). "By October we had no insulin" tells the past.
 */
const EN_DEADLINE_BEFORE =
  /(?<![\p{L}])(?:by\s+(?:the\s+)?(?:(?:end|middle|start|beginning)\s+of\s+(?:the\s+)?)?|deadline(?:\s+(?:is|of))?:?\s+(?:on\s+)?|expires?\s+on\s+|due\s+(?:on|by|in)\s+|(?:has|have)\s+scheduled(?:\s+\S+){0,10}?\s+(?:on|for|in)\s+)$/iu;
function englishDeadline(m: RegExpExecArray, upTo: number): boolean {
  if (!EN_DEADLINE_BEFORE.test(sentenceBefore(m, upTo, 120))) return false;
  return !toldInThePast(sentenceOf(m).replace(m[0], ' '));
}

/**
 * "They kept the boys with adult prisoners until September", "no lo soltaron hasta agosto", "no llegó hasta
 * octubre": an "until"/"hasta" closing a clause whose verb is a finite past ends a stretch of the past, not
 * one still running (rounds 44, 51, 52; and 22, 43, 48 where the story's year is still wrong). Not with a future,
 * a plan, a postponement or a deadline in the clause ("will be held until March", "aplazó la vista hasta el 8 de
 * diciembre", "the army gave until the 10th of August"), and only the clause after a "que"/"that".
 */
/** A postponement or a deadline sets a day ahead whatever its tense ("aplazó la vista hasta el 8", "gave until the 10th"). */
const POSTPONED =
  /(?<![\p{L}])(?:postpon\p{L}*|adjourn\p{L}*|defer\p{L}*|gave|given|extended|extend|ampliar|amplió|ampliaron|aplaz\p{L}*|posterg\p{L}*|pospu\p{L}*|difer\p{L}*|difiri\p{L}*|prorrog\p{L}*|plazo|deadline|dio|dieron)(?![\p{L}])/iu;
const UNTIL_END = /(?<![\p{L}])(?:until|till|hasta)\s+(?:(?:el|the|late|early)\s+)?$/iu;
const AHEAD_IN_CLAUSE =
  /(?<![\p{L}])(?:will|won['’]t|shall|would|going\s+to|va|van|vamos|voy|\p{L}{2,}(?:rá|rán|remos|ré|ría|rían))(?![\p{L}])/iu;
function pastUntil(m: RegExpExecArray, upTo: number): boolean {
  const wide = unwrapped(m.input).slice(Math.max(0, upTo - 160), upTo);
  const u = UNTIL_END.exec(wide);
  if (!u) return false;
  // The verb the "until" hangs on: after a "que"/"that" ("confirmó que la excavación sigue hasta el 30 de junio").
  const clause = afterLast(wide.slice(0, u.index), ['. ', '? ', '! ', '\n', '; ', ': '])
    .replace(/^.*(?<![\p{L}])(?:que|that)(?![\p{L}])/isu, '')
    .replace(PERFECT, ' ');
  return (
    !POSTPONED.test(clause) &&
    !AHEAD_IN_CLAUSE.test(clause) &&
    (FINITE_PAST.test(clause) || IRREGULAR_PAST.test(clause) || /(?<![\p{L}])kept(?![\p{L}])/iu.test(clause))
  );
}

/**
 * An English verb of schedules in the present before the date in its clause ("The appeal opens at the
 * High Court on 2 June, the Department of Justice confirmed", "the Committee reviews Hong Kong in July",
 * "is holding a vigil on 3 May"): what is arranged lies ahead, whatever reporting past follows. Not with a
 * past verb between, nor after "since"; not a plural noun after its determiner ("cut his visits in January").
 */
const SCHEDULED_EN =
  /(?<![\p{L}])(?<!\b(?:the|a|an|his|her|their|its|our|my|your|of|no|new|family|prison|weekly|monthly)\s+)(?:sits|opens|starts|begins|resumes|meets|holds|hears|reviews|rules|visits|travels|returns|arrives|leaves|closes|ends|(?:is|are)\s+(?:\p{L}+\s+)?\p{L}{2,}ing)(?![\p{L}])/u;
function scheduledClause(m: RegExpExecArray, upTo: number): boolean {
  if (/^(?:since|desde)\b/iu.test(m[0])) return false;
  const head = unwrapped(m.input).slice(Math.max(0, upTo - 120), upTo);
  const clause = afterLast(head, ['. ', '? ', '! ', '\n', '; ', ', ', ': ', '] ']);
  if (/\bsince\s+$/iu.test(clause)) return false;
  const v = SCHEDULED_EN.exec(clause);
  if (!v) return false;
  const rest = clause.slice(v.index + v[0].length);
  return !PAST_BETWEEN.test(rest) && !IRREGULAR_PAST.test(rest);
}

/** A day without its year, ahead of the reference: the reference year, or the next when already past. */
function yearlessAhead(ref: Date, mo: number, d: number): string | undefined {
  const y = ref.getUTCFullYear();
  const v = realDay(y, mo, d);
  if (v && utc(v).getTime() >= ref.getTime()) return v;
  return realDay(y + 1, mo, d);
}

/** A weekday named just before a date ("Monday 17 March", "el viernes 13 de marzo"). */
const WEEKDAY_BEFORE = new RegExp(`\\b(${WEEKDAY_ALT})[,\\s]+(?:el\\s+|the\\s+)?$`, 'iu');

/**
 * A day without its year: the year its named weekday fits ("Monday 17 March" is 2025-03-17, not a
 * Sunday of the year before), nearest the reference; else ahead of or before the writer.
 */
function dayWithoutYear(m: RegExpExecArray, ref: Date, mo: number, d: number): string | undefined {
  // "el 30 de julio del año pasado", "on 3 May last year", "el 2 de marzo de este año".
  const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 30);
  const y0 = ref.getUTCFullYear();
  const thatYear = yearOfThatYear(m);
  if (thatYear !== undefined) return realDay(thatYear, mo, d);
  if (LAST_YEAR_AFTER.test(after)) return realDay(y0 - 1, mo, d);
  if (THIS_YEAR_AFTER.test(after)) return realDay(y0, mo, d);
  if (NEXT_YEAR_AFTER.test(after)) return realDay(y0 + 1, mo, d);
  // "la marcha de este año el 20 de mayo", "this year's march on 20 May": the year said just before the day.
  if (THIS_YEAR_BEFORE.test(m.input.slice(Math.max(0, m.index - 30), m.index))) return realDay(y0, mo, d);
  // "Last year they promised the same for 15 October" (last-year-cues.ts).
  if (lastYearBefore(m.input, m.index)) return realDay(y0 - 1, mo, d);
  const named = WEEKDAY_BEFORE.exec(m.input.slice(Math.max(0, m.index - 16), m.index))?.[1];
  const wd = named === undefined ? undefined : weekday(named);
  if (wd !== undefined) {
    const y = ref.getUTCFullYear();
    const fits = [y, y - 1, y + 1]
      .map((yy) => realDay(yy, mo, d))
      .filter((v): v is string => !!v && utc(v).getUTCDay() === wd)
      .sort((a, b) => near(ref, a) - near(ref, b));
    if (fits[0]) return fits[0];
  }
  const back = yearless(ref, mo, d);
  const ahead = yearlessAhead(ref, mo, d);
  // "me dijo que el 8 de octubre pueden entregar los restos": a plan by its own clause, when it is the nearer reading
  // (es-plan-periphrasis.ts).
  if (
    back &&
    ahead &&
    near(ref, ahead) < near(ref, back) &&
    planByPeriphrasis(m.input, m.index, m.index + m[0].length)
  )
    return ahead;
  const chosenAhead = future(m) || (!!back && !!ahead && nearerAhead(m, ref, utc(back), utc(ahead)));
  // A day a month or less from the writer on one side is not the one eleven months away on the other (near-side.ts).
  const nearOne = nearSideAllowed(m) ? nearSide(ref, back, ahead, chosenAhead) : undefined;
  // Not ahead when the day's own clause tells the past ("Police raided the office on 12 June", "El 8 de agosto
  // llegaron"), nor back from a gathering named by its day ("for the meeting of 20 October", en-gatherings.ts).
  if (nearOne !== undefined && nearOne === ahead && toldInThePast(ownClause(m))) return back;
  if (nearOne !== undefined && nearOne === back && englishGatheringOfTheDay(m.input, m.index)) return ahead;
  return nearOne ?? (chosenAhead ? ahead : back);
}

/**
 * The clause a date stands in: its sentence cut at commas, colons and semicolons ("For the briefing … on 21 January"
 * of "…, I drafted a timeline"); a date set off alone ("After the assault, on 25 November, the generals took power")
 * takes the clause after it.
 */
function ownClause(m: RegExpExecArray): string {
  const [before, after] = sentenceAround(m.input, m.index, m.index + m[0].length);
  const parts = after.split(/[,;:]/u);
  const head = afterLast(before, [',', ';', ':']);
  const own = `${head} ${parts[0]}`;
  return (own.match(/\p{L}{2,}/gu)?.length ?? 0) < 3 ? `${own} ${parts[1] ?? ''}` : own;
}

/** A dated text's sentence (not a stamp or a label: four words or more), no "next"/"since" asking for a side. */
function nearSideAllowed(m: RegExpExecArray, upTo = m.index): boolean {
  if (undatedText || farSideAsked(m.input.slice(Math.max(0, upTo - 30), upTo), m[0])) return false;
  return (
    (sentenceOf(m)
      .replace(m[0], ' ')
      .match(/\p{L}{2,}/gu)?.length ?? 0) >= 4
  );
}

/**
 * With no tense to say otherwise, a date without its year is the nearest one (the annotation rule:
 * "the nearest one the tense allows"): "UNSMIL has agreed to a call on 15 July" in a 7 July mail is
 * eight days ahead, not a year back. Ahead only when it is near (two months), much nearer than the
 * past reading, and no past verb stands in the date's sentence. A month alone (a window of 100 days) needs only
 * half the past reading's distance, not a third: "a family gathering … in September" written in late May is three
 * months ahead against nine back (stop 44: rounds 15 and 31, one text each language, none lost).
 */
function nearerAhead(m: RegExpExecArray, ref: Date, back: Date, ahead: Date, within = 45): boolean {
  const forward = ahead.getTime() - ref.getTime();
  const backward = ref.getTime() - back.getTime();
  if (forward > within * DAY_MS || forward * (within > 45 ? 2 : 3) > backward) return false;
  // "desde enero", "since 3 May": what began is past.
  if (
    /\b(?:desde|since)\s+(?:el\s+|the\s+)?$/iu.test(m.input.slice(Math.max(0, m.index - 12), m.index)) ||
    /^(?:desde|since)\b/iu.test(m[0])
  )
    return false;
  // A sentence, not a stamp, a separator or a label ("12 de marzo a las 20:14", "— 9 March —").
  const sentence = sentenceOf(m);
  if ((sentence.replace(m[0], ' ').match(/\p{L}{2,}/gu)?.length ?? 0) < 5) return false;
  // "they said they would raise it at the session opening on 16 June", "dijo que presentaría el informe el
  // 3 de julio": what a past speaker said was to come; only a past verb after that marker dates it back.
  const head = unwrapped(m.input).slice(Math.max(0, m.index - 200), m.index);
  const would = [...head.matchAll(WOULD)].pop();
  if (would && head.length - would.index! < 160) {
    const rest = head.slice(would.index! + would[0].length);
    if (!/[.!?\n]/u.test(rest)) return !FINITE_PAST.test(rest) && !IRREGULAR_PAST.test(rest);
  }
  return !pastInSentence(m) || plannedEvent(m);
}

/**
 * An event named just before the date, after whatever past verb announced it ("confirmed a meeting for families
 * of missing civilians on 2 October", "offered to announce the names at Mass on 14 Sep.", "asked for help with a
 * family gathering in September"): the event is what lies ahead; only a past verb after the event's noun (or one
 * of holding it: "held a meeting on") dates it back. Near dates only (the caller's window).
 */
const EVENT_NOUN =
  /(?<![\p{L}])(?:meeting|hearing|session|gathering|vigil|mass|march|trial|visit|commemoration|ceremony|reunión|reunion|audiencia|sesión|misa|marcha|juicio|vigilia|concentración|homenaje|visita)(?![\p{L}])((?:\s+[\p{L}'’.-]+){0,7}?)\s+(?:on|in|at|el|en|para)\s*$/iu;
function plannedEvent(m: RegExpExecArray): boolean {
  const head = m.input.slice(Math.max(0, m.index - 90), m.index);
  const e = EVENT_NOUN.exec(head);
  if (!e) return false;
  const before = head.slice(0, e.index);
  if (
    /(?<![\p{L}])(?:held|hold|holding|took\s+place|hubo|celebr[óo]|celebraron|realiz[óo]|se\s+realiz[óo])(?:\s+\S+){0,2}\s*$/iu.test(
      before,
    )
  )
    return false;
  return (
    !FINITE_PAST.test(e[1]!) &&
    !IRREGULAR_PAST.test(e[1]!) &&
    !PAST_AFTER.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 30))
  );
}

/** A future seen from the past: "would", "iba a", a Spanish conditional ("presentaría", "viajarían"). */
const WOULD = /(?<![\p{L}])(?:would|iba\s+a|iban\s+a|\p{L}{3,}(?:ría|rían))(?![\p{L}])/giu;

/**
 * A bare weekday said in the present, nearer ahead than back, with no past verb in its sentence: what is
 * planned ("la visita es el miércoles", "Vuelvo el sábado", "Can someone come with me on Saturday?").
 */
/** An English hour right after a weekday: "at ten", "at 10", "at 7 pm", "at 11:00". */
const EN_HOUR_AFTER =
  /^(?:\s+(?:morning|afternoon|evening|night))?\s+at\s+(?:\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday)(?![\p{L}\d])/u;
function presentAhead(m: RegExpExecArray, ref: Date, back: Date, ahead: Date): boolean {
  if (/^(?:since|desde)\b/iu.test(m[0])) return false;
  if (pastInSentence(m, true)) return false;
  const sentence = sentenceOf(m).replace(m[0], ' ');
  // "-amos"/"-imos" is a present or a past alike ("El viernes entregamos las firmas"): a plan only with its
  // hour ("El viernes a las 10 nos reunimos") or another verb of plans.
  const hour = /\ba\s+las\s+\d{1,2}\b/iu.test(sentence);
  const plan = SCHEDULED_PRESENT.test(sentence);
  const forward = ahead.getTime() - ref.getTime();
  const nearer = forward < ref.getTime() - back.getTime();
  // Unless the sentences beside it are in the speaker's present too (facts/es-direction.ts).
  if (
    !plan &&
    !hour &&
    /\p{L}{2,}(?:amos|imos)(?![\p{L}])/iu.test(sentence) &&
    !(nearer && neighboursInThePresent(m.input, m.index, m.index + m[0].length, toldInThePast))
  )
    return false;
  if (nearer) return true;
  // Farther ahead than back: only when a verb of the sentence says what is arranged ("New judge sits on
  // Thursday", "El viernes a las 10 nos reunimos", "we are doing a gathering on Saturday") and no "-ed" word
  // stands in it at all (a caption without a verb, "Familiares … frente al portón, el lunes", is of the past).
  const ambiguousWithHour = hour && /\p{L}{2,}(?:amos|imos)(?![\p{L}])/iu.test(sentence);
  // "Families meet outside Parliament House on Saturday at ten": an English weekday given its hour is a meeting set
  // (stop 44, round 52; every "on <weekday> at <hour>" of the English development texts lies ahead).
  const withHour = EN_HOUR_AFTER.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 24));
  return (plan || ambiguousWithHour || withHour) && !/(?<![\p{L}])\p{L}{3,}ed(?![\p{L}])/iu.test(sentence);
}

/**
 * A present that speaks of what is arranged: English verbs of schedules in their "-s" form, "is/are …ing",
 * and Spanish presents of plans (first person plural in "-emos", the common irregular ones).
 */
const SCHEDULED_PRESENT =
  /(?<![\p{L}])(?:(?:sits|opens|starts|begins|resumes|meets|holds|hears|takes|goes|comes|arrives|leaves|returns|ends|closes|runs|travels|visits|reviews|rules)|(?:is|are|am|we['’]re|they['’]re)\s+(?:\p{L}+\s+)?\p{L}{2,}ing|\p{L}{2,}emos|voy|va|vamos|van|viene|vienen|vengo|hay|sale|salen|llega|llegan|viaja|viajan|vuelve|vuelven|regresa|regresan|visita|visitan|declara|declaran|abre|toca|empieza|comienza|termina)(?![\p{L}])/iu;

/** A finite past verb anywhere in the date's sentence (a present perfect aside), or a participle right before it ("detenido el 30 de julio"; nouns such as "traslado" end alike). */
const FINITE_PAST_WORD = new RegExp(
  String.raw`(?<![\p{L}])(?:${ED}|\p{L}+(?:ó|aron|ieron)|was|were|had|fue|fueron|estuvo)(?![\p{L}])`,
  'iu',
);
const FINITE_PAST = { test: (words: string) => FINITE_PAST_WORD.test(words) || firstPersonPast(words) };
const PARTICIPLE_BEFORE = /(?<![\p{L}])\p{L}{3,}(?:ad|id)[oa]s?\s+$/iu;
function pastInSentence(m: RegExpExecArray, mainClause = false): boolean {
  const [before, after] = sentenceAround(m.input, m.index, m.index + m[0].length);
  const sentence = `${before}   ${mainClause ? beforeRelativeClause(after) : after}`.replace(PERFECT, ' ');
  return (
    FINITE_PAST.test(sentence) ||
    IRREGULAR_PAST.test(sentence) ||
    PARTICIPLE_BEFORE.test(m.input.slice(Math.max(0, m.index - 40), m.index).replace(PERFECT, ' '))
  );
}

/** Common irregular past forms, which PAST_BETWEEN's endings miss. */
const IRREGULAR_PAST =
  /(?<![\p{L}])(?:went|took|let|said|told|came|gave|found|saw|made|held|kept|left|met|began|fled|shot|spent|sent|brought|got|knew|ran|fell|stood|struck|wrote|spoke|broke|did|dijo|dijeron|hizo|hicieron|tuvo|tuvieron|puso|pusieron|vino|vinieron|dio|dieron|pudo|pudieron|quiso|supo|trajo|trajeron|vi|vimos|fui|fuimos)(?![\p{L}])/iu;

/** A present perfect ("has agreed", "ha prometido"): said now, of what may still come. */
const PERFECT = /(?<![\p{L}])(?:has|have|ha|han|hemos)\s+(?:\p{L}+\s+)?\p{L}+(?![\p{L}])/giu;

/** The rest of the sentence text[start, end) stands in, before and after it (at most 200 characters each). */
function sentenceAround(text: string, start: number, end: number): [string, string] {
  const head = unwrapped(text).slice(Math.max(0, start - 200), start);
  const tail = unwrapped(text)
    .slice(end, end + 200)
    .split(/[.!?\n]/, 1)[0]!;
  return [afterLast(head, ['. ', '? ', '! ', '\n']), tail];
}

/** A finite past (a perfect aside) in some words; "need", "feed", "proceed" only end like a past. */
function toldInThePast(words: string): boolean {
  const rest = words.replace(PERFECT, ' ').replace(/(?<![\p{L}])\p{L}*eed(?![\p{L}])/giu, ' ');
  return FINITE_PAST.test(rest) || IRREGULAR_PAST.test(rest);
}

/** The sentence a match stands in (at most 200 characters each side). */
function sentenceOf(m: RegExpExecArray): string {
  const [before, after] = sentenceAround(m.input, m.index, m.index + m[0].length);
  return `${before} ${m[0]} ${after}`;
}

/** "el lunes 16", "Saturday the 15th": the day of that number, on that weekday, nearest the reference. */
function weekdayAndDay(ref: Date, wd: number, d: number): string | undefined {
  const days: string[] = [];
  // Near the reference first; farther out (half a year) only so that a narrative's month can correct it.
  for (let k = -6; k <= 6; k++) {
    const dt = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + k, d));
    if (dt.getUTCDate() === d && dt.getUTCDay() === wd) days.push(iso(dt));
  }
  return days.sort((a, b) => near(ref, a) - near(ref, b))[0];
}

/** A month without its year: the most recent one not after the reference (the next one, ahead). */
function monthWithoutYear(m: RegExpExecArray, ref: Date, mo: number): FuzzyDate {
  const y = ref.getUTCFullYear();
  const refMonth = ref.getUTCMonth() + 1;
  const aheadYear = mo >= refMonth ? y : y + 1;
  const backYear = mo <= refMonth ? y : y - 1;
  const first = (yy: number) => new Date(Date.UTC(yy, mo - 1, 1));
  const word = m.index + m[0].length - m[1]!.length;
  const year =
    (aheadYear !== backYear &&
      first(aheadYear).getTime() - ref.getTime() < ref.getTime() - first(backYear).getTime() &&
      planByPeriphrasis(m.input, word, m.index + m[0].length)) ||
    future(m, word) ||
    (aheadYear !== backYear && nearerAhead(m, ref, first(backYear), first(aheadYear), 100))
      ? aheadYear
      : backYear;
  // A month eleven months ahead whose last one ended weeks ago is that last one (near-side.ts); back only: a month a
  // few weeks ahead told in the past is as often last year's.
  const mid = (yy: number) => `${yy}-${pad(mo)}-15`;
  const lastOne =
    year === aheadYear &&
    year !== backYear &&
    nearSideAllowed(m, word) &&
    !!nearSide(ref, mid(backYear), mid(aheadYear), true, MONTH_REACH);
  return { precision: 'month', value: `${lastOne ? backYear : year}-${pad(mo)}` };
}

const RANGE_END_YEAR = new RegExp(
  `^\\s+(?:y|and|to|a|al|hasta|until)\\s+(${MONTH_ALT})\\.?\\s+(?:(?:de|del|of)\\s+)?(\\d{4})\\b`,
  'iu',
);
const LAST_YEAR_AFTER = /^\s+(?:(?:de|del)\s+año\s+pasado|(?:of\s+)?last\s+year)\b/iu;
/**
 * "in October that year", "in June of that year", "abril de ese año", "el 30 de junio de ese año", "the following
 * year": the year is the one last written before the date (within 1,500 characters), or the one after or before it
 * — the writer's narrative, not the reference's (round 19: four texts, two annotators' languages).
 */
const THAT_YEAR_AFTER =
  /^,?\s+(?:(?:of\s+)?(?:that|the\s+same)\s+year|(?:de|del)\s+(?:ese|aquel|mismo|ese\s+mismo)\s+año|(?:of\s+)?the\s+(following|next)\s+year|(?:del|al)\s+año\s+(siguiente)|(?:of\s+)?the\s+(previous)\s+year|(?:del)\s+año\s+(anterior))\b/iu;
function yearOfThatYear(m: RegExpExecArray): number | undefined {
  const that = THAT_YEAR_AFTER.exec(m.input.slice(m.index + m[0].length, m.index + m[0].length + 30));
  if (!that) return undefined;
  const years = [
    ...m.input
      .slice(Math.max(0, m.index - 1500), m.index)
      .matchAll(/(?<![\d.,/])(?:1[5-9]|20)\d{2}(?![\d.,/]\d)/g),
  ];
  const y = years.length ? Number(years[years.length - 1]![0]) : undefined;
  if (y === undefined) return undefined;
  return that[1] || that[2] ? y + 1 : that[3] || that[4] ? y - 1 : y;
}
const NEXT_YEAR_AFTER =
  /^\s+(?:(?:del?\s+)?(?:(?:el\s+)?(?:próximo|proximo)\s+año|año\s+(?:próximo|proximo|que\s+viene))|(?:of\s+)?next\s+year)\b/iu;
const THIS_YEAR_AFTER = /^\s+(?:(?:de|del)\s+(?:este|presente)\s+año|(?:of\s+)?this\s+year)\b/iu;
/** "de este año el", "this year's … on": the year of the reference, named right before a day (one or two words between). */
const THIS_YEAR_BEFORE =
  /\b(?:(?:de|del)\s+(?:este|presente)\s+año|this\s+year['’]s(?:\s+[\p{L}-]+){0,2})\s+(?:el|on|the)\s+$/iu;

/** A month's full name as each language writes it in a date: Spanish in lower case, English capitalized. */
const FULL_MONTH =
  /^(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|January|February|March|April|May|June|July|August|September|October|November|December)$/u;

const ENGLISH_WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
/**
 * A weekday's own date after a comma ("Date: Saturday, 7 June 2025, 21:48", "el lunes, 3 de marzo", "Sunday, June
 * 7"): the weekday names that day, no day of its own (a mail header's weekday was read as the week's, rounds 13, 14).
 * Months in either case, as the English weekday rule is case-sensitive.
 */
const MONTH_ANY_CASE = MONTH_ALT.replace(
  /(^|\|)(\p{Ll})/gu,
  (_, bar: string, c: string) => `${bar}[${c}${c.toUpperCase()}]`,
);
const DATE_AFTER_COMMA = `,\\s*(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:de\\s+|of\\s+)?(?:${MONTH_ANY_CASE})\\b|(?:${MONTH_ANY_CASE})\\.?\\s+\\d)`;
/**
 * "It was Monday, the 14th", "they counted on Sunday morning, the 23rd": the ordinal after the weekday is its day
 * (ordinal-days.ts reads it, weekday and all); the weekday read alone gave a second day, near the writer (rounds 24,
 * 63: two testimonies told years back).
 */
const ORDINAL_AFTER_COMMA = `(?:\\s+(?:morning|afternoon|evening|night))?,\\s*the\\s+\\d{1,2}(?:st|nd|rd|th)(?![\\p{L}\\d])`;

/** A weekday named without "last"/"next": the most recent one, or the next when the sentence looks ahead. */
function weekdayOf(m: RegExpExecArray, ref: Date): FuzzyDate | undefined {
  const wd = weekday(m[1]!);
  if (wd === undefined) return undefined;
  // Ahead of the writer ("the hearing will resume on Monday"): the next such day (today would be "today").
  // Read the words before from the weekday itself, so "antes del lunes" is seen whole.
  // "Este lunes habrá misa" written on a Monday: that very day.
  if (/^este\s/iu.test(m[0]) && ref.getUTCDay() === wd) return dayDate(iso(ref));
  const next = weekdayFrom(ref, wd, 1);
  const last = weekdayFrom(addDays(ref, 1), wd, -1);
  // "desde el viernes no hay luz", "Desde el viernes tiene también un informe": what began is past, whatever
  // present or "hay" follows (rounds 13: a letter and an article read the Friday ahead).
  if (/\b(?:desde|since)\s+$/iu.test(m.input.slice(Math.max(0, m.index - 8), m.index))) return dayDate(last);
  const ahead =
    future(m) ||
    future(m, m.index + m[0].length - m[1]!.length) ||
    presentAhead(m, ref, utc(last), utc(next)) ||
    presentWeekday(m);
  // "Como te comenté el viernes, por fin hay fecha": the weekday's own clause tells the past (es-past-weekday.ts).
  if (ahead && spanishWeekdayToldInThePast(m.input, m.index, m.index + m[0].length, m[1]!))
    return dayDate(last);
  return dayDate(ahead ? next : last);
}

/**
 * A Spanish weekday that names no day of the writer's calendar: one counted from another event ("Yo lo había visitado
 * el domingo anterior", "no dormía desde el lunes antes": guide D1), or a holiday's or an event's name ("la misa del
 * domingo de Pentecostés", "el Jueves Santo", "del Domingo Sangriento": Spanish writes a weekday in lower case, so a
 * capitalized one before a capitalized word is a name). Rounds 10, 23, 33, 40: four texts, none such annotated.
 */
const COUNTED_FROM_ANOTHER =
  /^\s+(?:anterior|siguiente|(?:antes|despu[eé]s)(?!\s+(?:de|del|que)(?![\p{L}])))(?![\p{L}])/iu;
function weekdayNamesNoDay(m: RegExpExecArray): boolean {
  const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 20);
  return (
    COUNTED_FROM_ANOTHER.test(after) ||
    /^\s+(?:de\s+\p{Lu}|sant[oa](?![\p{L}]))/u.test(after) ||
    (/^(?:el|del|este)\s/iu.test(m[0]) && /^\p{Lu}/u.test(m[1]!) && /^\s+\p{Lu}/u.test(after))
  );
}

/** "El lunes tengo examen", "dice que reza por ustedes el domingo" (facts/es-present-weekday.ts). */
function presentWeekday(m: RegExpExecArray): boolean {
  if (!/^el\s/iu.test(m[0])) return false;
  const [head, tail] = sentenceAround(m.input, m.index, m.index + m[0].length);
  return weekdayInPresentClause(head, tail, toldInThePast);
}

/** A weekday something is set for: the next one. */
function weekdayAhead(m: RegExpExecArray, ref: Date): FuzzyDate | undefined {
  const wd = weekday(m[1]!);
  return wd === undefined ? undefined : dayDate(weekdayFrom(ref, wd, 1));
}

/** The most recent `wd` strictly before `ref` (or strictly after, for "next"). */
function weekdayFrom(ref: Date, wd: number, dir: -1 | 1): string {
  let d = addDays(ref, dir);
  // Seven steps at most: a week holds every weekday (and an invalid day would never match).
  for (let k = 0; k < 6 && d.getUTCDay() !== wd; k++) d = addDays(d, dir);
  return iso(d);
}

/**
 * "Fifteen years ago today", "Hoy hace 85 años que…", "hace hoy dos años", "Three years ago tonight": an anniversary names the day
 * itself, N years (or months) before the reference to the day — not the whole year.
 */
function anniversary(m: RegExpExecArray, ref: Date): FuzzyDate | undefined {
  const before = m.input.slice(Math.max(0, m.index - 12), m.index);
  const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 12);
  // "Three years ago tonight", "hace hoy", "esta noche se cumplen": the evening of the day is the day.
  if (
    !/(?:\b(?:hoy|today|tonight|esta\s+noche)\s+)$/iu.test(before) &&
    !/^\s*,?\s*(?:hoy|today|tonight|esta\s+noche)\b/iu.test(after)
  )
    return undefined;
  const n = num(m[1]!);
  const u = fold(m[2]!);
  if (!Number.isFinite(n) || n < 1 || n > 400) return undefined;
  // Years only: "hoy hace cinco meses y medio" is how long.
  if (!/^(?:ano|anos|year|years)$/.test(u)) return undefined;
  const back = 12 * n;
  const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - back, ref.getUTCDate()));
  return d.getUTCDate() === ref.getUTCDate() ? dayDate(iso(d)) : undefined;
}

/**
 * "Hoy, a las 12:28, la hora exacta en que hace seis años se rompió la represa", "a la misma hora en que hace 27 años
 * dos sicarios dispararon": the same hour N years back is the same day, not a year (rounds 34, 35: a blog and a
 * news page writing on the day itself, both read as a year).
 */
const SAME_HOUR_BEFORE = /\bla\s+(?:misma\s+)?hora\s+(?:exacta\s+)?(?:en\s+)?(?:que|la\s+que)\s+$/iu;
function sameHourYearsAgo(m: RegExpExecArray, ref: Date): FuzzyDate | undefined {
  if (!SAME_HOUR_BEFORE.test(m.input.slice(Math.max(0, m.index - 40), m.index))) return undefined;
  const n = num(m[1]!);
  if (!/^a[ñn]os?$/iu.test(m[2]!) || !Number.isFinite(n) || n < 1 || n > 400) return undefined;
  const d = new Date(Date.UTC(ref.getUTCFullYear() - n, ref.getUTCMonth(), ref.getUTCDate()));
  return d.getUTCDate() === ref.getUTCDate() ? dayDate(iso(d)) : undefined;
}

function ago(ref: Date, n: number, unit: string): FuzzyDate | undefined {
  if (!Number.isFinite(n) || n < 1 || n > 400) return undefined;
  const u = fold(unit);
  if (/^(dia|dias|day|days)$/.test(u)) return dayDate(iso(addDays(ref, -n)));
  if (/^(semana|semanas|week|weeks)$/.test(u)) return dayDate(iso(addDays(ref, -7 * n)));
  if (/^(mes|meses|month|months)$/.test(u)) {
    const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - n, 1));
    return { precision: 'month', value: iso(d).slice(0, 7) };
  }
  if (/^(ano|anos|year|years)$/.test(u))
    return { precision: 'year', value: String(ref.getUTCFullYear() - n) };
  return undefined;
}

/** Spanish numbers one to ninety-nine in words, as rulings write days and years ("treinta y uno", "veinticinco"). */
const ES_UNITS = ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
const ES_WORDS: ReadonlyMap<string, number> = new Map([
  ...ES_UNITS.map((w, i) => [w, i + 1] as const),
  ['un', 1],
  ['primero', 1],
  ...[
    'diez',
    'once',
    'doce',
    'trece',
    'catorce',
    'quince',
    'dieciseis',
    'diecisiete',
    'dieciocho',
    'diecinueve',
  ].map((w, i) => [w, 10 + i] as const),
  ['veinte', 20],
  ['veintiun', 21],
  ...[
    'veintiuno',
    'veintidos',
    'veintitres',
    'veinticuatro',
    'veinticinco',
    'veintiseis',
    'veintisiete',
    'veintiocho',
    'veintinueve',
  ].map((w, i) => [w, 21 + i] as const),
  ...['treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'].map(
    (w, i) => [w, 30 + 10 * i] as const,
  ),
]);
const ES_TENS = 'treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa';
const ES_NUM = `(?:(?:${ES_TENS})\\s+y\\s+(?:${ES_UNITS.join('|')})|veinti(?:un|uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|diecis[eé]is|diecisiete|dieciocho|diecinueve|${[...ES_WORDS.keys()].filter((w) => !/^(?:veinti|dieci)/.test(w)).join('|')})`;
/** "treinta y uno", "veinticinco", "dieciséis": its value (undefined when the words are no number). */
function esNumber(words: string): number | undefined {
  const parts = fold(words).split(/\s+y\s+/);
  const v = parts.reduce((sum, w) => sum + (ES_WORDS.get(w) ?? Number.NaN), 0);
  return Number.isNaN(v) ? undefined : v;
}
/** A year in words: "dos mil veinticinco", "mil novecientos setenta y seis". */
function esYear(words: string): number | undefined {
  const m = /^(dos\s+mil|mil\s+novecientos)(?:\s+(.+))?$/iu.exec(words.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const rest = m[2] ? esNumber(m[2]) : 0;
  return rest === undefined ? undefined : (/^dos/i.test(m[1]!) ? 2000 : 1900) + rest;
}
/** A count before a unit of time: figures, the lexicon's words, English and Spanish compounds (longest first). */
const NUM_ALT = `\\d{1,3}|${EN_COUNT}|${ES_NUM}|${[...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')}`;

/**
 * "el pasado domingo 8 de julio", "el próximo domingo 7", "el próximo jueves, 18 de diciembre": the weekday names the
 * day written after it (read by the day's own rules), no day of its own — "el pasado domingo" alone was read as the
 * last Sunday before the writer, a week off when the story's Sunday was earlier (13 such phrases in rounds 4–48; one
 * wrong, round 21).
 */
const NO_DAY_AFTER = String.raw`(?!,?\s+\d)`;
/** A day in words and its month after a weekday ("el jueves veinte de noviembre"): the day's, not a bare weekday. */
const DAY_WORDS_AFTER = `,?\\s+(?:${ES_NUM})\\s+de\\s+(?:${MONTH_ALT})(?![\\p{L}])`;

/** A mention that writes its year, in figures or (a ruling's) in words. */
export const writesYear = (t: string) => /\d{4}|\bmil\b|\bdel?\s+\d{2}$/iu.test(t) || SPOKEN_YEAR_END.test(t);

/**
 * "junio del 76", "setiembre del 79", "El 22 de octubre del 97": a month (or a day and month) with a two-digit year,
 * as witnesses say them (guide §7: "junio del 76" is 1976-06). 30–99 are the 1900s; a lower figure the 2000s, up to
 * the reference's year. Six in rounds 17, 21, 23, 50, 51 (five were missed); not a share ("del 95 %").
 */
function twoDigitYear(yy: string, ref: Date): number | undefined {
  const n = Number(yy);
  if (n >= 30) return 1900 + n;
  return 2000 + n <= ref.getUTCFullYear() ? 2000 + n : undefined;
}
/** The two-digit year, found first (a cheap scan), then the month, or day and month, right before it. */
const TWO_DIGIT_YEAR = /(?<=\s)del?\s+(\d{2})(?![\d%º°ª:]|[.,]\d|\s*(?:%|por\s+ciento))/g;
const MONTH_BEFORE_YEAR = new RegExp(`(?<![\\p{L}\\d])(?:(\\d{1,2})\\s+de\\s+)?(${MONTH_ALT})\\s+$`, 'iu');
function twoDigitYears(text: string, ref: Date): DateMention[] {
  const more: DateMention[] = [];
  for (const y of text.matchAll(TWO_DIGIT_YEAR)) {
    const m = MONTH_BEFORE_YEAR.exec(text.slice(Math.max(0, y.index! - 20), y.index!));
    const mo = m ? month(m[2]!) : undefined;
    const year = twoDigitYear(y[1]!, ref);
    if (!m || !mo || year === undefined || !/^\p{Ll}/u.test(m[2]!)) continue;
    const v = m[1] ? realDay(year, mo, +m[1]) : `${year}-${pad(mo)}`;
    if (!v) continue;
    const start = y.index! - m[0].length;
    const end = y.index! + y[0].length;
    const date: FuzzyDate = m[1] ? dayDate(v) : { precision: 'month', value: v };
    more.push({ start, end, text: text.slice(start, end), date, value: v, relative: false });
  }
  return more;
}

const RULES: Rule[] = [
  // A ruling's date in words, with its year: "a tres de noviembre de dos mil veinticinco", "el treinta y uno de
  // marzo de dos mil quince" (Spanish judgments, rounds 14 and 16: five dates in two rulings). Rulings also
  // repeat the day and year in figures ("dieciocho (18) de noviembre de dos mil veinte (2020)", Colombia) and
  // open with the act's formula ("a los catorce días del mes de noviembre de dos mil veintitrés", Paraguay):
  // one day, the figures part of it (rounds 47, 53, 54); figures that disagree with the words, no day.
  {
    re: new RegExp(
      `(?<![\\p{L}])(${ES_NUM})(?:\\s*\\((\\d{1,2})\\))?(?:\\s+d[ií]as\\s+del\\s+mes)?\\s+de\\s+(${MONTH_ALT})\\s+(?:de|del)\\s+(?:año\\s+)?((?:dos\\s+mil|mil\\s+novecientos)(?:\\s+${ES_NUM})?)(?![\\p{L}])(?:\\s*\\((\\d{4})\\))?`,
      'giu',
    ),
    relative: false,
    claims: true,
    make: (m) => {
      const d = esNumber(m[1]!);
      const mo = month(m[3]!);
      const y = esYear(m[4]!);
      if ((m[2] && Number(m[2]) !== d) || (m[5] && Number(m[5]) !== y)) return undefined;
      const v = d && mo && y ? realDay(y, mo, d) : undefined;
      return v ? dayDate(v) : undefined;
    },
  },
  // ISO and day-first numeric dates
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    relative: false,
    claims: true,
    make: (m) => {
      const v = realDay(+m[1]!, +m[2]!, +m[3]!);
      return v ? dayDate(v) : undefined;
    },
  },
  // "14/10/2025", "14.10.2025", "15/2/25", "03-05-2024": day first (as both languages of these texts write
  // it), unless only the month-first reading is a real day ("3/27/2025"). Dashes only with a four-digit
  // year ("03-05-24" may be anything). Not inside longer numbers, versions, addresses or decimals.
  {
    re: /(?<![\d.,/-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|[.,]\d)/g,
    relative: false,
    claims: true,
    make: (m) => {
      if (m[2] === '-' && m[4]!.length === 2) return undefined;
      const y = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
      if (usCourtStamp(m)) {
        const us = realDay(y, +m[1]!, +m[3]!);
        if (us) return dayDate(us);
      }
      const v = realDay(y, +m[3]!, +m[1]!) ?? realDay(y, +m[1]!, +m[3]!);
      return v ? dayDate(v) : undefined;
    },
  },
  // "sin visitas desde 09/2024", "detained since 03/2023": a month and its year, as tables and forms write
  // them (two-digit month 01–12, four-digit year); not a day date's tail ("16/11/2024") nor a fraction.
  {
    re: /(?<![\d.,/-])(0[1-9]|1[0-2])\/((?:19|20)\d{2})(?![\d/-]|[.,]\d)/g,
    relative: false,
    claims: true,
    make: (m) => ({ precision: 'month', value: `${m[2]}-${m[1]}` }),
  },
  // "3 de mayo de 2024", "3 de mayo", "el 3 de mayo del 2024"
  {
    re: new RegExp(
      `\\b(\\d{1,2})(?:º|°)?\\s+de\\s+(${MONTH_ALT})(?:\\s+(?:de|del)\\s+(\\d{4}))?(?![\\p{L}\\d])`,
      'giu',
    ),
    relative: false,
    claims: true,
    make: (m, ref) => {
      const mo = month(m[2]!);
      if (!mo || inName(m)) return undefined;
      const v = m[3] ? realDay(+m[3], mo, +m[1]!) : dayWithoutYear(m, ref, mo, +m[1]!);
      return v ? dayDate(v) : undefined;
    },
  },
  // "May 3, 2024", "May 3rd", "March 12". Not a number opening the next line (a table row's or a list's:
  // "last saw him in June\n8 | Omran …").
  {
    re: new RegExp(
      `${MONTH_AHEAD}(?<![\\p{L}])(${MONTH_ALT})\\.?[^\\S\\n]+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`,
      'giu',
    ),
    relative: false,
    claims: (m) => /^\p{Lu}/u.test(m[1]!),
    make: (m, ref) => {
      const mo = month(m[1]!);
      if (!mo || !/^\p{Lu}/u.test(m[1]!)) return undefined;
      const v = m[3] ? realDay(+m[3], mo, +m[2]!) : dayWithoutYear(m, ref, mo, +m[2]!);
      return v ? dayDate(v) : undefined;
    },
  },
  // "12-Aug-2020", "05-Nov-20": a spreadsheet's day, month and year joined by dashes (a list's date column,
  // round 12: thirteen dates); the month's word makes it a date whatever its order elsewhere.
  {
    re: new RegExp(`(?<![\\d-])(\\d{1,2})-(${MONTH_ALT})\\.?-(\\d{4}|\\d{2})(?![\\d-])`, 'giu'),
    relative: false,
    claims: true,
    make: (m) => {
      const mo = month(m[2]!);
      const y = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
      const v = mo ? realDay(y, mo, +m[1]!) : undefined;
      return v ? dayDate(v) : undefined;
    },
  },
  // A ruling's closing formula, any case: "SIGNED this 2nd day of July, 2018", "THIS 23RD DAY OF JULY, 2025" (rounds 31, 57).
  {
    re: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+day\\s+of\\s+(${MONTH_ALT})(?![\\p{L}]),?\\s+(\\d{4})\\b`,
      'giu',
    ),
    relative: false,
    make: (m) => {
      const mo = month(m[2]!);
      const v = mo ? realDay(+m[3]!, mo, +m[1]!) : undefined;
      return v ? dayDate(v) : undefined;
    },
  },
  // "3 May 2024", "3rd of May"
  {
    re: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_ALT})(?![\\p{L}])(?:,?\\s+(\\d{4})\\b)?`,
      'giu',
    ),
    relative: false,
    claims: (m) => /^\p{Lu}/u.test(m[2]!),
    make: (m, ref) => {
      const mo = month(m[2]!);
      if (!mo || !/^\p{Lu}/u.test(m[2]!)) return undefined;
      const v = m[3] ? realDay(+m[3], mo, +m[1]!) : dayWithoutYear(m, ref, mo, +m[1]!);
      return v ? dayDate(v) : undefined;
    },
  },
  // "the first of November", "the twenty-sixth of February 2019": a day in ordinal words (ordinal-days.ts).
  {
    re: new RegExp(
      `(?<=(?<![\\p{L}])the\\s+)(${EN_ORDINAL_DAY})\\s+of\\s+(${MONTH_ALT})(?![\\p{L}])(?:,?\\s+(\\d{4})\\b)?`,
      'giu',
    ),
    relative: false,
    make: (m, ref) => {
      const mo = month(m[2]!);
      const d = ordinalWordDay(m[1]!);
      if (!mo || !d || !/^\p{Lu}/u.test(m[2]!)) return undefined;
      const v = m[3] ? realDay(+m[3], mo, d) : dayWithoutYear(m, ref, mo, d);
      return v ? dayDate(v) : undefined;
    },
  },
  // A wire dateline or a post's stamp with a Spanish abbreviated month: "16 abr (EFE)", "9 ene. 2025",
  // "14 oct." — taken only with its period, its year or the agency's bracket after it ("mar" is also a word).
  {
    re: new RegExp(
      `\\b(\\d{1,2})\\s+(${SHORT_ES_ALT})(?:(\\.)|\\b)(?:,?\\s+(?:de\\s+)?(\\d{4})\\b|(?=\\s*\\())?`,
      'giu',
    ),
    relative: false,
    make: (m, ref) => {
      const mo = SHORT_ES.get(fold(m[2]!));
      const after = m.input.slice(m.index + m[0].length);
      if (!mo || !(m[3] || m[4] || /^\s*\(/.test(after))) return undefined;
      const v = m[4] ? realDay(+m[4], mo, +m[1]!) : dayWithoutYear(m, ref, mo, +m[1]!);
      return v ? dayDate(v) : undefined;
    },
  },
  // "el 28J", "tras el 17M": a day and its month's initial, as a date movements are named by. Of the
  // months the letter may stand for (J: junio or julio), the most recent such day not after the reference.
  // Not closing a name ("Justicia 11J") nor a code ("vuelo 12A").
  {
    re: /(?<![\p{L}\d])(\d{1,2})([EFMAJSOND])(?![\p{L}\d])/gu,
    relative: true,
    make: (m, ref) => {
      const before = m.input.slice(Math.max(0, m.index - 30), m.index);
      // Only after the words or marks a date takes ("tras el", "del", "since", a quote): "vuelo 12A" is a code.
      if (!/(?:\b(?:el|del|al|tras|desde|since|after|before|until|hasta|the)\s+|["“«(])$/iu.test(before))
        return undefined;
      const months = INITIAL_MONTHS[m[2]!]!;
      const days = months
        .flatMap((mo) => [
          realDay(ref.getUTCFullYear(), mo, +m[1]!),
          realDay(ref.getUTCFullYear() - 1, mo, +m[1]!),
        ])
        .filter((v): v is string => !!v && utc(v).getTime() <= ref.getTime())
        .sort()
        .reverse();
      return days[0] ? dayDate(days[0]) : undefined;
    },
  },
  // "el lunes 16", "on Saturday the 15th": a weekday and a day number, no month
  {
    re: new RegExp(
      `\\b(${WEEKDAY_ALT})\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:[:.,/]\\d|(?:de\\s+|of\\s+)?(?:${MONTH_ALT})(?![\\p{L}])|%|\\d))`,
      'giu',
    ),
    relative: true,
    make: (m, ref) => {
      const wd = weekday(m[1]!);
      const v = wd === undefined ? undefined : weekdayAndDay(ref, wd, +m[2]!);
      return v ? dayDate(v) : undefined;
    },
  },
  // "abril de dos mil quince", "julio del año dos mil dieciséis": a month and its year in words, as rulings write them
  // (the day-month-year rule above reads the same words with a day; round 14).
  {
    re: new RegExp(
      `${MONTH_AHEAD}(?<![\\p{L}])(${MONTH_ALT})\\s+(?:de|del)\\s+(?:año\\s+)?((?:dos\\s+mil|mil\\s+novecientos)(?:\\s+${ES_NUM})?)(?![\\p{L}])`,
      'giu',
    ),
    relative: false,
    make: (m) => {
      const mo = month(m[1]!);
      const y = esYear(m[2]!);
      return mo && y ? { precision: 'month', value: `${y}-${pad(mo)}` } : undefined;
    },
  },
  // "del doce de agosto pasado", "desde el treinta y uno de diciembre anterior": a ruling's day in words without its
  // year, after the article a date takes; its year as any day's without one. Or after its weekday ("el día jueves
  // veinte de noviembre", "Este jueves primero de octubre": stop 47, rounds 50 and 75 read the month alone).
  {
    re: new RegExp(
      `(?<=(?:\\b(?:el|del|al)|(?<![\\p{L}])(?:${WEEKDAY_ALT}),?)\\s+)(${ES_NUM})\\s+de\\s+(${MONTH_ALT})(?![\\p{L}])(?!\\s+(?:de|del)\\s+(?:año\\s+)?(?:\\d|dos\\s+mil|mil\\b))`,
      'giu',
    ),
    relative: false,
    make: (m, ref) => {
      const d = esNumber(m[1]!);
      const mo = month(m[2]!);
      if (!d || !mo || !/^\p{Ll}/u.test(m[2]!)) return undefined;
      const v = dayWithoutYear(m, ref, mo, d);
      return v ? dayDate(v) : undefined;
    },
  },
  // "mayo de 2024", "May 2024"
  {
    re: new RegExp(
      `${MONTH_AHEAD}(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+(?:(?:de|del|of)\\s+)?(\\d{4})\\b`,
      'giu',
    ),
    relative: false,
    make: (m) => {
      const mo = month(m[1]!);
      return mo ? { precision: 'month', value: `${m[2]}-${pad(mo)}` } : undefined;
    },
  },
  // "en 2019", "in 2019", "desde 2017", "los años 1964 a 1982", "born 1955"; an older year only after a
  // word of time and not before a noun ("in 1797", "desde 1810 hasta": "en 1800 casas" is a count). "su plan
  // para 2027", "durante todo 2026", a witness's "(n. 1964)" (stop 45: 3 missed in rounds 38, 63, 67; none wrong).
  {
    re: /\b(?:en|in|desde|since|durante|during|del|de|of|until|hasta|by|the|year|years|año|años|between|entre|born|nacid[oa]s?|para|todo|n\.)\s+((?:19|20)\d{2})\b(?![.,]\d)|\b(?:en|in|desde|since|year|año|born|nacid[oa]s?)\s+(1[5-8]\d{2})\b(?![.,]?\d|\s+(?!(?:hasta|until|and|when|cuando|por|by|the|el|la|los|las|a|to|in|en|de|of|y|e)\b)\p{Ll})|\b(?:from|after|before|around|circa|hacia)\s+((?:19|20)\d{2})\b(?![.,]?\d|\s+(?!(?:was|is|has|as|this|its|his|thus)\b)\p{Ll}+s\b|\s+(?:people|persons|men|women|children)\b)|\b(?:late|early|mid|finales\s+de|principios\s+de|mediados\s+de)[\s-]+((?:19|20)\d{2})\b(?![.,]?\d|\s+(?!(?:was|is|has|as|this|its|his|thus)\b)\p{Ll}+s\b|\s+(?:people|persons|men|women|children)\b)/giu,
    relative: false,
    // "posts from 2019", "returned after 2017": a year after "from", "after", "before", but not a count
    // before its noun ("from 2000 homes"). "nacida hacia 1990" (stop 44: two witnesses' lines, rounds 71, 72).
    make: (m) => ({ precision: 'year', value: (m[1] ?? m[2] ?? m[3] ?? m[4])! }),
  },
  // "Barrios Altos (2001)", "the novel Cosecha de huesos (1998)", "What the Fields Remember (2015)": a year in
  // brackets of its own after a case, a work or an event (six in rounds 10, 12, 15, 17, 19, all annotated).
  {
    re: /(?<=(?<![\d\-–/])\()((?:19|20)\d{2})(?=\))/g,
    relative: false,
    make: (m) => ({ precision: 'year', value: m[1]! }),
  },
  // "En el 2018 el comandante…", "Yo voté en el 2000, en el 2004": Spanish puts the article before a year as before
  // a day; "en el 76, antes de que lo expulsaran", "balsero en el 94," (guide §7: "en el 87" = 1987) only closing its
  // clause, as "en el 80 por ciento", "en el 12 de la calle" and "en el 49.º aniversario" do not (rounds 16, 20, 31:
  // 9 years missed).
  {
    re: /(?<=\b(?:en|desde|hasta|para|antes\s+del|después\s+del|despues\s+del)\s+el\s+)((?:19|20)\d{2})\b(?![.,]?\d|\s*%)|(?<=\b(?:en|desde|hasta)\s+el\s+)([3-9]\d)(?=\s*(?:[,;:!?)]|\.(?![º°ª\d\p{L}]))|\s*$)/gimu,
    relative: false,
    make: (m) => ({ precision: 'year', value: m[1] ?? `19${m[2]}` }),
  },
  // "En el 99 yo tenía diez años", "desde que vino la delegación en el 80 nos dan más comida", "en el 78 y esa
  // noche": a two-digit year whose clause goes on, as a subject, clitic or "y" right after shows (rounds 17, 54: a
  // Colombian petition's comment and a Uruguayan prison letter, both missed). A house number, a share or a day goes
  // on otherwise ("en el 12 de la calle", "en el 80 por ciento"); "El 19 Digital" (a name) has its article capitalised.
  {
    re: /(?<![\d\p{L}])([3-9]\d)(?<=\b[EeDdHh](?:n|esde|asta)\s+el\s+\d\d)(?=\s+(?:yo|él|ella|ellos|ellas|nosotros|nosotras|nos|me|te|se|le|les|mi|mis|su|sus|ya|no|y|cuando|todavía|aún)\s)/gu,
    relative: false,
    make: (m) => ({ precision: 'year', value: `19${m[1]}` }),
  },
  // "its 2019 report", "a 2022 law", "her husband's 1988 census receipt": a year after a possessive or "a", before its
  // noun, says when that thing was (40 in rounds 1–35, every one a year; 8 missed in rounds 12–34). A count would
  // be "their 2000 members": people and households are refused.
  {
    re: /(?<=(?:\b(?:its|their|his|her|our|a)|\p{L}['’]s)\s+)((?:19|20)\d{2})(?=\s+\p{Ll}{3,})(?!\s+(?:people|persons|men|women|children|families|members|signatures|signatories|names|households|homes|houses)\b)/gu,
    relative: false,
    make: (m) => ({ precision: 'year', value: m[1]! }),
  },
  // "| Gjergj Marku | 1941 | Shkodër |": a year alone in a table's cell (guide §3: date cells are dates in any
  // notation; birth and arrest years in five lists of rounds 20–34, 20 missed).
  {
    re: /((?:19|20)\d{2})(?<=(?:^|\|)[ \t]*\d{4})(?=[ \t]*\|)/gmu,
    relative: false,
    make: (m) => ({ precision: 'year', value: m[1]! }),
  },
  // "2023–2025", "1964-1982": a span of years, each end a year.
  {
    re: /(?<![\d./-])((?:19|20)\d{2})\s?[–-]\s?((?:19|20)\d{2})(?![\d./-])/gu,
    relative: false,
    make: () => undefined,
    pair: (m) =>
      +m[2]! > +m[1]!
        ? [
            { precision: 'year', value: m[1]! },
            { precision: 'year', value: m[2]! },
          ]
        : undefined,
  },
  // "entre enero y noviembre", "from March to May": the end is the latest not after publication, the
  // start in the same year (the year before when it comes later in the calendar). Two month mentions.
  {
    re: new RegExp(
      `\\b(?:entre|between|from|desde|de)\\s+(${MONTH_ALT})\\s+(?:y|and|to|a|al|hasta|until)\\s+(${MONTH_ALT})(?![\\p{L}])(?!\\.?\\s*(?:\\d|(?:de|del|of)\\s+\\d))`,
      'giu',
    ),
    relative: true,
    make: () => undefined,
    pair: (m, ref) => {
      const a = month(m[1]!);
      const b = month(m[2]!);
      if (!a || !b || /^\s+\p{Lu}/u.test(m.input.slice(m.index + m[0].length))) return undefined;
      // "between May and August of that year", "entre mayo y noviembre de ese año": the range's year is the one
      // last written before it, as for a month alone.
      const thatYear = yearOfThatYear(m);
      const end: FuzzyDate =
        thatYear === undefined
          ? monthWithoutYear(m, ref, b)
          : { precision: 'month', value: `${thatYear}-${pad(b)}` };
      const y = Number(end.precision === 'month' ? end.value.slice(0, 4) : Number.NaN);
      const start: FuzzyDate = { precision: 'month', value: `${a <= b ? y : y - 1}-${pad(a)}` };
      return [start, end];
    },
  },
  // "Next review: January.", "Próxima revisión: marzo": a month alone after a label's colon.
  {
    re: new RegExp(
      `(?<=(?:^|\\n|[.!?]\\s+)[^\\n:.]{2,40}:[ \\t]*)(${MONTH_ALT})(?=[ \\t]*(?:[.;]|\\n|$))`,
      'giu',
    ),
    relative: true,
    make: (m, ref) => {
      const mo = month(m[1]!);
      return mo && !lowerEnglishWord(m[1]!) ? monthWithoutYear(m, ref, mo) : undefined;
    },
  },
  // "(julio a septiembre de 2025)", "June to August 2024", "the unrest of June and July 2021": the start of a
  // range or a pair of months whose end has its year. A dash may stand without spaces ("April–November 2023",
  // "January–April 2015": stop 44, three such first months missed in rounds 12, 52, 62; all six such ranges of
  // the English development texts annotate their first month).
  {
    re: new RegExp(
      `${MONTH_AHEAD}(?<![\\p{L}])(${MONTH_ALT})(?=(?:\\s+(?:a|al|to|until|hasta|through|y|and)\\s+|\\s*[-–]\\s*)(${MONTH_ALT})\\.?\\s+(?:(?:de|del|of)\\s+)?(\\d{4})\\b)`,
      'giu',
    ),
    relative: false,
    make: (m) => {
      const a = month(m[1]!);
      const b = month(m[2]!);
      if (!a || !b || lowerEnglishWord(m[1]!)) return undefined;
      return { precision: 'month', value: `${a <= b ? +m[3]! : +m[3]! - 1}-${pad(a)}` };
    },
  },
  // "en diciembre", "in February", "a finales de marzo": a month named alone (no day, no year after it)
  {
    re: new RegExp(
      `\\b(?:en|in|since|desde|until|hasta|during|durante|from|entre|between|para|for|the|last|this|next|pr[oó]ximo|pasado|early|mid|late|before|after|by|de|del|of|antes\\s+de|despu[eé]s\\s+de|principios\\s+de|mediados\\s+de|finales\\s+de|fines\\s+de)\\s+(${MONTH_ALT})(?![\\p{L}])(?!\\.?[^\\S\\n]*(?:\\d|(?:de|del|of)\\s+\\d))`,
      'giu',
    ),
    relative: true,
    monthAlone: true,
    make: (m, ref) => {
      const mo = month(m[1]!);
      // "en Julio Borges": a month's name before a capitalized word is a given name; not before "I" ("In
      // January I went to São Paulo").
      if (/^\s+(?!I\b)\p{Lu}/u.test(m.input.slice(m.index + m[0].length))) return undefined;
      // English months are capitalized ("in may" is a verb); Spanish ones are not.
      if (
        !mo ||
        (/^[a-z]/.test(m[1]!) &&
          /^(?:in|since|until|during|from|between|for|the|last|this|next|early|mid|late|before|after|by)$/i.test(
            m[0].split(/\s/)[0]!,
          ))
      )
        return undefined;
      // "mi carta de enero", "the events of June": a month after "de"/"of"; Spanish writes a date's month in
      // lower case, so a capitalized one after "de" closes a name ("Plaza de Mayo", "Revolución de Octubre").
      // After "de"/"of" only a month's full name ("en medio del mar" is the sea).
      if (/^(?:de|del|of)\s/iu.test(m[0]) && !FULL_MONTH.test(m[1]!)) return undefined;
      // A month alone is written in full: "navegar en mar abierto" is the sea (round 14), "en jul" nothing.
      if (/^\p{Ll}{3,4}$/u.test(m[1]!) && !FULL_MONTH.test(m[1]!)) return undefined;
      // An abbreviation opening a name: "en Mar del Plata", "en Mar de Ajó", "in Sept-Îles" are places.
      if (
        m[1]!.length <= 4 &&
        !FULL_MONTH.test(m[1]!) &&
        !FULL_MONTH.test(m[1]!.toLowerCase()) &&
        /^(?:-\p{L}|\s+(?:de|del)\s+(?:(?:la|las|los|el)\s+)?\p{Lu})/u.test(
          m.input.slice(m.index + m[0].length, m.index + m[0].length + 20),
        )
      )
        return undefined;
      const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 40);
      // "entre julio y diciembre de 2018": the start of a range takes the year its end is given.
      const to = RANGE_END_YEAR.exec(after);
      const endMonth = to ? month(to[1]!) : undefined;
      if (to && endMonth)
        return { precision: 'month', value: `${mo <= endMonth ? +to[2]! : +to[2]! - 1}-${pad(mo)}` };
      // "marzo del año pasado", "March last year", "junio de este año".
      const y = ref.getUTCFullYear();
      const thatYear = yearOfThatYear(m);
      if (thatYear !== undefined) return { precision: 'month', value: `${thatYear}-${pad(mo)}` };
      if (LAST_YEAR_AFTER.test(after)) return { precision: 'month', value: `${y - 1}-${pad(mo)}` };
      if (THIS_YEAR_AFTER.test(after)) return { precision: 'month', value: `${y}-${pad(mo)}` };
      if (NEXT_YEAR_AFTER.test(after)) return { precision: 'month', value: `${y + 1}-${pad(mo)}` };
      // "warned last May" said in May, "Last year … in October" (last-year-cues.ts).
      const said =
        lastOrNextMonthYear(m[0], ref, mo) ?? (lastYearBefore(m.input, m.index) ? y - 1 : undefined);
      if (said !== undefined) return { precision: 'month', value: `${said}-${pad(mo)}` };
      return monthWithoutYear(m, ref, mo);
    },
  },
  // ── relative ──
  {
    // Not the year of a month before it ("junio de este año", "March this year": the month says it).
    // The lookahead: the first letters of the words read, so that most positions fail at once (stop 47).
    re: new RegExp(
      `(?=[tes])(?<!(?<![\\p{L}])(?:${MONTH_ALT})\\s+(?:(?:of|de|del)\\s+)?)\\b(this year|este año|el presente año|en lo que va de año|so far this year)(?:['’]s)?\\b`,
      'giu',
    ),
    relative: true,
    make: (_m, ref) => ({ precision: 'year', value: String(ref.getUTCFullYear()) }),
  },
  {
    re: /\b(this month|este mes|earlier this month|a principios de este mes)\b/giu,
    relative: true,
    make: (_m, ref) => ({ precision: 'month', value: iso(ref).slice(0, 7) }),
  },
  {
    re: /\b(anteayer|antier|the day before yesterday)\b/giu,
    relative: true,
    make: (_m, ref) => dayDate(iso(addDays(ref, -2))),
  },
  {
    re: /\b(ayer|anoche|yesterday|last night)\b/giu,
    relative: true,
    make: (_m, ref) => dayDate(iso(addDays(ref, -1))),
  },
  {
    // Not "nowadays" (round 2; round 6's "hasta hoy ningún agente"): "hasta hoy", "aún/todavía hoy", "hoy
    // en día", "to this day" is "still today".
    re: /(?<!\b(?:hasta|aún|aun|todavía|todavia|still)\s+)\b(hoy|esta mañana|this morning|today|tonight|esta noche)\b(?!\s+(?:en\s+día|en\s+dia|día|dia)\b)/giu,
    relative: true,
    // "El antiguo aeropuerto es hoy un centro cultural", "the camp is today a museum": what a thing is now,
    // between a copula and what it has become, is no day.
    make: (m, ref) =>
      (/\b(?:es|son|is|are)\s+$/iu.test(m.input.slice(Math.max(0, m.index - 6), m.index)) &&
        /^\s+(?:un|una|el|la|los|las|an|the|a(?!\s+las?\b))\s/iu.test(
          m.input.slice(m.index + m[0].length, m.index + m[0].length + 10),
        )) ||
      // "Hoy vive en Madrid", "(hoy Ciudad Mendoza)": how things stand now (es-nowadays.ts).
      nowadaysHoy(m.input, m.index, m.index + m[0].length)
        ? undefined
        : dayDate(iso(ref)),
  },
  // "mañana" without an article is tomorrow ("la mañana", "esta mañana", "por la mañana", "aquella mañana",
  // "esa mañana" are a morning: rounds 7, 11, 19)
  {
    re: /(?<!\b(?:la|el|esta|esa|aquella|misma|siguiente|otra|una|cada|toda|media|por|de|en|del|al|the|this)\s+)\b(pasado\s+mañana|mañana|the day after tomorrow|tomorrow)\b(?!\s+(?:de|del|por)\b)/giu,
    relative: true,
    make: (m, ref) => dayDate(iso(addDays(ref, /^(?:pasado|the)/i.test(m[1]!) ? 2 : 1))),
  },
  {
    re: new RegExp(`\\bhace\\s+(${NUM_ALT})\\s+(d[ií]as?|semanas?|mes(?:es)?|a[ñn]os?)\\b`, 'giu'),
    relative: true,
    make: (m, ref) =>
      // "vive allí desde hace seis años" is how long, not when (rounds 5–6); "desaparecido desde hace
      // tres semanas" still names the day it began (round 2), so only years are a duration.
      (/\bdesde\s+$/iu.test(m.input.slice(Math.max(0, m.index - 8), m.index)) &&
        /^a[ñn]os?$/iu.test(m[2]!)) ||
      // "Hace 47 años que espero" is how long one has waited (round 2); "hace diez años que lo mataron", when.
      presentAfterQue(m.input.slice(m.index + m[0].length, m.index + m[0].length + 50))
        ? undefined
        : (sameHourYearsAgo(m, ref) ?? anniversary(m, ref) ?? ago(ref, num(m[1]!), m[2]!)),
  },
  {
    re: new RegExp(`\\b(${NUM_ALT})\\s+(days?|weeks?|months?|years?)\\s+ago\\b`, 'giu'),
    relative: true,
    make: (m, ref) => anniversary(m, ref) ?? ago(ref, num(m[1]!), m[2]!),
  },
  {
    re: new RegExp(
      `\\b(?:el\\s+)?pasado\\s+(${WEEKDAY_ALT})\\b${NO_DAY_AFTER}|\\b(?:el\\s+)(${WEEKDAY_ALT})\\s+pasado\\b|\\blast\\s+(${WEEKDAY_ALT})\\b`,
      'giu',
    ),
    relative: true,
    make: (m, ref) => {
      const wd = weekday(m[1] ?? m[2] ?? m[3]!);
      return wd === undefined ? undefined : dayDate(weekdayFrom(ref, wd, -1));
    },
  },
  {
    re: new RegExp(
      `\\b(?:el\\s+)?pr[oó]ximo\\s+(${WEEKDAY_ALT})\\b${NO_DAY_AFTER}|\\bnext\\s+(${WEEKDAY_ALT})\\b`,
      'giu',
    ),
    relative: true,
    make: (m, ref) => {
      const wd = weekday(m[1] ?? m[2]!);
      return wd === undefined ? undefined : dayDate(weekdayFrom(ref, wd, 1));
    },
  },
  // "el lunes", "este lunes", "on Tuesday": in a report, the most recent such day, publication day included;
  // "listed for Monday", "a march planned for Tuesday": what is set for a weekday lies ahead.
  {
    re: new RegExp(
      `\\b(?:el|del|este|on|since|for)\\s+(${WEEKDAY_ALT})\\b(?!\\s+(?:\\d|the\\s+\\d|pasado|próximo|proximo)|${DATE_AFTER_COMMA}|${ORDINAL_AFTER_COMMA}|${DAY_WORDS_AFTER})`,
      'giu',
    ),
    relative: true,
    make: (m, ref) =>
      weekdayNamesNoDay(m) ? undefined : /^for\s/iu.test(m[0]) ? weekdayAhead(m, ref) : weekdayOf(m, ref),
  },
  // "Next meeting Saturday after the court date", "Monday is five years since Lekki": an English weekday
  // written alone (capitalized), not in a name ("Good Friday", "Bloody Sunday") nor "Friday prayers".
  {
    re: new RegExp(
      `(?<!\\p{Lu}[\\p{L}'’.-]*\\s+|\\b(?:every|each|of|a|an|the|that|this|last|next|by|until|before|after|from|to)\\s+|\\b(?:every|each)\\s+(?:other|second|third|fourth)\\s+)\\b(${ENGLISH_WEEKDAY})\\b(?!['’]s\\b|\\s+(?:\\p{Lu}|\\d)|${DATE_AFTER_COMMA}|${ORDINAL_AFTER_COMMA}|\\s+(?:prayers?|market|mass|sermon|services?|school|edition|paper|club|protests?|march(?:es)?)\\b)`,
      'gu',
    ),
    relative: true,
    make: (m, ref) => weekdayOf(m, ref),
  },
  // "last week" / "la semana pasada" is no date: writers mean the calendar week before or just "some
  // days ago", so any range put on it would be precision the text does not give (README, "Vague
  // expressions"). "hace una semana" (seven days ago) and "the weekend" are dates.
  {
    // The weekend just past (publication day included when it is a Saturday or Sunday).
    re: /\b((?:el pasado|el|este)\s+fin de semana(?:\s+pasado)?|(?:(?:over|during)\s+)?(?:the|this|last)\s+weekend)\b(?!\s+(?:of|del?)\s+\d)/giu,
    relative: true,
    make: (m, ref) => {
      if (weekendAhead(m, future(m))) return undefined;
      if (ref.getUTCDay() === 6) return { precision: 'range', from: iso(ref), to: iso(addDays(ref, 1)) };
      const sunday = weekdayFrom(addDays(ref, 1), 0, -1);
      return { precision: 'range', from: iso(addDays(utc(sunday), -1)), to: sunday };
    },
  },
  {
    // "la visita del mes pasado" too (round 33).
    re: /\b((?:el|del) mes pasado|last month)\b/giu,
    relative: true,
    make: (_m, ref) => ago(ref, 1, 'mes'),
  },
  // "next month", "el mes que viene", "el próximo mes": the month after the reference's.
  {
    re: /\b(next month|el (?:próximo|proximo) mes|el mes (?:próximo|proximo|que viene))\b/giu,
    relative: true,
    make: (_m, ref) => ({
      precision: 'month',
      value: iso(new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + 1, 1))).slice(0, 7),
    }),
  },
  {
    // The lookahead: the first letters of the words read, so that most positions fail at once (stop 47).
    re: new RegExp(
      `(?=[el])(?<!(?<![\\p{L}])(?:${MONTH_ALT})\\s+(?:(?:of|de|del)\\s+)?)\\b(el año pasado|last year)\\b`,
      'giu',
    ),
    relative: true,
    make: (_m, ref) => ago(ref, 1, 'año'),
  },
  // "early next year", "el próximo año", "el año que viene": the year after the reference. "The next year" is the
  // story's ("in April of the next year", "on the 24th of December, the next year"), as "that year": no date (stop 49).
  {
    // The lookahead: the first letters of the words read, so that most positions fail at once (stop 47).
    re: new RegExp(
      `(?=[ne])(?<!(?<![\\p{L}])(?:${MONTH_ALT})\\s+(?:(?:of|de|del)\\s+)?)(?<!\\bthe\\s+)\\b(next year|el (?:próximo|proximo) año|el año (?:próximo|proximo|que viene))\\b(?!['’]s\\b)`,
      'giu',
    ),
    relative: true,
    make: (_m, ref) => ({ precision: 'year', value: String(ref.getUTCFullYear() + 1) }),
  },
];

/** Whether the text being read has no date of its own (its reference is the capture day): no near side then. */
let undatedText = false;

/**
 * Every date mention in `text` (non-overlapping, earliest and longest first). A chat export or a
 * thread counts its days from its own marks, not from the day it was copied: a day separator line
 * ("— 11 de marzo —", "——— Yesterday ———", "21 September 2023") sets the day of the messages under
 * it, a message's own stamp ("27/3/25, 07:02 - Ana: …") the day of its line, and a post's stamp
 * line under it ("9:14 p. m. · 9 ene. 2025 · …") the day of the post above. The marks themselves are
 * read against `reference` (the copy or publication day).
 */
export function findDates(text: string, reference: string, undated = false): DateMention[] {
  // Every relative date counts from this day; a missing or impossible one would count from nowhere
  // (and a weekday's search for its day never ends), so it is refused here, by name.
  if (typeof reference !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(reference) || !realDayOf(reference))
    throw new Error(
      `findDates: the reference day must be a real day written YYYY-MM-DD (the day relative dates count from), not ${JSON.stringify(reference)}`,
    );
  const out: DateMention[] = [];
  undatedText = undated;
  for (const seg of timeline(text, reference)) {
    const slice = text.slice(seg.start, seg.end);
    if (seg.stamp) {
      const date = dayDate(seg.reference);
      out.push({ start: seg.start, end: seg.end, text: slice, date, value: seg.reference, relative: false });
      continue;
    }
    for (const d of datesIn(slice, seg.reference))
      out.push({ ...d, start: d.start + seg.start, end: d.end + seg.start });
  }
  // A text with no date of its own: a day without its year is of the story it tells (en-years.ts).
  if (undated) storyYearsOfUndatedText(text, out, reference);
  if (undated) storyYearsOfUndatedSpanish(text, out, reference);
  const updates = UPDATES_HEADING.exec(text)?.index;
  const titles = titleSpans(text);
  const kept = out.filter(
    (d) =>
      !pageEdited(text, d) &&
      !yearOfATitle(titles, d) &&
      !agoRestated(text, d, out) &&
      !ageStamp(text, d) &&
      !habitual(text, d, reference) &&
      !commemorationDay(text, d) &&
      !weeklyHabit(text, d) &&
      !starterLine(text, d) &&
      !(updates !== undefined && updateStamp(text, d, updates)),
  );
  return restatedRelatives(text, kept);
}

/** A petition's section of updates, its heading on a line of its own. */
const UPDATES_HEADING =
  /(?:^|\n)[ \t]*(?:novedades|actualizaciones|updates|petition\s+updates)[ \t]*(?:\(\d+\))?[ \t]*\n/iu;
/** What may follow an update's stamp on its line: a clock time, or the poster's name before the update's words. */
const AFTER_STAMP = /^\s*(?:,?\s*(?:a\s+las\s+)?\d{1,2}:\d{2}\s*)?(?:$|·\s*[^·:\n]{1,40}:)/iu;

/**
 * A petition update's own stamp, opening its line under the updates heading ("Novedades" / "2 de octubre de 2025",
 * "Publicado el 18/11/2025", "hace 3 días", "12 ene 2023 · Dayana R.: Ya somos…"): metadata like a comment's stamp
 * (guide D2: 12 rounds against 2). The update's own words still count from it (`timeline`).
 */
function updateStamp(text: string, d: DateMention, heading: number): boolean {
  const line = lineAround(text, d);
  if (heading >= line.start) return false;
  return (
    /^\s*(?:(?:publicado|posted|published)(?:\s+(?:el|on))?\s*:?\s*)?$/iu.test(line.before) &&
    AFTER_STAMP.test(line.after)
  );
}

/** A mention's line: where it starts, and its words before and after the mention. */
function lineAround(text: string, d: DateMention): { start: number; before: string; after: string } {
  const start = text.lastIndexOf('\n', d.start - 1) + 1;
  const end = text.indexOf('\n', d.end);
  return { start, before: text.slice(start, d.start), after: text.slice(d.end, end < 0 ? undefined : end) };
}

/**
 * A petition's starter line up to its last "·", or the comma after its town: "Iniciada por Gloria V. · Medellín · ",
 * "Started by C. A. · Buea · ", "Iniciada por Sisa Y. · Otavalo, " (rounds 57, 69: the comma form was read as a date).
 */
const STARTER_BEFORE = /^[ \t]*(?:iniciada|creada|lanzada|started|created)\s+(?:por|by)\s[^\n]*[·,][ \t]*$/iu;

/**
 * The day closing a petition's starter line ("Iniciada por Edilma Ospino Charris · Ciénaga, Colombia · 12 de enero
 * de 2026", "Started by Comfort Ayuk-Mbeng · Buea, Cameroon · 14 November 2025"): metadata, as guide D3 says of
 * the line's date and place; left out by the annotators of six petitions in rounds 38–44 (one in each of rounds
 * 38, 39, 40, 41, 43, 44), kept by two in rounds 34 and 35. The page's reference day still comes from it.
 */
function starterLine(text: string, d: DateMention): boolean {
  const line = lineAround(text, d);
  return STARTER_BEFORE.test(line.before) && !line.after.trim();
}

const EVERY_BEFORE =
  /(?:\b(?:every|each)(?:\s+year)?(?:\s+on)?(?:\s+the)?|\bcada(?:\s+año)?(?:\s+el|\s+mes\s+de)?|\btodos\s+los\s+años(?:\s+el)?)\s+$/iu;
const EVERY_AFTER = /^,?\s+(?:cada\s+año|todos\s+los\s+años|every\s+year|each\s+year)\b/iu;
/** "Families gather every year at the cemetery of Roboski on 28 December": the habit's words, then its place. */
const EVERY_YEAR_THEN_ON =
  /\b(?:every|each)\s+year\s+(?:at|in|to)\s[^.;:!?,\n\d]{1,60}\s+on\s+(?:the\s+)?$/iu;

/**
 * A day and month said of every year ("Every year on 23 February women in Srinagar…", "read each year on 17
 * August", "I go to the memorial every 10 April", "el 18 de septiembre, cada año, bajamos con velas"): a habit,
 * not a date (guide §7; six in rounds 19–29, none annotated). Only a day without its year: "cada 18 de julio
 * desde 1994" keeps the 1994 it names, and "como cada 10 de junio" beside "Este miércoles" loses nothing, the
 * day being dated by that. On the writer's own day it names that day too ("Every 24 March I go down to the Plaza
 * de Mayo… This year the square was fuller", a blog of 24 March 2024, round 2). Stop 44: "every year" may stand
 * before the habit's place ("gather every year at the cemetery of Roboski on 28 December", round 23).
 */
function habitual(text: string, d: DateMention, reference: string): boolean {
  // A month too: "viaja cada marzo a Allende", "Cada mes de junio, antiguos alumnos se reúnen" (rounds 12, 16, 69).
  const bareMonth = d.date.precision === 'month' && /^\p{L}+$/u.test(d.text);
  if (
    (d.relative && !bareMonth) ||
    d.date.precision === 'year' ||
    writesYear(d.text) ||
    d.value === reference
  )
    return false;
  return (
    EVERY_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start)) ||
    EVERY_YEAR_THEN_ON.test(text.slice(Math.max(0, d.start - 90), d.start)) ||
    EVERY_AFTER.test(text.slice(d.end, d.end + 30))
  );
}

/**
 * A signer's or commenter's stamp closing a line after "·" ("Firmante · hace 3 días", "Yusmary C. · hace 2 días",
 * "Ana · 5 days ago"): how old the post is, page chrome no annotator counted (rounds 12, 14, 16); the post's own
 * words still count from the page's day.
 */
function ageStamp(text: string, d: DateMention): boolean {
  if (!d.relative || !/^(?:hace\s|\S+\s+\S+\s+ago$)/iu.test(d.text)) return false;
  const line = lineAround(text, d);
  return (
    (/·\s*$/u.test(line.before) && (!line.after.trim() || SIGNER_WORDS_AFTER.test(line.after))) ||
    (SIGNER_BEFORE.test(line.before) && !line.after.trim())
  );
}

/**
 * A signer's age stamp in the other shapes petition pages take (stop 41, rounds 23, 38, 42, 57): the signer's words
 * after the stamp on its line ("· hace 2 meses: Desde Cuenca…", "· hace 2 días — Mi tía…"), or a line of the
 * signer's name, with an initial or a town, and the stamp alone ("Andrés F. hace 2 semanas", "Teresa A., Ciudad del
 * Este hace 2 días"): capitalized words only (and "de", "del", "la"), so "Ella llegó hace 2 días" is no stamp.
 */
const SIGNER_WORDS_AFTER = /^\s*(?::|[—–-]\s)/u;
const SIGNER_BEFORE =
  /^[ \t]*\p{Lu}[\p{L}'’-]*\.?(?:\s+(?:\p{Lu}[\p{L}'’-]*\.?|de|del|la))*(?:,\s*\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|de|del|la))*)?\s+$/u;

/**
 * A wiki-like page's edit stamp ("This page was last edited on 3 March 2026", "Esta página se editó por
 * última vez el 2 de noviembre de 2025"): when the page was edited, not a date of what it tells (page
 * chrome in the annotation of rounds 8–11; three such footers were dates in rounds 8, 10, 11). The verb
 * of editing is required: "visto por última vez el 3 de mayo" is the day a person was last seen.
 */
const EDITED_BEFORE =
  /(?:\b(?:edit(?:ó|o|ada|ado)|modific(?:ó|o|ada|ado))\s+por\s+(?:última|ultima)\s+vez|\b(?:última|ultima)\s+(?:edición|edicion|modificación|modificacion)(?:\s+de\s+esta\s+página)?|\blast\s+(?:edited|modified))[\s:,]*(?:el|on)?\s*$/iu;
function pageEdited(text: string, d: DateMention): boolean {
  return EDITED_BEFORE.test(text.slice(Math.max(0, d.start - 60), d.start));
}

/**
 * "Nine years ago, on 28 October 2016", "Hace quince años, el 24 de agosto de 2010", "Thirty-five years ago
 * this month, on 26 September 1990", "Hace 65 años, el martes 17 de octubre de 1961", "el 16 de noviembre de
 * 1989, hace 36 años": the time ago and the date beside it are one time, written twice; the date says it
 * exactly, so the count of years back is no date of its own (it would name the year the date already names,
 * or one off it). Rounds 10, 15, 17, 19.
 */
/**
 * "Hace diez años, la mañana del 22 de mayo de 2015", "Hace cinco años, en la madrugada del 13 de mayo de 2021": the
 * part of the day before the date restates it as well (rounds 16, 22, 57: every such phrase in rounds 1–58).
 */
const THEN_PART_OF_DAY = '(?:en\\s+)?(?:la|aquella)\\s+(?:madrugada|mañana|noche|tarde)\\s+del?';
/**
 * "Nine years ago this week, on 26 and 27 November 2016", "Thirty-six years ago, on the night of 19 to 20 January
 * 1990": this week of the anniversary, English parts of the day and the first day of two restate it too (rounds 21,
 * 28: 3 texts).
 */
const THEN_PART_OF_DAY_EN = '(?:on|in)\\s+the\\s+(?:night|morning|evening|afternoon|early\\s+hours)\\s+of';
const THEN_DATED = new RegExp(
  `^(?:\\s+(?:today|tonight|this\\s+month|this\\s+week|hoy|este\\s+mes))?,?\\s+(?:on|in|el|en|${THEN_PART_OF_DAY}|${THEN_PART_OF_DAY_EN})\\s+(?:(?:${WEEKDAY_ALT})\\s+)?(?:\\d{1,2}\\s*(?:and|to|-|–)\\s*)?$`,
  'iu',
);
function agoRestated(text: string, d: DateMention, all: readonly DateMention[]): boolean {
  if (!d.relative || d.date.precision !== 'year') return false;
  return all.some(
    (o) =>
      !o.relative &&
      writesYear(o.text) &&
      ((o.start >= d.end && o.start - d.end <= 32 && THEN_DATED.test(text.slice(d.end, o.start))) ||
        (o.end <= d.start && /^,\s*$/u.test(text.slice(o.end, d.start)))),
  );
}

interface Segment {
  start: number;
  end: number;
  reference: string;
  /** The stretch is a message's stamp: itself the date `reference`. */
  stamp?: boolean;
}

/** Decoration around a day separator: dashes, rules, stars, dots. */
const DECOR = /^[\s—–\-=_*·•~]+|[\s—–\-=_*·•~]+$/gu;
/**
 * A message's own stamp at the start of its line: "27/3/25, 07:02 - ", "[27/03/2025, 7:02:11 p. m.] ", Telegram's and
 * Signal's dotted "[05.12.25 19:02] ", "10.08.2020 07:52 ", or Telegram Desktop's sender before it ("Yajaira Mendoza,
 * [24.09.22 07:41]", the message on the lines below): dotted stamps in five chats of rounds 20–31.
 */
const MESSAGE_STAMP =
  /^(?:[^\n[\]]{1,60},\s*(?=\[))?\[?(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4}),?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?\]?\s*(?:[-–]\s*)?/iu;
/** An email header naming when the message was sent: "Fecha: lun, 8 sep 2025 09:12 +0200", "Sent: Tuesday, 4 March 2025 10:02". */
const MAIL_DATE = /^\s*(?:fecha|date|sent|enviado(?:\s+el)?)\s*:\s*(.{6,80})$/iu;
/** A post's stamp line under the post: "9:14 p. m. · 9 ene. 2025 · 48,2 mil Reproducciones", "3:05 PM · Jan 9, 2025". */
const POST_STAMP = /^\s*\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*·\s*([^·]{4,40}?)\s*(?:·|$)/iu;

/** The label of a post's or update's own stamp line: "Publicado el", "Posted", "Published on". */
const POSTED_LABEL = /^\s*(?:publicado|posted|published)(?:\s+(?:el|on))?\s*:?\s+(?=\d)/iu;

/** A day, then "·" and a poster's name with a colon, opening a line ("3 mar 2023 · Dayana R.: …"). */
const UPDATE_LINE = /^\s*([^·:\n]{4,30}?)\s*·\s*[^·:\n]{1,40}:\s/u;

/** The one day a whole line names, read against `ref`, if the line is nothing else. */
function lineDay(content: string, ref: string): string | undefined {
  if (!content || content.length > 40) return undefined;
  const found = datesIn(content, ref);
  if (found.length !== 1 || found[0]!.date.precision !== 'day') return undefined;
  const rest = `${content.slice(0, found[0]!.start)}${content.slice(found[0]!.end)}`
    .replace(new RegExp(`\\b(?:${WEEKDAY_ALT})\\b`, 'giu'), '')
    .replace(/[\s,.]+/g, '');
  return rest ? undefined : found[0]!.value;
}

/**
 * An English chat export's head: "Copied on 12 May 2018 by Hodan", "Copied as text on 18 November 2022", "Exported
 * on 10/03/2021 by a group member". Its day is the one the export's "——— Yesterday ———" and "——— Today ———" count
 * from (rounds 41, 47, 52: read from the first separator's day, the reference, so both were a day or more off).
 */
const COPIED_HEAD =
  /^(?:copied|exported|saved)\b[^\n]{0,20}?\bon\s+(\d{1,2}\s+\p{L}+\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/imu;
const RELATIVE_SEPARATOR = /^(?:today|yesterday)$/iu;
function copiedDay(text: string, reference: string): string | undefined {
  const m = COPIED_HEAD.exec(text.slice(0, 400));
  if (!m) return undefined;
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(m[1]!);
  // Day first, as the exports of every round write it ("10/03/2021" after "3 March 2021").
  if (slash) return realDay(+slash[3]!, +slash[2]!, +slash[1]!);
  const d = datesIn(m[1]!, reference)[0];
  return d?.date.precision === 'day' ? d.value : undefined;
}

/** The stretches of `text` and the day each counts from (one stretch, `reference`, when the text has no marks). */
function timeline(text: string, reference: string): Segment[] {
  const segs: Segment[] = [];
  let current = reference;
  let pending = 0;
  const copied = copiedDay(text, reference);
  // Message stamps are day-first unless some stamp can only be month-first ("3/27/25").
  const stamps = [...text.matchAll(new RegExp(MESSAGE_STAMP.source, 'gimu'))];
  const monthFirst = stamps.some((m) => +m[3]! > 12) && !stamps.some((m) => +m[1]! > 12);
  const diary = !undatedText && hasEntryHeads(text);
  const flush = (end: number, ref: string) => {
    if (end > pending) segs.push({ start: pending, end, reference: ref });
  };
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    const end = at + line.length;
    at = end + 1;
    const stamp = MESSAGE_STAMP.exec(line);
    if (stamp) {
      const y = stamp[4]!.length === 2 ? 2000 + +stamp[4]! : +stamp[4]!;
      const day = monthFirst ? realDay(y, +stamp[1]!, +stamp[3]!) : realDay(y, +stamp[3]!, +stamp[1]!);
      if (day) {
        flush(start, current);
        // The stamp's date is a date of the text (its numbers, without the time).
        const dateText = /\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.exec(stamp[0])![0];
        const dateStart = start + line.indexOf(dateText);
        segs.push({ start: dateStart, end: dateStart + dateText.length, reference: day, stamp: true });
        segs.push({ start: start + stamp[0].length, end, reference: day });
        pending = end;
        current = day;
        continue;
      }
    }
    // An email's own "Fecha:"/"Date:"/"Sent:" header: the message under it counts from its day.
    const mail = MAIL_DATE.exec(line);
    const mailDay = mail
      ? datesIn(mail[1]!, reference).find(
          (x) => !x.relative && x.date.precision === 'day' && writesYear(x.text),
        )
      : undefined;
    if (mailDay) {
      flush(start, current);
      segs.push({ start, end, reference });
      pending = end;
      current = mailDay.value;
      continue;
    }
    // "12 ene 2023 · Dayana R.: Hoy se cumple un año": an update's stamp and poster opening its line; it and what
    // follows count from that day.
    const posted = UPDATE_LINE.exec(line);
    const postedDay = posted && writesYear(posted[1]!) ? lineDay(posted[1]!, reference) : undefined;
    if (postedDay) {
      flush(start, current);
      segs.push({ start, end, reference: postedDay });
      pending = end;
      current = postedDay;
      continue;
    }
    const post = POST_STAMP.exec(line);
    const postDay = post ? lineDay(post[1]!, reference) : undefined;
    if (post && postDay) {
      flush(start, postDay);
      segs.push({ start, end, reference });
      pending = end;
      continue;
    }
    // "Publicado el 18/11/2025", "Posted 14 Aug 2025": a petition's or blog's update stamped on its own line counts
    // from its day (round 13's updates sat in the article's markup, not in a section read as comments).
    const content = line.replace(DECOR, '').replace(POSTED_LABEL, '');
    const decorated = content.length < line.trim().length;
    // "——— Yesterday ———" under a "Copied on …" head counts from the copy's day.
    const sepRef = copied && RELATIVE_SEPARATOR.test(content) ? copied : reference;
    // A diary's yearless entry head ("Jueves 1 de julio") counts from the head before it (diary-heads.ts).
    const head = diary && !decorated && isEntryHead(content) ? lineDay(content, current) : undefined;
    if (head) {
      flush(start, current);
      segs.push({ start, end, reference: current });
      pending = end;
      current = head;
      continue;
    }
    // An undecorated line is a separator only if it holds a full date or a bare day word ("Hoy", "Yesterday"); no
    // other line is read (reading one runs every rule: stop 47).
    const separator = decorated || /\d{4}|^(?:hoy|ayer|anteayer|today|yesterday)$/iu.test(content);
    const sep = separator ? lineDay(content, sepRef) : undefined;
    if (sep) {
      flush(start, current);
      segs.push({ start, end, reference: sepRef });
      pending = end;
      current = sep;
    }
  }
  flush(text.length, current);
  return segs;
}

/** Every date mention in `text`, relative ones counted from `reference`. */
function datesIn(text: string, reference: string): DateMention[] {
  const ref = utc(reference);
  const found: DateMention[] = [];
  const blocked: [number, number][] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (rule.pair) {
        const two = rule.pair(m, ref);
        if (!two) continue;
        // Each month's word in the match, first and last occurrence (the connector sits between).
        const lower = m[0].toLowerCase();
        const first = m[1]!.toLowerCase();
        const s1 = m.index + lower.indexOf(first, lower.startsWith(first) ? 0 : lower.indexOf(' '));
        const s2 = m.index + lower.lastIndexOf(m[2]!.toLowerCase());
        for (const [start, word, date] of [
          [s1, m[1]!, two[0]],
          [s2, m[2]!, two[1]],
        ] as const)
          found.push({
            start,
            end: start + word.length,
            text: word,
            date,
            value: isoValue(date),
            relative: true,
          });
        continue;
      }
      // A date never runs across a blank line ("… 1/7\n\nApr 03, 2025": a post's count, then its stamp).
      if (/\n\s*\n/.test(m[0])) continue;
      const date = rule.make(m, ref);
      if (!date) {
        if (typeof rule.claims === 'function' ? rule.claims(m) : rule.claims)
          blocked.push([m.index, m.index + m[0].length]);
        continue;
      }
      // Skip the "de"/"in" lead-in of a bare year so the span is the year itself.
      let start = m.index;
      let t = m[0];
      const lead =
        /^(?:en|in|desde|since|durante|during|del|de|of|until|hasta|by|the|year|years|año|años|between|entre|born|nacid[oa]s?|from|after|before|around|circa|hacia|late|early|mid|finales\s+de|principios\s+de|mediados\s+de|para|todo|n\.)[\s-]+(?=(?:1[5-9]|20)\d{2}$)/iu.exec(
          t,
        ) ?? (rule.monthAlone ? new RegExp(`^.*\\s(?=(?:${MONTH_ALT})$)`, 'iu').exec(t) : null);
      if (lead) {
        start += lead[0].length;
        t = t.slice(lead[0].length);
      }
      found.push({
        start,
        end: start + t.length,
        text: t,
        date,
        value: isoValue(date),
        relative: rule.relative,
      });
    }
  }
  found.push(...listedYears(text, found), ...rangeStartDays(text, found), ...twoDigitYears(text, ref));
  found.push(...seasonTwoDigitYears(text, ref), ...twoDigitYearsGoingOn(text));
  found.push(...esYearsInWords(text, found, ES_NUM, esYear));
  // "in March of eighty", "in '85", "in eighty-six,": English years as a witness says them (spoken-years.ts).
  addSpokenYears(text, found, reference);
  rangeStartYears(text, found);
  yearsOfTheSentence(text, found, ref);
  // A story's bare weekday first, so that "el martes había sido la reunión" after "el 16 de octubre de 2019" dates
  // the "jueves 17" after it in the story's month (es-past-weekday.ts), then again after the narrative's days.
  weekdaysOfTheStory(text, found, ref);
  weekdaysInNarrative(text, found, ref);
  weekdaysOfTheStory(text, found, ref);
  yearsOfTheNarrative(text, found, ref);
  daysCountedFromTheStory(text, found);
  storyYears(text, found, ref);
  // Before the figures' rule: "On the Tuesday, the eleventh … The next day, the 12th" takes the month found here.
  found.push(...weekdayOrdinalWords(text, found, ref));
  found.push(
    ...ordinalDays(text, found, ref),
    ...englishYears(text),
    ...englishWeekdays(text, ref, toldInThePast),
  );
  weekdaySaidAfter(text, found);
  found.push(...anniversaryDays(text, found, reference, num), ...closingYears(text), ...sheetDays(text));
  found.push(...esMonthDays(text, ref));
  found.push(...bareDays(text, found), ...letterDays(text, found, ref), ...monthPhases(text, found, ref));
  found.push(...monthLists(text, found));
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: DateMention[] = [];
  for (const d of found) {
    // A longer reading that holds a claimed span whole ("5 feb. 2024" over "5 feb") still stands.
    if (blocked.some(([s, e]) => d.start < e && s < d.end && !(d.start <= s && e < d.end))) continue;
    if (!out.some((o) => d.start < o.end && o.start < d.end)) out.push(d);
  }
  return out;
}

/** What joins the two ends of a range: "from 23 January to 2 February 2024", "del 28 de diciembre al 3 de enero de 2024". */
const RANGE_LINK = /^\s*(?:to|until|through|till|al|a|hasta|-|–|y|and)\s+(?:el\s+)?$/iu;

/**
 * English ranges ending in a month and its year, as encyclopedia boxes date events: "24 August – October 2008",
 * "21 October – November 2020" (rounds 40 and 62; the start was read in the reference's year).
 */
const RANGE_TO_MONTH = /^\s*(?:to|until|through|till|-|–|—)\s*$/iu;

/**
 * A range whose start has no year of its own takes its end's ("from 23 January to 2 February 2024" is
 * 2024-01-23, not the reference's year; the year before when the start's month comes later). In place.
 */
function rangeStartYears(text: string, found: DateMention[]): void {
  for (const d of found) {
    if (d.date.precision !== 'day' || writesYear(d.text)) continue;
    const end = found.find(
      (e) =>
        e.start > d.end &&
        e.start - d.end <= 12 &&
        writesYear(e.text) &&
        (e.date.precision === 'day'
          ? RANGE_LINK.test(text.slice(d.end, e.start))
          : e.date.precision === 'month' && RANGE_TO_MONTH.test(text.slice(d.end, e.start))),
    );
    if (end?.date.precision !== 'day' && end?.date.precision !== 'month') continue;
    const [y, em] = end.date.value.split('-').map(Number) as [number, number];
    const [, sm, sd] = d.date.value.split('-').map(Number) as [number, number, number];
    const v = realDay(sm > em ? y - 1 : y, sm, sd);
    if (!v) continue;
    d.date = dayDate(v);
    d.value = v;
  }
}

/**
 * A day without its year in a sentence that has just dated a day years away from the
 * writer is of that time: "recibió el 17 de febrero de 2000 el aviso y ordenó no mover tropa hasta el 19 de
 * febrero" is 2000-02-19, not the next 19 February after a ruling of 2025. The year nearest the dated
 * mention before it (within 200 characters, no sentence end between); only when that year lies two or more
 * years from the reference's (near it, the reference's reading stands). In place.
 */
function yearsOfTheSentence(text: string, found: DateMention[], ref: Date): void {
  // Days written with their month's word (in figures or, a ruling's, in words), both: a table's numeric dates are
  // rows of their own, and a month alone ("said in its final report in September") too often belongs to another clause.
  const dated = found.filter(
    (a) => writesYear(a.text) && a.date.precision === 'day' && MONTH_WORD.test(a.text),
  );
  for (const d of found) {
    if (writesYear(d.text) || d.date.precision !== 'day' || !MONTH_WORD.test(d.text)) continue;
    const anchor = dated
      .filter((a) => a.end <= d.start && d.start - a.end <= 200)
      .sort((a, b) => b.end - a.end)[0];
    if (anchor?.date.precision !== 'day') continue;
    if (/[.!?|]\s|\n/u.test(text.slice(anchor.end, d.start))) continue;
    const y = Number(anchor.date.value.slice(0, 4));
    if (Math.abs(y - ref.getUTCFullYear()) < 2) continue;
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number];
    const at = utc(anchor.date.value);
    const best = [y - 1, y, y + 1]
      .map((yy) => realDay(yy, mo, day))
      .filter((v): v is string => !!v)
      .sort((a, b) => near(at, a) - near(at, b))[0];
    if (!best) continue;
    d.date = dayDate(best);
    d.value = best;
  }
}

/** A year joined to the one before: "in 2014, 2017 and 2019", "between 2011 and 2013", "de 2002 a 2008". */
const NEXT_YEAR = /^(?:,\s*|,?\s+(?:and|y|e|or|o|to|a)\s+)((?:19|20)\d{2})\b(?![.,]\d)/iu;

/** The years listed after each bare year found: each its own mention. */
function listedYears(text: string, found: readonly DateMention[]): DateMention[] {
  const more: DateMention[] = [];
  for (const d of found) {
    if (!/^\d{4}$/.test(d.text)) continue;
    let end = d.end;
    for (
      let m = NEXT_YEAR.exec(text.slice(end, end + 16));
      m;
      m = NEXT_YEAR.exec(text.slice(end, end + 16))
    ) {
      const start = end + m[0].length - m[1]!.length;
      end = start + 4;
      more.push({
        start,
        end,
        text: m[1]!,
        date: { precision: 'year', value: m[1]! },
        value: m[1]!,
        relative: false,
      });
    }
  }
  return more;
}

/**
 * The first day of a day range (or of two days) before a full date: "del 3 al 5 de mayo", "from 26
 * to 28 April 2022", "entre el 1 y el 4 de abril", "el 2 y 3 de marzo", "on 3 and 4 May".
 */
const RANGE_START =
  /\b(?:del|de|desde el|entre el|el|los días|from|between|on|of)\s+(\d{1,2})\s*(?:al|a|y|e|to|and|-|–)(?:\s+el)?\s*$/iu;

/** A range of days gives both ends: the start day takes the month and year of the end date. */
function rangeStartDays(text: string, found: readonly DateMention[]): DateMention[] {
  const more: DateMention[] = [];
  for (const d of found) {
    if (d.date.precision !== 'day' || !/^\d{1,2}\D/.test(d.text)) continue;
    const m = RANGE_START.exec(text.slice(Math.max(0, d.start - 20), d.start));
    if (!m) continue;
    const day = realDay(Number(d.value.slice(0, 4)), Number(d.value.slice(5, 7)), Number(m[1]));
    if (!day || day >= d.value) continue;
    const start = d.start - (m[0].length - m[0].indexOf(m[1]!, m[0].search(/\d/)));
    more.push({
      start,
      end: start + m[1]!.length,
      text: m[1]!,
      date: dayDate(day),
      value: day,
      relative: d.relative,
    });
  }
  return more;
}

/**
 * A day named with its weekday that does not fall on it near the reference belongs to the narrative
 * around it (round 4's rule), or fits only a year away from it: "Cuente lo que vio en diciembre de 1981. — El jueves 10 de diciembre
 * llegaron…" is 1981-12-10, and "el sábado 12" after "el viernes 11 de diciembre" is the next day of that
 * month. The year is the latest written before it (within 1,500 characters); a day without its month
 * takes the month of the day named before it (within 1,200 characters). In place; nothing when nothing fits.
 */
const FOR_AHEAD =
  /\b(?:para|for|hasta|until|pr[oó]xim[oa]|next|will|se\s+ver[aá])\s+(?:el\s+|the\s+|be\s+)?$/iu;

/** How many of the years written before a weekday and day are tried (each fits a weekday by chance one time in seven). */
const YEARS_TRIED = 3;
function weekdaysInNarrative(text: string, found: DateMention[], ref: Date): void {
  const ordered = [...found].sort((a, b) => a.start - b.start);
  for (const d of ordered) {
    if (d.date.precision !== 'day' || writesYear(d.text)) continue;
    const own = new RegExp(`^(${WEEKDAY_ALT})\\s+(?:the\\s+)?(\\d{1,2})\\b`, 'iu').exec(d.text);
    const named = own?.[1] ?? WEEKDAY_BEFORE.exec(text.slice(Math.max(0, d.start - 16), d.start))?.[1];
    const wd = named === undefined ? undefined : weekday(named);
    if (wd === undefined) continue;
    // A day named with its month, whose weekday fits near the reference (within about seven months): it stands.
    if (!own && utc(d.value).getUTCDay() === wd && near(ref, d.value) <= 200 * DAY_MS) continue;
    // "la audiencia está fijada para el viernes 17", "set for Friday the 17th": what is set lies ahead of the
    // writer, so the day near the reference stands, whatever the narrative before it dated.
    if (own && FOR_AHEAD.test(text.slice(Math.max(0, d.start - 40), d.start))) continue;
    // "Las familias viajarán el domingo 2", "el sábado 25 hay un foro": a plan, near the writer, whatever day the
    // sentence before dated.
    if (own && future(Object.assign([d.text], { index: d.start, input: text }) as unknown as RegExpExecArray))
      continue;
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number];
    let fit: string | undefined;
    if (own) {
      // A story's month with its year anchors too; a day read ahead of the writer does not (story-weekday-anchors.ts).
      const before = storyWeekdayAnchors(ordered, d, ref, writesYear);
      const after = ordered.find((o) => o.start >= d.end && o.date.precision === 'day' && o !== d);
      const fits = (a: string) =>
        a.length === 7 ? dayInAnchorMonth(a, day, wd) : dayNearTheLastNamed(a, day, wd);
      fit = dayFromAnchors(d, before, after, fits, writesYear);
    } else {
      // The years written before, nearest first: the first whose day (or the next year's) falls on the named
      // weekday. "el miércoles 16 de marzo" in a 2025 testimony that named 2011 paragraphs back; "on Saturday 14
      // October" in a letter that named 2006 once, before later years.
      const years = [
        ...new Set(
          [...text.slice(0, d.start).matchAll(/(?<![\d.,/])(?:19|20)\d{2}(?![\d.,/]\d)/g)]
            .map((y) => Number(y[0]))
            .reverse(),
        ),
      ].slice(0, YEARS_TRIED);
      for (const y of years) {
        fit = [y, y + 1].map((yy) => realDay(yy, mo, day)).find((v) => !!v && utc(v).getUTCDay() === wd);
        if (fit) break;
      }
    }
    if (!fit) continue;
    d.date = dayDate(fit);
    d.value = fit;
  }
}

/**
 * "el sábado 12" after "el viernes 11 de diciembre": the day of that number on that weekday in the month of the day
 * named before it, the month before or the month after, nearest that day. Stories go back as well as forward: "se
 * entregó el martes 18" after "el 19 de febrero" (a statement of 20 February 2014), "lo del jueves 9" in a letter
 * dated 20 February, "la redacción lo anunció el viernes 12" under "15 de mayo de 2023", "El lunes 26" after "entre
 * el 26 y el 30 de noviembre de 2007"; a first version took only that day or later, and these fell a month on or
 * to the reference's year (rounds 19, 20, 30, 31, 35: five texts).
 */
function dayNearTheLastNamed(last: string, day: number, wd: number): string | undefined {
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const at = utc(last);
  return [-1, 0, 1]
    .map((k) => new Date(Date.UTC(ly, lm - 1 + k, day)))
    .filter((x) => x.getUTCDate() === day && x.getUTCDay() === wd)
    .map(iso)
    .sort((a, b) => near(at, a) - near(at, b))[0];
}

/**
 * Words that set a sentence in the writer's own time or ahead of it: a present, a perfect, a future, a plan,
 * "since", "next", "last", "this", "pasado", a year named ("that year", "el año pasado"), and Spanish "-amos/-imos",
 * a present or a past alike ("En enero registramos seis casos").
 */
const NOW_CUE =
  /(?<![\p{L}])(?:will|would|shall|is|are|am|has|have|says?|next|this|last|since|now|today|currently|still|due|expected|scheduled|plans?|until|before|ahead|year|es|son(?<!(?:my|his|her|their|your|our|the|a|whose|only|eldest|youngest)\s+son)|está|están|hay|ha|han|hemos|he\s+\p{L}+(?:ado|ido|to|cho|so)|pasad[oa]|pr[oó]xim[oa]s?|este|esta|desde|todavía|todavia|aún|aun|sigue|siguen|va|van|vamos|voy|hasta|antes|año|\p{L}{2,}(?:rá|rán|remos|amos|imos))(?![\p{L}])/iu;

/**
 * A day or month without its year that continues a chronicle of a year long past: "On 14 June 2023 … the
 * governor was killed. That night and on 15 June thousands fled", "On 19 February 2008 a presidential election
 * was held. From 20 February supporters gathered", "Where were you in December 2007? — … The voting was on
 * 27 December". Round 12–19 testimonies, rulings and blogs about an earlier year resolved such days against the
 * writer's year (the largest class of date errors there). Two "last year written in the paragraph" rules failed
 * (stop 36) because writers return to their own time after a dated background without a cue ("created in
 * December 2021, said in its final report in September"). So this one asks more: the dated day or month (with
 * its month's word and its year, two or more years from the reference) is the nearest dated mention before, at
 * most 600 characters and one paragraph break back (a month alone never across a paragraph: "In January I went
 * to São Paulo" opens the writer's return); the reading nearest it falls from a month before it to 45 days after;
 * nothing relative stands between; the date's sentence holds no word of the writer's own time or plans
 * (`NOW_CUE`), nor is the date set "for" ("fijada para el 16 de octubre"). In place.
 */
/**
 * How far back a dated day still anchors a chronicle's next days (stop 40): across paragraphs and speaker turns, but
 * only from a day written with its year and only forward up to 45 days ("On 9 October 2011 … [paragraphs] … a press
 * conference on 12 October"). On every round 1–54 but those held apart: 33 date errors gone, none added.
 */
const FAR_REACH = 3000;
const UNTIL_BEFORE =
  /\b(?:until|till|hasta)\s+(?:el\s+|the\s+|late\s+|early\s+|(?:fines|finales|principios)\s+de\s+)?$/iu;
function yearsOfTheNarrative(text: string, found: DateMention[], ref: Date): void {
  const ordered = standingMentions(found);
  const refYear = ref.getUTCFullYear();
  for (const [i, d] of ordered.entries()) {
    if (writesYear(d.text) || (d.date.precision !== 'day' && d.date.precision !== 'month')) continue;
    if (!MONTH_WORD.test(d.text) || WEEKDAY_BEFORE.test(text.slice(Math.max(0, d.start - 16), d.start)))
      continue;
    // "the unrest of June and July 2021": the start of a range has its end's year already.
    const next = ordered.find((o) => o.start >= d.end);
    if (next && writesYear(next.text) && RANGE_LINK.test(text.slice(d.end, next.start))) continue;
    let anchor: DateMention | undefined;
    for (let j = i - 1; j >= 0 && !anchor; j--) {
      const a = ordered[j]!;
      if (d.start - a.end > FAR_REACH) break;
      // A far year alone ("en 2020 se disolvió") neither dates the day nor ends the stretch, as in story-years.ts.
      if (writesYear(a.text) && a.date.precision === 'year' && Math.abs(Number(a.value) - refYear) >= 2)
        continue;
      if (writesYear(a.text)) anchor = a;
      // "ayer", "hace tres días", "last week": the text is back in its own time.
      else if (a.relative && !MONTH_WORD.test(a.text)) break;
    }
    if (anchor?.date.precision !== 'day' && anchor?.date.precision !== 'month') continue;
    if (!MONTH_WORD.test(anchor.text)) continue;
    const from = anchor.date.precision === 'day' ? anchor.date.value : `${anchor.date.value}-01`;
    const y = Number(from.slice(0, 4));
    if (Math.abs(y - refYear) < 2) continue;
    const between = text.slice(anchor.end, d.start);
    const paragraphs = between.match(/\n\s*\n/g)?.length ?? 0;
    // Past 600 characters only a chronicle's next days: the anchor a day, the reading on it or up to 45 days after.
    const far = d.start - anchor.end > 600;
    if (far && anchor.date.precision !== 'day') continue;
    if (!far && (paragraphs > 1 || (paragraphs === 1 && d.date.precision !== 'day'))) continue;
    const [before, after] = sentenceAround(text, d.start, d.end);
    // "held in New Bell prison until April" after "arrested on 28 February 2008": the end of the dated stretch, so
    // the "until" right before the date is no cue of the writer's time (any other cue in the sentence still is).
    const told = storyTimeWordsOut(`${before.replace(UNTIL_BEFORE, '')} ${after}`);
    if (NOW_CUE.test(told) || WRITERS_PRESENT_ES.test(told)) continue;
    // "fijada para el 16 de octubre", "set for 3 May": what is set lies ahead ("para leer" says why, not when).
    if (/\b(?:para|for)\s+(?:el\s+|the\s+)?$/iu.test(text.slice(Math.max(0, d.start - 200), d.start)))
      continue;
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number | undefined];
    // The reading nearest the dated mention, from a month before it ("the night of 18 December 1989 … shot on
    // 17 December") to 45 days after.
    const gap = (v: string) => utc(v.length === 7 ? `${v}-01` : v).getTime() - utc(from).getTime();
    const reading = [y - 1, y, y + 1]
      .map((yy) => (d.date.precision === 'day' ? realDay(yy, mo, day!) : `${yy}-${pad(mo)}`))
      .filter((v): v is string => !!v && gap(v) >= (far ? 0 : -31 * DAY_MS) && gap(v) <= 45 * DAY_MS)
      .sort((a, b) => Math.abs(gap(a)) - Math.abs(gap(b)))[0];
    if (!reading || reading === d.value) continue;
    d.date = d.date.precision === 'day' ? dayDate(reading) : { precision: 'month', value: reading };
    d.value = reading;
  }
}

/**
 * Spanish words that only tell the story's own time, taken out before `NOW_CUE` reads a sentence: "ese/aquel año"
 * (the dated year itself, not the writer's: "El 8 de mayo lo presentaron … como a tantos civiles ese año") and an
 * irregular preterite "-imos" that no present shares ("fuimos", "tuvimos", "hicimos": "Días después fuimos a
 * Nariman, donde el 21 de junio …"); a regular "-amos/-imos" stays a cue, present and past alike. "Hasta" and
 * "desde" are the story's own span when the sentence is told in the past ("llevó a los agentes hasta los restos
 * el 15 de junio", stop 42: two texts of rounds 21 and 29 gained, none lost).
 */
const STORY_TIME_ES =
  /(?<![\p{L}])(?:(?:ese|aquel|mismo)\s+año|(?:fu|tuv|estuv|anduv|hic|pud|dij|vin|sup|pus|quis|traj|(?:con|pro|tra|de)duj)imos)(?![\p{L}])/giu;
/** "hasta", "desde" in a sentence told in the preterite or imperfect: "Salieron el 19 de mayo … hasta Cayo Hueso". */
const STORY_SPAN_ES = /(?<![\p{L}])(?:hasta|desde)(?![\p{L}])/giu;
const TOLD_PAST_ES = /(?<![\p{L}])\p{L}{2,}(?:ó|aron|ieron|aba|aban)(?![\p{L}])/u;
function storyTimeWordsOut(sentence: string): string {
  const out = sentence.replace(STORY_TIME_ES, ' ');
  return TOLD_PAST_ES.test(out) ? out.replace(STORY_SPAN_ES, ' ') : out;
}

/** "Seis días después, el", "two weeks earlier, on", "tres semanas antes, el": a count said right before a day. */
const COUNTED_BEFORE = new RegExp(
  `(?<![\\p{L}])(${NUM_ALT})\\s+(d[ií]as|semanas|meses|days|weeks|months)\\s+(después|despues|más\\s+tarde|mas\\s+tarde|antes|later|after|earlier|before)\\s*,?\\s*(?:el\\s+|on\\s+(?:the\\s+)?)?$`,
  'iu',
);

/**
 * A day without its year that the text counts from the story's last dated day: "Yo tenía quince años el 24 de
 * marzo de 1980. … Seis días después, el 30 de marzo, fuimos al entierro", "the 1 March 1981 … Murió sesenta y
 * seis días después, el 5 de mayo", "on 1 October 2013. He died three days later, on 4 October", "el domingo
 * 12 de mayo de 2019 … Dos semanas antes, el 28 de abril". Rounds 40 and 42 (four texts, every one an anniversary
 * or blog written decades later) read these days in the writer's year: `yearsOfTheNarrative` refuses a
 * sentence with a Spanish "-imos" ("fuimos") and any day more than 45 days on. The count says the year: the
 * reading (the dated day's year, or one either side) that lies the said count from the nearest day written
 * with its year, at most 3,000 characters back (days ±1, weeks ±3 days, months ±10 days); no reading fits,
 * nothing changes. In place.
 */
function daysCountedFromTheStory(text: string, found: DateMention[]): void {
  const ordered = [...found].sort((a, b) => a.start - b.start);
  for (const [i, d] of ordered.entries()) {
    if (d.date.precision !== 'day' || writesYear(d.text) || !MONTH_WORD.test(d.text)) continue;
    const m = COUNTED_BEFORE.exec(text.slice(Math.max(0, d.start - 60), d.start));
    if (!m) continue;
    const n = num(m[1]!);
    if (!Number.isFinite(n) || n < 1) continue;
    const unit = fold(m[2]!);
    const [per, tolerance] = /^(?:dias|days)$/.test(unit)
      ? [1, 1]
      : /^(?:semanas|weeks)$/.test(unit)
        ? [7, 3]
        : [30.44, 10];
    const offset = (/^(?:antes|earlier|before)$/iu.test(m[3]!) ? -1 : 1) * n * per;
    let anchor: DateMention | undefined;
    for (let j = i - 1; j >= 0 && !anchor; j--) {
      const a = ordered[j]!;
      if (d.start - a.end > 3000) break;
      if (a.date.precision === 'day' && writesYear(a.text) && a.end <= d.start) anchor = a;
    }
    if (!anchor) continue;
    const from = utc(anchor.value).getTime();
    const y = Number(anchor.value.slice(0, 4));
    const [, mo, day] = d.value.split('-').map(Number) as [number, number, number];
    const reading = [y - 1, y, y + 1]
      .map((yy) => realDay(yy, mo, day))
      .find((v) => v && Math.abs((utc(v).getTime() - from) / DAY_MS - offset) <= tolerance);
    if (!reading || reading === d.value) continue;
    d.date = dayDate(reading);
    d.value = reading;
  }
}
