/**
 * Facts read from a text, as suggestions a documenter accepts or rejects: persons (with roles),
 * organizations and units, places of the gazetteer, dates (relative ones resolved against the
 * reference day), and candidate events with the date, place and persons of their sentence.
 * Pure: text in, suggestions out; every suggestion's [start, end) indexes `text` exactly.
 */
import type { FuzzyDate } from '../../domain/dates.js';
import { COMMITTED_TAGGER } from '../tagger/model.js';
import { type RefineOptions, refineEntities } from '../tagger/refine.js';
import { withTextCache } from '../text-cache.js';
import { withArabicToponyms } from './arabic-toponyms.js';
import { bareGroups } from './bare-groups.js';
import { withBodyForms } from './body-forms.js';
import { bylinePersons } from './bylines.js';
import { withBareNameValues } from './class-noun-values.js';
import { withCoordinatedBodies } from './coordinated-bodies.js';
import { type DateMention, findDates } from './dates.js';
import { withDesignatorForms } from './designator-forms.js';
import { type CaseOrg, type EntityMention, findEntities } from './entities.js';
import { outletsReadAsPlaces, withNumberedChannels } from './es-outlets.js';
import { withSitesBeforeTowns } from './es-site-towns.js';
import { eventsIn } from './events.js';
import { nearestToEvent } from './infobox-anchor.js';
import { fold, type Role } from './lexicon.js';
import { ordinalsAfterTheirMonth } from './month-then-ordinal.js';
import { namedSites } from './named-sites.js';
import { withNamedUnits } from './named-units.js';
import { withNumberTails } from './number-tails.js';
import { withOfficeSeats } from './office-seats.js';
import { withoutPersonInitials } from './person-initials.js';
import { marriedName, quotedNicknameNames } from './person-spans.js';
import { withPlaceShortForms } from './place-short-forms.js';
import {
  facilityPlaces,
  facilityShortForms,
  featurePlaces,
  labelPlaces,
  languageReadAsPlace,
  lookupPlace,
  monthInPlaceName,
  nameEvidence,
  namesAnInstrument,
  placesAfterAcronym,
  placesInsideOrgs,
  placesInTaggedOrgs,
  senderTagPlaces,
  surnameReadAsPlace,
  tablePlaces,
  townOfRoad,
  townsInContext,
  townsReadAsNames,
  unlikelyAddedPlace,
  wholeTownNames,
  withFeatureNoun,
  withNameQualifier,
} from './places.js';
import { withRemitLists, withRemitShortForms } from './portfolio-names.js';
import { rangeStartDays } from './range-start-days.js';
import { withRegionQualifiers } from './region-qualifiers.js';
import { restatedYears } from './restated-years.js';
import { riverWordOfName } from './river-word.js';
import { withSaintNameTails } from './saint-name-tails.js';
import { type Span, senderSpans } from './senders.js';
import { withSharedSurnames, withShortNames } from './shared-surnames.js';
import { withSiteTowns } from './site-towns.js';
import { institutionSites } from './sites.js';
import { SpanIndex } from './span-index.js';
import { keepSpokenYears } from './spoken-years.js';
import { chooseStoryYears } from './story-year-choice.js';
import { withInvertedNames } from './table-names.js';
import { laterOwnDay } from './text-now.js';
import { withTitleArticles } from './title-articles.js';
import { sentences } from './tokens.js';
import { withTownLandmarks } from './town-landmarks.js';
import { withUnOwnerTails } from './un-owner-tails.js';
import { weekdayYears } from './weekday-years.js';
import { withWrittenForms } from './written-forms.js';
import { yearAloneStories } from './year-alone-story.js';

export interface Fact {
  kind: 'person' | 'organization' | 'place' | 'date' | 'event';
  text: string;
  start: number;
  end: number;
  value: string;
  role?: Role;
  placeCode?: string;
  placeKind?: string;
  unitKind?: string;
  date?: FuzzyDate;
  relative?: boolean;
  actType?: string;
  detentionStatus?: string;
  methods?: string[];
  persons?: string[];
  places?: string[];
  /** Persons, organizations, places: every span naming this entity, in text order (the first is start/end). */
  mentions?: { start: number; end: number; text: string }[];
}

export interface FactOptions {
  /** The day relative dates count from (YYYY-MM-DD): the publication date, else the capture date. */
  reference: string;
  /** The reference is only the capture day: the text gives no date of its own (an encyclopedia page). */
  undated?: boolean;
  /** The reference is the event day an encyclopedia page's box gives, not a writer's now (infobox-anchor.ts). */
  eventDay?: boolean;
  /** Full names of persons named in the text this one answers (a comment's article). */
  knownNames?: readonly string[];
  /** The case file's own units: recognized by name or acronym, suggested under the case's name. */
  knownOrgs?: readonly CaseOrg[];
  /** The tagger to apply after the rules: the committed one when absent, none when null (rules alone). */
  tagger?: RefineOptions | null;
}

/**
 * "Asociación de Familiares de Víctimas del 15 de Diciembre": an organization's name that holds a
 * date after its own words (orgs.ts numberInName) is a name, the date inside it a date too.
 */
const dateInName = (text: string, e: EntityMention, d: Span) =>
  e.kind === 'organization' &&
  e.start < d.start &&
  d.end <= e.end &&
  /^\d{1,2} de \p{Lu}\p{Ll}+$/u.test(text.slice(d.start, d.end));

/**
 * The rules' persons, organizations and places (one per mention) and dates, before the tagger, and
 * the spans naming a message's sender (senders.ts), where no name is suggested.
 */
/**
 * "Felipa Quispe viuda de Laura", "Elvira Xol de Choc": a woman's name runs on over her married
 * surname (person-spans.ts marriedName); a mention the rules read inside that surname is the name's.
 */
function withMarriedNames(text: string, entities: EntityMention[]): EntityMention[] {
  const out = [...entities];
  for (const [i, e] of out.entries()) {
    if (e.kind !== 'person') continue;
    const end = marriedName(text, e);
    if (end === e.end) continue;
    const t = text.slice(e.start, end);
    const value = e.value === e.text.replace(/\s+/g, ' ') ? t.replace(/\s+/g, ' ') : e.value;
    out[i] = { ...e, end, text: t, value };
  }
  const grown = out.filter((e, i) => e !== entities[i]);
  // "Doña Reina" tied to "Reina Isabel Menjívar" is tied to her whole name.
  const renamed = new Map(
    out.flatMap((e, i) => (e !== entities[i] ? [[entities[i]!.value, e.value] as const] : [])),
  );
  return out
    .filter((e) => grown.includes(e) || !grown.some((g) => g.start < e.end && e.start < g.end))
    .map((e) => (e.kind === 'person' && renamed.has(e.value) ? { ...e, value: renamed.get(e.value)! } : e));
}

/** The dates of a text, the first stage of the rules: they read no name (the year chooser's training runs only this). */
export function ruleDates(
  text: string,
  opts: Pick<FactOptions, 'reference' | 'undated' | 'eventDay'>,
): DateMention[] {
  return withTextCache(() => datesOfText(text, opts));
}

function datesOfText(
  text: string,
  opts: Pick<FactOptions, 'reference' | 'undated' | 'eventDay'>,
): DateMention[] {
  // An undated text that writes, as no plan, a day later than its capture day: its now is that day (text-now.ts).
  const reference = (opts.undated && laterOwnDay(text, opts.reference)) || opts.reference;
  const ruled = findDates(text, reference, opts.undated);
  // An encyclopedia page's yearless days near its infobox's event (infobox-anchor.ts).
  if (opts.eventDay) nearestToEvent(ruled, opts.reference);
  // A yearless day's year, where the learned chooser is sure of another than the rules' (story-year-choice.ts).
  // A story's year written alone before its yearless months (year-alone-story.ts).
  // "March of eighty" is a spoken year the chooser does not count as written (spoken-years.ts).
  const chosen = keepSpokenYears(text, chooseStoryYears(text, ruled, reference, opts.undated), reference);
  const storied = yearAloneStories(text, chosen, reference);
  // "in September, the 5th": an ordinal day right after its month, in that month's final reading (month-then-ordinal.ts).
  // "in ninety, in the December", "the 16th of September, the '73": a year said beside its month (restated-years.ts).
  // "the 19th to the 20th of January": a range's first end in its second's month (range-start-days.ts).
  // "Sábado 2 de octubre" of a diary of 1965: a weekday its reading does not fit, in a written year it fits (weekday-years.ts).
  return weekdayYears(
    text,
    rangeStartDays(text, ordinalsAfterTheirMonth(text, restatedYears(text, storied))),
    reference,
  );
}

export function ruleEntities(
  text: string,
  opts: FactOptions,
): { entities: EntityMention[]; dates: DateMention[]; senders: Span[] } {
  return withTextCache(() => entitiesOfText(text, opts));
}

function entitiesOfText(
  text: string,
  opts: FactOptions,
): { entities: EntityMention[]; dates: DateMention[]; senders: Span[] } {
  const dates = ruleDates(text, opts);
  // "[08:12] Nino K.:", "From: Lina Haddad": who wrote a message is its source, not a name in it;
  // the town in a caller's tag is a place ("[00:01:44] CALLER (Khartoum):") (places.ts).
  const tagged = senderTagPlaces(text, senderSpans(text));
  const senders = tagged.senders;
  // A date's words are not names ("Martes", "Mayo"); names overlapping a date are dropped.
  // The cells of a table's place column ("Municipio", "Province"): places, over a person read in them.
  // So are the names after a place label ("Lugar: Atoyac de Álvarez, Guerrero").
  const cells = [...tablePlaces(text), ...labelPlaces(text)];
  // "By Hannah Osei and Aung Kyaw Moe": a byline's authors are persons, over any other reading (bylines.ts).
  const authors: EntityMention[] = bylinePersons(text).map((b) => ({
    kind: 'person',
    ...b,
    value: b.text.replace(/\s+/g, ' '),
    rule: 'byline',
  }));
  // 'Andrés Felipe "el Mono" Castaño': a name with a nickname in quotes inside it is one person (person-spans.ts).
  const nicknamed: EntityMention[] = quotedNicknameNames(text)
    .filter((n) => !authors.some((a) => n.start < a.end && a.start < n.end))
    .map((n) => {
      const t = text.slice(n.start, n.end);
      // Its value is the name without the nickname ("Andrés Felipe Castaño"), as the text's other mentions write it.
      const value = t.replace(/\s*(?:"[^"]*"|“[^”]*”|«[^»]*»)\s*/u, ' ').replace(/\s+/g, ' ');
      return { kind: 'person', ...n, text: t, value, rule: 'quoted-nickname' };
    });
  authors.push(...nicknamed);
  const cellIndex = new SpanIndex(cells);
  const authorIndex = new SpanIndex(authors);
  // "in Mae Sot", "from Kaya": a town the rules read as a person by its words alone (places.ts).
  const recognized = [
    ...townsReadAsNames(text, findEntities(text, opts.knownNames, opts.knownOrgs))
      .map((e) => withFeatureNoun(text, e))
      .filter(
        (e) =>
          !((e.kind === 'person' || e.kind === 'place') && cellIndex.someOverlapping(e.start, e.end)) &&
          !authorIndex.someOverlapping(e.start, e.end),
      ),
    ...cells.map((c) => ({ ...c, rule: 'table-place' })),
    ...authors,
  ].sort((a, b) => a.start - b.start);
  // Facilities named as places ("Hospital Regional de Malabo", "Dulles International Airport"), over
  // the person or organization another rule read in their words (places.ts).
  const facilities = facilityPlaces(text, [...recognized, ...dates.map((d) => ({ ...d, kind: 'date' }))]);
  const facilityIndex = new SpanIndex(facilities);
  const named = [
    ...recognized.filter((e) =>
      e.kind === 'place'
        ? // "Mabahith" of "Mabahith prison": a name only its facility noun made a place is the facility's.
          !facilityIndex.someOverlapping(
            e.start,
            e.end,
            (f) => f.start <= e.start && e.end <= f.end && f.end - f.start > e.end - e.start,
          ) || lookupPlace(e.text) !== undefined
        : !facilityIndex.someOverlapping(e.start, e.end),
    ),
    ...facilities,
  ].sort((a, b) => a.start - b.start);
  // Features named with their noun that no rule took ("la mina Bulla Loca"), then towns in context.
  const found = [
    ...named,
    ...featurePlaces(text, [...named, ...dates.map((d) => ({ ...d, kind: 'date' }))]).map((p) => ({
      ...p,
      rule: 'feature-place',
    })),
  ];
  const foundIndex = new SpanIndex(found);
  const foundBesides = (p: Span, kind?: string) =>
    foundIndex.someOverlapping(p.start, p.end, (e) => e.kind !== kind);
  // Towns named after a word of motion or in a list of places, that no other rule took (places.ts).
  // "El Carmen de Bolívar", "Dar es Salaam": a town whose name runs over a particle is one place (places.ts).
  // "El Geneina", "West Kowloon": a capitalized article or compass point before a place is its name's (places.ts).
  // A date's or a sender's words are no name, save a date inside one ("Plaza 25 de Mayo", "Mar del Plata").
  const stops = new SpanIndex<Span>([...dates, ...senders]);
  const dateSet = new Set<Span>(dates);
  const entities: EntityMention[] = withMarriedNames(
    text,
    withNameQualifier(
      text,
      wholeTownNames(text, [
        ...found,
        ...townsInContext(text, [...found, ...dates.map((d) => ({ ...d, kind: 'date' }))]).map((p) => ({
          ...p,
          rule: 'town-in-context',
        })),
        // A place inside an organization's name says where it is; the organization keeps its name.
        ...placesInsideOrgs(text, found)
          .filter((p) => !foundBesides(p, 'organization'))
          .map((p) => ({ ...p, rule: 'place-in-org' })),
        // "IRA-Mauritania": the country after a body's initials and a hyphen (places.ts).
        ...placesAfterAcronym(text)
          .filter((p) => !foundBesides(p, 'organization'))
          .map((p) => ({ ...p, rule: 'place-after-acronym' })),
        ...tagged.places.filter((p) => !foundBesides(p)).map((p) => ({ ...p, rule: 'sender-tag-place' })),
      ]),
    ),
  )
    .filter(
      (e) =>
        !stops.someOverlapping(
          e.start,
          e.end,
          (d) => !dateInName(text, e, d) && !(dateSet.has(d) && monthInPlaceName(text, e, d)),
        ),
    )
    // "la Convención de Viena", "the Rome Statute": a town naming an instrument is no place of the text.
    // A lone letter is none either: "Tver, and I remember" (a list's pronoun), a table's column code;
    // nor a language after a word of speaking ("Messages in Tamil translated") (places.ts), nor the
    // "Río" of "Río Muni" (river-word.ts).
    .filter(
      (e) =>
        e.kind !== 'place' ||
        (/\p{L}{2}/u.test(e.text) &&
          !namesAnInstrument(text, e.start, e.end) &&
          !languageReadAsPlace(text, e) &&
          !riverWordOfName(text, e)),
    )
    // "the Mueda road": the town (places.ts).
    .map((e) => townOfRoad(e));
  // "at the gate of Gaston Berger University": an institution the rules read as a body, used as a site (sites.ts).
  // "Salió la nota en El Universo": an outlet read as a town after "en"; "Canal 36" (es-outlets.ts).
  // "Ministerio de Asuntos Exteriores, Unión Europea y Cooperación": one body over its remits (portfolio-names.ts).
  const sited = institutionSites(
    text,
    withRemitLists(text, withNumberedChannels(text, outletsReadAsPlaces(text, entities))),
  );
  // "Mar" of "Mar del Plata": the place kept, no date.
  const sitedIndex = new SpanIndex(sited);
  const kept = dates.filter(
    (d) => !sitedIndex.someOverlapping(d.start, d.end, (e) => monthInPlaceName(text, e, d)),
  );
  return { entities: sited, dates: kept, senders };
}

/** The facts of a text; what its passes compute once per text is kept for this extraction only (text-cache.ts). */
export function extractFacts(text: string, opts: FactOptions): Fact[] {
  return withTextCache(() => factsOfText(text, opts));
}

function factsOfText(text: string, opts: FactOptions): Fact[] {
  const facts: Fact[] = [];
  const ruled = ruleEntities(text, opts);
  const dates = ruled.dates;
  // The trained tagger (../tagger) confirms, drops and adds persons and organizations of the rules, and adds places.
  const tagger = opts.tagger === undefined ? COMMITTED_TAGGER : opts.tagger;
  // "Evin" and "Evin prison": one place (places.ts), also when the tagger added the short form.
  const tagged = tagger
    ? refineEntities(text, ruled.entities, [...dates, ...ruled.senders], tagger)
    : ruled.entities;
  // A place inside an organization only the tagger read ("Manila Bulletin") (places.ts).
  const insideTagged = placesInTaggedOrgs(text, ruled.entities, tagged).map(
    (p): EntityMention => ({ ...p, rule: 'place-in-org' }),
  );
  // "at the Tugu monument": a named site neither the rules nor the tagger read, a rule's place too (named-sites.ts).
  insideTagged.push(...namedSites(text, [...tagged, ...insideTagged]));
  // "los talibanes", "los llamados sinchis": a group written as a lower-case noun (bare-groups.ts).
  insideTagged.push(...bareGroups(text, [...tagged, ...insideTagged, ...dates]));
  const refined = insideTagged.length
    ? [...tagged, ...insideTagged].sort((a, b) => a.start - b.start)
    : tagged;
  // A place only the tagger read, that the text shows is a person, an organization or a word; a rule's
  // one-word place that is a person's surname here ("Patricio Lagos") (places.ts).
  // Only over words no rule read: a rule's person the tagger reads as a place ("Mae Sot") is not judged here.
  const ruleSpans = new Set([...ruled.entities, ...insideTagged].map((e) => `${e.start}:${e.end}`));
  const evidence = nameEvidence(text, refined);
  // "Rivas Aguilar, José Mauricio" in a list's name column: one person (table-names.ts).
  // "Ministerio de Asuntos Exteriores" after its full name with remits: one body (portfolio-names.ts).
  // "the Court", "Radio Moto", "Viasna" after the full name: one body (body-forms.ts).
  const entities = withBodyForms(
    text,
    withRemitShortForms(
      withInvertedNames(
        text,
        facilityShortForms(
          refined.filter(
            (e) =>
              e.kind !== 'place' ||
              (ruleSpans.has(`${e.start}:${e.end}`)
                ? e.rule === 'table-place' || !surnameReadAsPlace(text, e, evidence)
                : !unlikelyAddedPlace(text, e, evidence)),
          ),
        ),
      ),
    ),
  );
  // "NBSZ" alone, where "NBSZ" is also written for its full name: one body (written-forms.ts).
  withWrittenForms(entities);
  // One suggestion per entity: "Antonio Ledezma", "Ledezma" and "Ledezma's" are one person.
  const byEntity = new Map<string, Fact>();
  // "colonia Las Margaritas" is named "Las Margaritas" (class-noun-values.ts).
  // "Wadi al-Natrun": one place, not its head "Wadi" (arabic-toponyms.ts).
  // "North Caucasus" of "North Caucasus Documentation Centre", not "Caucasus" (region-qualifiers.ts).
  // "Yunior Rodríguez" of a surname-first cell's "Yunior Rodríguez Almaguer"; "Mhlanga" beside
  // "Tonderai Mhlanga" and "Chipo Mhlanga": the one the text points to (shared-surnames.ts).
  const named = withSharedSurnames(text, withShortNames(text, entities));
  // "parroquia San Antonio de Padua": a place's name goes on past a saint's "de" (saint-name-tails.ts).
  // "el cementerio de Rabinal" beside "Rabinal": a lower-case cemetery or market is its town (town-landmarks.ts).
  // "told The Washington Post": a mid-sentence capitalised article is part of the written name (title-articles.ts).
  // "el Consejo de Derechos Humanos de la ONU": the UN as owner is part of the written name (un-owner-tails.ts, D9).
  const spelled = withUnOwnerTails(
    text,
    withTitleArticles(
      text,
      withTownLandmarks(
        withBareNameValues(
          withArabicToponyms(text, withRegionQualifiers(text, withSaintNameTails(text, named))),
        ),
      ),
    ),
  );
  // "Embajada de China en Madrid": an office's seat is part of its written name (office-seats.ts, D25).
  // "MBS" beside "Mohammed bin Salman": a person's initials, not a body (person-initials.ts).
  // "TVP and Polish Radio": two bodies joined by "and" / "y", each its own (coordinated-bodies.ts).
  // "CBTIS 128", "Radio Qatun Llaqta 98.5 FM": a number after the name is part of it (number-tails.ts).
  // "la columna móvil Dagoberto Ramos": a unit named after a person is a body, not a person (named-units.ts).
  const cut = withNamedUnits(text, withNumberTails(text, withCoordinatedBodies(spelled)));
  for (const e of withoutPersonInitials(withOfficeSeats(text, cut))) {
    // "Observatorio Venezolano de Prisiones (OVP)" and a bare "Observatorio Venezolano de Prisiones" are one.
    const name = e.kind === 'organization' ? e.value.replace(/\s*\([^)]*\)$/, '') : e.value;
    const key = `${e.kind}\u0000${fold(name)}`;
    const seen = byEntity.get(key);
    if (seen) {
      if (e.value.length > seen.value.length) seen.value = e.value;
      seen.mentions!.push({ start: e.start, end: e.end, text: e.text });
      if (!seen.role && e.role) seen.role = e.role;
      continue;
    }
    const f: Fact = {
      kind: e.kind,
      text: e.text,
      start: e.start,
      end: e.end,
      value: e.value,
      ...(e.role ? { role: e.role } : {}),
      ...(e.place?.stateCode ? { placeCode: e.place.stateCode } : {}),
      ...(e.place ? { placeKind: e.place.kind } : {}),
      ...(e.unitKind ? { unitKind: e.unitKind } : {}),
      mentions: [{ start: e.start, end: e.end, text: e.text }],
    };
    byEntity.set(key, f);
    facts.push(f);
  }
  // "Kakuma camp": the town is a form of the site's place (site-towns.ts, guide D18).
  withSiteTowns(text, facts);
  // "la cárcel de Temuco": the site's phrase is a form of the town read alone (es-site-towns.ts).
  withSitesBeforeTowns(text, facts);
  // "barrio Alberdi", "cantón Milingo": the phrase is a form of the bare name read (designator-forms.ts).
  withDesignatorForms(text, facts);
  // "the Penitenciaría del Litoral … returned to the Litoral": a part after "the" is the site (place-short-forms.ts).
  withPlaceShortForms(text, facts);
  for (const d of dates)
    facts.push({
      kind: 'date',
      text: d.text,
      start: d.start,
      end: d.end,
      value: d.value,
      date: d.date,
      relative: d.relative,
    });
  const dateIndex = new SpanIndex(dates);
  const entityIndex = new SpanIndex(named);
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end);
    const hits = eventsIn(sentence);
    if (!hits.length) continue;
    const date = dateIndex.inside(s.start, s.end)[0]?.date;
    const within = entityIndex.inside(s.start, s.end);
    const persons = [...new Set(within.filter((e) => e.kind === 'person').map((e) => e.value))];
    const places = [...new Set(within.filter((e) => e.kind === 'place').map((e) => e.value))];
    for (const h of hits) {
      facts.push({
        kind: 'event',
        text: sentence,
        start: s.start,
        end: s.end,
        value: h.type,
        ...(h.actType ? { actType: h.actType } : {}),
        ...(h.detentionStatus ? { detentionStatus: h.detentionStatus } : {}),
        methods: h.methods,
        ...(date ? { date } : {}),
        persons,
        places,
      });
    }
  }
  return facts.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}
