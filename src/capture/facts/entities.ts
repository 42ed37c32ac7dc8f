/**
 * Names in a text: persons (with the role the words around them give), organizations and units,
 * and places of the gazetteer. Rules, not a statistical model: a run of capitalized words is a
 * place when the gazetteer has it, an organization when it starts like one ("Dirección General
 * de …") or is a known acronym, and a person when it starts with a given name or follows a title
 * ("el coronel Ramírez"). Later partial mentions ("Ortega") are tied to the full name met earlier.
 */

import { perText } from '../text-cache.js';
import { pairAcronyms, pairDefinitions, pairShortForms, signOffInitials } from './acronyms.js';
import {
  cueOf,
  isOrgNoun,
  listedAfterDistantPlural,
  listedAfterPlural,
  listNameEnd,
  outletCue,
} from './cues.js';
import {
  fold,
  GIVEN_NAMES,
  INSTITUTIONS_ALONE,
  KNOWN_ORGS,
  MONTHS,
  NOT_NAME,
  NOT_ORG_ACRONYMS,
  ORG_HEADS,
  ORG_TAILS,
  PARTICLES,
  type Role,
  roleOfWord,
  SPANISH_ARTICLES,
  STOP_CAPS,
  SURNAME_SET,
  TITLES,
} from './lexicon.js';
import { libraryLexicon } from './names.js';
import {
  chatOnPlatform,
  guessUnitKind,
  highPlace,
  isOrgWord,
  namedSpans,
  ORG_WORDS,
  rankedMemberCut,
  speakerTagAt,
  TITLE_QUALIFIERS,
} from './orgs.js';
import { isMunicipalityName, lookupMunicipality, lookupPlace, type PlaceEntry } from './places.js';
import { capitalRuns, type Run, type Token, textTokens, tokenize } from './tokens.js';
import { isDemonym, lookupAmbiguousWorldPlace } from './world.js';
import { lookupTown } from './world-cities.js';

/** A unit of the case file, as capture may meet it in a text. */
export interface CaseOrg {
  name: string;
  acronym?: string;
  unitKind?: string;
}

export interface EntityMention {
  kind: 'person' | 'organization' | 'place';
  start: number;
  end: number;
  text: string;
  value: string;
  role?: Role;
  place?: PlaceEntry;
  unitKind?: string;
  /** Which stage of the rules proposed it (a feature of the trained tagger, ../tagger). */
  rule?: string;
}

/** What a pass that renames or regrows a mention needs of it, whatever else the caller's mentions carry. */
export type ValuedSpan = Pick<EntityMention, 'start' | 'end' | 'text' | 'value'> & { kind: string };

const LEAD_SKIP = new Set([
  'el',
  'la',
  'los',
  'las',
  'the',
  'a',
  'an',
  'su',
  'sus',
  'his',
  'her',
  'their',
  'del',
  'de',
  'of',
  'al',
]);
const BE = new Set([
  'fue',
  'fueron',
  'was',
  'were',
  'been',
  'sido',
  'es',
  'is',
  'esta',
  'estuvo',
  'resulto',
  'permanece',
  'sigue',
  'remains',
]);

const orgKey = (toks: readonly Token[]) =>
  toks
    .map((t) => t.norm)
    .join(' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function span(text: string, toks: readonly Token[]) {
  const start = toks[0]!.start;
  const end = toks[toks.length - 1]!.end;
  return { start, end, text: text.slice(start, end) };
}

/** A token's index in the text's token list (a map per list: indexOf would make long texts quadratic). */
const positions = new WeakMap<readonly Token[], Map<Token, number>>();
function posOf(all: readonly Token[], t: Token): number {
  let m = positions.get(all);
  if (!m) {
    m = new Map(all.map((x, i) => [x, i]));
    positions.set(all, m);
  }
  return m.get(t) ?? -1;
}

const isAcronym = (t: Token) => /^[A-ZÁÉÍÓÚÑ]{2,7}$/.test(t.text);
/** Capitals that abbreviate no organization: "GMT", "USD", "DNA", and Roman numerals ("II", "XIV"). */
const notOrgAcronym = (t: Token) =>
  NOT_ORG_ACRONYMS.has(t.norm) || /^(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})$/.test(t.text);
/** The words a text writes in lower case, as written (one set per token list). */
const lowerWords = new WeakMap<readonly Token[], Set<string>>();
/**
 * "1. HECHOS", "II. PRUEBAS": a word of four letters or more in capitals alone on a numbered line, or
 * that the same text also writes in lower case ("los hechos"), is a heading's word, no acronym ("MAS"
 * is no "más": accents count).
 */
function headingWord(text: string, all: readonly Token[], t: Token): boolean {
  if (t.text.length < 4) return false;
  const lineStart = text.lastIndexOf('\n', t.start) + 1;
  const lineEnd = text.indexOf('\n', t.end);
  if (
    /^\s*(?:\d{1,2}|[IVXL]{1,5})[.)]\s*$/.test(text.slice(lineStart, t.start)) &&
    /^[\s.:]*$/.test(text.slice(t.end, lineEnd < 0 ? text.length : lineEnd))
  )
    return true;
  let s = lowerWords.get(all);
  if (!s) {
    s = new Set(all.filter((x) => !x.cap).map((x) => x.text));
    lowerWords.set(all, s);
  }
  return s.has(t.text.toLowerCase());
}
const nameWords = (toks: readonly Token[]) => toks.filter((t) => !PARTICLES.has(t.norm));

/** The role words around a name give: a title or cue just before it, an apposition or "fue detenido" after it. */
function roleAround(
  all: readonly Token[],
  first: number,
  last: number,
  text: string,
  stripped: Token[],
): Role | undefined {
  for (const [k, t] of stripped.entries()) {
    const r = TITLES.get(t.norm) ?? roleOfWord(t.text);
    // "Familiares de X": X is not the relative.
    if (r === 'relative' && stripped.slice(k + 1).some((x) => PARTICLES.has(x.norm))) return undefined;
    if (r) return r;
  }
  // before: up to three words back, skipping articles
  let of = false;
  for (let i = first - 1, seen = 0; i >= 0 && seen < 3; i--) {
    const t = all[i]!;
    if (/[.;:!?\n]/.test(text.slice(t.end, all[i + 1]!.start))) break;
    if (t.norm === 'de' || t.norm === 'del' || t.norm === 'of') of = true;
    if (LEAD_SKIP.has(t.norm)) continue;
    seen++;
    const r = TITLES.get(t.norm) ?? roleOfWord(t.text);
    // "familiares de X", "la madre de X": X is not the relative.
    if (r === 'relative' && of) return undefined;
    if (r) return r;
  }
  // after: an apposition (", abogado de …", ", madre de …") or a passive ("fue detenido", "was arrested")
  const next = all[last + 1];
  if (next && /^\s*,\s*$/.test(text.slice(all[last]!.end, next.start))) {
    for (let i = last + 1; i < Math.min(all.length, last + 4); i++) {
      const t = all[i]!;
      if (
        LEAD_SKIP.has(t.norm) ||
        /^\d+$/.test(t.norm) ||
        t.norm === 'anos' ||
        t.norm === 'years' ||
        t.norm === 'old'
      )
        continue;
      const r = TITLES.get(t.norm) ?? roleOfWord(t.text);
      if (r) return r;
      break;
    }
  }
  let sawBe = false;
  for (let i = last + 1; i < Math.min(all.length, last + 8); i++) {
    const t = all[i]!;
    if (/[.;!?\n]/.test(text.slice(all[i - 1]!.end, t.start))) break;
    // Another name or a subordinate clause: what follows is about someone else.
    if (t.cap || t.norm === 'que') break;
    if (BE.has(t.norm)) sawBe = true;
    else if (sawBe && roleOfWord(t.text) === 'victim') return 'victim';
  }
  return undefined;
}

interface Classified {
  mentions: EntityMention[];
  /** Acronyms met in brackets after an organization's name, folded → that organization. */
  aliases: Map<string, { value: string; unitKind?: string }>;
  /** Surnames of the persons found so far, and how many mentions were read to gather them. */
  surnames: Set<string>;
  surnamesRead: number;
  /** Text up to here was taken by a name that ran over several runs ("Justicia, Encuentro y Perdón"). */
  consumedTo: number;
  /** Two or three plain name words no rule made a person (yet): see `surnameComesBack`. */
  unresolved: Token[][];
  /** Single capitalized words left for the second pass (surname mentions). */
  pending: { run: Run; idx: number; titled: boolean; stripped: Token[] }[];
}

/**
 * Streets, squares, bridges, camps and churches are named with their noun: "avenida Simón Bolívar",
 * "la plaza del Estudiante", "iglesia de la Merced", "the Kakuma camp", "Harbour Street" are places
 * (not the person or town they are named after), the noun included. The span they cover, if any.
 */
const STREET_BEFORE = new Set(
  'avenida av calle callejon callejón plaza plazoleta puente parque colonia paseo carretera autopista iglesia catedral capilla cementerio mercado'
    .split(' ')
    .map(fold),
);
// "the Baliem valley", "Ivana Franka boulevard", "the Madina market", "the Lekki tollgate": English
// writes the feature noun after the name, in lower case, and the noun stays in the place's name.
const STREET_AFTER = new Set(
  'camp bridge church avenue street square road cathedral park boulevard valley market roundabout tollgate junction river'.split(
    ' ',
  ),
);
const ARTICLE_OF = new Set(['de', 'del', 'la', 'las', 'los', 'el']);
const DETERMINER = /^(?:The|A|An|This|That|These|Those|Our|Their|His|Her|Its|My|Your|Every|Each|No)$/u;

function streetSpan(
  text: string,
  all: readonly Token[],
  idx: number,
  last: number,
): { start: number; end: number } | undefined {
  const after = all[last + 1];
  // "The road through X", "The church compound": a sentence's article names no street (stop 37: six
  // extras in rounds 7, 8, 12, 13, 18).
  const articleOnly = idx === last && DETERMINER.test(all[idx]!.text);
  if (
    after &&
    !articleOnly &&
    !after.cap &&
    STREET_AFTER.has(after.norm) &&
    /^ $/.test(text.slice(all[last]!.end, after.start))
  )
    return { start: all[idx]!.start, end: after.end };
  // "Lekki Phase 1 roundabout", "Sector 5 market": a number of the name before the noun.
  const afterNumber = all[last + 2];
  if (
    after &&
    /^\d{1,3}$/.test(after.text) &&
    afterNumber &&
    !afterNumber.cap &&
    STREET_AFTER.has(afterNumber.norm) &&
    /^ $/.test(text.slice(all[last]!.end, after.start)) &&
    /^ $/.test(text.slice(after.end, afterNumber.start))
  )
    return { start: all[idx]!.start, end: afterNumber.end };
  // Back over "de", "del", "de la" to the noun, all in one clause and in lower case.
  let i = idx - 1;
  for (let n = 0; n < 2 && all[i] && !all[i]!.cap && ARTICLE_OF.has(all[i]!.norm); n++) i--;
  const noun = all[i];
  if (!noun || noun.cap || !STREET_BEFORE.has(noun.norm)) return undefined;
  if (/[.;:!?\n,()]/.test(text.slice(noun.end, all[idx]!.start))) return undefined;
  return { start: noun.start, end: all[last]!.end };
}

/** "la avenida Bolívar de Maturín": where "de"/"del" is followed by a gazetteer place, or -1. */
const joinTokens = (toks: readonly Token[]) => toks.map((t) => t.text).join(' ');

function placeAfterDe(toks: readonly Token[]): number {
  return toks.findIndex(
    (t, k) =>
      k > 0 &&
      (t.norm === 'de' || t.norm === 'del') &&
      lookupPlace(
        toks
          .slice(k + 1)
          .map((x) => x.text)
          .join(' '),
      ) !== undefined,
  );
}

/** A run of these tokens, from the first one's start to the last one's end. */
const toRun = (toks: Token[]): Run => ({
  tokens: toks,
  start: toks[0]!.start,
  end: toks[toks.length - 1]!.end,
});

function classifyRun(text: string, all: readonly Token[], run: Run, idx: number, out: Classified): void {
  const toks = run.tokens;
  // "la avenida Bolívar de Maturín": the street, then the town it lies in.
  const de = placeAfterDe(toks);
  const named = de > 0 ? toks.slice(0, de) : toks;
  const street = named.length <= 5 ? streetSpan(text, all, idx, idx + named.length - 1) : undefined;
  if (street && de > 0) {
    const tail = toks.slice(de + 1);
    classifyRun(text, all, { tokens: tail, start: tail[0]!.start, end: run.end }, idx + de + 1, out);
  }
  // "la plaza de Chulumani", "la plaza de Hurlingham": a town's main square, written in lower case, is
  // where in the town; the town is the place ("Plaza de Mayo", "plaza del Estudiante" are named).
  const town = street && de < 0 ? lookupTown(joinTokens(toks)) : undefined;
  if (street && town?.kind === 'city' && /^plaza de $/u.test(text.slice(street.start, toks[0]!.start))) {
    out.mentions.push({
      kind: 'place',
      ...span(text, toks),
      value: town.value,
      place: { value: town.value, kind: 'city' },
    });
    return;
  }
  if (street) {
    const value = text.slice(street.start, street.end).replace(/\s+/g, ' ');
    out.mentions.push({
      kind: 'place',
      ...street,
      text: text.slice(street.start, street.end),
      value,
      place: { value, kind: 'locality' },
    });
    return;
  }
  const prev = all[idx - 1];
  const prevWord = prev && !/[.;:!?\n]/.test(text.slice(prev.end, toks[0]!.start)) ? prev.norm : undefined;
  // A whole run that the gazetteer knows ("El Helicoide", "La Guaira", "Barquisimeto"), also after
  // its article written in lower case ("en el Helicoide", "los Teques").
  const runText = toks.map((t) => t.text).join(' ');
  const article =
    prev && !prev.cap && SPANISH_ARTICLES.has(prev.norm) && /^ $/.test(text.slice(prev.end, toks[0]!.start));
  const wholePlace = lookupPlace(runText) ?? (article ? lookupPlace(`${prev.text} ${runText}`) : undefined);
  if (prevWord === 'municipio' || prevWord === 'municipality' || prevWord === 'mcpio') {
    const m = lookupMunicipality(toks.map((t) => t.text).join(' '));
    if (m) {
      out.mentions.push({ kind: 'place', ...span(text, toks), value: m.value, place: m });
      return;
    }
  }
  // "El Faro publicó", "Salió en El Faro": an outlet, though the words after its article name a region
  // elsewhere (the place reading would win below); never a country or a city ("salió en La Paz").
  const bare = lookupPlace(
    toks
      .slice(1)
      .map((t) => t.text)
      .join(' '),
  );
  if (
    toks.length <= 4 &&
    outletCue(text, all, idx, idx + toks.length - 1) &&
    !wholePlace &&
    bare !== undefined &&
    bare.kind !== 'country' &&
    bare?.kind !== 'city' &&
    !toks.slice(1).some((t) => GIVEN_NAMES.has(t.norm))
  ) {
    out.consumedTo = Math.max(out.consumedTo, pushCuedOrg(text, toks, out).end);
    return;
  }
  const kin = toks.length === 1 && kinNamed(text, all, idx, toks[0]!);
  if (
    wholePlace &&
    !kin &&
    !(toks.length === 1 && personSurnames(out).has(toks[0]!.norm) && prevWord !== 'estado')
  ) {
    out.mentions.push({ kind: 'place', ...span(text, toks), value: wholePlace.value, place: wholePlace });
    return;
  }
  if (cuedName(text, all, run, idx, out)) return;
  // Strip opening words that are not names: sentence openers, titles, cue words ("Según", "General", "Detenido").
  let i = 0;
  const stripped: Token[] = [];
  while (i < toks.length) {
    const t = toks[i]!;
    // "the UN Special Rapporteur", "EU High Representative": a known body's acronym before a title
    // is that body ("UN" folds like the article "un", so it would be stripped as an opener).
    const body = isAcronym(t) ? KNOWN_ORGS.get(t.norm) : undefined;
    if (
      body &&
      i === 0 &&
      toks[1] &&
      (TITLES.has(toks[1].norm) ||
        TITLE_QUALIFIERS.has(toks[1].norm) ||
        roleOfWord(toks[1].text) !== undefined)
    ) {
      out.mentions.push({
        kind: 'organization',
        ...span(text, [t]),
        value: body.name,
        unitKind: body.unitKind,
      });
      stripped.push(t);
      i++;
      continue;
    }
    if (
      PARTICLES.has(t.norm) ||
      STOP_CAPS.has(t.norm) ||
      TITLES.has(t.norm) ||
      roleOfWord(t.text) ||
      (CLERGY.has(t.norm) && i + 1 < toks.length) ||
      (HONORIFICS.has(t.norm) && namedAfterHonorific(toks.slice(i + 1)))
    ) {
      stripped.push(t);
      i++;
      continue;
    }
    // A title's institution goes with it: "Defensor del Pueblo Alfredo Ruiz", "Fiscal General de la
    // República Tarek William Saab" (up to three words, then a given name).
    const lastStripped = stripped[stripped.length - 1];
    if (stripped.some((x) => TITLES.has(x.norm)) && lastStripped && PARTICLES.has(lastStripped.norm)) {
      const g = [1, 2, 3].find((n) => i + n < toks.length - 1 && GIVEN_NAMES.has(toks[i + n]!.norm));
      if (g) {
        stripped.push(...toks.slice(i, i + g));
        i += g;
        continue;
      }
    }
    // A title's qualifier goes with it: "Defense Minister X", "Foreign Affairs Minister X", "High Commissioner X".
    const d = [1, 2].find(
      (n) =>
        i + n < toks.length - 1 &&
        (TITLES.has(toks[i + n]!.norm) ||
          (HONORIFICS.has(toks[i + n]!.norm) && namedAfterHonorific(toks.slice(i + n + 1)))) &&
        toks.slice(i, i + n).every((x) => !GIVEN_NAMES.has(x.norm) && !PARTICLES.has(x.norm)),
    );
    if (d) {
      stripped.push(...toks.slice(i, i + d + 1));
      i += d + 1;
      continue;
    }
    break;
  }
  let rest = toks.slice(i);
  while (rest.length && PARTICLES.has(rest[0]!.norm)) rest = rest.slice(1);
  if (rest.length === 0) return;
  const restPlace = lookupPlace(rest.map((t) => t.text).join(' '), false);
  if (restPlace && rest.length < toks.length && !GIVEN_NAMES.has(rest[0]!.norm)) {
    out.mentions.push({ kind: 'place', ...span(text, rest), value: restPlace.value, place: restPlace });
    return;
  }
  // Words that cannot be in a name split the run ("Carlos Pérez Venezuela" never happens, but
  // "Caracas Julio" after a dropped comma might): classify each side on its own.
  const breakAt = rest.findIndex(
    (t, k) => k > 0 && (notName(t) || lookupPlace(t.text, false) !== undefined) && !SURNAME_SET.has(t.norm),
  );
  // "Its coordinator, Miriam Miranda,": after a title or noun of office, a surname that is also a
  // place's name ("Miranda") stays in the name.
  const titledName =
    rest.length <= 3 && GIVEN_NAMES.has(rest[0]!.norm) && titleBefore(text, all, idx + i, true);
  if (breakAt > 0 && !ORG_HEADS.has(rest[0]!.norm) && !(titledName && !notName(rest[breakAt]!))) {
    classifyRun(text, all, toRun(rest.slice(0, breakAt)), idx + i, out);
    const tail = rest.slice(breakAt);
    classifyRun(text, all, toRun(tail), posOf(all, tail[0]!), out);
    return;
  }
  // "el Ejército afgano", "la Iglesia católica", "la Cancillería boliviana": a body named by one word and
  // the adjective of its country, faith or level after it (lexicon.ts BODY_ADJECTIVE).
  const adjective =
    rest.length === 1 && BODIES_WITH_ADJECTIVE.has(rest[0]!.norm)
      ? bodyAdjectiveAfter(text, all, posOf(all, rest[0]!))
      : undefined;
  if (adjective) rest = [...rest, adjective];
  const key = orgKey(rest);
  const known = out.aliases.get(key) ?? KNOWN_ORGS.get(key);
  if (
    !known &&
    rest.length === 1 &&
    isAcronym(rest[0]!) &&
    (notOrgAcronym(rest[0]!) ||
      headingWord(text, all, rest[0]!) ||
      signOffInitials(text, rest[0]!.start, rest[0]!.end))
  )
    return;
  // "general del Ejército Héctor Raúl Barrionuevo": the force, then the officer (orgs.ts rankedMemberCut).
  if (ORG_HEADS.has(rest[0]!.norm) && rest.length > 2) {
    const a = posOf(all, rest[0]!);
    const cut = rankedMemberCut(all, a, a + rest.length - 1) - a + 1;
    if (cut < rest.length) {
      for (const part of [rest.slice(0, cut), rest.slice(cut)])
        classifyRun(text, all, toRun(part), posOf(all, part[0]!), out);
      return;
    }
  }
  if (known) {
    out.mentions.push({
      kind: 'organization',
      ...span(text, rest),
      value: 'name' in known ? known.name : known.value,
      unitKind: known.unitKind,
    });
    return;
  }
  if (
    ORG_HEADS.has(rest[0]!.norm) ||
    ORG_TAILS.has(rest[rest.length - 1]!.norm) ||
    adjective ||
    (rest.length === 1 && (isAcronym(rest[0]!) || INSTITUTIONS_ALONE.has(rest[0]!.norm)))
  ) {
    // A head word alone is a common noun ("the Court", "his Office", "Fuerza a su hija"): no name.
    if (
      rest.length === 1 &&
      !isAcronym(rest[0]!) &&
      !SELF_NAMED.has(rest[0]!.norm) &&
      !INSTITUTIONS_ALONE.has(rest[0]!.norm)
    )
      return;
    // "la Policía provincial", "la Fiscalía municipal": a level in lower case leaves it unnamed (which one?).
    if (rest.length === 1 && SELF_NAMED.has(rest[0]!.norm) && levelAfter(text, all, posOf(all, rest[0]!)))
      return;
    // "Alto Hospicio": a place's high part, no body (orgs.ts highPlace).
    if (highPlace(rest, 0, rest.length - 1)) return;
    // "el Alto Comisionado": a title with its qualifiers is a person's office, no organization.
    if (rest.every((t) => TITLES.has(t.norm) || TITLE_QUALIFIERS.has(t.norm))) return;
    // "JM: Where were you?", "[00:03:28] PO: …": initials opening a transcript line name a speaker.
    if (rest.length === 1 && isAcronym(rest[0]!) && speakerLabel(text, rest[0]!)) return;
    // "Joana Macuácua (JM)": a person's initials in brackets after the name (an organization's name
    // before its acronym was taken by orgs.ts already).
    if (rest.length === 1 && isAcronym(rest[0]!) && initialsOfNameBefore(text, all, posOf(all, rest[0]!)))
      return;
    // "… Server Abdullaiev (SA) … W [through SA]:": once a person's initials, always.
    if (rest.length === 1 && isAcronym(rest[0]!) && personInitials(text, all).has(rest[0]!.text)) return;
    // "Testimoniante: Hernán Tapia Muñoz (HT)", "Host: Nirmala Sivakumar (HOST)": a speaker's tag.
    if (rest.length === 1 && isAcronym(rest[0]!) && speakerTagAt(text, all, posOf(all, rest[0]!))) return;
    out.mentions.push({
      kind: 'organization',
      ...span(text, rest),
      value: span(text, rest).text,
      unitKind: guessUnitKind(key),
    });
    // A place at the end of an organization's name ("Tribunal Tercero de Control de Barquisimeto").
    for (let k = rest.length - 1; k > 0; k--) {
      if (rest[k - 1]!.norm !== 'de' && rest[k - 1]!.norm !== 'del' && rest[k - 1]!.norm !== 'of') continue;
      const tail = rest.slice(k);
      const p = lookupPlace(tail.map((t) => t.text).join(' '));
      if (p) out.mentions.push({ kind: 'place', ...span(text, tail), value: p.value, place: p });
      break;
    }
    return;
  }
  if (rest.some(notName)) return;
  const words = nameWords(rest);
  const titled =
    stripped.some((t) => TITLES.has(t.norm) || CLERGY.has(t.norm) || HONORIFICS.has(t.norm)) ||
    titleBefore(text, all, idx + i);
  if (words.length === 1) {
    out.pending.push({
      run: { tokens: rest, start: rest[0]!.start, end: rest[0]!.end },
      idx: idx + i,
      titled,
      stripped,
    });
    return;
  }
  // "Tareck El Aissami": "El"/"Al" inside a name, never at its ends.
  const inner = (t: Token, k: number) =>
    k > 0 && k < words.length - 1 && (t.norm === 'el' || t.norm === 'al') && t.cap;
  if (words.length > 6 || !words.every((t, k) => nameLike(t) || inner(t, k))) return;
  const given = GIVEN_NAMES.has(rest[0]!.norm);
  const surnameEnd = SURNAME_SET.has(words[words.length - 1]!.norm);
  // Two or more name words after any title or occupation ("the union leader X Y", "la activista X Y").
  const cued = titled || titleBefore(text, all, idx + i, true);
  if (
    !(
      given ||
      cued ||
      surnameEnd ||
      describedAsPerson(text, rest[rest.length - 1]!.end) ||
      saidAfter(text, all, posOf(all, rest[rest.length - 1]!), words) ||
      ledBy(all, posOf(all, rest[0]!), words) ||
      slavicName(text, all, posOf(all, rest[0]!), words) ||
      initialsAfter(text, all, posOf(all, rest[rest.length - 1]!), rest)
    )
  ) {
    // Perhaps a person whose surname comes back alone later ("Hamidou Traoré … Traoré said").
    if (rest.length === words.length && plainNameWords(words)) out.unresolved.push(rest);
    return;
  }
  const role = roleAround(all, posOf(all, rest[0]!), posOf(all, rest[rest.length - 1]!), text, stripped);
  const y = rest.findIndex((t, k) => k > 0 && (t.norm === 'y' || t.norm === 'e'));
  // Two full names joined by "y": "Kelvin Antonio Rivas y Jhonny Alexander Mora".
  const left = y > 0 ? rest.slice(0, y) : [];
  if (
    y > 0 &&
    nameWords(left).length >= 2 &&
    nameWords(rest.slice(y + 1)).length >= 2 &&
    !left.every((t) => GIVEN_NAMES.has(t.norm))
  ) {
    for (const part of [left, rest.slice(y + 1)])
      out.mentions.push({
        kind: 'person',
        ...span(text, part),
        value: span(text, part).text.replace(/\s+/g, ' '),
        role,
      });
    return;
  }
  // Two given names sharing the surnames: "Yorman y Deivis Contreras Chacón".
  if (y > 0 && GIVEN_NAMES.has(rest[y + 1]?.norm ?? '') && left.every((t) => GIVEN_NAMES.has(t.norm))) {
    const right = rest.slice(y + 1);
    const surnames = right.filter((t, k) => k > 0 && !GIVEN_NAMES.has(t.norm) && !PARTICLES.has(t.norm));
    if (surnames.length) {
      out.mentions.push({
        kind: 'person',
        ...span(text, left),
        value: [...left, ...surnames].map((t) => t.text).join(' '),
        role,
      });
      out.mentions.push({
        kind: 'person',
        ...span(text, right),
        value: span(text, right).text.replace(/\s+/g, ' '),
        role,
      });
      return;
    }
  }
  // "sus hijas Inés y Valentina": given names alone on both sides of "y" are two persons, not one.
  const right = y > 0 ? rest.slice(y + 1) : [];
  if (
    right.length &&
    [...left, ...right].every((t) => GIVEN_NAMES.has(t.norm) && t.cap) &&
    left.length <= 2 &&
    right.length <= 2
  ) {
    for (const part of [left, right])
      out.mentions.push({ kind: 'person', ...span(text, part), value: joinTokens(part), role });
    return;
  }
  if (words.length > 5) return;
  out.mentions.push({
    kind: 'person',
    ...span(text, rest),
    value: span(text, rest).text.replace(/\s+/g, ' '),
    role,
  });
}

/**
 * Surnames of the persons met so far, read incrementally: mentions are only appended while runs are
 * classified, so a long text is read once (rescanning every mention for every run was quadratic).
 */
function personSurnames(out: Classified): ReadonlySet<string> {
  for (; out.surnamesRead < out.mentions.length; out.surnamesRead++) {
    const m = out.mentions[out.surnamesRead]!;
    if (m.kind === 'person') for (const w of lastNames(m.value)) out.surnames.add(w);
  }
  return out.surnames;
}

/**
 * "in Huila, Casanare and Meta", "en Masaya, Jinotepe y León": a name in a list right after a place
 * is read like a name after "in" (strictly), when "and"/"y" joins it or the list goes on after it.
 */
function listedAfterPlace(text: string, run: Run, out: Classified): 'place-in' | undefined {
  const last = out.mentions[out.mentions.length - 1];
  if (last?.kind !== 'place' || last.end > run.start) return undefined;
  const gap = text.slice(last.end, run.start);
  if (/^(?:,? (?:y|e|and) )$/.test(gap)) return 'place-in';
  if (gap === ', ' && /^(?:, \p{Lu}|,? (?:y|e|and) \p{Lu})/u.test(text.slice(run.end, run.end + 8)))
    return 'place-in';
  return undefined;
}

/**
 * "Cubalex y el Observatorio Cubano de Derechos Humanos", "Save Ukraine and the National Information
 * Bureau", "media such as Belsat and Zerkalo": a name joined by "and"/"y" (or a list comma) to an
 * organization of the text is one too — read like a cued name, so a person's or place's name is not.
 */
function listedWithOrganization(text: string, run: Run, out: Classified): 'organization' | undefined {
  const JOIN = /^,? (?:y|e|and) (?:(?:el|la|los|las|the) )?$/;
  // A head word alone ("and the Court") stays no organization.
  if (run.tokens.length === 1 && ORG_HEADS.has(run.tokens[0]!.norm)) return undefined;
  for (let k = out.mentions.length - 1; k >= 0 && k >= out.mentions.length - 40; k--) {
    const m = out.mentions[k]!;
    if (m.kind !== 'organization') continue;
    if (m.end <= run.start && JOIN.test(text.slice(m.end, run.start).replace(/^(?:el|la|los|las|the) /, '')))
      return 'organization';
    if (m.start >= run.end && JOIN.test(text.slice(run.end, m.start))) return 'organization';
  }
  return undefined;
}

/** Capitalized words after "in"/"en" that are no places: languages, platforms, faiths, media. */
const NOT_PLACE_AFTER_IN = new Set(
  `english spanish french portuguese german arabic russian chinese ingles espanol frances portugues aleman arabe
  ruso chino twitter facebook instagram telegram whatsapp youtube tiktok x signal google internet congress
  congreso court corte parliament parlamento christ cristo god dios article articulo chapter capitulo
  twitter tv television radio spaces vivo`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * "in Koblenz", "en Masaya", "from Douma": a place the gazetteers lack, taken only when the name is
 * short and nothing else claims it — no given name or known surname, no organization word, no
 * acronym, month, language or platform, no organization or person of this text.
 */
function placeAfterPreposition(
  text: string,
  toks: readonly Token[],
  words: readonly Token[],
  out: Classified,
): boolean {
  if (words.length === 0 || words.length > 3 || toks.length > 5) return false;
  // "en El Rodeo I" split before the gazetteer's "Rodeo I": a bare article names nothing.
  if (words.every((t) => SPANISH_ARTICLES.has(t.norm))) return false;
  // "in Case 03", "en Sala 2": a numbered thing, no place.
  if (/^\s*\d/.test(text.slice(toks[toks.length - 1]!.end, toks[toks.length - 1]!.end + 3))) return false;
  const first = words[0]!;
  if (GIVEN_NAMES.has(first.norm)) return false;
  if (words.length === 1 && (SURNAME_SET.has(first.norm) || personSurnames(out).has(first.norm)))
    return false;
  if (
    words.some(
      (t) =>
        ORG_HEADS.has(t.norm) ||
        ORG_TAILS.has(t.norm) ||
        TITLES.has(t.norm) ||
        notName(t) ||
        NOT_PLACE_AFTER_IN.has(t.norm) ||
        roleOfWord(t.text) !== undefined ||
        /^\p{Lu}{2,}$/u.test(t.text) ||
        /\d/.test(t.text),
    )
  )
    return false;
  const key = orgKey(toks);
  return !out.aliases.has(key) && !KNOWN_ORGS.has(key);
}

/**
 * Clergy titles, dropped only when they open a longer run ("Bishop Rolando Álvarez", "Monseñor
 * Silvio Báez"): several are surnames too ("Julie Bishop", "Ernesto Cardenal").
 */
export const CLERGY = new Set(
  'bishop archbishop cardinal father reverend rev obispo arzobispo cardenal monsenor mons padre sacerdote priest pastor'.split(
    ' ',
  ),
);

/**
 * Titles of address, rank and office written before a name in courts, police and armies, and
 * among religious scholars ("Justice Doris Okuwobi", "Barrister Ngozi Eze", "Maître Alain Mugenzi",
 * "Special Agent Laura Brennan", "Sheikh Ali Salman"). Dropped only when two or three plain name
 * words follow: several open the names of bodies too ("Justice Ministry", "Agent Orange").
 */
export const HONORIFICS = new Set(
  `justice barrister advocate maitre agent detective constable sheriff officer corporal private admiral
  brigadier marshal warden sheikh shaikh imam mullah professor prof sir dame lord hon honourable honorable
  licenciado licenciada lic ingeniero ingeniera ing`.split(/\s+/),
);

/**
 * Occupations a name follows in apposition ("the blogger Otabek Sattoriy", "the British cameraman
 * Max Stahl", "el cineasta X Y"), beyond the titles: a lower-case noun of trade, or one shaped like
 * one (-ist, -ista, -man, -woman, -grapher, -maker).
 */
const OCCUPATIONS = new Set(
  `blogger vlogger filmmaker columnist editor publisher broadcaster presenter correspondent commentator
  historian scholar academic lecturer translator interpreter lawmaker legislator deputy farmer fisherman
  trader vendor shopkeeper driver mechanic engineer surgeon paramedic medic midwife pastor imam cleric
  dissident campaigner defender protester protestor demonstrator detainee inmate prisoner rapper musician
  actor actress playwright footballer athlete boxer poet singer
  bloguero bloguera cineasta editora locutor locutora corresponsal historiador historiadora traductor
  traductora legislador legisladora campesino campesina pescador comerciante vendedor vendedora chofer
  ingeniero ingeniera cirujano cirujana pastora clerigo disidente manifestante reo rapero rapera musico
  actriz dramaturgo futbolista boxeador maestro maestra`.split(/\s+/),
);
/** Two or three capitalized name words, none a word of an organization's name, each passing `also`. */
const capitalNameWords = (words: readonly Token[], also: (t: Token) => boolean) =>
  words.length >= 2 &&
  words.length <= 3 &&
  words.every(
    (t) =>
      /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(t.text) &&
      !ORG_TAILS.has(t.norm) &&
      !ORG_HEADS.has(t.norm) &&
      also(t),
  );
/** Name words after an honorific: no everyday word or capital of another use (a place's may be: "Ngozi"). */
const namedAfterHonorific = (words: readonly Token[]) =>
  capitalNameWords(words, (t) => !STOP_CAPS.has(t.norm) && !notName(t) && !commonWord(t));
/** A word compromise's lexicon knows as anything but a name ("Training", "School", "Orange"). */
function commonWord(t: Token): boolean {
  const tag = libraryLexicon()[t.norm];
  if (tag === undefined) return false;
  return !(Array.isArray(tag) ? tag : [tag]).some((x) => /Name$|^Person$/.test(x));
}
const occupation = (t: Token) =>
  !t.cap &&
  (OCCUPATIONS.has(t.norm) || /^\p{L}{3,}(?:ist|ista|man|woman|grapher|grafo|grafa|maker)$/u.test(t.norm));

/**
 * Nouns of streets and squares: those written before the name ("Calle X", "Avenida X", "Jalan X",
 * "vulytsia X") and those written after it ("X Road", "X boulevard", "X Chowk"). Only in their place:
 * several are surnames elsewhere ("Omar Calle"; "lane" and "plaza" are left out for that).
 */
const NAMED_STREET_BEFORE = new Set(
  'calle avenida av pasaje paseo jiron carrera calzada bulevar rue ulitsa vulytsia prospekt jalan'.split(' '),
);
const NAMED_STREET_AFTER = new Set(
  'street avenue road boulevard blvd highway square chowk bazaar sokak caddesi prospekt'.split(' '),
);

/**
 * A span naming a street after a person ("Samora Machel Avenue", "Avenida Pedro Montt", "Ivana
 * Franka boulevard", "Shaheed Chowk"): a street noun opening it, or ending it or right after it.
 */
export function namesStreet(text: string, start: number, end: number): boolean {
  const words = text
    .slice(start, end)
    .split(/[\s.,]+/)
    .filter(Boolean)
    .map(fold);
  const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 20))?.[1];
  return (
    (words.length > 1 && NAMED_STREET_BEFORE.has(words[0]!)) ||
    (words.length > 1 && NAMED_STREET_AFTER.has(words[words.length - 1]!)) ||
    (next !== undefined && NAMED_STREET_AFTER.has(fold(next)))
  );
}

/**
 * Two or three name words whose initials are `acronym` ("Oleksandra Marchenko" and "OM"), none a
 * word of an organization's name nor an everyday word: a transcript's or report's short form for a
 * person ("Crimean Solidarity (CS)", "Human Rights Watch (HRW)" are bodies: their words are common).
 */
function initialsOf(words: readonly Token[], acronym: Token): boolean {
  return (
    // Three words only after a listed given name: "Ligas Agrarias Cristianas (LAC)" is a body.
    (words.length === 2 || (words.length === 3 && GIVEN_NAMES.has(words[0]!.norm))) &&
    acronym.text === words.map((t) => t.text[0]).join('') &&
    capitalNameWords(words, (t) => !isOrgNoun(t) && !commonWord(t) && !isDemonym(t.text)) &&
    // "Crimean Solidarity": an adjective of a people or a place opens it, not a given name.
    (GIVEN_NAMES.has(words[0]!.norm) || !/(?:ean|ian|ese|ish|ic)$/.test(words[0]!.norm))
  );
}
/** The name ending at all[last] is followed by its initials in brackets: "Server Abdullaiev (SA)". */
function initialsAfter(text: string, all: readonly Token[], last: number, words: readonly Token[]): boolean {
  const a = all[last + 1];
  return a !== undefined && /^\s*\($/.test(text.slice(all[last]!.end, a.start)) && initialsOf(words, a);
}

/** Initials that open a line (after a time stamp, if any) and end with a colon: a transcript's speaker. */
const speakerLabel = (text: string, t: Token) =>
  /^\s*:/.test(text.slice(t.end, t.end + 3)) &&
  /(?:^|\n)\s*(?:\[[\d:.\s]+\]\s*)?$/.test(text.slice(Math.max(0, t.start - 20), t.start));

/**
 * Whether all[k] is in brackets right after the name whose initials it is, and that name is a
 * person's by `initialsOf` ("Joana Macuácua (JM)"; not "Crimean Solidarity (CS)").
 */
function initialsOfNameBefore(text: string, all: readonly Token[], k: number): boolean {
  const t = all[k]!;
  const n = t.text.length;
  if (
    !/\(\s*$/.test(text.slice(Math.max(0, t.start - 2), t.start)) ||
    !/^\s*\)/.test(text.slice(t.end, t.end + 2))
  )
    return false;
  const before = all.slice(Math.max(0, k - n), k);
  return before.length === n && initialsOf(before, t);
}

let initialsMemo: { text: string; set: ReadonlySet<string> } | undefined;
/** Initials a text gives a person anywhere in it: "Oleksandra Marchenko (OM)" (initialsOfNameBefore). */
function personInitials(text: string, all: readonly Token[]): ReadonlySet<string> {
  if (initialsMemo?.text === text) return initialsMemo.set;
  const set = new Set<string>();
  for (let k = 0; k < all.length; k++)
    if (isAcronym(all[k]!) && initialsOfNameBefore(text, all, k)) set.add(all[k]!.text);
  initialsMemo = { text, set };
  return set;
}

/** Bodies named by one word that a following adjective may belong to ("Ejército francés"). */
const BODIES_WITH_ADJECTIVE = new Set([
  'ejercito',
  'iglesia',
  'cancilleria',
  'armada',
  'gendarmeria',
  'legislatura',
]);

/**
 * The lower-case adjective right after all[k] that names a country, a faith or a level ("afgano",
 * "francesa", "saudí", "católica", "federal"), written with one space and no verb's ending: "el Ejército
 * afgano" is annotated whole 8 times in rounds 1–44, the head alone twice ("Ejército brasileño").
 */
function bodyAdjectiveAfter(text: string, all: readonly Token[], k: number): Token | undefined {
  const t = all[k + 1];
  if (!t || t.cap || text.slice(all[k]!.end, t.start) !== ' ') return undefined;
  return BODY_ADJECTIVE.test(t.text) ? t : undefined;
}
const BODY_ADJECTIVE =
  /^(?:\p{Ll}{2,}(?:és|esa|ano|ana|ino|ina|eño|eña|ense|í|ico|ica)|federal|provincial|estatal|nacional)$/u;

const LEVELS = new Set([
  'provincial',
  'municipal',
  'local',
  'estatal',
  'regional',
  'departamental',
  'comunal',
]);
const levelAfter = (text: string, all: readonly Token[], k: number) => {
  const t = all[k + 1];
  return t !== undefined && !t.cap && LEVELS.has(t.norm) && text.slice(all[k]!.end, t.start) === ' ';
};

/** Spanish institutions named by their head word alone ("la Fiscalía", "la Defensoría"). */
const SELF_NAMED = new Set([
  'fiscalia',
  'defensoria',
  'contraloria',
  'procuraduria',
  'cancilleria',
  'alcaldia',
  'policia',
]);

/**
 * A name the words around it classify ("la ONG Espacio Público", "el barrio El Paraíso", "the
 * group Justicia, Encuentro y Perdón"): the whole run, its article included — the cue word before
 * it is lower-case, so a capitalized "El"/"La" here is part of the name.
 */
function cuedName(text: string, all: readonly Token[], run: Run, idx: number, out: Classified): boolean {
  // "Grupo de Telegram «…»": a chat's header, no body's own name (orgs.ts chatOnPlatform).
  if (chatOnPlatform(run.tokens, 0, run.tokens.length - 1)) return false;
  // "La ONG Justicia y Proceso": the name is what follows the noun written in capitals.
  const lead = SPANISH_ARTICLES.has(run.tokens[0]!.norm) || run.tokens[0]!.norm === 'the' ? 1 : 0;
  // "el Colectivo X", written with one capital, is the organization's own first word: kept.
  if (
    run.tokens.length > lead + 1 &&
    isOrgNoun(run.tokens[lead]!) &&
    /^\p{Lu}+$/u.test(run.tokens[lead]!.text)
  ) {
    const rest = run.tokens.slice(lead + 1);
    return cuedName(text, all, { tokens: rest, start: rest[0]!.start, end: run.end }, idx + lead + 1, out);
  }
  // "Según X", "According to X" opening a sentence: the cue is inside the run.
  if (run.tokens.length > 1 && (run.tokens[0]!.norm === 'segun' || run.tokens[0]!.norm === 'according')) {
    const rest = run.tokens.slice(1);
    return cuedName(text, all, { tokens: rest, start: rest[0]!.start, end: run.end }, idx + 1, out);
  }
  // "el Colectivo Nicaragua Libre", "Fundación X": an organization noun written with one capital
  // opening the run is the name's own first word.
  const ownNoun =
    run.tokens.length > lead + 1 &&
    isOrgNoun(run.tokens[lead]!) &&
    !/^\p{Lu}+$/u.test(run.tokens[lead]!.text);
  if (ownNoun && lead === 1) {
    const rest = run.tokens.slice(1);
    return cuedName(text, all, { tokens: rest, start: rest[0]!.start, end: run.end }, idx + 1, out);
  }
  const toks = run.tokens;
  // "medios como 100% Noticias y Confidencial": a figure opening the list's first name.
  const figure = figureOpensName(text, all, idx);
  const continued =
    figure !== undefined ||
    listedAfterDistantPlural(text, all, idx) ||
    continuesListOfOrgs(text, all, run, out);
  const cue = ownNoun
    ? 'organization'
    : (cueOf(text, all, idx, idx + toks.length - 1) ??
      listedAfterPlace(text, run, out) ??
      listedWithOrganization(text, run, out) ??
      (continued ? 'organization' : undefined));
  if (!cue) return false;
  // "su abogada, X Y, a través de la red social": in apposition to an office, a person's name.
  if (cue === 'organization' && !ownNoun && appositionToOffice(text, all, idx)) return false;
  // "según Theresly Malavé": two plain name words after "according to" are a person's, unless one is a place's.
  if (cue === 'source' && toks.length === 2 && plainNameWords(toks) && !toks.some((t) => lookupPlace(t.text)))
    return false;
  // "Según Ashworth": the surname of a person of the text.
  if (cue === 'source' && toks.length === 1 && personSurnames(out).has(toks[0]!.norm)) return false;
  const words = nameWords(toks);
  if (!words.length || words.some((t) => STOP_CAPS.has(t.norm) && !SPANISH_ARTICLES.has(t.norm)))
    return false;
  // "in Kazakh", "(Chinese: Dege)", "los venezolanos", "a Yemeni organisation": a people's or
  // language's word is no place and no organization.
  if (isDemonym(span(text, toks).text)) return false;
  if (cue !== 'organization' && cue !== 'source') {
    // "near X" is weaker than "el barrio X" (barrios bear persons' names: "barrio José Félix Ribas").
    if (cue === 'place?' && GIVEN_NAMES.has(words[0]!.norm)) return false;
    // "across the border in Chad": a country whose name is also a given name, after "in".
    const ambiguous =
      cue === 'place-in' && toks.length === 1 ? lookupAmbiguousWorldPlace(toks[0]!.text) : undefined;
    if (ambiguous && ambiguous.kind === 'country' && !personSurnames(out).has(toks[0]!.norm)) {
      const s = span(text, toks);
      out.mentions.push({
        kind: 'place',
        ...s,
        value: ambiguous.value,
        place: { value: ambiguous.value, kind: 'country', countryCode: ambiguous.countryCode },
      });
      return true;
    }
    if (cue === 'place-in' && !placeAfterPreposition(text, toks, words, out)) return false;
    // "en Loikaw y Hpruso", "in Karenni and Chin": two places after one cue, unless a gazetteer knows the
    // whole ("Trinidad y Tobago").
    const and = toks.findIndex((t, k) => k > 0 && k < toks.length - 1 && /^(?:y|e|and)$/u.test(t.norm));
    if (and > 0 && !lookupPlace(span(text, toks).text)) {
      for (const side of [toks.slice(0, and), toks.slice(and + 1)]) {
        if (!side[0]?.cap) continue;
        const s = span(text, side);
        const p = lookupPlace(s.text);
        const value = p?.value ?? s.text.replace(/\s+/g, ' ');
        out.mentions.push({ kind: 'place', ...s, value, place: p ?? { value, kind: 'locality' } });
      }
      return true;
    }
    // "la avenida Bolívar de Maturín": the cued place, then the gazetteer's place it lies in.
    const de = placeAfterDe(toks);
    if (de > 0) {
      const tail = toks.slice(de + 1);
      const tp = lookupPlace(tail.map((x) => x.text).join(' '))!;
      const hs = span(text, toks.slice(0, de));
      out.mentions.push({
        kind: 'place',
        ...hs,
        value: hs.text,
        place: { value: hs.text, kind: 'locality' },
      });
      out.mentions.push({ kind: 'place', ...span(text, tail), value: tp.value, place: tp });
      return true;
    }
    const s = span(text, toks);
    const p = lookupPlace(s.text);
    out.mentions.push({
      kind: 'place',
      ...s,
      value: p?.value ?? s.text.replace(/\s+/g, ' '),
      place: p ?? { value: s.text, kind: 'locality' },
    });
    return true;
  }
  // "medios como El Pitazo y Efecto Cocuyo": after a plural noun of bodies, each item is one.
  if (cue === 'organization' && (listedAfterPlural(text, all, idx) || continued)) {
    const items = figure ? [figure, ...toks] : toks;
    if (pushListed(text, items, out)) return true;
    if (figure && !GIVEN_NAMES.has(toks[0]!.norm)) {
      // "el colectivo 17 Octobre 1961": a number closing the name is part of it, as below.
      const num = all[idx + toks.length];
      const closing = num && /^\d[\p{L}\d-]*$/u.test(num.text) && text.slice(run.end, num.start) === ' ';
      const s = pushCuedOrg(text, closing ? [...items, num] : items, out);
      out.consumedTo = Math.max(out.consumedTo, s.end);
      return true;
    }
  }
  // A name shaped like a person's is not taken for an organization on a cue alone ("told Maduro").
  const end = listNameEnd(text, run.end);
  const single = words.length === 1 && end === run.end;
  if (GIVEN_NAMES.has(words[0]!.norm) || (single && SURNAME_SET.has(words[0]!.norm))) return false;
  // "the research group Myanmar Witness": a place among several words is part of the name; a
  // place alone, or a whole place, is no organization.
  if (!ownNoun && words.some((t) => NOT_NAME.has(t.norm))) return false;
  if (
    lookupPlace(words.map((t) => t.text).join(' ')) ||
    (words.length === 1 && lookupPlace(words[0]!.text)) ||
    (words.some((t) => lookupPlace(t.text)) && !words.every((t) => t.cap))
  )
    return false;
  let last = idx + toks.length - 1;
  while (all[last + 1] && all[last + 1]!.end <= end) last++;
  // "Justicia 11J", "Canal 4", "Batallón 3-16": a number closing the name.
  const num = all[last + 1];
  if (
    end === run.end &&
    num &&
    /^\d[\p{L}\d-]*$/u.test(num.text) &&
    text.slice(all[last]!.end, num.start) === ' '
  )
    last++;
  // "Según la Policía": an article written in lower case is no part of the name (GUIDE §6), and the
  // value without it pairs with the full name the text also writes ("Policía Nacional").
  const from = lead && !toks[0]!.cap && toks.length > 1 ? idx + 1 : idx;
  out.consumedTo = Math.max(out.consumedTo, pushCuedOrg(text, all.slice(from, last + 1), out).end);
  return true;
}

/** A cued organization's mention: the known body it names (an alias, a case's unit), else its own words. */
function pushCuedOrg(text: string, toks: readonly Token[], out: Classified): { end: number } {
  const s = span(text, toks);
  const key = orgKey(toks);
  const known = out.aliases.get(key) ?? KNOWN_ORGS.get(key);
  const value = known ? ('name' in known ? known.name : known.value) : s.text.replace(/\s+/g, ' ');
  out.mentions.push({ kind: 'organization', ...s, value, unitKind: known?.unitKind ?? guessUnitKind(key) });
  return s;
}

/**
 * The items of a list of bodies run into one name ("El Pitazo y Efecto Cocuyo"), each an organization
 * (rounds 12, 16): split at "y"/"and" and commas, when there are two items or more and each opens
 * with a capital and is no person's (a given name first) nor a place.
 */
function pushListed(text: string, toks: readonly Token[], out: Classified): boolean {
  const items: Token[][] = [[]];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (!t.cap && /^(?:y|e|and)$/.test(t.norm)) items.push([]);
    else items[items.length - 1]!.push(t);
    if (k + 1 < toks.length && /,/.test(text.slice(t.end, toks[k + 1]!.start))) items.push([]);
  }
  if (
    items.length < 2 ||
    items.some(
      (it) =>
        !it.length ||
        !it[0]!.cap ||
        !it[it.length - 1]!.cap ||
        GIVEN_NAMES.has(it[0]!.norm) ||
        lookupPlace(span(text, it).text) !== undefined,
    )
  )
    return false;
  for (const it of items) pushCuedOrg(text, it, out);
  out.consumedTo = Math.max(out.consumedTo, toks[toks.length - 1]!.end);
  return true;
}

/**
 * "medios como 100% Noticias y Confidencial", "el canal 100% Noticias", "outlets such as 24 Horas": a
 * figure (a percentage or a number) right before the run, after a list of bodies or an outlet's noun,
 * opens the name; returned as a token of the name, so the name is written whole.
 */
function figureOpensName(text: string, all: readonly Token[], idx: number): Token | undefined {
  const num = all[idx - 1];
  if (!num || !/^\d{1,3}$/.test(num.text) || !all[idx]) return undefined;
  const gap = text.slice(num.end, all[idx]!.start);
  if (gap !== ' ' && gap !== '% ') return undefined;
  const noun = all[idx - 2];
  const cued =
    listedAfterPlural(text, all, idx - 1) ||
    listedAfterDistantPlural(text, all, idx - 1) ||
    (noun !== undefined && !noun.cap && isOrgNoun(noun) && text.slice(noun.end, num.start) === ' ');
  if (!cued) return undefined;
  const end = num.end + (gap === '% ' ? 1 : 0);
  return { ...num, text: text.slice(num.start, end), end, cap: true };
}

/**
 * "medios como El Pitazo, Efecto Cocuyo y Runrunes", "entre ellos Globovisión, Venevisión y
 * Televen": the items after the first, joined to it by commas, are bodies of the same list. The
 * run must go on with "y"/"and" inside it or after it (the list goes on), so an apposition after
 * one listed name ("El Faro, el diario digital") is not read as another item.
 */
function continuesListOfOrgs(text: string, all: readonly Token[], run: Run, out: Classified): boolean {
  const joined =
    run.tokens.some((t) => !t.cap && /^(?:y|e|and)$/.test(t.norm)) ||
    /^(?:,| y| e| and) \p{Lu}/u.test(text.slice(run.end, run.end + 6));
  if (!joined) return false;
  let start = run.start;
  for (let hop = 0; hop < 8; hop++) {
    // The mentions just before (the last 40, as listedWithOrganization reads them): long texts stay linear.
    let prev: EntityMention | undefined;
    for (let k = out.mentions.length - 1; k >= 0 && k >= out.mentions.length - 40 && !prev; k--) {
      const m = out.mentions[k]!;
      if (m.kind === 'organization' && m.end === start - 2 && text.slice(m.end, start) === ', ') prev = m;
    }
    if (!prev) return false;
    const j = tokenAt(all, prev.start);
    if (j < 0) return false;
    if (
      listedAfterPlural(text, all, j) ||
      listedAfterDistantPlural(text, all, j) ||
      figureOpensName(text, all, j + 1) !== undefined
    )
      return true;
    start = prev.start;
  }
  return false;
}

/** The index of the token starting at `start` (binary search: tokens are in text order), or -1. */
function tokenAt(all: readonly Token[], start: number): number {
  let lo = 0;
  let hi = all.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = all[mid]!.start;
    if (s === start) return mid;
    if (s < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Plain name words: capitalized letters only, none an organization's or place's word. */
const plainNameWords = (words: readonly Token[]) => capitalNameWords(words, (t) => !lookupPlace(t.text));

/**
 * Mention grouping for names no list holds: two or three plain name words that no rule made a
 * person are one when their last word comes back alone inside a sentence, as a surname does
 * ("Hamidou Traoré was among them. … Traoré said"). Organizations rarely shorten to their last word.
 */
const NOT_BEFORE_SURNAME = new Set(
  'in en de del of the el la los las from desde near cerca at to a al into para for on sobre hacia toward towards across'.split(
    ' ',
  ),
);
function surnameComesBack(text: string, all: readonly Token[], out: Classified): void {
  if (!out.unresolved.length) return;
  const alone = new Set<string>();
  for (const { run, idx } of out.pending) {
    const t = run.tokens[0]!;
    const prev = all[idx - 1];
    // As a person's surname is used: not opening a sentence, nor after a preposition or an
    // article as a place's or a thing's name is ("in Darfur", "de Orletti", "the Caribbean").
    if (
      prev &&
      !/[.!?:\n]\s*["“«]?\s*$/.test(text.slice(prev.end, t.start)) &&
      !(!prev.cap && NOT_BEFORE_SURNAME.has(prev.norm))
    )
      alone.add(t.norm);
  }
  // A word the text also writes in lower case is an everyday word, not a name ("the Mexican State").
  const lower = new Set(all.filter((t) => !t.cap).map((t) => t.norm));
  const seen = new Set<string>();
  for (const toks of out.unresolved) {
    const last = toks[toks.length - 1]!;
    if (!alone.has(last.norm) || lookupPlace(last.text) || notName(last)) continue;
    if (toks.some((t) => lower.has(t.norm) || libraryLexicon()[t.norm] !== undefined)) continue;
    const s = span(text, toks);
    const value = s.text.replace(/\s+/g, ' ');
    if (seen.has(value)) continue;
    seen.add(value);
    out.mentions.push({ kind: 'person', ...s, value });
  }
}

/**
 * "Ascamcat, la Asociación Campesina del Catatumbo", "the ICMP, the International Commission on
 * Missing Persons": a one-word organization and a longer one in apposition are one, named by the longer.
 */
function pairAppositions(text: string, mentions: EntityMention[]): void {
  const orgs = mentions.filter((m) => m.kind === 'organization').sort((a, b) => a.start - b.start);
  for (let k = 0; k + 1 < orgs.length; k++) {
    const [a, b] = [orgs[k]!, orgs[k + 1]!];
    if (!/^,\s+(?:the|el|la|los|las)\s+$/.test(text.slice(a.end, b.start))) continue;
    const [short, long] = /\s/.test(a.text) ? [b, a] : [a, b];
    if (/\s/.test(short.text) || !/\s/.test(long.text)) continue;
    short.value = long.value;
  }
}

/**
 * "my sister Nisreen", "mi sobrino Brayan", "su hijo Santiago": any single name right after a
 * kinship noun in lower case is a person's given name, listed or not, even one a town bears.
 */
function kinNamed(text: string, all: readonly Token[], idx: number, t: Token): boolean {
  const prev = all[idx - 1];
  const next = all[idx + 1];
  // "my two brothers, Sorie and Mohamed", "her nephews, Emmanuel and Gideon", "mi madre, Ana,": a plural
  // kinship noun, an apposition set off by a comma (closed by punctuation or "and"), the names it lists.
  const gap = prev ? text.slice(prev.end, t.start) : '';
  const after = text.slice(t.end, t.end + 6);
  const listed =
    prev !== undefined &&
    /^(?:and|y|e)$/.test(prev.norm) &&
    gap === ' ' &&
    /^(?:[,.;:)]|$)/.test(after) &&
    idx >= 2 &&
    text.slice(all[idx - 2]!.end, prev.start) === ' ' &&
    kinNamed(text, all, idx - 2, all[idx - 2]!);
  if (listed) return true;
  return (
    prev !== undefined &&
    !prev.cap &&
    (roleOfWord(prev.text) === 'relative' || roleOfWord(prev.text.replace(/s$/u, '')) === 'relative') &&
    !/^famil/.test(prev.norm) &&
    (gap === ' ' || (gap === ', ' && /^(?:[,.;:)]|\s+(?:and|y|e)\s+\p{Lu})/u.test(after))) &&
    /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
    !STOP_CAPS.has(t.norm) &&
    !NOT_NAME.has(t.norm) &&
    // "su hermano Mayor" is a title; "my son Pedro Luis" is a longer name, read by the name rules.
    !TITLES.has(t.norm) &&
    !(next?.cap && text.slice(t.end, next.start) === ' ')
  );
}

/** Verbs an outlet or a group is the subject of ("Hengaw reported", "Unicef dice", "X counted"). */
const REPORTS = new Set(
  'reported reports counted published documented informo denuncio publico reporto registro documento contabiliza'.split(
    ' ',
  ),
);

/**
 * A single unknown word before a verb of reporting (not of saying: persons say):
 * no given name or surname of any list or of this text, no word the text also writes in lower
 * case, none compromise's lexicon knows. "Hengaw reported", "Unicef dice" name organizations.
 */
function reportsAfter(
  text: string,
  all: readonly Token[],
  idx: number,
  t: Token,
  lower: ReadonlySet<string>,
): boolean {
  const next = all[idx + 1];
  if (!next || next.cap || text.slice(t.end, next.start) !== ' ') return false;
  if (!REPORTS.has(next.norm)) return false;
  if (GIVEN_NAMES.has(t.norm) || SURNAME_SET.has(t.norm) || lower.has(t.norm) || t.text.length < 3)
    return false;
  if (STOP_CAPS.has(t.norm) || TITLES.has(t.norm) || roleOfWord(t.text) || lookupPlace(t.text)) return false;
  return libraryLexicon()[t.norm] === undefined && /^\p{Lu}[\p{L}\p{M}-]+$/u.test(t.text);
}

/** "led by X Y", "headed by", "presidida por", "encabezada por": who leads is a person here. */
const LED = new Set(
  'led headed chaired founded run directed presidida presidido encabezada encabezado dirigida dirigido liderada liderado fundada fundado'.split(
    ' ',
  ),
);
function ledBy(all: readonly Token[], first: number, words: readonly Token[]): boolean {
  const by = all[first - 1];
  const verb = all[first - 2];
  return (
    by !== undefined &&
    verb !== undefined &&
    (by.norm === 'by' || by.norm === 'por') &&
    LED.has(verb.norm) &&
    plainNameWords(words)
  );
}

/**
 * Eastern Slavic and Polish surnames by their endings ("Kovalenko", "Statkevich", "Bialiatski",
 * "Tsikhanouskaya", "Komarov"): the last of two or three plain name words, not opening a sentence.
 */
const SLAVIC_SURNAME =
  /(?:enko|chuk|czuk|yuk|iuk|ovich|evich|ovych|evych|ovič|evič|skyi|skiy|sky|ski|ska|skaya|skaia|ouskaya|ovna|evna|yeva|ova|eva|ov|ev|yev)$/u;
function slavicName(text: string, all: readonly Token[], first: number, words: readonly Token[]): boolean {
  const prev = all[first - 1];
  if (!prev || /[.!?:\n]\s*["“«]?\s*$/.test(text.slice(prev.end, all[first]!.start))) return false;
  return plainNameWords(words) && SLAVIC_SURNAME.test(words[words.length - 1]!.norm);
}

/**
 * "Ana Kovač said", "Yusuf Demir told reporters": two or three name words right before a verb of
 * saying, none of them a word of an organization's or place's name.
 */
function saidAfter(text: string, all: readonly Token[], last: number, words: readonly Token[]): boolean {
  const next = all[last + 1];
  if (!next || next.cap || !SPEECH.has(next.norm) || !/^ $/.test(text.slice(all[last]!.end, next.start)))
    return false;
  // "Secretary of State Antony Blinken said": after "of" come an institution's words.
  const before = all[last - words.length];
  if (before && (before.norm === 'of' || before.norm === 'de' || before.norm === 'del')) return false;
  return (
    words.length >= 2 &&
    words.length <= 3 &&
    words.every(
      (t) => /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(t.text) && !ORG_TAILS.has(t.norm) && !lookupPlace(t.text),
    )
  );
}

/**
 * What follows a name that only a person has: an age (", 34,", ", de 34 años", " (34)") or an
 * apposition naming an occupation or title (", a student", ", una enfermera", ", the lawyer").
 */
function describedAsPerson(text: string, end: number): boolean {
  const after = text.slice(end, end + 60);
  if (/^(?:,\s+(?:de\s+)?\d{1,3}(?:\s+a[ñn]os(?:\s+de\s+edad)?)?\s*[,.;]|\s+\(\d{1,3}\))/u.test(after))
    return true;
  // ", who heads", ", quien dirige", ", known as", ", conocido como": only persons are described so.
  if (
    /^,\s+(?:(?:who|whom|whose|quien|quienes)\s|(?:known\s+as\s+|alias\s+)["“«]|alias\s+\p{Lu})/u.test(after)
  )
    return true;
  // ", head of the …", ", founder of …", ", director de …": an office without an article.
  const o = /^,\s+(?:(?:former|ex|then|deputy|acting)\s+)?(\p{Ll}+)\s+(?:of|de|del|at|en)\s/u.exec(after);
  if (o && (TITLES.has(fold(o[1]!)) || OFFICE_NOUNS.has(fold(o[1]!)))) return true;
  const m = /^,\s+(?:a|an|the|un|una|el|la)\s+(?:\p{Ll}+\s+){0,2}(\p{Ll}+)/u.exec(after);
  return m !== null && (TITLES.has(fold(m[1]!)) || roleOfWord(m[1]!) !== undefined);
}

const AND_WORDS = new Set(['y', 'e', 'and']);

/** Words a court's name holds; "Cámara" only with its appeals ("Cámara Federal de Apelaciones"). */
const COURT_WORDS = new Set(['tribunal', 'corte', 'juzgado', 'audiencia', 'jurisdiccion']);
const isCourt = (words: readonly string[]) =>
  words.some((w) => COURT_WORDS.has(w)) ||
  (words.includes('camara') && (words.includes('apelaciones') || words.includes('casacion')));

/**
 * "la Sala Penal", "la Sala II", "la Sala de lo Penal": a chamber named alone in a text about a court is that court's chamber, one entry with it (GUIDE §6; orgs.ts chamberOfCourt when both are written
 * together): when the text wrote a chamber with its court once ("Sala Penal del Tribunal Superior de
 * Bogotá"), its bare chambers are that court's. Not "the text's only court": tried, it joined Peru's
 * "Sala Penal Nacional" to the Corte IDH and El Salvador's "Sala de lo Constitucional" to another court
 * (rounds 5, 12, 30, 38, 58).
 */
function chambersOfTheCourt(mentions: EntityMention[]): void {
  const wordsOf = (v: string) => fold(v).split(/[\s,]+/);
  const isChamber = (m: EntityMention) => {
    const w = wordsOf(m.value);
    // "Sala Penal Nacional", "Sala Penal de Apelaciones de Bagua": a chamber named nationally or "de" a
    // name of its own is a court of its own (Peru's: rounds 5, 12, 19, 38).
    const own = w.includes('nacional') || /\sdel?\s+\p{Lu}/u.test(m.value);
    return m.kind === 'organization' && (w[0] === 'sala' || w[0] === 'salas') && !isCourt(w) && !own;
  };
  const chambers = mentions.filter(isChamber);
  if (!chambers.length) return;
  const courtOf = (m: EntityMention) => m.kind === 'organization' && isCourt(wordsOf(m.value));
  const written = new Set(
    mentions
      .filter((m) => courtOf(m) && /^Salas? /u.test(m.text) && !isCourt(wordsOf(m.text)))
      .map((m) => m.value),
  );
  if (written.size !== 1) return;
  const [court] = written;
  for (const m of chambers) m.value = court!;
}

/** A chat export's first line, up to its title: "Chat de WhatsApp con", "WhatsApp Chat with", "Signal — «". */
const CHAT_HEADER =
  /^\s*(?:Chat de WhatsApp con|WhatsApp [Cc]hat with|WhatsApp chat export[ \t]*[—–-]|Telegram(?: group| channel)?[ \t]*[·—–-]|Signal[ \t]*[—–-]|Grupo de (?:WhatsApp|Telegram|Signal))[ \t]*[«"“]?/u;

/**
 * "Chat de WhatsApp con Familias Conroe – Port Isabel", "WhatsApp Chat with Embobut Families Desk": a chat
 * export's title is no organization (GUIDE D: a chat's title), wherever the text repeats it ("Creaste el
 * grupo «…»"). An organization opening the title is dropped with every mention of its value (17 extras in
 * 17 texts of rounds 9–52, both languages; no annotated organization opens a title).
 */
function withoutChatTitle(text: string, mentions: EntityMention[]): EntityMention[] {
  const header = CHAT_HEADER.exec(text.slice(0, 200));
  if (!header) return mentions;
  const at = header.index + header[0].length;
  const titles = new Set(
    mentions.filter((m) => m.kind === 'organization' && m.start === at).map((m) => m.value),
  );
  return titles.size ? mentions.filter((m) => m.kind !== 'organization' || !titles.has(m.value)) : mentions;
}

const LOCATIVE = new Set(['en', 'in', 'desde', 'from', 'hacia', 'hasta']);

/** Right after "en", "in", "desde"… in the same clause. */
function afterLocative(text: string, all: readonly Token[], idx: number): boolean {
  const prev = all[idx - 1];
  return (
    prev !== undefined &&
    !prev.cap &&
    LOCATIVE.has(prev.norm) &&
    /^ $/.test(text.slice(prev.end, all[idx]!.start))
  );
}

/** Months that are also given names ("Julio César Rondón", "Abril Cáceres", "June Atkins"). */
const MONTH_GIVEN = new Set(['julio', 'abril', 'april', 'june']);
const MONTH_AS_NAME = new WeakSet<Token>();

/**
 * Such a month written with a capital right before another capitalized name word ("Julio
 * Argañaraz") is a given name: Spanish months are written in lower case, and an English month
 * before a name is no date (the date rules already leave "in June Atkins" alone).
 */
function markMonthsAsNames(text: string, all: readonly Token[]): void {
  for (let k = 0; k + 1 < all.length; k++) {
    const t = all[k]!;
    const next = all[k + 1]!;
    if (
      t.cap &&
      MONTH_GIVEN.has(t.norm) &&
      next.cap &&
      !/^\d/.test(next.text) &&
      !NOT_NAME.has(next.norm) &&
      !STOP_CAPS.has(next.norm) &&
      /^ $/.test(text.slice(t.end, next.start))
    )
      MONTH_AS_NAME.add(t);
    // "Plaza de Mayo", "Campo de Mayo", "Avenida de Mayo": Spanish writes a date's month in lower
    // case, so a capitalized month after a name's "de" is a word of that name (not "5 de Mayo").
    const de = all[k - 1];
    const owner = all[k - 2];
    if (
      t.cap &&
      MONTHS.has(t.norm) &&
      de?.norm === 'de' &&
      !de.cap &&
      owner?.cap &&
      !/^\d/.test(owner.text) &&
      !NOT_NAME.has(owner.norm) &&
      /^ $/.test(text.slice(owner.end, de.start)) &&
      /^ $/.test(text.slice(de.end, t.start))
    )
      MONTH_AS_NAME.add(t);
  }
}

/**
 * The text's shared tokens (tokens.ts textTokens), their months read as names marked once per text and extraction
 * (text-cache.ts). The marks live in this module's `MONTH_AS_NAME` alone and are a function of the text: the other
 * readers of the shared tokens (the tagger) never see them, and a second reading of the text would mark the same.
 */
const monthMarkedTokens = perText((text) => {
  const all = textTokens(text);
  markMonthsAsNames(text, all);
  return all;
});

/** A capitalized word never part of a name (a month, a weekday, a country), unless marked as a given name. */
const notName = (t: Token) => NOT_NAME.has(t.norm) && !MONTH_AS_NAME.has(t);

/** A word that can be part of a person's name. */
function nameLike(t: Token): boolean {
  return (
    !STOP_CAPS.has(t.norm) && !notName(t) && !ORG_HEADS.has(t.norm) && !isAcronym(t) && !TITLES.has(t.norm)
  );
}

/**
 * "the High Commissioner for Human Rights, X", "El portavoz de las autoridades de facto, X", "Su
 * director, X": a clause ending at all[end] (before a comma) that opens with an article or a
 * possessive and whose head is a title or a noun of office or kinship — the name after the comma
 * stands in apposition to it.
 */
const DETERMINERS = new Set(
  'the a an his her its their our my el la los las un una su sus mi nuestro nuestra another otro otra'.split(
    ' ',
  ),
);
function officeBefore(text: string, all: readonly Token[], end: number): boolean {
  for (let i = end, n = 0; i >= 0 && n < 10; i--, n++) {
    const t = all[i]!;
    if (i < end && /[.;:!?\n,()"“”«»]/.test(text.slice(t.end, all[i + 1]!.start))) return false;
    // A name or a verb between the noun and the comma: the apposition is to someone else
    // ("My son Jean-Luc is the Frenchman, I think").
    if (GIVEN_NAMES.has(t.norm) || BE.has(t.norm) || SPEECH.has(t.norm)) return false;
    if (TITLES.has(t.norm) || roleOfWord(t.text) === 'relative' || OFFICE_NOUNS.has(t.norm)) {
      // The head opens the clause after its determiner ("the Prosecutor", "Su director", "the former chief").
      for (let j = i - 1, m = 0; j >= 0 && m < 4; j--, m++) {
        const d = all[j]!;
        if (/[.;:!?\n,()"“”«»]/.test(text.slice(d.end, all[j + 1]!.start))) return false;
        if (DETERMINERS.has(d.norm)) return true;
        if (GIVEN_NAMES.has(d.norm)) return false;
      }
      return false;
    }
  }
  return false;
}

/** Nouns of office and description a name may stand in apposition to, beyond the titles. */
const OFFICE_NOUNS = new Set(
  `counsel witness refugee survivor defector partner companion chief head leader spokesperson headman
  compañero compañera pareja testigo sobreviviente superviviente refugiado refugiada jefe jefa lider
  portavoz coordinadora coordinador`.split(/\s+/),
);

/** An apposition after a title or a noun of office: "his predecessor, Fatou Bensouda", "la portavoz, X". */
function appositionToOffice(text: string, all: readonly Token[], idx: number): boolean {
  const before = all[idx - 1];
  if (!before || !/^, $/.test(text.slice(before.end, all[idx]!.start))) return false;
  if (!before.cap && (TITLES.has(before.norm) || roleOfWord(before.text) === 'relative')) return true;
  return officeBefore(text, all, idx - 1);
}

function titleBefore(text: string, all: readonly Token[], idx: number, anyTitle = false): boolean {
  if (appositionToOffice(text, all, idx)) return true;
  for (let i = idx - 1, seen = 0; i >= 0 && seen < 2; i--) {
    const t = all[i]!;
    if (/[.;:!?\n,]/.test(text.slice(t.end, all[i + 1]!.start))) return false;
    // "officers of the Bolivarian Service": what follows "of" is the title's institution, not a name.
    // So is what follows "for"/"para" ("the Envoy for the Great Lakes").
    if (['de', 'del', 'of', 'for', 'para'].includes(t.norm)) return false;
    if (LEAD_SKIP.has(t.norm)) continue;
    seen++;
    if (TITLES.get(t.norm) === 'official' || TITLES.get(t.norm) === 'lawyer') return true;
    if (anyTitle && (TITLES.has(t.norm) || occupation(t))) return true;
  }
  return false;
}

const lastNames = (value: string) =>
  value
    .split(/\s+/)
    .map(fold)
    .filter((w) => !PARTICLES.has(w))
    .slice(1);

const SPEECH = new Set(
  'said says told added dijo dice afirmo denuncio explico agrego senalo anuncio aseguro indico declared stated announced'.split(
    ' ',
  ),
);

/**
 * A single capitalized word that is a person though no full name was given: a known surname inside
 * a sentence, or before a verb of saying ("Maduro said"); a given name after a kinship word ("my
 * aunt Gladys", "su hija Paola").
 */
function aloneName(text: string, all: readonly Token[], idx: number, t: Token): boolean {
  const prev = all[idx - 1];
  const next = all[idx + 1];
  const opensSentence = !prev || /[.!?:\n]\s*["“«]?\s*$/.test(text.slice(prev.end, t.start));
  if (SURNAME_SET.has(t.norm) && !GIVEN_NAMES.has(t.norm)) {
    if (!opensSentence) return true;
    return next !== undefined && !next.cap && (SPEECH.has(next.norm) || /^\s*,/.test(text.slice(t.end)));
  }
  if (GIVEN_NAMES.has(t.norm) && prev && !opensSentence) return roleOfWord(prev.text) === 'relative';
  return false;
}

/**
 * "dijo a EFE Fatou Njie-Sowe", "la investigadora del OPAC Ileana Cajina Moreno", "la relatora
 * especial de la ONU Agnès Callamard": an acronym in capitals, then a given name and one more
 * capitalized word, are a body and its member (the name's owner), two runs — no body's name of the
 * development rounds goes on from its acronym into a person's name (5 extras and their persons in
 * rounds 3, 6, 12, 35, 40: Sudan, Brazil, Gambia, Saudi Arabia, Nicaragua).
 */
function acronymBeforePerson(text: string, run: Run): Run[] {
  const [a, g, s] = run.tokens;
  if (
    !a ||
    !g ||
    !s?.cap ||
    !/^\p{Lu}{2,6}$/u.test(a.text) ||
    /^\p{Lu}+$/u.test(g.text) ||
    !(GIVEN_NAMES.has(g.norm) || unlistedPersonAfter(run.tokens.slice(1))) ||
    text.slice(a.end, g.start) !== ' '
  )
    return [run];
  const rest = run.tokens.slice(1);
  // "MP Peter Kaluma": an office written in capitals is no body.
  if (TITLE_ACRONYMS.has(a.norm)) return [toRun(rest)];
  return [toRun([a]), toRun(rest)];
}
const TITLE_ACRONYMS = new Set(['mp', 'mps', 'mep', 'mla']);

/**
 * "dijo a EFE Fatou Njie-Sowe", "del OPAC Ileana Cajina Moreno" (rounds 12, 40: Gambia, Nicaragua): a
 * given name no list holds, then a known surname or a hyphenated one, closing two to four plain name
 * words with no body's or place's word among them, is a person after the acronym.
 */
function unlistedPersonAfter(tail: readonly Token[]): boolean {
  const last = tail[tail.length - 1];
  return (
    last !== undefined &&
    tail.length >= 2 &&
    tail.length <= 4 &&
    tail.every(
      (t) => nameLike(t) && !/^\p{Lu}+$/u.test(t.text) && !ORG_WORDS.has(t.norm) && !lookupPlace(t.text),
    ) &&
    (SURNAME_SET.has(last.norm) || /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(last.text))
  );
}

/**
 * "Soldados del Ejército, de uniforme", "Nadie del Ejército quiere hablar", "Era del Ejército": a
 * word capitalized only because it opens the sentence, then "del"/"de la" and a body named by one
 * word (INSTITUTIONS_ALONE, "Policía"), is the body alone (3 misses, rounds 19, 28, 32: Nepal,
 * Honduras, Peru). The opening word must be no body's, place's or person's word.
 */
const OPENERS_BEFORE_BODY = new Set(
  'nadie alguien uno una ninguno ninguna era eran fue fueron es son estaba estaban soy'.split(' '),
);
function institutionAfterOpener(text: string, all: readonly Token[], run: Run): Run {
  const t = run.tokens;
  const n = t.length;
  if (n < 3 || n > 4) return run;
  const body = t[n - 1]!;
  const of = t.slice(1, n - 1).map((x) => x.norm);
  if (
    !(INSTITUTIONS_ALONE.has(body.norm) || body.norm === 'policia') ||
    !(of.join(' ') === 'del' || of.join(' ') === 'de la') ||
    t.slice(1, n - 1).some((x) => x.cap)
  )
    return run;
  const w = t[0]!;
  const prev = all[posOf(all, w) - 1];
  const opens = !prev || /[.!?:¿¡\n]/.test(text.slice(prev.end, w.start));
  // A plural of persons ("Soldados", "Agentes") or a pronoun or verb ("Nadie", "Era"), never a
  // singular noun that heads a name ("Escuela del Ejército", "Museo del Ejército").
  if (
    !opens ||
    !(OPENERS_BEFORE_BODY.has(w.norm) || /(?:os|as|es)$/.test(w.norm)) ||
    isOrgWord(w) ||
    ORG_HEADS.has(w.norm) ||
    KNOWN_ORGS.has(w.norm) ||
    GIVEN_NAMES.has(w.norm) ||
    SURNAME_SET.has(w.norm) ||
    lookupPlace(w.text) !== undefined ||
    /^\p{Lu}+$/u.test(w.text)
  )
    return run;
  return toRun([body]);
}

/** The parts of a run outside the words already taken, without particles at their ends. */
function splitTaken(run: Run, taken: ReadonlySet<Token>): Run[] {
  if (!run.tokens.some((t) => taken.has(t))) return [run];
  const out: Run[] = [];
  let cur: Token[] = [];
  const close = () => {
    while (cur.length && PARTICLES.has(cur[0]!.norm)) cur.shift();
    while (cur.length && PARTICLES.has(cur[cur.length - 1]!.norm)) cur.pop();
    if (cur.length) out.push({ tokens: cur, start: cur[0]!.start, end: cur[cur.length - 1]!.end });
    cur = [];
  };
  for (const t of run.tokens) {
    if (taken.has(t)) close();
    else cur.push(t);
  }
  close();
  return out;
}

/**
 * Persons, organizations and places named in `text`. `knownNames`: full names named elsewhere (a
 * comment's article), so that a surname alone in a comment is tied to the person of the article.
 * `knownOrgs`: the case file's own units, recognized by name or acronym and named as the case names them.
 */
export function findEntities(
  text: string,
  knownNames: readonly string[] = [],
  knownOrgs: readonly CaseOrg[] = [],
): EntityMention[] {
  const all = monthMarkedTokens(text);
  const out: Classified = {
    mentions: [],
    pending: [],
    aliases: new Map(),
    consumedTo: 0,
    surnames: new Set(),
    surnamesRead: 0,
    unresolved: [],
  };
  const taken = new Set<Token>();
  // The case's own units first, found as written (case-insensitive, whole words): a unit's name
  // need not look like an organization's ("Destacamento de Seguridad Urbana 433", "DESUR 433").
  for (const u of knownOrgs) {
    const e = { value: u.name, unitKind: u.unitKind };
    for (const form of [u.name, u.acronym]) {
      if (!form?.trim()) continue;
      out.aliases.set(orgKey(tokenize(form)), e);
      const escaped = form
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+');
      for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))) {
        const toks = all.filter((t) => t.start >= m.index && t.end <= m.index + m[0].length);
        if (!toks.length || toks.some((t) => taken.has(t))) continue;
        for (const t of toks) taken.add(t);
        out.mentions.push({ kind: 'organization', ...span(text, toks), value: u.name, unitKind: u.unitKind });
      }
    }
  }
  const stamp = (rule: string) => {
    for (const m of out.mentions) m.rule ??= rule;
  };
  stamp('case-unit');
  // Organizations and buildings of several words next: their words are not persons' names.
  for (const n of namedSpans(text, all)) {
    const toks = all.slice(n.first, n.last + 1);
    if (toks.some((t) => taken.has(t))) continue;
    // "medios como 100% Noticias y Confidencial": a figure opens the first of listed names, which the
    // cue rules split and write whole (cuedName), not one body "Noticias y Confidencial".
    if (n.kind === 'organization' && figureOpensName(text, all, n.first)) continue;
    // "Oleksandra Marchenko (OM)": a person's initials in brackets, left to the person rules.
    if (n.kind === 'organization' && n.acronym && initialsOf(toks, all[n.acronym.first]!)) continue;
    const unit = n.kind === 'organization' ? out.aliases.get(orgKey(toks)) : undefined;
    if (unit) Object.assign(n, unit);
    for (const t of toks) taken.add(t);
    if (n.owner || n.office) continue;
    out.mentions.push({
      kind: n.kind,
      ...span(text, toks),
      value: n.value,
      ...(n.place ? { place: n.place } : {}),
      ...(n.unitKind ? { unitKind: n.unitKind } : {}),
    });
    if (n.acronym) {
      const a = all[n.acronym.first]!;
      taken.add(a);
      out.aliases.set(a.norm, { value: n.value, unitKind: n.unitKind });
      out.mentions.push({ kind: n.kind, ...span(text, [a]), value: n.value, unitKind: n.unitKind });
    }
    // "France 24": a country opening the name of a body that has no organization's word names the
    // country too (annotators read it so in three rounds).
    if (n.kind === 'organization' && toks.length > 1 && !toks.some(isOrgWord)) {
      const p = lookupPlace(toks[0]!.text);
      if (p?.kind === 'country')
        out.mentions.push({ kind: 'place', ...span(text, toks.slice(0, 1)), value: p.value, place: p });
    }
    // A place at the end of an organization's name ("Tribunal Segundo de Control de Aragua").
    if (n.kind === 'organization')
      for (let k = toks.length - 1; k > 0; k--) {
        const c = toks[k - 1]!.norm;
        if (!['de', 'del', 'of', 'on', 'sobre', 'for', 'para'].includes(c)) continue;
        const p = lookupPlace(
          toks
            .slice(k)
            .map((t) => t.text)
            .join(' '),
        );
        // "Mechanism for Myanmar" names the country; "Justicia para la Paz" no town.
        if (p && ((c !== 'for' && c !== 'para') || p.kind === 'country'))
          out.mentions.push({ kind: 'place', ...span(text, toks.slice(k)), value: p.value, place: p });
        break;
      }
  }
  stamp('named-span');
  const runs = capitalRuns(text, all)
    .flatMap((r) => splitTaken(r, taken))
    .flatMap((r) => acronymBeforePerson(text, r))
    .map((r) => institutionAfterOpener(text, all, r));
  for (const run of runs) {
    if (run.start < out.consumedTo) continue;
    // "Helicoide y la Zona 7 de Boleíta": two names joined by "y" when either side is a known place,
    // or when the run as a whole is no name at all.
    const y = run.tokens.findIndex((t, k) => k > 0 && AND_WORDS.has(t.norm) && !t.cap);
    const parts =
      y < 0
        ? []
        : [run.tokens.slice(0, y), run.tokens.slice(y + 1)].map((p) =>
            p.slice(
              Math.max(
                0,
                p.findIndex((t) => t.cap),
              ),
            ),
          );
    const valid = parts.length === 2 && parts.every((p) => p.length > 0 && p[0]!.cap);
    if (valid && parts.some((p) => lookupPlace(p.map((t) => t.text).join(' ')))) {
      for (const p of parts) classifyRun(text, all, toRun(p), posOf(all, p[0]!), out);
      continue;
    }
    const before = out.mentions.length + out.pending.length;
    classifyRun(text, all, run, posOf(all, run.tokens[0]!), out);
    if (valid && out.mentions.length + out.pending.length === before)
      for (const p of parts) classifyRun(text, all, toRun(p), posOf(all, p[0]!), out);
  }
  stamp('run');
  surnameComesBack(text, all, out);
  stamp('surname-comes-back');
  // Partial mentions of a person named in full elsewhere: "Ortega", "María Ortega" → the full name.
  const persons = out.mentions.filter((m) => m.kind === 'person');
  // Distinct names with their words folded once (a long text names the same people many times).
  const names = [...new Set([...persons.map((p) => p.value), ...knownNames])].map((value) => ({
    value,
    words: value.split(/\s+/).map(fold),
    last: lastNames(value),
  }));
  const memo = new Map<string, string | undefined>();
  const fullOf = (words: string[]): string | undefined => {
    const key = words.join(' ');
    if (memo.has(key)) return memo.get(key);
    const hit = names
      .filter((n) => words.every((w) => n.words.includes(w)) && words.some((w) => n.last.includes(w)))
      .sort((a, b) => b.value.length - a.value.length);
    // Several hits are one person when each is part of the longest ("Rafael Mendoza" ⊂ "Rafael Mendoza Pacheco").
    const result =
      hit.length && hit.every((h) => h.words.every((w) => hit[0]!.words.includes(w)))
        ? hit[0]!.value
        : undefined;
    memo.set(key, result);
    return result;
  };
  for (const p of persons) {
    const full = fullOf(
      p.value
        .split(/\s+/)
        .map(fold)
        .filter((w) => !PARTICLES.has(w)),
    );
    if (full && full.length > p.value.length) p.value = full;
  }
  // A given name alone ("Olga") is the one person of the text whose name starts with it.
  const givenOf = (w: string): string | undefined => {
    if (!GIVEN_NAMES.has(w)) return undefined;
    const hits = names.filter((n) => n.words[0] === w);
    return hits.length === 1 ? hits[0]!.value : undefined;
  };
  const lower = new Set(all.filter((t) => !t.cap).map((t) => t.norm));
  for (const { run, idx, titled, stripped } of out.pending) {
    const t = run.tokens[0]!;
    if (STOP_CAPS.has(t.norm) || NOT_NAME.has(t.norm)) continue;
    const full = fullOf([t.norm]) ?? givenOf(t.norm);
    const place = lookupPlace(t.text);
    const alone =
      (!place &&
        !names.some((n) => n.words.includes(t.norm)) &&
        !isMunicipalityName(t.text) &&
        aloneName(text, all, idx, t)) ||
      kinNamed(text, all, idx, t);
    if (full || titled || alone) {
      out.mentions.push({
        kind: 'person',
        start: t.start,
        end: t.end,
        text: t.text,
        value: full ?? t.text,
        role: roleAround(all, idx, idx, text, stripped),
      });
    } else if (place) {
      out.mentions.push({
        kind: 'place',
        start: t.start,
        end: t.end,
        text: t.text,
        value: place.value,
        place,
      });
    } else {
      // "en Cabimas": a municipality's name after a locative preposition, when no person bears it.
      const m =
        !GIVEN_NAMES.has(t.norm) && !SURNAME_SET.has(t.norm) && afterLocative(text, all, idx)
          ? lookupMunicipality(t.text)
          : undefined;
      if (m)
        out.mentions.push({
          kind: 'place',
          start: t.start,
          end: t.end,
          text: t.text,
          value: m.value,
          place: m,
        });
      else if (reportsAfter(text, all, idx, t, lower)) {
        // "The Guardian published", "La Prensa publicó": the capitalized article is the outlet's own.
        const a = all[idx - 1];
        const from =
          a?.cap && (a.norm === 'the' || SPANISH_ARTICLES.has(a.norm)) && text.slice(a.end, t.start) === ' '
            ? a
            : t;
        const s = span(text, [from, t]);
        out.mentions.push({ kind: 'organization', ...s, value: s.text });
      }
    }
  }
  stamp('single-word');
  // "Ivana Franka boulevard", "Avenida Pedro Montt": streets bear persons' names, but name a street.
  out.mentions = out.mentions.filter((m) => m.kind !== 'person' || !namesStreet(text, m.start, m.end));
  pairAppositions(text, out.mentions);
  pairDefinitions(text, out.mentions);
  pairAcronyms(out.mentions);
  pairShortForms(out.mentions, ORG_WORDS);
  out.mentions = withoutChatTitle(text, out.mentions);
  chambersOfTheCourt(out.mentions);
  return out.mentions.sort((a, b) => a.start - b.start);
}
