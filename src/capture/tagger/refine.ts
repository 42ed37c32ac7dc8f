/**
 * The tagger applied to the rules' output: every candidate span (candidates.ts) is scored by the
 * model; for the kinds adopted, a span of the rules the model reads as something else is dropped,
 * and a span no rule took that the model reads as that kind (by more than its kind's threshold over "none")
 * is added, surest first, never overlapping a kept span or a date. A surname alone that the
 * model adds is tied to the one full name of the text ending with it. Persons of the rules and of
 * the model are then read as names are written (`../facts/person-spans.ts`): spans no person's name
 * is written as are dropped, titles before a name and a patronymic or initial's period after it set
 * its bounds, and a nickname ("known as X") is the person named before it. Pure.
 */

import { pairAcronyms, pairShortForms } from '../facts/acronyms.js';
import { calledOwner } from '../facts/called-nicknames.js';
import { type EntityMention, namesStreet } from '../facts/entities.js';
import { fold, nameWords } from '../facts/lexicon.js';
import { ORG_WORDS } from '../facts/orgs.js';
import {
  addressedName,
  addressedPersons,
  addressFormStart,
  fitsAddress,
  initialedName,
  listedAmongPlaces,
  nicknameOf,
  notAPerson,
  particleNames,
  personEnd,
  personStart,
} from '../facts/person-spans.js';
import { lookupPlace } from '../facts/places.js';
import { textTokens } from '../facts/tokens.js';
import { isDemonym } from '../facts/world.js';
import { detectLanguage } from '../language.js';
import { type Candidate, candidates } from './candidates.js';
import { features, LONGEST_SPAN, textContext } from './features.js';
import { type Label, scores, type TaggerModel } from './perceptron.js';

export type TaggedKind = 'person' | 'organization' | 'place';

export interface RefineOptions {
  model: TaggerModel;
  /**
   * The kinds the tagger decides (adopted where it wins on the left-out rounds), each with the
   * margin over "none" a span no rule took needs to be added.
   */
  kinds: ReadonlyMap<TaggedKind, number>;
  /** Drop rule spans of those kinds the model reads as another kind or none… */
  drop: boolean;
  /** …by more than this margin over the rules' kind… */
  dropMargin: number;
  /** …or, for these kinds, by more than this one. */
  dropMargins?: ReadonlyMap<TaggedKind, number>;
  /** Adopted kinds whose rule spans are never dropped (the tagger only adds spans of them). */
  keep?: ReadonlySet<TaggedKind>;
  /**
   * Kind → how much surer of that kind than of any other kind the model must be to add a span of it
   * (a span read as a place rather than an organization by a hair is added as neither).
   */
  kindMargins?: ReadonlyMap<TaggedKind, number>;
  /** Per language of the text ("en", "es"): thresholds that replace those of `kinds` for that language. */
  byLanguage?: Readonly<Record<string, ReadonlyMap<TaggedKind, number>>>;
}

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** `a` holds `b` and more. */
const contains = (a: Span, b: Span) =>
  a.start <= b.start && b.end <= a.end && a.end - a.start > b.end - b.start;
/** How many of `sorted` (spans by start) start before `at`, or at it too with `orAt`. */
function startingBefore(sorted: readonly Span[], at: number, orAt = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < at || (orAt && sorted[mid]!.start === at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans sorted by start, with the furthest end among each prefix. */
function byStart(spans: readonly Span[]): { sorted: Span[]; maxEnd: number[] } {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const [i, x] of sorted.entries()) maxEnd.push(Math.max(x.end, i ? maxEnd[i - 1]! : 0));
  return { sorted, maxEnd };
}

/** A test of "overlaps none of these spans", by binary search over them sorted (a long text has thousands). */
function freeOf(spans: readonly Span[]): (s: Span) => boolean {
  const { sorted, maxEnd } = byStart(spans);
  return (s) => {
    const lo = startingBefore(sorted, s.end);
    return lo === 0 || maxEnd[lo - 1]! <= s.start;
  };
}

/**
 * A test of "some of these spans holds this one and more" (`contains`), by binary search over them
 * sorted: one that starts at or before it and ends after it, or starts before it and ends at or after it.
 */
export function heldByOneOf(spans: readonly Span[]): (s: Span) => boolean {
  const { sorted, maxEnd } = byStart(spans);
  return (s) => {
    const upTo = startingBefore(sorted, s.start, true);
    if (upTo && maxEnd[upTo - 1]! > s.end) return true;
    const before = startingBefore(sorted, s.start);
    return before > 0 && maxEnd[before - 1]! >= s.end;
  };
}

function best(s: readonly number[]): number {
  let b = 0;
  for (let k = 1; k < s.length; k++) if (s[k]! > s[b]!) b = k;
  return b;
}

/** Nouns that name the same place with or without them ("Rakhine State", "mina Los Candados"). */
const PLACE_NOUNS = new Set(
  'state province region district avenue street road river mine prison estado provincia region distrito departamento avenida calle rio mina carcel'.split(
    ' ',
  ),
);
/** `long` is `short` with one place noun before or after it ("rakhine state", "mina los candados"). */
function withPlaceNoun(long: string, short: string): boolean {
  if (long.startsWith(`${short} `)) return PLACE_NOUNS.has(long.slice(short.length + 1));
  if (long.endsWith(` ${short}`)) return PLACE_NOUNS.has(long.slice(0, -short.length - 1));
  return false;
}

/**
 * "Rakhine" added beside "Rakhine State", "Jau Prison" beside "Jau": one place, under the value the
 * other mention has. Only one place noun apart (the annotations keep "Famaillá" and "Escuelita de
 * Famaillá", "Darfur" and "West Darfur" apart), and only when exactly one place of the text is so related.
 */
function tiePlaces(kept: readonly EntityMention[], added: EntityMention[]): void {
  const values = [...new Set([...kept, ...added].filter((m) => m.kind === 'place').map((m) => m.value))];
  for (const a of added) {
    if (a.kind !== 'place') continue;
    const w = fold(a.value);
    const related = values.filter((v) => withPlaceNoun(fold(v), w) || withPlaceNoun(w, fold(v)));
    if (related.length === 1) a.value = related[0]!;
  }
}

/** `t` in brackets right after a kept person's name whose initials it is. */
function initialsOfPerson(text: string, kept: readonly EntityMention[], start: number, t: string): boolean {
  if (!/^\p{Lu}{2,4}$/u.test(t)) return false;
  return kept.some(
    (m) =>
      m.kind === 'person' &&
      /^\s*\($/.test(text.slice(m.end, start)) &&
      m.text
        .split(/\s+/)
        .map((w) => w[0])
        .join('') === t,
  );
}

/**
 * A person's span where the name starts and ends (person-spans.ts): "Me Alain Werner" → "Alain
 * Werner", "Ahmad H" → "Ahmad H."; the value follows when it was the span's text.
 */
function personBounds(text: string, m: EntityMention): EntityMention {
  const start = personStart(text, m);
  const end = personEnd(text, m);
  if (start === m.start && end === m.end) return m;
  const t = text.slice(start, end);
  const value = m.value === m.text.replace(/\s+/g, ' ') ? t.replace(/\s+/g, ' ') : m.value;
  return { ...m, start, end, text: t, value };
}

/**
 * "Mohamed Hamdan Dagalo, known as Hemedti", "alias \"Fito\"": the nickname is the person named right
 * before it, wherever the text uses it.
 */
function tieNicknames(text: string, mentions: EntityMention[]): void {
  const persons = mentions.filter((m) => m.kind === 'person');
  const to = new Map<string, string>();
  for (const p of persons) {
    // A nickname given in a sentence rather than right after the name (called-nicknames.ts).
    const owner = nicknameOf(text, p, persons) ?? calledOwner(text, p, persons);
    if (owner && owner.value !== p.value && !to.has(p.value)) to.set(p.value, owner.value);
  }
  // 'Osvaldo «Tano» Benítez' … "Tano", "Toñito Almánzar": a person opening with the nickname quoted
  // inside another person's name is that person.
  for (const o of persons) {
    const quoted = /\p{L}\s(?:"([^"]+)"|“([^”]+)”|«([^»]+)»)\s\p{Lu}/u.exec(o.text);
    const nick = (quoted?.[1] ?? quoted?.[2] ?? quoted?.[3])?.replace(/^(?:el|la)\s+/iu, '');
    if (!nick) continue;
    for (const p of persons)
      if (
        p.value !== o.value &&
        !to.has(p.value) &&
        p.text.startsWith(nick) &&
        !/[\p{L}\p{M}]/u.test(p.text.charAt(nick.length))
      )
        to.set(p.value, o.value);
  }
  for (const [i, m] of mentions.entries()) {
    const v = m.kind === 'person' ? to.get(m.value) : undefined;
    if (v !== undefined) mentions[i] = { ...m, value: v };
  }
}

export function refineEntities(
  text: string,
  rules: readonly EntityMention[],
  blocked: readonly Span[],
  opts: RefineOptions,
): EntityMention[] {
  if (!opts.kinds.size) return [...rules];
  const all = textTokens(text);
  const language = detectLanguage(text);
  const ctx = textContext(text, all, rules, language);
  const judge = (c: Candidate) => {
    const s = scores(opts.model, features(ctx, c));
    const b = best(s);
    // The runner-up among the other kinds (not "none").
    let other = Number.NEGATIVE_INFINITY;
    for (let k = 1; k < s.length; k++) if (k !== b && s[k]! > other) other = s[k]!;
    return { c, s, label: opts.model.labels[b]!, margin: s[b]! - s[0]!, over: s[b]! - other };
  };
  const cands = candidates(text, all, rules);
  const byKey = new Map(cands.map((c) => [`${c.start}:${c.end}`, c]));
  const adopted = (l: Label): l is TaggedKind => opts.kinds.has(l as TaggedKind);
  const needs = (l: Label) =>
    opts.byLanguage?.[language]?.get(l as TaggedKind) ??
    opts.kinds.get(l as TaggedKind) ??
    Number.POSITIVE_INFINITY;
  // Each rule person read once as names are written (person-spans.ts).
  const refusedRule = new Set(rules.filter((m) => m.kind === 'person' && notAPerson(text, m, language)));
  const noNames = new Set(
    [...refusedRule].filter((m) => m.value === m.text.replace(/\s+/g, ' ')).map((m) => m.value),
  );
  const bounded = rules
    .filter((m) => {
      if (!opts.drop || !adopted(m.kind) || opts.keep?.has(m.kind)) return true;
      // "Daniel E. Ferrante": a given name, initials and a surname are a person whatever the model reads.
      if (m.kind === 'person' && initialedName(text, m)) return true;
      const c = byKey.get(`${m.start}:${m.end}`);
      if (!c) return true;
      const p = judge(c);
      return (
        p.s[best(p.s)]! - p.s[opts.model.labels.indexOf(m.kind)]! <=
        (opts.dropMargins?.get(m.kind) ?? opts.dropMargin)
      );
    })
    // "Martin Ennals Award", "Miranda State": written as no person's name is (person-spans.ts); so
    // is a shorter mention the rules tied to such a name ("Cauquenes" of "Lugar Cauquenes").
    .filter((m) => m.kind !== 'person' || (!refusedRule.has(m) && !noNames.has(m.value)))
    .map((m) => (m.kind === 'person' ? personBounds(text, m) : m));
  // "Cícero dos Santos Lima" grown from "Cícero": what another rule read in the words it took is its.
  const inPerson = heldByOneOf(bounded.filter((g) => g.kind === 'person'));
  const kept = bounded.filter((m) => !inPerson(m));
  // Only spans clear of every kept span and date can be added: only those are scored.
  // A person the name reading refused is not added back by the model over the same words.
  const refused = rules.filter((m) => m.kind === 'person' && (refusedRule.has(m) || noNames.has(m.value)));
  const isFree = freeOf([...kept, ...blocked]);
  const clearOfRefused = freeOf(refused);
  const added: EntityMention[] = [];
  const fresh = cands
    .filter(isFree)
    .map(judge)
    .filter(
      (s) =>
        adopted(s.label) &&
        s.margin > needs(s.label) &&
        s.over > (opts.kindMargins?.get(s.label as TaggedKind) ?? Number.NEGATIVE_INFINITY),
    )
    .sort((a, b) => b.margin - a.margin || a.c.start - b.c.start);
  for (const s of fresh) {
    if (added.some((a) => overlaps(a, s.c))) continue;
    const t = text.slice(s.c.start, s.c.end);
    if (s.label === 'place') {
      // "Venezuelan", "Kazakh", "venezolanos": demonyms are not places (the annotation rules of every round).
      if (isDemonym(t)) continue;
      // A place the gazetteer knows under its official name is suggested with it; else as written.
      const place = lookupPlace(t) ?? { value: t.replace(/\s+/g, ' '), kind: 'locality' as const };
      added.push({ kind: 'place', start: s.c.start, end: s.c.end, text: t, value: place.value, place });
    } else {
      // "Samora Machel Avenue", "Avenida Pedro Montt": a street named after a person is no person.
      if (s.label === 'person' && namesStreet(text, s.c.start, s.c.end)) continue;
      // "Grupa Granica", "in Koro Toro", "Rohingya Muslims": written as no person's name is (person-spans.ts).
      if (s.label === 'person' && (notAPerson(text, s.c, language) || !clearOfRefused(s.c))) continue;
      // "Nuriya Bekova (NB)": the initials of the person just named are no organization.
      if (s.label === 'organization' && initialsOfPerson(text, kept, s.c.start, t)) continue;
      const m: EntityMention = {
        kind: s.label as TaggedKind,
        start: s.c.start,
        end: s.c.end,
        text: t,
        value: t,
      };
      const b = m.kind === 'person' ? personBounds(text, m) : m;
      // "Cícero" grown to "Cícero dos Santos Lima": a place or person the rules read inside is its.
      const inside = kept.filter((k) => k.kind !== 'organization' && contains(b, k));
      const clear =
        b === m ||
        (!added.some((a) => overlaps(a, b)) &&
          freeOf([...kept.filter((k) => !inside.includes(k)), ...blocked, ...refused])(b));
      if (clear) for (const k of inside) kept.splice(kept.indexOf(k), 1);
      added.push(clear ? b : m);
    }
  }
  // "Dear Lena,", "a guard we called Kole": a person whatever the model read there (person-spans.ts).
  const free = freeOf([...kept, ...added, ...blocked]);
  for (const p of addressedPersons(text))
    if (free(p) && !notAPerson(text, p, language)) added.push({ kind: 'person', ...p, value: p.text });
  // "Bashar al Asad", "Qaboos bin Said": a person whatever the model read there, over the persons
  // read inside it ("Asad") (person-spans.ts).
  for (const p of particleNames(text)) {
    if (notAPerson(text, p, language)) continue;
    const inside = [...kept, ...added].filter((m) => m.kind === 'person' && contains(p, m));
    const others: Span[] = [...kept, ...added].filter((m) => !inside.includes(m));
    if (!freeOf([...others, ...blocked])(p)) continue;
    for (const m of inside) {
      const from = kept.includes(m) ? kept : added;
      from.splice(from.indexOf(m), 1);
    }
    added.push({ kind: 'person', ...p, value: p.text });
  }
  // "en Puerto Cruz, Chichiriviche de la Costa y la Colonia Tovar": a person listed between two
  // places is a place of the list (person-spans.ts).
  const places = [...kept, ...added].filter((m) => m.kind === 'place').sort((a, b) => a.start - b.start);
  /** The places that start close enough to a span to be the list's neighbours (no span is longer than LONGEST_SPAN). */
  const near = (s: Span) => {
    const lo = startingBefore(places, s.start - LONGEST_SPAN - 12);
    let end = lo;
    while (end < places.length && places[end]!.start <= s.end + 12) end++;
    return places.slice(lo, end);
  };
  const listed = (m: EntityMention): EntityMention =>
    m.kind === 'person' && m.value === m.text.replace(/\s+/g, ' ') && listedAmongPlaces(text, m, near(m))
      ? {
          kind: 'place',
          start: m.start,
          end: m.end,
          text: m.text,
          value: m.value,
          place: lookupPlace(m.text) ?? { value: m.value, kind: 'locality' as const },
        }
      : m;
  kept.splice(0, kept.length, ...kept.map(listed));
  added.splice(0, added.length, ...added.map(listed));
  // "Ceesay" alone is "Lamin Jatta Ceesay", "Saba" alone "Saba Gelashvili": the one person of the
  // text whose later words (or, failing that, whose first word) it is. So are both surnames alone
  // ("Arellano Stark"), a name without its last surname or a married woman's "de X" ("Ana Cecilia
  // Restrepo", a transcript's speaker, of "Ana Cecilia Restrepo de Guzmán"), also when the rules
  // took the short form and only the tagger the full name.
  // So is a name after a form of address ("Ibu Siti", "Mrs Gitau", "don Hernán") when it fits.
  // "doña Chepita", "el Padre Chuy": a person known by one name keeps the form of address before it
  // (person-spans.ts); not a word of a longer name of the text ("Marta" of "Marta Pérez").
  withAddressForms(text, language, kept, added);
  const persons = [
    ...new Set(
      [...kept, ...added].filter((m) => m.kind === 'person' && /\s/.test(m.value)).map((m) => m.value),
    ),
  ]
    .map((value) => ({ value, words: nameWords(value) }))
    .map((p) => ({ ...p, addressed: addressedName(p.words) !== undefined }));
  const tie = (a: EntityMention): EntityMention => {
    if (a.kind !== 'person') return a;
    const ws = nameWords(a.value);
    const address = addressedName(ws);
    let full: typeof persons;
    if (ws.length === 1 || address) {
      const w = address?.name ?? ws[0]!;
      const among = (ps: typeof persons) => {
        const bySurname = address?.given ? [] : ps.filter((p) => p.words.slice(1).includes(w));
        const byGiven = ps.filter((p) => p.words[0] === w);
        const found = bySurname.length ? bySurname : byGiven;
        return address ? found.filter((p) => fitsAddress(address.sex, p.words[0]!)) : found;
      };
      // A full name first; failing that, a name after a form of address ("Lúcia" of "Dona Lúcia").
      full = among(persons.filter((p) => !p.addressed));
      if (!full.length && !address) full = among(persons.filter((p) => p.addressed));
    } else
      full = persons.filter(
        (p) =>
          p.words.length > ws.length &&
          (p.words[0] === ws[0]
            ? ws.every((w) => p.words.includes(w))
            : ws.every((w) => p.words.slice(1).includes(w))),
      );
    full = full.filter((p) => p.value !== a.value);
    return full.length === 1 ? { ...a, value: full[0]!.value } : a;
  };
  const tiedKept = kept.map((m) =>
    m.kind === 'person' && (!/\s/.test(m.value) || addressedName(nameWords(m.value))) ? tie(m) : m,
  );
  const tiedAdded = added.map(tie);
  tiePlaces(tiedKept, tiedAdded);
  const out = [...tiedKept, ...tiedAdded].sort((a, b) => a.start - b.start);
  tieNicknames(text, out);
  pairAcronyms(out);
  pairShortForms(out, ORG_WORDS);
  return out;
}

/** Grows each one-word person, in `kept` and `added`, over a form of address kept with it ("doña Chepita"). */
function withAddressForms(
  text: string,
  language: string,
  kept: EntityMention[],
  added: EntityMention[],
): void {
  const all = [...kept, ...added];
  const inLonger = new Set(
    all.filter((m) => m.kind === 'person' && /\s/.test(m.value)).flatMap((m) => nameWords(m.value)),
  );
  const ends = new Set(all.map((m) => m.end));
  const grow = (m: EntityMention): EntityMention => {
    if (m.kind !== 'person' || /\s/.test(m.text) || m.value !== m.text) return m;
    if (inLonger.has(nameWords(m.value)[0]!)) return m;
    const start = addressFormStart(text, m, language);
    if (start === m.start || ends.has(m.start - 1)) return m;
    const t = text.slice(start, m.end);
    return { ...m, start, text: t, value: t };
  };
  kept.splice(0, kept.length, ...kept.map(grow));
  added.splice(0, added.length, ...added.map(grow));
}
