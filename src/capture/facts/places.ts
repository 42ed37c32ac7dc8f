/**
 * Places named in a text, matched to the gazetteer (src/domain/gazetteer.ts): states, main towns,
 * publicly known detention sites, and municipalities when the text says "municipio X" (many
 * municipalities bear a person's name — "José Félix Ribas", "Francisco de Miranda" — so a bare
 * name is not taken as one). Town names shared by several states are not guessed. Places abroad
 * come from the world gazetteer (world.ts).
 */
import {
  findMunicipalities,
  findMunicipality,
  KNOWN_DETENTION_SITES,
  normalizePlaceName,
  TOWNS,
  VENEZUELA_STATES,
} from '../../domain/gazetteer.js';
import { perText } from '../text-cache.js';
import { fold, GIVEN_NAMES, isEnglishMonthName, SURNAME_SET } from './lexicon.js';
import { boundedMemo } from './memo.js';
import { SpanIndex } from './span-index.js';
import { tablesIn } from './tables.js';
import { writesWholeWord } from './whole-word.js';
import {
  isDemonym,
  isLanguageName,
  isPeoplesWord,
  isSeatOfPower,
  lookupAmbiguousWorldPlace,
  lookupWorldPlace,
} from './world.js';
import { isEverydayWord, lookupTown, lookupWellKnownPlace, mayNameUnknownPlace } from './world-cities.js';

export interface PlaceEntry {
  /** The official name (the suggestion's value). */
  value: string;
  /** `locality`: a neighbourhood, sector or town the gazetteers lack, named as a place by the words around it. */
  kind: 'state' | 'city' | 'municipality' | 'detention_site' | 'country' | 'region' | 'locality';
  /** ISO 3166-2 code of the Venezuelan state; absent for places abroad. */
  stateCode?: string;
  municipality?: string;
  /** ISO 3166-1 alpha-2 code of a country abroad, when known. */
  countryCode?: string;
}

/** Aliases that, bare, mean an organization rather than its building. */
const ORG_ALIASES = new Set(['dgcim']);

const STATE_ALIASES: Record<string, string[]> = {
  'VE-A': ['Caracas'],
  'VE-X': ['Vargas'],
};

function buildIndex(): Map<string, PlaceEntry> {
  const idx = new Map<string, PlaceEntry>();
  const add = (name: string, e: PlaceEntry, override = false) => {
    const k = normalizePlaceName(name);
    if (!k) return;
    if (!idx.has(k) || override) idx.set(k, e);
  };
  // Towns first; a state of the same name ("Mérida", "La Guaira") replaces it: same value either way.
  const townCount = new Map<string, number>();
  for (const t of TOWNS)
    townCount.set(normalizePlaceName(t.name), (townCount.get(normalizePlaceName(t.name)) ?? 0) + 1);
  for (const t of TOWNS) {
    if (townCount.get(normalizePlaceName(t.name))! > 1) continue;
    add(t.name, { value: t.name, kind: 'city', stateCode: t.stateCode, municipality: t.municipality });
  }
  for (const s of VENEZUELA_STATES) {
    const k = normalizePlaceName(s.capital);
    if (!townCount.has(k)) add(s.capital, { value: s.capital, kind: 'city', stateCode: s.code });
  }
  for (const s of VENEZUELA_STATES) {
    add(s.name, { value: s.name, kind: 'state', stateCode: s.code }, true);
    for (const a of STATE_ALIASES[s.code] ?? [])
      add(a, {
        value: a === 'Caracas' ? 'Caracas' : s.name,
        kind: a === 'Caracas' ? 'city' : 'state',
        stateCode: s.code,
      });
  }
  // Where a detention site is: "Zona 7 de la PNB (Boleíta)", "Sede de la DGCIM en Boleíta" name the
  // neighbourhood too ("he is in Boleíta"). Added first: a site's own alias of the same words wins.
  for (const d of KNOWN_DETENTION_SITES) {
    const where = /\(([^()]+)\)\s*$/.exec(d.name)?.[1] ?? / en ([^()]+)$/.exec(d.name)?.[1];
    if (where)
      add(where, { value: where, kind: 'locality', stateCode: d.stateCode, municipality: d.municipality });
  }
  for (const d of KNOWN_DETENTION_SITES) {
    const e: PlaceEntry = {
      value: d.name,
      kind: 'detention_site',
      stateCode: d.stateCode,
      municipality: d.municipality,
    };
    add(d.name, e, true);
    // "Centro Penitenciario de Aragua (Tocorón)" is also written without its bracketed nickname.
    add(d.name.replace(/\s*\(.*\)\s*$/, ''), e, true);
    for (const a of d.aliases ?? []) if (!ORG_ALIASES.has(normalizePlaceName(a))) add(a, e, true);
  }
  for (const [name, stateCode] of REGIONS)
    add(name, { value: name, kind: 'region', ...(stateCode ? { stateCode } : {}) });
  return idx;
}

/** Regions of Venezuela named in the news that are no state ("sindicalistas de Guayana"). */
const REGIONS: [string, string | undefined][] = [
  ['Guayana', undefined],
  ['Los Andes', undefined],
  ['Los Llanos', undefined],
  ['Arco Minero del Orinoco', 'VE-F'],
  ['Arco Minero', 'VE-F'],
  ['Orinoco Mining Arc', 'VE-F'],
];

let INDEX: Map<string, PlaceEntry> | undefined;
const MAX_WORDS = 6;

/**
 * The gazetteer entry a name means, if exactly one: Venezuela's first, then the world's countries
 * and capitals, then (unless `wide` is false) the world's regions and big cities — which hold
 * surnames no name list knows ("Zamora", "Urdaneta"), so a caller splitting a person's name at a
 * place word asks without them.
 */
export function lookupPlace(name: string, wide = true): PlaceEntry | undefined {
  return wide ? lookupWide(name) : lookupNarrow(name);
}
const lookupWide = boundedMemo((name) => lookupUncached(name, true));
const lookupNarrow = boundedMemo((name) => lookupUncached(name, false));

function lookupUncached(name: string, wide: boolean): PlaceEntry | undefined {
  INDEX ??= buildIndex();
  const ve = INDEX.get(normalizePlaceName(name));
  if (ve) return ve;
  const w = lookupWorldPlace(name) ?? (wide ? lookupWellKnownPlace(name) : undefined);
  return w && { value: w.value, kind: w.kind, ...(w.countryCode ? { countryCode: w.countryCode } : {}) };
}

/** The municipality after "municipio", if the gazetteer has it (within the state when named). */
export function lookupMunicipality(name: string, state?: string): PlaceEntry | undefined {
  const m = findMunicipality(name, state);
  return m
    ? { value: m.municipality, kind: 'municipality', stateCode: m.state.code, municipality: m.municipality }
    : undefined;
}

/** Whether some Venezuelan municipality bears this name (even if several do). */
export function isMunicipalityName(name: string): boolean {
  return municipalityNamed(name);
}
const municipalityNamed = boundedMemo((name) => findMunicipalities(name).length > 0);

export { MAX_WORDS as MAX_PLACE_WORDS };

/** A span some other rule already gave a kind to (person, organization, place). */
export interface Taken {
  kind: string;
  start: number;
  end: number;
}

/** A place found by the words around a town's name (see `townsInContext`). */
export interface ContextPlace {
  kind: 'place';
  start: number;
  end: number;
  text: string;
  value: string;
  place: PlaceEntry;
}

/** The place a name written at `start` names, under its entry's value. */
function placeAt(start: number, name: string, entry: PlaceEntry): ContextPlace {
  return { kind: 'place', start, end: start + name.length, text: name, value: entry.value, place: entry };
}

type Spans = readonly { start: number; end: number }[] | SpanIndex<{ start: number; end: number }>;
/**
 * Whether text[s, e) overlaps none of the spans in the lists (taken by a rule, found so far). The
 * rules' spans come indexed (they are thousands in a long text, asked of at every cue); what a reader
 * found so far is a short list that grows as it reads.
 */
const freeOf = (s: number, e: number, ...lists: Spans[]) =>
  !lists.some((l) =>
    l instanceof SpanIndex ? l.someOverlapping(s, e) : l.some((t) => s < t.end && t.start < e),
  );

/** A place no gazetteer holds, named by the words from `start` to `end` as written (spaces joined). */
export function localityAt(text: string, start: number, end: number): ContextPlace {
  const name = text.slice(start, end);
  const value = name.replace(/\s+/g, ' ');
  return { kind: 'place', start, end, text: name, value, place: { value, kind: 'locality' } };
}

/**
 * Words that send someone to or bring someone from a place ("hacia Necoclí", "hasta Ciudad Juárez",
 * "frente a Acandí", "vine de Ekaterinburg", "soy de Turbo", "fled to Mae Sot"), and roads' ends ("the
 * road to Shwebo", "the road from Eldoret to Turbo", "the road between Panjgur and Hoshab", "la carretera
 * hacia Ocaña"): after them, a name the world's towns (≥ 1,000 inhabitants) or Venezuela's
 * municipalities know is that place, and (after a cue in lower case) a name no gazetteer holds that no
 * other kind could be.
 */
const MOTION =
  /(?:\b(?:hacia|hasta|rumbo\s+a|frente\s+a|camino\s+a|cerca\s+de|(?:soy|es|eran?|somos|son|vin[eo]|vinieron|lleg[oó]|llegaron|sal[ií]|sali[oó]|salieron|hu[ií]|huy[oó]|huyeron|natural|oriund[oa]s?|originari[oa]s?|procedentes?|desplazad[oa]s?|llevad[oa]s?|trasladad[oa]s?|traslad[oó]|trasladaron|sacad[oa]s?)\s+(?:de|desde)|towards?|(?:roads?|highway|route)\s+(?:to|towards?|from|between|through|(?:from|between)\s+\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?\s+(?:to|and))|(?:carretera|ruta)\s+(?:a|hacia|entre)|(?:fled|moved|went|travell?ed|returned|deported|transferred|taken|walked|drove|flew|crossed)\s+(?:back\s+)?(?:to|into|from)|near|outside|(?:(?:al|en\s+el)\s+)?(?:norte|sur|este|oeste|noreste|noroeste|nordeste|sureste|suroeste|sudeste|sudoeste)\s+de|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|(?:predio|penal|c[aá]rcel|prisi[oó]n|comarca|provincias?|departamentos?|distritos?|municipios|vereda|corregimiento|muelle|playa|provinces?|districts?|county|counties|towns?|villages?)(?:\s+(?:de|of))?)\s+)$/iu;

/**
 * "En Montecristi pasa igual.", "In Humera and Mai Kadra, …": a sentence opening with "En"/"In" — the
 * capital joins the preposition to the name's run of capitals, so the name loses its cue elsewhere.
 */
const SENTENCE_IN = /(?:^|[.!?:;]["'”’»)]?\s+|\n\s*|[(«"“]\s*)(?:En|In|Desde|From)\s+$/u;

/**
 * English "in X" (also "in X and Y"): people and institutions are seldom "in" a person, so a town the
 * gazetteer holds is that place even when it is also a given name or surname ("in Silvia", "in
 * Lincoln, Nebraska"); not before a possessive ("in Maduro's speech") or a number.
 */
const EN_IN = /(?<![\p{L}])(?:in|across|around|outside)\s+$/u;
const EN_FROM = /(?<![\p{L}])from\s+$/u;
/**
 * English "to X", "into X", "through X", "towards X" with no verb of motion before them ("a bus to Omarska",
 * "To Songkhla, to a house near the port", "withdrew east through Makeni"): a town the gazetteers hold is
 * that place, never a given name, surname or everyday word alone ("Sending to Marcus", "thanks to God").
 * Stop 41: 42 such names in the English development texts are gold places, 7 are not, and those 7 are all
 * a given name, an everyday word or a name before a number ("to Branch 227", "next to Ward 7").
 */
const EN_TO = /(?<![\p{L}])(?:[Tt]o|into|through|towards?)\s+$/u;
const ES_EN_DE = /(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]*\s+(?:en|de)\s+$/u;

/**
 * Who lives in or governs a place ("vecina de Mabay", "los pobladores de Cayara", "policías municipales
 * de Iguala", "residents of Kenscoff", "the mayor of Tocoa"): after them, a town the gazetteers hold is
 * that place — unless the name is a given name or surname alone ("la familia de Pérez").
 */
const RESIDENTS =
  /(?<![\p{L}])(?:vecin[oa]s?|habitantes?|pobladores?|residentes?|moradores?|alcalde(?:sa)?|alcald[ií]a|regidor(?:a|es)?|concejal(?:a|es)?|polic[ií]as?\s+municipales|comunidad(?:es)?|campesin[oa]s?|ind[ií]genas?|juzgados?|fiscal[ií]as?|gobernaci[oó]n|prefectura|municipalidad|di[oó]cesis|residents?|villagers?|inhabitants?|townspeople|mayor|municipality|outskirts|people|(?:un[oa]?|una|otr[oa]s?|los|las|su|sus|nuestr[oa]s?|dos|tres|varios|varias)\s+(?:\p{L}+\s+)?(?:j[oó]ven(?:es)?|agricultor(?:a|es)?|compañer[oa]s?|amig[oa]s?|mam[aá]s?|madres?|padres|familias?|dirigentes?|l[ií]der(?:es)?|pres[oa]s|hombres?|mujer(?:es)?|muchach[oa]s?|estudiantes?|maestr[oa]s?|trabajador(?:a|es)?|obrer[oa]s?|pescador(?:a|es)?|comerciantes?)(?:\s+de\s+\d{1,3}\s+años)?|gente|familias|(?:a|an|two|three|several|other|the)\s+(?:\p{L}+\s+)?(?:trader|metalworker|farmer|fisherman|fishermen|driver|teacher|student|worker|youth|man|woman|men|women|families|family|boys?|girls?)(?:,\s+\d{1,3},)?)\s+(?:de|del|of|from)\s+$/iu;

/**
 * Ways through and out of a place ("pasó por Cauquenes", "llegaban desde Apartadó", "passed through
 * Gulu", "via Kassala") and the parts of a town ("the hospitals of Hwasun", "las calles de Caála", "the
 * streets of Juba"): after them, a town the gazetteers hold is that place, as after `RESIDENTS` — never a
 * given name or surname alone ("desde Morales", "pasó por Pérez").
 */
const THROUGH =
  /(?<![\p{L}])(?:(?:pas(?:[oó]|aron|ando|ar|amos|aba|aban)|cruz(?:[oó]|aron|ando)|recorri(?:[oó]|eron))\s+por|desde|(?:passed|passing|travell?ed|went|moved|fled)\s+through|via|(?:the\s+)?(?:hospitals?|streets|suburbs|neighbou?rhoods|markets?)\s+of|(?:los\s+|las\s+)?(?:hospitales|calles|barrios|afueras|alrededores)\s+de)\s+$/iu;

/** One to three capitalized words, Spanish particles allowed inside ("Ciudad de Panamá", "Las Claritas"). */
const NAME =
  /^(?:(?:El|La|Los|Las)\s+)?\p{Lu}[\p{L}\p{M}'’-]+(?:\s+(?:(?:de|del)\s+(?:la\s+|los\s+)?)?\p{Lu}[\p{L}\p{M}'’-]+){0,2}/u;

/** A list after a place: "Tibú, Teorama y El Tarra", "de Perm y de Kazán", "El Callao and Roscio". */
const LIST_AFTER = /^(?:,\s+|\s+(?:y|e|and|o|or)\s+(?:(?:de|en|in|from)\s+)?)/u;

const LIST_BEFORE =
  /(?:^|[\s(])((?:(?:El|La|Los|Las)\s+)?\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,2})(?:,\s+|\s+(?:y|e|and|o|or)\s+)(?:(?:de|en|in|from)\s+)?$/u;

const INSIDE_NAME = /\p{Lu}[\p{L}\p{M}'’-]*\s+(?:de|del|la|las|los)(?:\s+(?:la|las|los))?\s+$/u;

function townEntry(name: string): PlaceEntry | undefined {
  const known = lookupPlace(name);
  if (known) return known;
  // "Ciudad Juárez", "Ciudad de Panamá": a city named after a town or country the gazetteers hold.
  const city = /^Ciudad\s+(?:de\s+)?(.+)$/u.exec(name)?.[1];
  if (city && (lookupPlace(city) ?? lookupTown(city))) return { value: name, kind: 'city' };
  const town = lookupTown(name);
  if (town) return { value: name, kind: town.kind, countryCode: town.countryCode };
  return isMunicipalityName(name) ? { value: name, kind: 'municipality' } : undefined;
}

/**
 * Towns abroad and small municipalities that no rule of `findEntities` took, named where the words
 * around them make them places: after a word of motion or origin, or in a list after a place already
 * found. Only names a gazetteer holds (a town of ≥ 1,000 inhabitants, a region, a municipality), and
 * never a span another rule gave a kind to.
 */
/**
 * Nouns of a class of settlement or site that name what follows them, written in lower case ("the
 * districts of Al-Udayn, Al-Mashannah and Jiblah", "the twin villages of Kunan and Poshpora", "villages
 * including Pinyudo and Dimma", "las comunidades de Musawas, Alal y Sikilta", "las localidades de Villa
 * Tunari, Shinahota…", "en nuestro barrio, Isoraka", "el campamento de Sde Teiman"): the name needs no
 * gazetteer. A plural noun takes a list; a singular one, one name.
 */
const CLASS_BEFORE =
  /(?<![\p{L}])(?:(villages|hamlets|townships|districts|neighbou?rhoods|settlements|localities|communities|comunidades|localidades|aldeas|caser[ií]os|barrios|colonias|poblaciones|asentamientos|campamentos(?:\s+de\s+refugiados)?)|(?:village|hamlet|township|neighbou?rhood|settlement|comunidad|localidad|aldea|caser[ií]o|barrio(?:\s+de\s+chabolas)?|colonia|poblaci[oó]n|asentamiento|campamento(?:\s+de\s+refugiados)?)|(?:masacre|matanza)(?=\s+de\s))(?:\s+(?:of|including|such\s+as|de|como)\s+|,\s+)$/u;

/**
 * The same nouns after the names ("the Cudi, Sur and Nur neighbourhoods", "the Torkham and Islam Qala
 * crossings", "Nwe Khwe village", "Tabayin township", "Dinguiri hamlet", "the Kakuma refugee camp",
 * "the Qatif governorate"): the names are places, without the noun (as the annotations write them).
 * Since stop 40 also a crossing, quarter, Ethiopian woreda or kebele, or a side of a line ("the Torkham
 * crossing", "the Mai Temenai quarter", "Hawa Gelan woreda", "the Galmudug side": 14 development misses in
 * rounds 21, 22, 28, 31, 39, 40, 48, 53, 54; a people's word before "side" is no place, "the Thai side"),
 * and a killing named after its site, which the guide (§7) annotates as a place ("the Sharpeville
 * massacre", "the Sebokeng shootings", "la masacre de Haximu": 12 development misses in rounds 12, 15,
 * 18, 19, 22, 24, 25, 43, 54; the gold has 41 such names as places and 3 not).
 * Since stop 41 a lower-case police station, checkpoint or border post named by its place ("Agouza police
 * station", "the Kikuyu and Kamangu police stations", "the Omanthai checkpoint", "the Tychero border
 * post"): the guide (D18) makes the town a form of the site's entry, and in the English development texts
 * 37 such mentions are annotated with the town as a form (the rules found 16 of them), 8 not (5 of them a
 * body's initials, "a KLA checkpoint", skipped).
 */
const CLASS_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]+`;
const CLASS_NAME = String.raw`${CLASS_WORD}(?:[ \t]+${CLASS_WORD}){0,2}`;
const CLASS_AFTER = new RegExp(
  String.raw`(?<![\p{L}\p{M}\d'’-])(${CLASS_NAME}(?:,\s+${CLASS_NAME})*(?:,?\s+and\s+${CLASS_NAME})?)\s+(?:(villages|hamlets|townships|neighbou?rhoods|camps|crossings|quarters|woredas|kebeles|massacres|killings|shootings|police\s+stations|checkpoints|border\s+posts)|village|hamlet|township|neighbou?rhood|(?:refugee\s+|IDP\s+|displacement\s+)?camp|governorate|crossing|quarter|woreda|kebele|massacre|(side|police\s+station|checkpoint|border\s+post))(?![\p{L}])`,
  'gu',
);
/** Opening words of a sentence or a title the run of capitals takes in ("The", "In"). */
const CLASS_OPENER = /^(?:The|In|At|From|To|Near|And|Of|For|On|By|A|An)\s+/u;

/** Places the class noun around them names (see `CLASS_BEFORE`, `CLASS_AFTER`). */
function placesNamedByClass(text: string, taken: readonly Taken[]): ContextPlace[] {
  const takenAt = new SpanIndex(taken);
  const out: ContextPlace[] = [];
  const free = (s: number, e: number) => freeOf(s, e, takenAt, out);
  const add = (start: number, name: string) => {
    const end = start + name.length;
    const words = name.split(/\s+/);
    // "the Hutu villages", "the Sunday camp": a people's word or an everyday word alone names no place.
    if (words.some((w) => isDemonym(w)) || (words.length === 1 && isEverydayWord(name))) return;
    if (!free(start, end) || /^\s*[\d½¼¾]/u.test(text.slice(end, end + 3))) return;
    out.push(localityAt(text, start, end));
  };
  const re = /\p{Lu}/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let at = m.index;
    if (at > 0 && /[\p{L}\p{M}\d'’-]/u.test(text[at - 1]!)) continue;
    // The cheap test first: the whole one is tried only after "of", "de", "including", "como" or a comma.
    if (!/(?:of|including|as|de|como|,)\s+$/u.test(text.slice(Math.max(0, at - 12), at))) continue;
    const cue = CLASS_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
    if (!cue) continue;
    for (;;) {
      const run = NAME.exec(text.slice(at, at + 80))?.[0];
      const name = run
        ?.slice(0, (run.indexOf('\n') + 1 || run.length + 1) - 1)
        .replace(/\s+(?:de|del)$/u, '');
      if (!name) break;
      add(at, name);
      // A plural noun: the list goes on ("Musawas, Alal y Sikilta").
      const link = cue[1] ? LIST_AFTER.exec(text.slice(at + name.length, at + name.length + 12)) : null;
      if (!link) break;
      at += name.length + link[0].length;
    }
  }
  for (const m of text.matchAll(CLASS_AFTER)) {
    const list = m[1]!;
    const items = [...list.matchAll(new RegExp(CLASS_NAME, 'gu'))];
    // A singular noun names one place; a list needs a plural one.
    if (items.length > 1 && !m[2]) continue;
    for (const it of items) {
      let start = m.index! + it.index!;
      let name = it[0];
      // The last words of a longer capitalized run are no name of their own.
      if (it.index === 0 && /\p{Lu}[\p{L}\p{M}'’-]*\s+$/u.test(text.slice(Math.max(0, start - 30), start)))
        continue;
      const open = CLASS_OPENER.exec(name);
      if (open) {
        start += open[0].length;
        name = name.slice(open[0].length);
      }
      // "the ODM side", "the UN side", "a KLA checkpoint": a side or post named by a body's initials is that body's.
      if ((m[3] || /(?:stations|checkpoints|posts)$/u.test(m[0])) && /^[\p{Lu}\d-]+$/u.test(name)) continue;
      // "the Easter massacre", "the September killings": a feast or a month names when, not where.
      if (EVENT_NOUN.test(m[0]) && (HOLIDAY.test(name.split(/\s+/)[0]!) || isEnglishMonthName(name)))
        continue;
      add(start, name);
    }
  }
  return out;
}

/** Nouns of a killing named after where it happened ("the Sharpeville massacre", "the Kasai killings"). */
const EVENT_NOUN = /\s(?:massacres?|killings|shootings)$/u;

/**
 * English "at X", where X is a name no gazetteer or rule holds ("arrested me at Nkwen", "meet them at
 * Halane", "the morgue at Zeinhom", "landed at Henderson"): one is at a place far more often than at
 * anything else a name could be. Not after a verb aimed at someone ("looked at", "shot at"), not a
 * name whose words could be a person's or everyday words, not a possessive ("at Amina's house"), an
 * acronym ("at UNICEF") or the first words of a longer capitalized run.
 */
const AT =
  /(?<![\p{L}])(?<!(?:look|looked|looking|stare|stared|staring|shout|shouted|shouting|shoot|shot|shooting|fire|fired|firing|aim|aimed|point|pointed|pointing|laugh|laughed|glance|glanced|yell|yelled|smile|smiled|wave|waved|nod|nodded|angry|mad|upset|furious|good|bad|better|best|worse|hint|hinted|jab|jabs|swipe|directed|lashed|struck|strike|arrived|arrive)\s)(?:at|in)\s+$/u;
const AT_NAME = /^\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+)?/u;
const HOLIDAY =
  /^(?:Christmas|Easter|Ramadan|Eid|Diwali|Passover|Hanukkah|Thanksgiving|Halloween|New|Mass|Midnight|Noon|Dawn|Dusk|First|Last|Least|Most|Once|All|Times|Gunpoint|Random|Night|Home|Work|School|Church|Court|Trial|Telegram|WhatsApp|Signal|Facebook|Twitter|Instagram|TikTok|YouTube|Zoom|Skype|Viber|Messenger|Google|Reddit|Discord|Parliament|Congress|Senate|Custody|Case|Room|Cell|Ward|Block|Section|Article|Annex|Paragraph|Chapter|Part|Phase|Stage|Round|Term|Session)$/u;

/** Head nouns of a body, not a place ("at Cenderawasih University"): the organization rules read those. */
const ORG_HEAD =
  /^(?:University|College|Institute|School|Academy|Bank|Company|Ministry|Council|Office|Agency|Foundation|Association|Group|Network|Centre|Center|Committee|Commission|Party|Union|Times|News|Post|Radio|TV)$/u;

function placesAfterAt(text: string, taken: readonly Taken[], out: readonly ContextPlace[]): ContextPlace[] {
  const takenAt = new SpanIndex(taken);
  const found: ContextPlace[] = [];
  const free = (s: number, e: number) => freeOf(s, e, takenAt, out, found);
  const re = /(?<![\p{L}'’-])(?:at|in)\s+(?=\p{Lu})/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index! + m[0].length;
    if (!AT.test(text.slice(Math.max(0, at - 20), at))) continue;
    const name = AT_NAME.exec(text.slice(at, at + 60))?.[0];
    if (!name) continue;
    const end = at + name.length;
    const after = text.slice(end, end + 4);
    // "at Amina's", "at Kanu Street" (the street rule's), "at Block 32", a longer run of capitals.
    if (/['’]s?$/u.test(name) || /^(?:['’]s\b|[ \t]+\p{Lu}|[ \t]*\d|-)/u.test(after)) continue;
    const words = name.split(/[ \t]+/);
    if (
      words.some(
        (w) =>
          /^[\p{Lu}\d&.-]{2,}$/u.test(w) ||
          HOLIDAY.test(w) ||
          isDemonym(w) ||
          isLanguageName(w) ||
          !mayNameUnknownPlace(w),
      )
    )
      continue;
    if (!free(at, end) || ORG_HEAD.test(words.at(-1)!)) continue;
    // A word the text also writes in lower case is a word ("en Movimiento", "at Once"), not a name.
    const lower = lowerWords(text);
    if (words.some((w) => lower.has(w.toLowerCase()))) continue;
    found.push(localityAt(text, at, end));
  }
  return found;
}

/**
 * Words a text writes in lower case, and one-word names it writes right after another capitalized word
 * ("Juan Perón": a surname there). Built once per text of an extraction (text-cache.ts; its callers,
 * townsInContext and townsReadAsNames, run inside one): a scan of the whole text per candidate cost seconds on
 * 300 KB.
 */
const textWords = perText((text: string): { lower: Set<string>; afterCap: Set<string> } => {
  const lower = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}'’-]*/gu)) lower.add(m[0]);
  const afterCap = new Set<string>();
  for (const m of text.matchAll(
    /(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}]+)[ \t]+(?=(\p{Lu}[\p{L}\p{M}'’-]*)(?![\p{L}\p{M}'’-]))/gu,
  ))
    if (!/^(?:San|Santa|Santo|Puerto|Ciudad|Villa|Nueva|Nuevo)$/u.test(m[1]!)) afterCap.add(m[2]!);
  return { lower, afterCap };
});
const lowerWords = (text: string) => textWords(text).lower;
const afterCapital = (text: string, name: string) => textWords(text).afterCap.has(name);

export function townsInContext(text: string, taken: readonly Taken[]): ContextPlace[] {
  const takenAt = new SpanIndex(taken);
  const out: ContextPlace[] = [];
  out.push(...placesNamedByClass(text, taken));
  out.push(...placesAfterAt(text, taken, out));
  const free = (s: number, e: number) => freeOf(s, e, takenAt, out);
  const consider = (at: number, weak = false, noPerson = false, noSurname = false, unknown = false) => {
    const m = NAME.exec(text.slice(at, at + 80));
    if (!m) return;
    if (noPerson && !/\s/.test(m[0]) && (GIVEN_NAMES.has(fold(m[0])) || SURNAME_SET.has(fold(m[0])))) return;
    // A one-word name the text also writes after another capitalized word ("Juan Perón", "Rubén Ledesma")
    // is a surname there, so no town here on a cue as weak as "de" or "en".
    if (noSurname && !/\s/.test(m[0]) && afterCapital(text, m[0])) return;
    // A weak cue ("in") takes no everyday word: "in Mobile homes".
    if (weak && !/\s/.test(m[0]) && isEverydayWord(m[0])) return;
    // The whole run of capitalized words, or nothing: "Guna" of "Guna Yala" is no town of its own;
    // nor is a name followed by a number ("Kilo 5", "Zona 7").
    const name = m[0];
    const end = at + name.length;
    if (!free(at, end) || /^\s*[\d½¼¾]/u.test(text.slice(end, end + 3))) return;
    const entry = townEntry(name);
    if (entry) out.push(placeAt(at, name, entry));
    // "fled to Sagbama", "the road through Balakliia": after a word of motion or passage, a name no
    // gazetteer holds that no other kind could be.
    else if (unknown && mayBeUnknownPlace(text, name, at, end)) out.push(localityAt(text, at, end));
  };
  const re = /\p{Lu}/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    // Only at a word's start.
    if (at > 0 && /[\p{L}\p{M}\d'’-]/u.test(text[at - 1]!)) continue;
    const before = text.slice(Math.max(0, at - 40), at);
    // A name no gazetteer holds only after a cue in lower case (not a heading's "SALA PENAL Comunicado").
    const motion = MOTION.exec(before)?.[0];
    if (motion !== undefined) consider(at, false, false, false, !/^\s*\p{Lu}/u.test(motion));
    else if (SENTENCE_IN.test(before)) consider(at);
    else if (THROUGH.test(before))
      consider(at, false, true, false, !/\p{Lu}/u.test(THROUGH.exec(before)![0]));
    else if (RESIDENTS.test(before)) consider(at, false, true);
    else if (EN_IN.test(before) && !/^\p{Lu}[\p{L}\p{M}-]*['’]s\b/u.test(text.slice(at, at + 40)))
      consider(at, true);
    // English mid-sentence "from X": a town the gazetteers hold, never a given name, surname or everyday word
    // alone ("a teacher from Matara", "they came from Laventille"; not "a letter from Morales").
    else if (EN_FROM.test(before)) consider(at, true, true, true);
    // A sentence's "To" is itself a capitalized word before the name ("To Songkhla"), so it says no surname.
    else if (EN_TO.test(before)) consider(at, true, true, !/To\s+$/u.test(before));
    // Spanish "en X", "de X" mid-sentence: a town the gazetteers hold, never a given name or surname alone
    // ("en Azogues", "el hospital de Jamundí"; not "confía en Morales", "la madre de Victoria").
    else if (ES_EN_DE.test(before.slice(-24))) consider(at, true, true, true);
  }
  // Lists around a place (a found one or one found here): "de Perm y de Kazán", "Tibú, Teorama y El Tarra".
  const places = () => [...taken.filter((t) => t.kind === 'place'), ...out].sort((a, b) => a.start - b.start);
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of places()) {
      const link = LIST_AFTER.exec(text.slice(p.end, p.end + 12));
      const n = out.length;
      if (link) consider(p.end + link[0].length);
      const back = LIST_BEFORE.exec(text.slice(Math.max(0, p.start - 60), p.start));
      const from = back ? p.start - back[0].length + back[0].indexOf(back[1]!) : -1;
      // "el Valle de la Luna y en Cochabamba": the last words of a longer name are no item of the list.
      if (back && !INSIDE_NAME.test(text.slice(Math.max(0, from - 40), from))) consider(from);
      if (out.length > n) changed = true;
    }
  }
  out.push(...listedWithPlaces(text, [...taken, ...out], out));
  return out;
}

/**
 * Whether the capitalized words from `start` to `end` may name a place no gazetteer holds, where the words
 * around them say a place: the whole run of capitals (no capital, number or possessive around it), not
 * the last or first words of a longer name, not an abbreviation, and no word another kind could be (a
 * given name, surname, everyday word, people, language, acronym, body's noun, form label, or a word the
 * text also writes in lower case).
 */
function mayBeUnknownPlace(text: string, name: string, start: number, end: number): boolean {
  // The whole run of capitals: no capital or number right before or after, no possessive.
  if (/^(?:[ \t]*\d|[ \t]+\p{Lu}|['’]s?\b|-)/u.test(text.slice(end, end + 3))) return false;
  if (/\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+$/u.test(text.slice(Math.max(0, start - 30), start))) return false;
  // The last words of a longer name ("Palacio de Justicia", "Campamento de Detenidos Tres Álamos"), or
  // the first ones ("Benquerencia de la Serena"); an abbreviation ("Miami, Fla.").
  if (INSIDE_NAME.test(text.slice(Math.max(0, start - 40), start))) return false;
  if (/^[ \t]+(?:de|del|of)[ \t]+(?:(?:la|las|los|the)[ \t]+)?\p{Lu}/u.test(text.slice(end, end + 16)))
    return false;
  if (name.length <= 4 && text[end] === '.') return false;
  const lower = lowerWords(text);
  const words = name.replace(/^(?:El|La|Los|Las)\s+/u, '').split(/[ \t]+/);
  return !words.some(
    (w) =>
      ACRONYM.test(w) ||
      HOLIDAY.test(w) ||
      ORG_HEAD.test(w) ||
      LABEL_WORD.test(w) ||
      isDemonym(w) ||
      isLanguageName(w) ||
      !mayNameUnknownPlace(w) ||
      lower.has(w.toLowerCase()),
  );
}

/** One item of a list of names: one to three capitalized words, a Spanish article before allowed ("El Hoyo"). */
const LIST_ITEM = /^(?:(?:El|La|Los|Las)\s+)?\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){0,2}/u;
/**
 * What joins two items: a comma, or a conjunction; a preposition may be repeated after either ("y de X",
 * "de Trevelin, de El Hoyo"). Before a place, a comma and "en"/"in"/"de"/"a" say where the item lies
 * ("reparto Los Olmos, en Santiago de Cuba"), never "desde"/"from" ("Cristosal, desde Ciudad de
 * Guatemala": a body and where it speaks from).
 */
const ITEM_LINK_AFTER =
  /^(?:(,)[ \t]+(?:(?:de|en|desde|a)[ \t]+)?|[ \t]+(?:y|e|ni|and|or|o)[ \t]+(?:(?:de|en|in|from|a|to)[ \t]+)?)/u;
const ITEM_LINK_BEFORE =
  /(?:(,)[ \t]+(?:(?:de|en|in|a)[ \t]+)?|[ \t]+(?:y|e|ni|and|or|o)[ \t]+(?:(?:de|en|in|from|a|to)[ \t]+)?)$/u;
/** Words of a form's labels ("Location Greenwood, Tulsa"): no name of a place. */
const LABEL_WORD = /^(?:Location|Ubicaci[oó]n|Lugar|Place|Address|Direcci[oó]n|Date|Fecha)$/u;
/** What may follow the last item of a list of places: the clause ends, or a preposition or "as" goes on. */
const LIST_END =
  /^(?:\s*(?:[.;:!?)»"”\n]|$)|,(?![ \t]+\p{Lu})|[ \t]+(?:as|in|en|near|cerca|del?|of|on|where|donde|que|which)\b)/u;
/** The same after an item a comma brought in: the clause ends there ("In Istanbul, Berkin Elvan, aged 15" is no list). */
const LIST_END_STRONG = /^\s*(?:[.;:!?)»"”\n]|$)/u;
/** A preposition of place before the first item of a list of two ("entre Jayuya y X", "de Berisso y Ensenada"). */
const LIST_OPENER =
  /(?<![\p{L}])(?:in|at|from|to|between|around|near|en|de|desde|hacia|hasta|entre|a)[ \t]+$/iu;

/**
 * Names no gazetteer holds listed with places the rules found ("Nyakabiga, Musaga, Jabe and Mutakura",
 * "around Tshimbulu, Nganza and Kamako", "Srebrenica y Žepa", "de Berisso y Ensenada", "surrounded
 * Alisingha, Basundhari, Borjola"): a list's items are of one kind, and its known places say which. Only
 * where the list is plainly a list — an item between two links, the last item of a list whose clause ends
 * there ("Geneva and Kloop reported" is no list of places), the first of two after a preposition of
 * place, a name before ", en/in X" ("reparto Los Olmos, en Santiago de Cuba") — and only names no other
 * kind could be (`mayBeUnknownPlace`). Grows from the items it finds.
 */
function listedWithPlaces(
  text: string,
  taken: readonly Taken[],
  found: readonly ContextPlace[],
): ContextPlace[] {
  const out: ContextPlace[] = [];
  const takenAt = new SpanIndex(taken);
  const free = (s: number, e: number) => freeOf(s, e, takenAt, out, found);
  const nameOk = (name: string, start: number, end: number) =>
    free(start, end) && mayBeUnknownPlace(text, name, start, end);
  const queue: { start: number; end: number }[] = taken.filter((t) => t.kind === 'place');
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i]!;
    // The item after the place.
    const after = ITEM_LINK_AFTER.exec(text.slice(p.end, p.end + 16));
    if (after) {
      const at = p.end + after[0].length;
      const name = LIST_ITEM.exec(text.slice(at, at + 60))?.[0];
      const end = name ? at + name.length : at;
      const more = name ? ITEM_LINK_AFTER.exec(text.slice(end, end + 16)) : null;
      // A middle item before another name ("Musaga, Jabe and"; not "In Istanbul, Berkin Elvan, aged 15"),
      // or the last one where the clause ends ("…, Nganza and Kamako.").
      const middle =
        more !== null &&
        (!more[1] || /^\p{Lu}/u.test(text.slice(end + more[0].length, end + more[0].length + 1)));
      const ends = (after[1] ? LIST_END_STRONG : LIST_END).test(text.slice(end, end + 10));
      if (name && (middle || ends) && nameOk(name, at, end)) {
        const q = localityAt(text, at, end);
        out.push(q);
        queue.push(q);
      }
    }
    // The item before the place.
    const head = text.slice(Math.max(0, p.start - 80), p.start);
    const before = ITEM_LINK_BEFORE.exec(head);
    if (before) {
      const upTo = p.start - before[0].length;
      const m =
        /(?:^|[^\p{L}\p{M}'’-])((?:(?:El|La|Los|Las)\s+)?\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){0,2})$/u.exec(
          text.slice(Math.max(0, upTo - 60), upTo),
        );
      if (m) {
        const start = upTo - m[1]!.length;
        const earlier = ITEM_LINK_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
        const goesOn = ITEM_LINK_AFTER.exec(text.slice(p.end, p.end + 16));
        const placeGoesOn =
          goesOn !== null &&
          /^\p{Lu}/u.test(text.slice(p.end + goesOn[0].length, p.end + goesOn[0].length + 1));
        // An item after another link, the first of a list that goes on past the place, or the first of
        // two after a preposition of place ("entre X y Jayuya").
        const listed =
          (earlier && (earlier[1] || before[1])) ||
          (before[1] && placeGoesOn) ||
          LIST_OPENER.test(text.slice(Math.max(0, start - 12), start));
        if (listed && nameOk(m[1]!, start, upTo)) {
          const q = localityAt(text, start, upTo);
          out.push(q);
          queue.push(q);
        }
      }
    }
  }
  return out;
}

/**
 * A town of the gazetteer below the well-known tier, for a name after "de"/"en" inside an organization's
 * name ("Fiscalía de Derechos Humanos en Cobán"): not a given name, surname or everyday word alone,
 * nor a word the text writes in lower case.
 */
function smallTown(text: string, name: string): PlaceEntry | undefined {
  const single = !/\s/.test(name);
  if (single && (GIVEN_NAMES.has(fold(name)) || SURNAME_SET.has(fold(name)) || isEverydayWord(name)))
    return undefined;
  // Spanish abstract nouns ("Protección", "Seguridad", "Reconocimiento") name bodies' tasks, not towns.
  if (single && /(?:ci[oó]n|si[oó]n|dad|miento|encia|ancia|ismo)$/iu.test(name)) return undefined;
  // A word the text also writes in lower case is a word ("Orden", "Primera"), not a town.
  if (writesWholeWord(text, name.toLowerCase())) return undefined;
  const town = lookupTown(name);
  return town && { value: town.value, kind: town.kind, countryCode: town.countryCode };
}

/** An article between "de"/"of" and a place inside a name ("de los Estados Unidos", "of the Gambia"). */
const ARTICLE_IN_NAME = /^(?:la|las|los|el|the)$/u;

/**
 * Whether the capitalized words from `i` to the name's end are one place a gazetteer holds, or the
 * last word alone: the longest closing run is the place ("… South Africa", not "Africa").
 */
function closingRun(text: string, words: readonly { w: string; start: number }[], i: number): boolean {
  if (i === words.length - 1) return true;
  const rest = words.slice(i);
  if (!rest.every((x) => /^\p{Lu}/u.test(x.w))) return false;
  const last = rest[rest.length - 1]!;
  return lookupPlace(text.slice(rest[0]!.start, last.start + last.w.length)) !== undefined;
}

/**
 * Places inside the organizations only the tagger read ("Manila Bulletin", "Caucasus Rights Watchdog"),
 * read as the rules read theirs (`placesInsideOrgs`), over no other name's words: the rules read places
 * inside their own organizations before the tagger ran (dev rounds: about 12 English misses, 4 Spanish).
 */
export function placesInTaggedOrgs<T extends { kind: string; start: number; end: number }>(
  text: string,
  ruled: readonly T[],
  tagged: readonly T[],
): ContextPlace[] {
  const ruleOrgs = new Set(ruled.filter((e) => e.kind === 'organization').map((e) => `${e.start}:${e.end}`));
  const orgs = tagged.filter((e) => e.kind === 'organization' && !ruleOrgs.has(`${e.start}:${e.end}`));
  if (!orgs.length) return [];
  return placesInsideOrgs(text, orgs).filter(
    (p) => !tagged.some((e) => e.kind !== 'organization' && p.start < e.end && e.start < p.end),
  );
}

/**
 * "the Mueda road", "the Tripoli road checkpoint", "came to Monywa road": a town's name before a lower-case
 * "road" names the road to that town, and the rounds mostly annotate the town (9 times in rounds 8, 12, 13,
 * 19, 21, 22, 32; the road whole 3 times: "Kandy road", "Rumonge road", "Mandura road"): the place is the name
 * without the noun. A capitalized "Road" is a street's own name ("Kissy Road") and stays.
 */
export function townOfRoad<
  T extends { kind: string; start: number; end: number; text: string; value: string },
>(e: T): T {
  if (e.kind !== 'place') return e;
  const m = /^(\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){0,2})[ \t]+road$/u.exec(e.text);
  if (!m) return e;
  const name = m[1]!;
  const value = e.value === e.text ? name : e.value.replace(/\s+road$/u, '');
  return { ...e, end: e.start + name.length, text: name, value };
}

/** Words of speaking, writing and translating before "in"/"from"/"into" ("Messages in", "translated from"). */
const LANGUAGE_CUE =
  /(?<![\p{L}])(?:translat\w*|interpret\w*|written|wrote|writes?|writing|messages?|letters?|poems?|songs?|spoke|speaks?|speaking|spoken|testified|testimony|sang|sung|read|subtitled|subtitles?|broadcasts?)\s+(?:\p{Ll}+\s+){0,2}(?:in|from|into)\s+$/u;

/**
 * A language's name the rules read as a place after "in"/"from" ("Messages in Tamil translated", "Translation
 * from Punjabi", "read his poems in Tigrinya", "written in Somali": 9 extras in dev rounds 14, 16, 19, 21,
 * 23, 30): after a word of speaking, writing or translating, a language is what is named.
 */
export function languageReadAsPlace(text: string, e: { start: number; end: number; text: string }): boolean {
  return (
    isLanguageName(e.text) && LANGUAGE_CUE.test(text.slice(Math.max(0, e.start - 40), e.start).toLowerCase())
  );
}

/** A saint's name, which names parishes, schools and hospitals after the saint ("San Pedro", "St. Mary"). */
const SAINT = /(?:^|\s)(?:San|Santa|Santo|S[aã]o|Saint|St\.?)\s/u;

/** Places a name may hold between two of its capitalized words. */
const INSIDE_KINDS = new Set<PlaceEntry['kind']>(['country', 'region', 'state', 'city']);

/**
 * Whether a gazetteer's place between two capitalized words of an organization's name is a place: a
 * country, region or city, not a people's word, not a saint's name ("Parroquia San Pedro de Huancapi")
 * nor a surname after a given name ("Escuela Normal Rural Raúl Isidro Burgos", "la Simón Bolívar").
 */
function insidePlace(entry: PlaceEntry, name: string, before: string, whole: boolean): boolean {
  return (
    INSIDE_KINDS.has(entry.kind) &&
    !whole &&
    /^\p{Lu}/u.test(before) &&
    !GIVEN_NAMES.has(fold(before)) &&
    !SAINT.test(name) &&
    !isDemonym(name)
  );
}

/** Words after which an organization's name says where it is ("Centro Penitenciario de Carabobo"). */
const WHERE_IN_NAME = /^(?:de|del|of|en|in|sobre|para|for)$/iu;

/**
 * Places named inside organizations' names, which say where ("Centro Penitenciario de Carabobo",
 * "Casa de Justicia de Elorza", "Prison Watch Andes"): a gazetteer's place after
 * "de"/"of"/"en"/"in", or closing the name. The organization keeps its whole name; the
 * place is a mention of its own inside it.
 */
export function placesInsideOrgs(
  text: string,
  orgs: readonly { kind: string; start: number; end: number }[],
): ContextPlace[] {
  const out: ContextPlace[] = [];
  for (const o of orgs) {
    if (o.kind !== 'organization') continue;
    const words = [...text.slice(o.start, o.end).matchAll(/[\p{L}\p{M}'’.-]+/gu)].map((m) => ({
      w: m[0],
      start: o.start + m.index!,
    }));
    if (words.length < 2) continue;
    for (let i = 0; i < words.length; i++) {
      // "Embajada de los Estados Unidos", "Embassy of the Philippines": an article may stand between.
      const after =
        i > 0 &&
        (WHERE_IN_NAME.test(words[i - 1]!.w) ||
          (i > 1 && ARTICLE_IN_NAME.test(words[i - 1]!.w) && WHERE_IN_NAME.test(words[i - 2]!.w)));
      // Closing the name ("Prison Watch Andes"), or opening it ("Sindh Police", "Cambodia National
      // Rescue Party", "Stockholm District Court"): English puts where a body is before its head noun,
      // and every round's annotations name that place (77 of 79 such names; "Miami Herald" is one of two).
      // A closing place of two or three words counts from its first ("Amnesty International South Africa").
      const edge = i > 0 && words.length - i <= 3 && closingRun(text, words, i);
      const opening = i === 0;
      // Inside, between capitals: only a country, region or city the gazetteers hold ("Radio Caracas
      // Televisión", "Nordic Caucasus Committee", "Renaissance Africa Energy").
      const inside = !after && !edge && !opening;
      if (!/^\p{Lu}/u.test(words[i]!.w)) continue;
      // "Madres de Plaza de Mayo", "Organización Campesina de la Sierra del Sur": a square, field, range or
      // valley named "de X" inside the name is the place whole, not X ("Mayo" is a month, "Sur" no place).
      const feature = after ? namedFeatureAt(text, words, i) : undefined;
      if (feature) {
        out.push(feature.place);
        i = feature.last;
        continue;
      }
      // The longest run of one to three words from here that a gazetteer holds, to the name's end or a particle.
      for (let n = Math.min(3, words.length - i - (opening ? 1 : 0)); n >= 1; n--) {
        const last = words[i + n - 1]!;
        if (!after && !opening && !inside && i > 0 && i + n !== words.length) continue;
        const name = text.slice(words[i]!.start, last.start + last.w.length);
        if (!/^\p{Lu}/u.test(last.w)) continue;
        // A smaller town only as the whole run of capitals after "de"/"en" ("… en Cobán", not "de Primera Instancia").
        const whole = i + n === words.length || !/^\p{Lu}/u.test(words[i + n]!.w);
        const entry = lookupPlace(name) ?? (after && whole ? smallTown(text, name) : undefined);
        if (!entry || entry.kind === 'detention_site') continue;
        if (inside && !insidePlace(entry, name, words[i - 1]!.w, whole)) continue;
        // "Escuela Normal Rural Raúl Isidro Burgos": a surname after a given name closes a person's name.
        if (!after && i > 0 && GIVEN_NAMES.has(fold(words[i - 1]!.w))) continue;
        // "Policía Federal Argentina", "Alianza Anticomunista Argentina": Spanish writes the feminine word of
        // Argentina's people as the country's name; closing a name without "de", it is that word (a demonym).
        // "la República Argentina", "la Nación Argentina" are the country.
        if (
          !after &&
          i > 0 &&
          /^Argentina$/u.test(name) &&
          !/^(?:Rep[uú]blica|Naci[oó]n)$/u.test(words[i - 1]!.w)
        )
          continue;
        // "Parroquia San Pedro de Huancapi": a saint's name opening or inside a name is the saint's.
        if (!after && SAINT.test(name)) continue;
        out.push(placeAt(words[i]!.start, name, entry));
        i += n - 1;
        break;
      }
      // "Leninsky District Court", "Derge County People's Court": a district no gazetteer holds opening a
      // court's or an office's name is where it sits (annotated as the district's own name, "Leninsky").
      const unit = words[1];
      if (
        opening &&
        !out.some((p) => p.start === words[0]!.start) &&
        unit &&
        ADMIN_UNIT.test(unit.w) &&
        words.length > 2 &&
        !isEverydayWord(words[0]!.w) &&
        !isDemonym(words[0]!.w)
      ) {
        const value = `${words[0]!.w} ${unit.w}`;
        out.push({
          kind: 'place',
          start: words[0]!.start,
          end: words[0]!.start + words[0]!.w.length,
          text: words[0]!.w,
          value,
          place: { value, kind: 'region' },
        });
      }
    }
  }
  return out;
}

/** A body's initials joined by a hyphen to the country or city it works in ("IRA-Mauritania", "ACAT-Burundi"). */
const ACRONYM_PLACE = /(?<![\p{L}\p{M}\d'’-])\p{Lu}{2,6}[-–](\p{Lu}[\p{L}\p{M}]+)(?![\p{L}\p{M}\d'’-])/gu;

/**
 * The place after a body's initials and a hyphen ("IRA-Mauritania", "GIEI-Bolivia", "ACAT-Burundi"): the
 * guide's place inside an organization's name (§5). The gold annotates it in 9 such names of rounds 7, 10,
 * 21, 30, 47, 50 and none of the others ("OVD-Info", "DC-Cam"); only a country, region or city a
 * gazetteer holds, not a people's word.
 */
export function placesAfterAcronym(text: string): ContextPlace[] {
  const out: ContextPlace[] = [];
  for (const m of text.matchAll(ACRONYM_PLACE)) {
    const name = m[1]!;
    const entry = lookupPlace(name);
    if (!entry || !INSIDE_KINDS.has(entry.kind) || isDemonym(name)) continue;
    out.push(placeAt(m.index! + m[0].length - name.length, name, entry));
  }
  return out;
}

/** Capitalized nouns of a square, field, range or valley whose name follows with "de" ("Plaza de Mayo"). */
const FEATURE_HEAD = /^(?:Plaza|Campo|Sierra|Valle|Cerro|Pampa)$/u;

/** "Plaza de Mayo" from words[i] on, inside an organization's name: the head, "de"/"del", and capitalized words. */
function namedFeatureAt(
  text: string,
  words: readonly { w: string; start: number }[],
  i: number,
): { place: ContextPlace; last: number } | undefined {
  if (!FEATURE_HEAD.test(words[i]!.w) || !/^(?:de|del)$/u.test(words[i + 1]?.w ?? '')) return undefined;
  // One name word, an article before it allowed ("Plaza de la Revolución"): what follows is the body's
  // own ("Madres de Plaza de Mayo Línea Fundadora").
  const last = /^(?:la|las|los|el)$/u.test(words[i + 2]?.w ?? '') ? i + 3 : i + 2;
  if (!words[last] || !/^\p{Lu}/u.test(words[last]!.w)) return undefined;
  return { place: localityAt(text, words[i]!.start, words[last]!.start + words[last]!.w.length), last };
}

const ADMIN_RUN =
  /(?<![\p{L}\d'’-])(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2})\s+(District|Province|Region|County|Prefecture|Governorate|Oblast|State)(?![\p{L}\d])(?!\s+\p{Lu})/gu;

/** Compass points naming a country's part ("North-West", "Far North", "Eastern"). */
const COMPASS_HEAD =
  /^(?:(?:Far|Extreme)\s+)?(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|(?:North|South)-?(?:[Ww]est|[Ee]ast)|(?:North|South)[Ww]estern|(?:North|South)[Ee]astern)$/u;

const COMPASS_UNIT =
  /(?<![\p{L}\p{M}'’-])(?:(?:Far|Extreme)\s+)?(?:North|South|East|West|Northern|Southern|Eastern|Western|(?:North|South)-?(?:[Ww]est|[Ee]ast))\s+(?:Region|Province)(?![\p{L}\d])(?!\s+\p{Lu})/gu;

/** Whether [start, end) lies inside a longer span of another kind taken before (a body's or person's name): that name stands. */
function insideLongerName(taken: SpanIndex<Taken>, start: number, end: number): boolean {
  return taken.someOverlapping(
    start,
    end,
    (t) => t.kind !== 'place' && t.start <= start && end <= t.end && t.end - t.start > end - start,
  );
}

/**
 * "the North-West Region", "the Eastern Province": a country's part named by a compass point and its unit,
 * also where another rule read it as a body ("the Governor of the South-West Region"); every one in the
 * rounds' annotations is a place (5, 15, 32, 38, 39). Not inside a longer name ("Northern Province Council").
 */
function compassUnits(text: string, taken: SpanIndex<Taken>): ContextPlace[] {
  const out: ContextPlace[] = [];
  for (const m of text.matchAll(COMPASS_UNIT)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (insideLongerName(taken, start, end)) continue;
    out.push(localityAt(text, start, end));
  }
  return out;
}

/**
 * Administrative units named with their capitalized noun ("Lofa County", "Ili Prefecture", "the Kurdistan
 * Region of Iraq", "Miranda State"): the whole is a place, whatever its name's words could be, unless
 * another rule read them. Not a people's or everyday word before the noun ("Islamic State", "Southern
 * Region" alone), and "State" only after a place a gazetteer holds ("Member State", "Free State").
 */
function adminUnits(text: string, taken: readonly Taken[]): ContextPlace[] {
  const takenAt = new SpanIndex(taken);
  const out: ContextPlace[] = [];
  for (const m of text.matchAll(ADMIN_RUN)) {
    let start = m.index!;
    let head = m[1]!;
    const open = OPENERS.exec(`${head} `);
    if (open) {
      if (open[0].length > head.length) continue;
      start += open[0].length;
      head = head.slice(open[0].length);
    }
    const end = m.index! + m[0].length;
    const words = head.split(/\s+/);
    // "the North-West Region", "the Eastern Province", "Cameroon's Far North Region": a compass point before
    // the noun names a first-level unit (every one in the rounds' annotations: 15, 32, 38, 39, 5).
    const compass = /^(?:Region|Province)$/u.test(m[2]!) && COMPASS_HEAD.test(head);
    // "Plateau State", "Unity State", "Rivers State": an everyday word that is a first-level region's name.
    const region = lookupTown(head)?.kind === 'region' && /^(?:Region|Province|State)$/u.test(m[2]!);
    if (
      words.some((w) => isDemonym(w)) ||
      (words.length === 1 && isEverydayWord(head) && !compass && !region)
    )
      continue;
    if (m[2] === 'State' && !lookupPlace(head) && !lookupTown(head)) continue;
    if (!freeOf(start, end, takenAt)) continue;
    const name = text.slice(start, end);
    const value = name.replace(/\s+/g, ' ');
    out.push({ kind: 'place', start, end, text: name, value, place: { value, kind: 'region' } });
  }
  return out;
}

/** English streets and roads named with a capitalized noun after the name ("Kissy Road", "Etna Drive"): the noun, then the name before it. */
const EN_STREET_NOUN = /\s(?:Road|Street|Drive|Avenue|Boulevard|Highway|Lane)(?![\p{L}\d])(?!\s+\p{Lu})/gu;
/**
 * Landmarks named with a capitalized noun after the name ("Victory Monument", "McNulty Park", "Thompson
 * River", "Adams Lake", "Crown Prince Range", "Drexel Building"): where crowds gathered, bodies were
 * found, people were held; since stop 39 also "Pearl Roundabout", "Jeevanjee Gardens", "Drama Theatre"
 * (8 misses in rounds 14, 22, 25, 33, 39, 44). Not church, hall or camp, which name bodies as often ("the
 * Catholic Church"). Since stop 41 also seas, hills, valleys, lagoons, bays, falls, gorges, deserts,
 * gates, fountains, mosques and expressways ("Aral Sea", "Tenasserim Hills", "Lagos Lagoon", "Unity
 * Fountain", "Lekki-Epe Expressway"): 27 such gold names in the English dev texts, 13 missed by the rules
 * (rounds 29–61, ten texts' countries), 10 found since; not "Centre" or "Market", which name bodies and D18
 * town-only sites as often.
 */
const EN_LANDMARK_NOUN =
  /\s(?:Monument|Park|River|Lake|Range|Mountains|Island|Forest|Plateau|Stadium|Bridge|Square|Courthouse|Building|Clinic|Dam|Beach|Cemetery|Roundabout|Gardens|Theatre|Sea|Hills|Valley|Lagoon|Bay|Falls|Gorge|Desert|Gate|Fountain|Mosque|Expressway)(?![\p{L}\d])(?!\s+\p{Lu})/gu;
/** The name before the noun, words on one line of one cell: "Location\tKashmir Valley" is a label and a place. */
const EN_STREET_NAME = /(?<![\p{L}\d'’-])((?:\p{Lu}[\p{L}\p{M}'’-]*[^\S\t\n\r]+){1,3})$/u;
/** Spanish and Portuguese streets and roads named with a capitalized noun before the name ("Avenida Pedro Montt", "Largo General Osório"). */
const ES_STREET =
  /(?<![\p{L}\d'’-])(?:Avenida|Calle|Pasaje|Jir[oó]n|Rua|Largo|Pra[cç]a|Carretera|Ruta)\s+(?:(?:de|del|da|do)\s+(?:la\s+)?)?\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2}(?:\s+\d{1,3}(?![\d\p{L}]|[.,]\d))?/gu;

/** Prepositions a sentence may open with before a street ("Bajo Threadneedle Street", "Along Kissy Road"). */
const STREET_LEAD =
  /^(?:Bajo|Sobre|Desde|Hacia|Hasta|Por|Frente|Cerca|Junto|Entre|Near|Along|Down|Up|Across|Off|Via|Past|Behind|Outside|Onto|Into|Over)$/u;

/**
 * Streets and roads named with their noun capitalized: after the name in English ("Kissy Road", "Etna
 * Drive", "Threadneedle Street"), before it in Spanish and Portuguese ("Avenida Pedro Montt", "Pasaje
 * Santa Catalina", "Largo General Osório", "Ruta Nacional 11"): where someone was shot, held or buried,
 * so the case's places (a street named after a person is no person). Not a word opening a longer name
 * ("Road Safety Authority"), a head after a capitalized word ("Omar Calle", a surname), a house number
 * after a street ("Avenida Pedro Montt 1606" is the avenue), nor a span another rule read.
 */
function namedStreets(text: string, taken: readonly Taken[]): ContextPlace[] {
  const takenAt = new SpanIndex(taken);
  const out: ContextPlace[] = [];
  const push = (start: number, end: number) => {
    if (!freeOf(start, end, takenAt, out)) return;
    out.push(localityAt(text, start, end));
  };
  // Found by the noun first (rare), then the name before it: a scan from every capital costs more.
  const landmarks = new Set(Array.from(text.matchAll(EN_LANDMARK_NOUN), (n) => n.index!));
  for (const n of [...text.matchAll(EN_STREET_NOUN), ...text.matchAll(EN_LANDMARK_NOUN)]) {
    const from = Math.max(0, n.index! - 100);
    const m = EN_STREET_NAME.exec(text.slice(from, n.index! + 1));
    if (!m) continue;
    // "the Kenyan Parliament Building": a people's word makes no landmark's name (a street's, it may:
    // "Spanish Town Road"); nor does a given name written with a hyphen ("Hyun-jin Park", a surname).
    const words = m[1]!.trim().split(/\s+/);
    if (landmarks.has(n.index!) && words.some((w) => isDemonym(w) || /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(w)))
      continue;
    const at = from + m.index;
    if (at > 0 && /[\p{L}\d'’-]/u.test(text[at - 1]!)) continue;
    // "The Kissy Road", "Bajo Threadneedle Street" opening a sentence: no word of the name.
    let start = at;
    for (const w of m[1]!.split(/(?<=\s)(?=\S)/u)) {
      if (!OPENERS.test(w) && !STREET_LEAD.test(w.trim())) break;
      start += w.length;
    }
    if (start >= at + m[1]!.length) continue;
    push(start, n.index! + n[0].length);
  }
  for (const m of text.matchAll(ES_STREET)) {
    // "Omar Calle Quispe": a surname after a given name.
    if (/\p{Lu}[\p{L}\p{M}'’-]*\s+$/u.test(text.slice(Math.max(0, m.index! - 25), m.index!))) continue;
    // A number closes the name only of a numbered road ("Ruta 20", "Ruta Nacional 11"), not a house's.
    const numbered = /^(?:Ruta|Carretera)\s/u.test(m[0]);
    const name = numbered ? m[0] : m[0].replace(/\s+\d{1,3}$/u, '');
    push(m.index!, m.index! + name.length);
  }
  return out;
}

/** Capitalized nouns of a country's administrative units, written after the unit's name ("Leninsky District"). */
const ADMIN_UNIT =
  /^(?:District|Province|Region|County|Prefecture|Governorate|Oblast|Municipality|Raion|Rayon)$/u;

/**
 * Lower-case nouns a natural or built feature is named with, which stay in its name ("río Caura",
 * "mina Los Candados", "avenida Bella Vista", "jirón Libertad", "estadio General Santander",
 * "aeropuerto internacional Augusto C. Sandino", "monte Gurugú", "batey Esperanza", "comuna 13", and
 * since stop 39 "plaza San Martín", "hospital Bautista", "penal García Moreno", "bulevar Morazán", "rue
 * de Tolbiac" (dev rounds: 28 such names after these nouns annotated, none left out);
 * "the Kakuma camp" is done elsewhere). Spanish writes the noun in lower case and the annotations of
 * every round keep it in the place's name (a street named after a person is a place, not the person).
 */
const NAMED_WITH = String.raw`r[ií]o|mina|vereda|quebrada|laguna|lago|cerro|monte|volc[aá]n|estadio|parque(?:\s+nacional)?|isla|playa|represa|embalse|avenida|calle|callej[oó]n|jir[oó]n|pasaje|paseo|puente|carretera|autopista|ruta|iglesia|catedral|capilla|escuela|liceo|batey|comuna|finca|hacienda|cuartel|aeropuerto(?:\s+(?:internacional|militar))?|plaza|hospital|(?<=(?:el|al|del)\s)penal|bulevar|boulevard|rue|piazza`;
/**
 * Of those nouns, the ones written before a name that is the place on its own: "la mina Las Bambas",
 * "la vereda La Sonora" are annotated "Las Bambas", "La Sonora" (dev rounds 16–34: 8 of 8; rounds 1–11:
 * 3 of 3 for "vereda", and both forms for the other 3), as "barrio", "comunidad" and "caserío" already are.
 */
const NAMED_BEFORE = /^(?:mina|vereda)\s+/u;
/**
 * Nouns of a building or site named "of" something ("iglesia de San Sebastián", "catedral de Ciudad
 * Guayana", "paredón de España", "palacio de Guanabara", "plaza del Estudiante"): the whole is the place,
 * and a town of the gazetteers inside it a place of its own (`featurePlaces`). Not regions ("valle del
 * Aguán", also "Aguán"), prisons ("cárcel de Tocorón", also "Tocorón") nor airports ("aeropuerto de
 * Maiquetía", the town), whose short form names the same place.
 */
const NAMED_OF = 'iglesia|catedral|capilla|cementerio|palacio|pared[oó]n|basurero|plaza';
const FEATURE_NOUN = new RegExp(
  // A title the person's rule left out may stand between ("estadio General Santander").
  String.raw`(?:^|[^\p{L}])((?:${NAMED_WITH})\s+(?:al\s+|(?:El|La|Los|Las)\s+|(?:General|Mariscal|Coronel|Almirante|Doctor|Presidente|Padre|Monseñor)\s+)?|(?:${NAMED_OF})\s+(?:de(?:l|\s+la|\s+los|\s+las)?)\s+(?:(?:El|La|Los|Las)\s+)?)$`,
  'u',
);

/**
 * Sites and buildings named after the town, state or district they stand in ("Centro Penitenciario de
 * Aragua", "Casa de Justicia de Elorza", "33.ª Comisaría de Ñuñoa", "Base Aérea de Taura", "catedral de
 * Ciudad Guayana", "cementerio de Paterna"): the head nouns after which "de X" says where. Not a church,
 * chapel, palace or wall (named after a saint or a person: "iglesia de San Sebastián"), nor a square,
 * street or geographic name ("Plaza de Mayo", "Isla de Coche", "San Juan de Lagunillas"), whose "de X" is
 * part of the name.
 */
const SITE_HEAD =
  /^(?:centro|c[aá]rcel|prisi[oó]n|penal|penitenciar[ií]a|internado|comisar[ií]a|estaci[oó]n|base|cuartel|batall[oó]n|unidad|hospital|cl[ií]nica|posta|casa|sede|cementerio|catedral|basurero|aeropuerto|terminal|escuela|liceo|jefatura|comando|destacamento|fuerte|ret[eé]n|m[oó]dulo|complejo|mercado|estadio|fosa)$/iu;
/** The place a site's name closes with: "… de Aragua", "… del Callao". */
const OF_PLACE =
  /^\s(?:de|del)\s+(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:de|del)\s+(?:la\s+|los\s+)?)?\p{Lu}[\p{L}\p{M}'’-]*){0,2})$/u;

/** The town, state or district a site of `taken` is named after, as a place of its own. */
function placesNamingSites(text: string, taken: readonly Taken[]): ContextPlace[] {
  const out: ContextPlace[] = [];
  for (const t of taken) {
    if (t.kind !== 'place') continue;
    const name = text.slice(t.start, t.end);
    // The head: the first word that is no ordinal or number ("33.ª Comisaría", "Unidad 34").
    const head = name.split(/\s+/).find((w) => !/\d/.test(w));
    if (!head || !SITE_HEAD.test(head)) continue;
    // The longest closing "de X" a gazetteer holds: "… de Santa Cruz de la Sierra", else a shorter one
    // ("Centro de Coordinación Policial de Guanare" is Guanare's).
    let found: { text: string; where: PlaceEntry } | undefined;
    for (let at = name.search(/\s(?:de|del)\s/u); at >= 0 && !found; ) {
      const of = OF_PLACE.exec(name.slice(at));
      const where = of && (lookupPlace(of[1]!) ?? smallTown(text, of[1]!));
      if (of && where && where.kind !== 'detention_site') found = { text: of[1]!, where };
      const next = name.slice(at + 1).search(/\s(?:de|del)\s/u);
      at = next < 0 ? -1 : at + 1 + next;
    }
    if (!found) continue;
    const start = t.end - found.text.length;
    out.push({
      kind: 'place',
      start,
      end: t.end,
      text: found.text,
      value: found.where.value,
      place: found.where,
    });
  }
  return out;
}

/** The rules' weakest readings of a name: a run of capitals, or one capitalized word, read by its words alone. */
const WEAK_READING = new Set(['run', 'single-word']);
/** An English preposition of place, in lower case, right before a name ("in Mae Sot", "from Kaya", "at Baga"). */
const EN_LOCATIVE = /(?<![\p{L}])(?:in|from|at|to|into|through|near)[ \t]+$/u;
/** One to three capitalized words, no acronym. */
const PLAIN_NAME =
  /^\p{Lu}[\p{Ll}\p{M}'’-][\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-][\p{L}\p{M}'’-]*){0,2}$/u;

/**
 * A town the gazetteers hold that the rules read as a person or a body by its words alone ("Mae Sot",
 * "Kaya", "Benjamin Constant", "Tacurong"), where an English preposition of place stands right before
 * one of its mentions ("in Mae Sot", "from Kaya", "landed at Henderson"): the place, at every mention the
 * rules read as weakly. Not where the text also reads the name as a person on firmer evidence (a title, a
 * full name: "Rubén Zamora" … "to Zamora") or writes it after another capitalized word, nor a name a
 * capital or a number goes on from, nor an acronym. Stop 41: 27 such mentions in the English development
 * texts are gold places (rounds 4, 19, 20, 25, 29, 31, 32, 35, 39, 40, 50, 54, 57, 58), 8 are not, each
 * an acronym, a longer body's name or a capitalized "In"/"To" (excluded here).
 */
export function townsReadAsNames<
  T extends Taken & { text: string; value: string; rule?: string; place?: PlaceEntry },
>(text: string, entities: readonly T[]): T[] {
  const weak = (e: T) =>
    WEAK_READING.has(e.rule ?? '') &&
    (e.kind === 'person' || (e.kind === 'organization' && e.rule === 'run'));
  const towns = new Map<string, PlaceEntry>();
  for (const e of entities) {
    if (!weak(e) || !PLAIN_NAME.test(e.text) || towns.has(e.text)) continue;
    const before = text.slice(Math.max(0, e.start - 20), e.start);
    if (!EN_LOCATIVE.test(before)) continue;
    // A surname or given name alone only after "in", "at", "into", "through", "near": one writes to a
    // person and gets a letter from one ("a letter from Morales"), but is seldom in or at one.
    const personal = !/\s/.test(e.text) && (GIVEN_NAMES.has(fold(e.text)) || SURNAME_SET.has(fold(e.text)));
    if (personal && !(AT.test(before) || /(?<![\p{L}])(?:into|through|near)[ \t]+$/u.test(before))) continue;
    // …and only where the clause goes on as after a place, not with a noun of its own ("in Ramírez custody").
    if (
      personal &&
      !/^(?:\s*(?:[.,;:!?)»"”\n]|$)|[ \t]+(?:and|or|in|on|at|with|where|since|for|near|from|to|until|when)\b)/u.test(
        text.slice(e.end, e.end + 8),
      )
    )
      continue;
    if (/^(?:[ \t]*\d|[ \t]+\p{Lu}|[ \t]+v\.|['’]s?\b|-)/u.test(text.slice(e.end, e.end + 4))) continue;
    if (!/\s/.test(e.text) && (afterCapital(text, e.text) || isEverydayWord(e.text))) continue;
    // "served in Congress": a body's word is no town, whatever hamlet bears it.
    if (e.text.split(/[ \t]+/).some((w) => HOLIDAY.test(w) || ORG_HEAD.test(w))) continue;
    const entry = townEntry(e.text);
    if (entry) towns.set(e.text, entry);
  }
  if (!towns.size) return [...entities];
  // Read as a person on firmer evidence, or part of a longer person's name the text writes.
  for (const e of entities) {
    if (e.kind !== 'person' || (weak(e) && e.value === e.text)) continue;
    const words = e.value.split(/\s+/);
    for (const t of [...towns.keys()]) if (e.text === t || words.includes(t)) towns.delete(t);
  }
  return entities.map((e) => {
    const entry = weak(e) ? towns.get(e.text) : undefined;
    return entry ? { ...e, kind: 'place', value: entry.value, place: entry, rule: 'town-read-as-name' } : e;
  });
}

/**
 * A place named after a feature noun, with the noun: "río Caura" rather than "Caura"; a person's name
 * after one is the place named after the person ("estadio General Santander", "escuela Fermín Toro").
 */
export function withFeatureNoun<
  T extends { kind: string; start: number; end: number; text: string; value: string; place?: PlaceEntry },
>(text: string, e: T): T {
  if (e.kind !== 'place' && e.kind !== 'person') return e;
  const m = FEATURE_NOUN.exec(text.slice(Math.max(0, e.start - 40), e.start));
  if (!m) return e;
  // "la plaza de Chulumani", "la plaza de Hurlingham": a town's main square, written in lower case, is
  // where in the town; the town is the place ("Plaza de Mayo", "plaza del Estudiante" are named).
  if (e.kind === 'place' && /^plaza\s+de\s+$/u.test(m[1]!) && lookupTown(e.text)?.kind === 'city') return e;
  // A person after "de" ("la plaza de Juan", "el cementerio de Pérez") is no place's name.
  if (e.kind === 'person' && /\bde(?:l|\s+la|\s+los|\s+las)?\s+(?:(?:El|La|Los|Las)\s+)?$/u.test(m[1]!))
    return e;
  // "la mina Las Bambas", "la vereda La Sonora": the name alone is the place (`NAMED_BEFORE`).
  const noun = NAMED_BEFORE.exec(m[1]!)?.[0].length ?? 0;
  if (noun && noun === m[1]!.length && e.kind === 'place') return e;
  const start = e.start - m[1]!.length + noun;
  // "escuela Fermín Toro de Porlamar": a particle the person's rule left at the end is no part of it.
  const end = e.start + e.text.replace(/\s+(?:de|del|la|y)$/u, '').length;
  const named = text.slice(start, end);
  const value = named.replace(/\s+/g, ' ');
  const { role: _r, ...rest } = e as T & { role?: unknown };
  return {
    ...(rest as T),
    kind: 'place',
    start,
    end,
    text: named,
    value,
    place: { value, kind: 'locality' },
  };
}

/**
 * Names after a feature noun that no other rule took ("la mina Bulla Loca", "la vereda Caño Indio",
 * "el jirón Libertad", "la iglesia de la Asunción"), and numbered ones ("la comuna 13", "la ruta 20",
 * "la calle 17 Oriente").
 */
export function featurePlaces(text: string, taken: readonly Taken[]): ContextPlace[] {
  const takenAt = new SpanIndex(taken);
  const out: ContextPlace[] = [];
  const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]+`;
  const NOUN_THEN_NAME = new RegExp(
    String.raw`(?<![\p{L}])(?:(?:${NAMED_WITH})\s+(?:(?:al|El|La|Los|Las)\s+)?|(?:${NAMED_OF})\s+de(?:l|\s+la|\s+los|\s+las)?\s+(?:(?:El|La|Los|Las)\s+)?)(?:${NAME_WORD}(?:\s+(?:(?:de|del)\s+(?:la\s+|los\s+)?)?${NAME_WORD}){0,2}|\d{1,3}[A-Z]?(?!\d|[.,:/]\d)(?:\s+(?:Norte|Sur|Este|Oeste|Oriente|Poniente|norte|sur)|\s+de\s+${MONTH_IN_NAME})?)|(?<![\p{L}])(?:[Zz]ona\s+\d{1,2}(?:\s+de\s+${MONTH_IN_NAME})?|carrera\s+(?:\d{1,3}[A-Z]?|Primera|Segunda|Tercera|Cuarta|Quinta|Sexta|S[eé]ptima|Octava|Novena|D[eé]cima))(?![\d\p{L}]|[.,:/]\d)`,
    'gu',
  );
  // "Centro Penitenciario de Aragua", "la catedral de Ciudad Guayana": the place a site is named after.
  out.push(...placesNamingSites(text, taken));
  // "Lofa County", "the Kurdistan Region of Iraq": a unit named with its capitalized noun.
  out.push(...adminUnits(text, taken));
  // "Kissy Road", "Etna Drive", "Avenida Pedro Montt", "Ruta Nacional 11": streets named with a capitalized noun.
  out.push(...namedStreets(text, [...taken, ...out]));
  for (const m of text.matchAll(NOUN_THEN_NAME)) {
    const start = m.index!;
    // "el jirón Libertad de Huamanga": the street, then the town it lies in (a place of its own).
    const de = /^(\S+\s+.*\p{Lu}\S*)\s+(?:de|del)\s+(\p{Lu}.*)$/u.exec(m[0]);
    const name = de && (lookupPlace(de[2]!) ?? lookupTown(de[2]!)) ? de[1]! : m[0];
    const end = start + name.length;
    if (!freeOf(start, end, takenAt)) continue;
    // "la mina Las Bambas": the name after the noun (`NAMED_BEFORE`).
    const noun = NAMED_BEFORE.exec(name);
    out.push(localityAt(text, noun ? start + noun[0].length : start, end));
  }
  return out;
}

/** A capitalized word of a name (hyphens and apostrophes inside: "Saint-Nicolas", "Pre-Trial"). */
const CAP = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
/** Spanish facility heads that open a place's proper name ("Hospital Regional de X", "Cárcel La Modelo"). */
const ES_FACILITY = String.raw`Estadio|(?<!\p{Lu}\p{Ll}+\s|\blo\s)Penal(?!\s+(?:Code|Colony|Farm|Law|Procedure|Reform))|Centro\s+Penal|Parque|Puente|Teatro|Hospital|Cl[ií]nica|Comisar[ií]a|Base\s+A[eé]rea|Estaci[oó]n\s+Migratoria|Posta|C[aá]rcel|Prisi[oó]n|Penitenciar[ií]a(?:\s+Nacional)?|Centro\s+Penitenciario|Comunidad\s+Penitenciaria|Internado\s+Judicial|Catedral|Bas[ií]lica|Mezquita|Aeropuerto(?:\s+Internacional)?|Cementerio(?:\s+General)?|Hotel|H[oô]tel|Santuario`;
const ES_QUALIFIER = String.raw`(?:\s+(?:General|Regional|Nacional|Militar|Central|Universitario|Provincial|Municipal|Federal|Civil|Psiqui[aá]trico|Metropolitano|Materno\s+Infantil|Infantil|Escuela|Insular|Distrital|Dr\.|Dra\.))*`;
/**
 * English facility nouns closing a proper name ("Dulles International Airport", "the Evin prison",
 * "Kebele 41 jail", "the Chí Hòa detention centre", "the Antar barracks", "Penal Colony No. 3"); since
 * stop 39 hospitals and migrants' holding sites named "Medical Center", "Processing Center", "holding
 * centre" ("Amai Pakpak Medical Center", "Otero County Processing Center"; 9 misses in rounds 14, 15,
 * 24, 31, 32, 41).
 */
const EN_FACILITY = String.raw`(?:International\s+|military\s+|Military\s+)?(?:Airport|airport|Air\s+Base|air\s+base)|(?:women['’]s\s+|Women['’]s\s+|Central\s+|central\s+|district\s+|District\s+|Remand\s+|remand\s+|military\s+)?(?:Prison|prison|Jail|jail)|Hospital|hospital|Cemetery|cemetery|Cathedral|cathedral|Mosque|mosque|(?:Pre-Trial\s+)?(?:Detention|detention)\s+(?:Centre|Center|Facility|centre|center|facility)|(?:military\s+)?(?:Barracks|barracks)|Penal\s+Colony|penal\s+colony|[Cc]olony|Hotel|[Cc]orrectional\s+(?:Centre|Center|Facility|Institution|centre|center|facility|institution)|Police\s+Station|(?:[Rr]ailway|[Tt]rain|[Bb]us)\s+(?:Station|station)|(?:Medical|Processing|Holding)\s+(?:Center|Centre|Complex)|(?:processing|holding)\s+(?:center|centre)`;
const NUMBERED = String.raw`(?:\s+No\.?\s*\d+)?`;
/** Kinds of prison written with a number for a name, in lower case in English or heading the name in Spanish. */
const NUMBERED_KIND = String.raw`(?:[Cc]orrectional|[Pp]enal|[Pp]re-?[Tt]rial\s+[Dd]etention|[Rr]emand|[Ll]abou?r)\s+(?:[Cc]olony|[Cc]ent(?:re|er)|[Pp]rison|[Ff]acility|[Cc]amp)|Unidad\s+(?:Penitenciaria|Penal|Carcelaria)|Complejo\s+Penitenciario(?:\s+Federal)?|Centro\s+Penitenciario|Establecimiento\s+Penitenciario|Pabell[oó]n|C[aá]rcel`;
/** Its name: the kind and the number. */
const NUMBERED_NAME = new RegExp(String.raw`^(?:${NUMBERED_KIND})\s+[^\s\d]{0,8}\s*\d`, 'u');
/** A word of an English facility's name: capitalized, or a number ("Kebele 41 jail", "B14 detention centre"). */
const EN_NAME_WORD = String.raw`(?:${CAP}|\d{1,4}|No\.\s*\d{1,4})`;

/**
 * A royal or saintly title with "of" opening a facility's English name ("Prince of Wales Hospital", "Princess
 * of Wales Hospital", "Our Lady of Lourdes Hospital", "Queen of Angels Hospital"): the title is the name's,
 * which would otherwise be cut at "of" ("Wales Hospital", round 57). Titles only: "Director of Evin Prison"
 * is a person's post.
 */
const EPONYM_OF = String.raw`(?:Prince|Princess|Queen|King|Duke|Duchess|Our\s+Lady|Sisters|Mother)\s+of\s+(?:the\s+)?`;
/** Months, in English, Spanish and French, after a day in a site's name ("Stade du 28 Septembre", "avenida 18 de Julio"). */
const MONTH_IN_NAME = String.raw`(?:[Ee]nero|[Ff]ebrero|[Mm]arzo|[Aa]bril|[Mm]ayo|[Jj]unio|[Jj]ulio|[Aa]gosto|[Ss]eptiembre|[Oo]ctubre|[Nn]oviembre|[Dd]iciembre|[Jj]anvier|[Ff][ée]vrier|[Mm]ars|[Aa]vril|[Mm]ai|[Jj]uin|[Jj]uillet|[Aa]o[uû]t|[Ss]eptembre|[Oo]ctobre|[Nn]ovembre|[Dd][ée]cembre|January|February|March|April|May|June|July|August|September|October|November|December)`;
/**
 * Heads written before a site's name in the language of its country, kept in English and Spanish text:
 * French squares, streets, bridges, gates and stadiums and the university hospital ("Place du Commerce",
 * "Cours des Cinquante-Otages", "Rue Saint-Martin", "Pont du 8 Novembre", "Stade du 28 Septembre", "CHU
 * de Nantes"), Indonesian and Malay streets and hospitals ("Jalan Sudirman", "Rumah Sakit Bhayangkara"),
 * Italian squares, English military camps ("Camp Speicher", "Camp Tshatshi", "Camp J"). Not after a
 * capitalized word, whose name the head is part of ("Fifth Avenue", "Boot Camp Rules").
 */
const HEAD_BEFORE = String.raw`Place|Rue|Boulevard|Cours|Quai|Pont|Porte|Stade|CHU|Jalan|Jl\.|Rumah\s+Sakit|Piazza|Camp`;
const HEAD_LINK = String.raw`(?:(?:du|de\s+la|des|de|della|di)\s+|(?:d|l|de\s+l)['’])`;
/** A number with the site's head: a stadium's gate, a hospital or school numbered ("Gate 13", "Hospital No. 3", "Hospital n.º 3", "School No. 1"). */
const NUMBERED_SITE = String.raw`(?<![\p{L}])(?:Gate\s+\d{1,3}|(?:Hospital|School|Maternity\s+Hospital)\s+(?:No\.?|no\.|n\.?\s*º)\s*\d{1,3})(?![\d\p{L}]|[.,]\d)`;

/**
 * A church or cathedral named by its saint's possessive or "of the Virgin" ("St. Peter's Church", "St
 * Eugene's Cathedral", "St. Peter's Lutheran Church", "Church of the Virgin", "Monastery of St. Samuel"):
 * a building, where the body would be "the Lutheran Church" or "the Church of England".
 */
const SAINTS_BUILDING = String.raw`(?<![\p{L}])(?:(?:St\.?|Saint)\s+${CAP}['’]s(?:\s+${CAP})?\s+(?:Church|Cathedral|Chapel|Basilica|Monastery)|(?:Church|Cathedral|Monastery|Chapel|Basilica)\s+of\s+(?:the\s+)?(?:Virgin|Holy|Our\s+Lady|St\.?|Saint)(?:\s+${CAP}){0,3})`;
/** A police station numbered by its ordinal ("3ª Comisaría", "Comisaría 3.ª Metropolitana", "Comisaría 1.ª de Encarnación", "la comisaría 5ª"). */
const ORDINAL_STATION = String.raw`(?<![\p{L}\d])(?:\d{1,3}\.?\s*[ªº]\s+Comisar[ií]a(?!\s+(?:de|del)\s+\p{Lu})|[Cc]omisar[ií]a\s+\d{1,3}\.?\s*[ªº](?:\s+(?:de\s+)?${CAP}(?![\p{L}\p{M}'’-]|\s+\p{Lu}))?)`;

const FACILITY_RE = new RegExp(
  [
    NUMBERED_SITE,
    SAINTS_BUILDING,
    ORDINAL_STATION,
    String.raw`(?<![\p{L}]|\p{Lu}[\p{L}'’-]*\s)(?:${HEAD_BEFORE})\s+${HEAD_LINK}?(?:${CAP}(?:\s+(?:${HEAD_LINK})?${CAP}){0,3}|\d{1,2}(?:er)?\s+(?:de\s+)?${MONTH_IN_NAME})`,
    // "Hospital General de Ciudad Obregón", "Penitenciaría Nacional de Tacumbú", "Cathedral of Juliaca", "33.ª Comisaría de Ñuñoa"
    String.raw`(?<![\p{L}\d])(?:\d{1,3}\.?[ªº]\s+)?(?:${ES_FACILITY}|Cathedral|Hospital)${ES_QUALIFIER}\s+(?:de(?:l|\s+la|\s+los|\s+las)?|of(?:\s+the)?)\s+(?:(?:El|La|Los|Las)\s+)?${CAP}(?:\s+(?:(?:de|del)\s+(?:la\s+|los\s+)?)?${CAP}){0,2}`,
    // "Hospital Ramos Mejía", "Comunidad Penitenciaria Fénix", "Hôtel Serena"
    String.raw`(?<![\p{L}])(?:${ES_FACILITY})${ES_QUALIFIER}\s+(?:(?:El|La|Los|Las)\s+)?${CAP}(?:\s+${CAP}){0,2}`,
    // "Dulles International Airport", "Sinthupathi cemetery", "Baku Pre-Trial Detention Centre No. 1", "Kebele 41 jail"
    String.raw`(?<![\p{L}])(?:Military\s+Hospital\s+\d{1,4}|Campo\s+Militar\s+(?:N[uú]mero|N\.?[ºo°])\s*\d{1,3})(?![\d\p{L}])`,
    String.raw`(?<![\p{L}\d])(?:${EPONYM_OF})?${CAP}(?:\s+${EN_NAME_WORD}){0,3}\s+(?:${EN_FACILITY})(?![\p{L}])${NUMBERED}`,
    // "Penal Colony No. 3", "penal colony No. 1", "Military Hospital 601", "Campo Militar Número 1"
    String.raw`(?<![\p{L}])(?:Penal\s+Colony|penal\s+colony|[Cc]olony|Prison|Detention\s+(?:Centre|Center))\s+No\.?\s*\d+`,
    // A prison numbered, its kind in lower case or opening the name ("correctional colony No. 2", "pre-trial
    // detention centre No. 1", "Correctional Centre 1", "Unidad Penitenciaria 7", "Pabellón 9", "Cárcel N.º 2"):
    // the kind and its number are the name.
    String.raw`(?<![\p{L}])(?:${NUMBERED_KIND})\s+(?:No\.?\s*|[Nn]umber\s+|N\.?\s*[º°o]\.?\s*|N[uú]mero\s+)?\d{1,3}(?![\d\p{L}]|[.,]\d)`,
    // Russian prisons are written by their initials and number ("IK-7", "SIZO-2", "ShIZO"): a penal colony, a remand prison.
    String.raw`(?<![\p{L}\d-])(?:IK|SIZO|LIU|PKT|ShIZO|IVS)-\d{1,3}(?![\d\p{L}])`,
  ].join('|'),
  'gu',
);

const BARE_FACILITY = new RegExp(String.raw`^(?:${EN_FACILITY})$`, 'u');
/** A facility's whole name, to check what is left of a match cut at a sheet's cell. */
const WHOLE_FACILITY = new RegExp(String.raw`^(?:${FACILITY_RE.source})$`, 'u');

/**
 * A body's noun closing what a facility's head opened ("Hospital Authority", "Hospital
 * Board"): the body that runs the facilities, an organization, no site (round 57: Hong Kong's
 * "Hospital Authority", which the Spanish reading "Hospital" + a name made a place).
 */
const BODY_NOUN_LAST =
  /\s(?:Authority|Authorities|Board|Trust|Council|Commission|Committee|Association|Union|Federation|Foundation|Department|Administration|Service|Services|Workers|Employees|Staff)$/u;
/** Words that open a run without naming anything ("The Evin prison", "In Dulles …"). */
const OPENERS =
  /^(?:(?:The|A|In|At|On|From|To|Of|En|Al|Del|Un|Una|This|That|Its|His|Her|Their|Our|And|But|Y|Both|Every|Each|Last|Next)\s+|An\s+(?!\p{Lu}))+/u;
/** A Spanish article before a facility's head ("El Hospital Central …"); not "El Valle Detention Facility". */
const ARTICLE_BEFORE_HEAD = new RegExp(
  String.raw`^(?:El|La|Los|Las)\s+(?=(?:${ES_FACILITY})(?![\p{L}]))`,
  'u',
);

/** The words before an English facility noun ("Evin" of "Evin prison"). */
const EN_HEAD =
  /^(.*?)\s+(?:International\s+|military\s+|Military\s+|women['’]s\s+|Women['’]s\s+|Central\s+|central\s+|district\s+|District\s+|Remand\s+|remand\s+|Pre-Trial\s+)?(Airport|airport|Air Base|air base|Prison|prison|Jail|jail|Hospital|hospital|Cemetery|cemetery|Cathedral|cathedral|Mosque|mosque|Detention|detention|Barracks|barracks|Penal|penal|Colony|colony|Hotel|Correctional|correctional|Police|Railway|railway|Train|train|Bus|bus|Medical|Processing|processing|Holding|holding)(?![\p{L}])/u;

/**
 * Facilities named as places — hospitals, prisons and detention centres, airports, cemeteries,
 * cathedrals and mosques, hotels — with their noun ("Hospital Regional de Malabo", "Dulles
 * International Airport", "the Sinthupathi cemetery", "Penal Colony No. 3"): where people are held,
 * treated, buried or seen, so the case's places. Not a town's or a people's facility without a name
 * of its own ("the Cairo airport", "a Russian prison", "Cuba's prison": the town is the place), nor a
 * facility inside a longer organization's name ("Asociación … de la Prisión de X"), nor the last words
 * of a longer name ("Combinado del Este prison"). A place another rule found inside it stands too.
 */
export function facilityPlaces(text: string, spans: readonly Taken[]): ContextPlace[] {
  const out: ContextPlace[] = [];
  const taken = new SpanIndex(spans);
  for (const m of text.matchAll(FACILITY_RE)) {
    let start = m.index!;
    let name = m[0];
    // "Attock⇥Landi Kotal holding centre": a sheet's cell ends a name; the facility is the last cell's.
    // (A line break is no cell's end: "a nurse at Adigrat↵General Hospital" is wrapped prose.)
    const cell = name.lastIndexOf('\t');
    if (cell >= 0) {
      start += cell + 1;
      name = name.slice(cell + 1);
      if (!WHOLE_FACILITY.test(name)) continue;
    }
    // "Our Lady of Lourdes Hospital": "Our" is the name's, no opener.
    const open = /^Our\s+Lady\s/u.test(name) ? null : (OPENERS.exec(name) ?? ARTICLE_BEFORE_HEAD.exec(name));
    if (open) {
      start += open[0].length;
      name = name.slice(open[0].length);
    }
    // "Tehran's Evin prison": the facility is what follows the possessive.
    // Not a saint's ("St Eugene's Cathedral" is the building's name).
    const owner = /^(?!(?:St|Saint)\s)(?:\p{Lu}[\p{L}\p{M}-]*\s+){0,2}\p{Lu}[\p{L}\p{M}-]*['’]s\s+/u.exec(
      name,
    );
    if (owner) {
      start += owner[0].length;
      name = name.slice(owner[0].length);
    }
    const end = start + name.length;
    if (
      // "penal colony No. 22": the only name is the number.
      (!/^(?:\d{1,3}\.?[ªº]\s+)?\p{Lu}/u.test(name) &&
        !/^(?:penal\s+)?colony\s+No/u.test(name) &&
        !/^comisar[ií]a\s+\d/u.test(name) &&
        !NUMBERED_NAME.test(name)) ||
      // "… de la Prisión de X" closes a longer name; "los presos del Pabellón 4" is where they are. After
      // a lower-case word no name is open: "el informe médico del Hospital Aquilino Tejeira" (stop 39).
      (/\p{Lu}[\p{L}\p{M}'’.-]*\s+(?:de|del)(?:\s+(?:la|las|los|el))?\s+$/u.test(
        text.slice(Math.max(0, start - 40), start),
      ) &&
        !NUMBERED_NAME.test(name))
    )
      continue;
    // "The Police Station was burned", "The Prison": the noun alone, capitalized by the sentence, names nothing.
    // "the Hospital Authority": a body's noun closing the name makes it the body.
    if (BARE_FACILITY.test(name) || BODY_NOUN_LAST.test(name)) continue;
    const headed = EN_HEAD.exec(name);
    if (headed) {
      const [, head, noun] = headed as unknown as [string, string, string];
      // "a Russian prison", "the Houthi prison": a people's facility; a capitalized noun makes a
      // proper name of it ("Saudi Hospital").
      if (
        !head ||
        (isPeoplesWord(head) && /^\p{Ll}/u.test(noun)) ||
        /\b(?:University|Universidad)\b/u.test(head)
      )
        continue;
      // "the Cairo airport", "the Navapolatsk colony": a town's airport or colony is read as the town,
      // unless numbered. A prison, jail, barracks or church takes the town's name as its own ("Hrodna
      // prison", "Stanley Prison", "Kazan Cathedral"): the whole is the place.
      if (
        // A station capitalized is named ("Lusaka Central Police Station"); "the Cairo railway station" is the town's.
        (/^(?:airport|air base|colony|hotel)$/iu.test(noun) || /^(?:railway|train|bus)$/u.test(noun)) &&
        lookupPlace(head) &&
        !/\bNo\.?\s*\d/u.test(name)
      )
        continue;
    }
    if (taken.someOverlapping(start, end, (t) => t.kind === 'date')) continue;
    // Inside a longer organization's or person's name: that name stands.
    if (insideLongerName(taken, start, end)) continue;
    if (
      taken.someOverlapping(
        start,
        end,
        (t) => t.kind === 'place' && !(start <= t.start && t.end <= end && (t.start > start || t.end < end)),
      )
    )
      continue;
    if (out.some((o) => start < o.end && o.start < end)) continue;
    out.push(localityAt(text, start, end));
  }
  for (const p of [...missionSites(text, taken), ...compassUnits(text, taken)])
    if (!out.some((o) => p.start < o.end && o.start < p.end)) out.push(p);
  return out;
}

/**
 * An embassy or consulate written with its country ("the Libyan embassy", "the US Embassy", "Embassy of
 * Mexico", "la embajada de Brasil", "el consulado de Arabia Saudí", "la embajada saudí"), a city after it
 * left out ("… de Chile en Moscú": the city is a place of its own).
 */
const MISSION_EN = String.raw`(?<![\p{L}'’-])((?:${CAP}\s+)?${CAP}|U\.S\.|U\.K\.)\s+(?:[Ee]mbassy|[Cc]onsulate(?:[\s-]+[Gg]eneral)?)(?![\p{L}])|(?<![\p{L}])(?:Embassy|Consulate(?:[\s-]+General)?)\s+of\s+(?:the\s+)?(${CAP}(?:\s+(?:of\s+)?${CAP}){0,2})`;
const MISSION_ES = String.raw`(?<![\p{L}])(?:[Ee]mbajada|[Cc]onsulado(?:\s+[Gg]eneral|\s+[Hh]onorario)?)\s+(?:(?:de|del)\s+(?:(?:la|los|las|el)\s+)?(${CAP}(?:\s+${CAP}){0,2})|(\p{Ll}[\p{Ll}\p{M}]+))`;
/**
 * Seats of power whose name is also their body's ("la Asamblea Legislativa", "el Congreso Nacional", "la Casa
 * Rosada", "Government House", "Parliament", "the Bulawayo City Hall"): a place only where the words before
 * make it the site ("frente a la Asamblea Legislativa", "in front of Parliament", "caminamos al Congreso").
 */
const SEAT = String.raw`(?<![\p{L}])(?:Asamblea\s+(?:Nacional|Legislativa)|Congreso(?:\s+(?:Nacional|de\s+la\s+(?:Rep[uú]blica|Naci[oó]n)|de\s+los\s+Diputados))?|Parlamento|Capitolio(?:\s+Nacional)?|Casa\s+(?:Rosada|Presidencial|de\s+Gobierno|Blanca|de\s+Nari[nñ]o)|Palacio\s+(?:Nacional|Presidencial|de\s+Gobierno|de\s+Justicia(?:\s+de\s+${CAP}(?:\s+${CAP})?)?|Legislativo|Municipal|de\s+Miraflores|de\s+La\s+Moneda|Quemado)|(?:Houses\s+of\s+)?Parliament(?:\s+(?:House|Buildings))?|Government\s+House|State\s+House|White\s+House|Capitol|Presidential\s+Palace|National\s+(?:Assembly|Palace)|(?:${CAP}\s+)?(?:City|Town)\s+Hall)(?![\p{L}])(?!\s+(?:Gardens|Square|Street|Road|Avenue|de\s+los\s+Deportes|\p{Lu}))`;
const SEAT_RE = new RegExp(SEAT, 'gu');
const MISSION_RE = new RegExp(`${MISSION_EN}|${MISSION_ES}`, 'gu');
/**
 * Words that make the mission after them the site where something happens (guide D7: "vigil outside the
 * Eritrean embassy", "se refugió en la embajada de Brasil", "frente a la embajada de Honduras"), not the
 * body that answers, helps or is written to ("wrote to the Embassy", "the embassy in Doha said", "go to
 * the Ethiopian embassy": an organization). "at", "to", "en la" alone are not enough: "applied at the
 * embassy", "entregamos las firmas en la Embajada" (both readings in the rounds); nor "ante", before the
 * body one testifies to ("declaró ante el Congreso"), nor "llegó al", which a bill does too ("el proyecto
 * llegó al Congreso").
 */
const MISSION_SITE_EN =
  /(?:\b(?:outside(?:\s+of)?|in\s+front\s+of|near(?:\s+the\s+(?:steps|gates?)\s+of)?|(?:steps|gates?)\s+of|next\s+to|inside|across\s+from|opposite|behind|breach\s+of|(?:marched|marching|walked|gathered|rallied|protested|protesting|demonstrated|demonstrating|vigils?|candles|sheltered|sheltering|refuge|stormed|storming|besieged|entered|reached|fled|escaped|arrived|took\s+refuge)(?:\s+(?:at|to|in|into|inside|outside))?)\s+(?:the\s+)?)$/u;
const MISSION_SITE_ES =
  /(?:\b(?:(?:frente|delante|fuera|afuera|dentro|cerca|alrededor)\s+(?:a|de)|junto\s+a|(?:asalto|quema|toma|ocupaci[oó]n|incendio|puertas|exterior|interior|vecin[oa]s?)\s+(?:a|de)|(?:hacia|hasta)|(?:refugi[oóa]\w*|asilad[oa]s?|met(?:i[oó]|ieron)|entr(?:[oó]|aron|ara|aran)|estaba|estuvo|permaneci(?:[oó]|eron)|encerrad[oa]s?|vigilia|velat[oó]n|concentraci[oó]n|plant[oó]n|marcharon)(?:\s+ya)?\s+(?:en|a))(?:l|\s+la|\s+el)\s+|(?:caminamos|caminaron|marchamos|fuimos|fueron|llegamos|volvimos|marcharon)\s+(?:hasta\s+|hacia\s+)?(?:al|a\s+la|a\s+el|a|el|la)\s+)$/iu;

/** Whether the words just before `start` make what follows a site (MISSION_SITE_EN / _ES). */
const siteCueBefore = (text: string, start: number) => {
  const cue = text.slice(Math.max(0, start - 60), start);
  return MISSION_SITE_EN.test(cue) || MISSION_SITE_ES.test(cue);
};

/** Embassies and consulates named with their country where the words before make them a site (guide D7). */
function missionSites(text: string, taken: SpanIndex<Taken>): ContextPlace[] {
  const out: ContextPlace[] = [];
  for (const m of text.matchAll(MISSION_RE)) {
    let start = m.index!;
    let name = m[0];
    const [, before, ofEn, ofEs, adjective] = m as unknown as (string | undefined)[];
    if (before !== undefined) {
      // "the US Embassy", "the South Korean consulate": the words before the noun are a country's or its people's.
      const words = before.split(/\s+/);
      const last = words[words.length - 1]!;
      const country = (w: string) => lookupWorldPlace(w)?.kind === 'country';
      if (
        !(isDemonym(before) || country(before)) &&
        !(
          words.length === 2 &&
          (isDemonym(last) || country(last)) &&
          /^(?:North|South|East|West|New)$/u.test(words[0]!)
        )
      ) {
        if (!(isDemonym(last) || country(last))) continue;
        start += before.length - last.length;
        name = name.slice(before.length - last.length);
      }
    } else if (ofEn !== undefined || ofEs !== undefined) {
      if (lookupWorldPlace((ofEn ?? ofEs)!)?.kind !== 'country') continue;
    } else if (adjective === undefined || !isDemonym(adjective)) continue;
    if (!siteCueBefore(text, start)) continue;
    const end = start + name.length;
    if (insideLongerName(taken, start, end)) continue;
    out.push(localityAt(text, start, end));
  }
  for (const m of text.matchAll(SEAT_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!siteCueBefore(text, start)) continue;
    if (insideLongerName(taken, start, end)) continue;
    if (out.some((o) => start < o.end && o.start < end)) continue;
    out.push(localityAt(text, start, end));
  }
  return out;
}

/** Headers of a table column whose cells name places ("Municipio", "Province", "Home"); not "Held in" (sites and notes). */
const PLACE_COLUMN =
  /^(?:municipio|municipality|provincia|province|estado|state|regi[oó]n|region|departamento|department|distrito|district|ciudad|city|town|localidad|parroquia|home|hometown|residence|residencia|lugar|place|origen|origin|village|aldea|comunidad|community|vereda|barrio|corregimiento|sector|neighbou?rhood|(?:vereda|barrio)\s*\/\s*(?:vereda|barrio|sector))$/iu;

/**
 * A word of place inside a longer header ("Last seen (place)", "Último lugar visto", "Comunidad /
 * distrito", "Governorate", "Place of birth"): the column names places too. Not where someone is held
 * ("Held at", "Lugar de detención", "Place of custody" name sites and notes, which the exact headers
 * leave out).
 */
const PLACE_HEADER_WORD =
  /(?<![\p{L}])(?:place|lugar|location|ubicaci[oó]n|village|aldea|comunidad|community|distrito|district|town|city|ciudad|municipio|municipality|province|provincia|governorate|prefecture|county|region|regi[oó]n|barrio|neighbou?rhood|hometown|origin|origen|procedencia)(?![\p{L}])/iu;
const HELD_HEADER =
  /(?<![\p{L}])(?:held|custody|custodia|detention|detenci[oó]n|detenid[oa]|prison|c[aá]rcel|court|tribunal)(?![\p{L}])/iu;
function isPlaceHeader(cell: string): boolean {
  if (PLACE_COLUMN.test(cell)) return true;
  return cell.length <= 40 && !/\d/.test(cell) && PLACE_HEADER_WORD.test(cell) && !HELD_HEADER.test(cell);
}

/**
 * The cells of a place column of a table pasted as text (tables.ts: cells cut by "|" or tabs, a
 * header row naming the column "Municipio", "Province", "Home"…): each name in such a cell is a
 * place, the one in brackets too ("Mariño (Porlamar)"), whatever else the words could be (many
 * municipalities bear a person's name). Not a cell in lower case ("desconocido"), with digits, or of more than five words.
 */
export function tablePlaces(text: string): ContextPlace[] {
  const out: ContextPlace[] = [];
  for (const table of tablesIn(text)) {
    const columns = table.header.cells.flatMap((c, i) => (isPlaceHeader(c.text) ? [i] : []));
    if (!columns.length) continue;
    for (const row of table.rows) {
      // A ragged row's cells may stand under other headers (a cell left out before them).
      if (row.cells.length !== table.header.cells.length) continue;
      for (const i of columns)
        for (const part of row.cells[i]!.text.matchAll(/[^(),;/]+/g)) {
          // "Rushan district", "municipio Sucre": the column already says what the name is.
          const name = part[0]
            .trim()
            .replace(/\s+(?:district|province|region|county|municipality|hamlet|quarter|village|town)$/iu, '')
            .replace(
              /^(?:municipio|estado|provincia|distrito|departamento|vereda|barrio|corregimiento|sector)\s+/iu,
              '',
            );
          if (!/^\p{Lu}/u.test(name) || /\d/.test(name) || name.split(/\s+/).length > 5) continue;
          const s = row.cells[i]!.start + part.index! + part[0].indexOf(name);
          const place = lookupPlace(name) ?? { value: name, kind: 'locality' as const };
          out.push({ kind: 'place', start: s, end: s + name.length, text: name, value: place.value, place });
        }
    }
  }
  return out;
}

/** A unit's name with its capitalized noun ("Táchira State", "Bacolod City", "Lofa County"). */
const ADMIN_NAME =
  /^(\p{Lu}.*?)\s+(City|State|Province|Region|County|District|Prefecture|Governorate|Oblast)$/u;

/** A facility's name with its noun: the name before it, and the words that make a second place of it. */
const FACILITY_NAME =
  /^(.+?)\s+(?:(district|District|Central|central|City|city|Remand|remand|Grand|Provincial|provincial)\s+)?(?:military\s+|Military\s+|women['’]s\s+)?(?:Prison|prison|Jail|jail|(?:Detention|detention)\s+(?:Centre|Center|Facility|centre|center|facility)|Barracks|barracks|Camp|camp|Cemetery|cemetery|Colony|colony)$/u;

/**
 * One place for a facility and its short form: "Evin" and "Evin prison", "Hrodna" and "Hrodna prison",
 * "Makindye" and "Makindye military barracks" name one site in a text (the annotations of rounds 1–8
 * list the short form as the same place 39 times, as a place of its own 4 times — all "Quetta district
 * jail", "Zahedan Central Prison", "Agra Central Jail": a qualifier between makes the town a place of
 * its own). The short form's mentions take the facility's value.
 */
export function facilityShortForms<
  T extends { kind: string; text: string; value: string; place?: PlaceEntry },
>(entities: readonly T[]): T[] {
  const longForm = new Map<string, string>();
  for (const e of entities) {
    if (e.kind !== 'place') continue;
    const m = FACILITY_NAME.exec(e.value);
    // "Rakhine State" and "Rakhine", "Bacolod City" and "Bacolod": a unit and its name alone are one place
    // too — but not a country and its capital ("Guatemala City", "Kuwait City").
    // "Ciudad de Buenos Aires" and "Buenos Aires" too; not "Ciudad de Guatemala" and the country.
    const city = /^Ciudad\s+de\s+(\p{Lu}.*)$/u.exec(e.value)?.[1];
    const unit = m ? undefined : (ADMIN_NAME.exec(e.value) ?? (city ? [e.value, city, 'City'] : null));
    const short =
      m && !m[2]
        ? m[1]
        : unit && !(unit[2] === 'City' && lookupPlace(unit[1]!)?.kind === 'country')
          ? unit[1]
          : undefined;
    if (!short || !/^\p{Lu}/u.test(short)) continue;
    const key = fold(short.replace(/^(?:the|la|el)\s+/iu, ''));
    if (!longForm.has(key)) longForm.set(key, e.value);
  }
  if (!longForm.size) return [...entities];
  return entities.map((e) => {
    if (e.kind !== 'place') return e;
    const value = longForm.get(fold(e.text.replace(/\s+/g, ' '))) ?? longForm.get(fold(e.value));
    if (!value || value === e.value) return e;
    return { ...e, value, place: { ...(e.place ?? { kind: 'locality' as const }), value } };
  });
}

/** A form's or a header's place label, opening a line or a cell: "Lugar:", "Location:", "Place of arrest:". */
const PLACE_LABEL =
  /(?:^|\n|\|)[ \t]*(?:Lugar(?: de (?:los hechos|detenci[oó]n|nacimiento))?|Localidad|Ubicaci[oó]n|Place(?: of (?:arrest|detention|birth))?|Location)[ \t]*:[ \t]*([^\n|.;]+)/gu;

/**
 * The names after a place label ("Lugar: Atoyac de Álvarez, Guerrero", "Location: Turbat, Kech"): each
 * name of the list is a place, whatever else its words could be (many towns bear a saint's or a
 * person's name), as in a table's place column. Not a part in lower case or with digits.
 */
export function labelPlaces(text: string): ContextPlace[] {
  const out: ContextPlace[] = [];
  for (const m of text.matchAll(PLACE_LABEL)) {
    const at = m.index! + m[0].length - m[1]!.length;
    for (const part of m[1]!.matchAll(/[^,()]+/g)) {
      for (const piece of part[0].split(/\s+(?:y|e|and)\s+/u)) {
        const name = piece.trim();
        if (!/^\p{Lu}/u.test(name) || /\d/.test(name) || name.split(/\s+/).length > 5) continue;
        const s = at + part.index! + part[0].indexOf(name);
        const place = lookupPlace(name) ?? { value: name, kind: 'locality' as const };
        out.push({ kind: 'place', start: s, end: s + name.length, text: name, value: place.value, place });
      }
    }
  }
  return out;
}

/** A place in brackets closing a speaker's or sender's label: "CALLER (Khartoum)", "OYENTE (desde Ituango)". */
const TAG_PLACE = /\(([^()\n]+)\)$/u;
const EMAIL_HEADER = /^[ \t]*(?:From|To|Cc|Bcc|Reply-To|De|Para|CC|CCO)[ \t]*:/u;
/** A tag's name: capitalized words, with Spanish and Portuguese particles ("San Luis Acatlán", "Valle Hermoso"). */
const TAG_NAME =
  /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:de|del|da|do|la|las|los)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,3}$/u;

/**
 * Places in the bracketed tag of a transcript's or chat's speaker ("[00:01:44] CALLER (Khartoum):",
 * "OYENTE (desde Ituango):", "Rafiq (Kutupalong):", "CALLER (Maryam, Herat):"): a radio show names its
 * callers by their town, and the annotations keep that town as a place (dev rounds: 34 such tags are
 * places, 8 name the caller, every one a given name or an unknown word; 12 rules-alone misses in rounds
 * 34, 41, 42, 43, 47, 53, 54), while the speaker's label itself stays a source (senders.ts). After
 * "desde"/"from" any name is the town; otherwise only a place a gazetteer holds that is no given name
 * ("CALLER (Sandra)", "CALLER (Dexter)"). Not an email's From/To line ("From: Ana (Toronto)"), where
 * the gold keeps the town in 2 of 5 development texts. Returns the places and the sender spans, each cut
 * before a tag that gave one.
 */
export function senderTagPlaces(
  text: string,
  senders: readonly { start: number; end: number }[],
): { places: ContextPlace[]; senders: { start: number; end: number }[] } {
  const places: ContextPlace[] = [];
  const kept = senders.map((s) => {
    // An email's From/To line: the gold keeps the correspondent's town there only now and then (2 of 5).
    if (EMAIL_HEADER.test(text.slice(text.lastIndexOf('\n', s.start - 1) + 1, s.start))) return s;
    const label = text.slice(s.start, s.end);
    const m = TAG_PLACE.exec(label);
    if (!m) return s;
    // "Maryam, Herat": the caller's name, then the town.
    const inner = m[1]!;
    const cut = inner.lastIndexOf(',') + 1;
    const raw = inner.slice(cut);
    const cue = /^\s*(?:desde|from)\s+/iu.exec(raw);
    const name = raw.slice(cue?.[0].length ?? 0).trim();
    if (!TAG_NAME.test(name) || /^[\p{Lu}\s.'’-]+$/u.test(name)) return s;
    const first = fold(name.split(/\s+/)[0]!);
    const entry = cue
      ? (townEntry(name) ?? { value: name, kind: 'locality' as const })
      : GIVEN_NAMES.has(first)
        ? undefined
        : townEntry(name);
    if (!entry) return s;
    places.push(placeAt(s.start + m.index + 1 + cut + raw.indexOf(name), name, entry));
    return { start: s.start, end: s.start + label.slice(0, m.index).trimEnd().length };
  });
  return { places, senders: kept };
}

/** A capitalized word of a town's name. */
const TOWN_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
/**
 * Particles inside a town's name: "El Carmen de Bolívar", "São Bernardo do Campo", "Dar es Salaam", "Côte
 * d'Ivoire", and an Arabic article in lower case before a hyphen, "Deir ez-Zor", "Ras al-Ain" (capitalized
 * runs stop at it, so "Deir" alone was read: 5 misses in rounds 48 and 53 and their LORO lists).
 */
const TOWN_PARTICLE =
  /\s+(?:(?:de\s+la|de\s+los|de|del|do|da|dos|das|es)\s+|[dl]['’]|(?:al|el|ez|az|as|ad|an|ash|ar|ed|es|at|ul|ud)-)(?=\p{Lu})/gu;

/**
 * Towns whose name runs over a particle ("El Carmen de Bolívar", "São Bernardo do Campo", "Dar es
 * Salaam", "Iguala de la Independencia"): when a gazetteer holds the whole, it is one place, and the
 * places read in its parts ("El Carmen" and "Bolívar", "Dar") give way to it. Not where a person's or an
 * organization's name crosses its edge; inside an organization's name it is a place of its own.
 */
export function wholeTownNames<T extends Taken & { text: string; value: string; place?: PlaceEntry }>(
  text: string,
  entities: readonly T[],
): (T | (ContextPlace & { rule: string }))[] {
  const wholes: ContextPlace[] = [];
  for (const p of text.matchAll(TOWN_PARTICLE)) {
    const at = p.index!;
    // A capitalized word right before the particle ("Carmen de"), found without a costly lookbehind.
    if (!/\p{Lu}[\p{L}\p{M}'’-]*$/u.test(text.slice(Math.max(0, at - 30), at))) continue;
    const after = at + p[0].length;
    const left = [...text.slice(Math.max(0, at - 60), at).matchAll(new RegExp(TOWN_WORD, 'gu'))];
    const right = new RegExp(String.raw`^${TOWN_WORD}(?:\s+${TOWN_WORD})?`, 'u').exec(
      text.slice(after, after + 60),
    );
    if (!left.length || !right) continue;
    const leftBase = Math.max(0, at - 60);
    let best: ContextPlace | undefined;
    // From the longest whole down: one to three words before the particle, one or two after.
    for (let l = Math.min(3, left.length); l >= 1 && !best; l--) {
      const first = left[left.length - l]!;
      const start = leftBase + first.index!;
      // The words before the particle must run on to it ("Carmen" right before " de").
      if (!/^[\p{L}\p{M}'’\s-]*$/u.test(text.slice(start, at))) continue;
      const tails = right[0].includes(' ') ? [right[0], right[0].split(/\s+/)[0]!] : [right[0]];
      for (const tail of tails) {
        const end = after + tail.length;
        if (/^[\p{L}\p{M}'’-]/u.test(text.slice(end, end + 1))) continue;
        const name = text.slice(start, end);
        const known = lookupPlace(name);
        const town = known ? undefined : lookupTown(name);
        const entry =
          known ??
          (town && (town.population ?? 0) >= 10_000
            ? { value: town.value, kind: town.kind, countryCode: town.countryCode }
            : undefined);
        if (!entry || entry.kind === 'detention_site') continue;
        best = placeAt(start, name, entry);
        break;
      }
    }
    if (best && !wholes.some((w) => best.start < w.end && w.start < best.end)) wholes.push(best);
  }
  if (!wholes.length) return [...entities];
  const kept = wholes.filter(
    (w) =>
      !entities.some(
        (e) =>
          e.kind !== 'place' && w.start < e.end && e.start < w.end && !(e.start <= w.start && w.end <= e.end),
      ) &&
      !entities.some(
        (e) =>
          e.kind === 'place' && e.start <= w.start && w.end <= e.end && e.end - e.start > w.end - w.start,
      ),
  );
  const same = (e: T, w: ContextPlace) => e.kind === 'place' && e.start === w.start && e.end === w.end;
  const out: (T | (ContextPlace & { rule: string }))[] = entities.filter(
    (e) => e.kind !== 'place' || !kept.some((w) => e.start < w.end && w.start < e.end && !same(e, w)),
  );
  for (const w of kept) if (!entities.some((e) => same(e, w))) out.push({ ...w, rule: 'whole-town' });
  return out.sort((a, b) => a.start - b.start);
}

/** Words of an instrument named after the town it was signed in, before it ("Estatuto de Roma") or after it ("Rome Statute"). */
const INSTRUMENT_BEFORE =
  /(?:Convenci[oó]n|Convenio|Protocolo|Estatuto|Acuerdos?|Tratado|Pacto|Declaraci[oó]n|Convention|Protocol|Statute|Treaty|Declaration)\s+(?:de|of)\s+(?:la\s+)?$/u;
const INSTRUMENT_AFTER =
  /^\s+(?:Conventions?|Protocol|Statute|Treaty|Accords?|Agreement|Declaration)(?![\p{L}])/u;

/**
 * A town inside the name of a treaty or instrument signed there ("la Convención de Viena", "el Estatuto de
 * Roma", "the Istanbul Protocol", "the Oslo Accords"): the instrument's name, no place of what the text tells.
 */
export function namesAnInstrument(text: string, start: number, end: number): boolean {
  return (
    INSTRUMENT_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ||
    INSTRUMENT_AFTER.test(text.slice(end, end + 20))
  );
}

/**
 * A month read inside a gazetteer place's name ("Mar" of "Mar del Plata", "Jun" of "Junín"): a word
 * with no digit, inside a longer place the gazetteers hold, is the place's, not a date (dev rounds 33, 41,
 * 51, 52: four places lost to such a date). A date written with a day or a
 * year ("avenida 18 de Julio") is left to the date's rules.
 */
export function monthInPlaceName(
  text: string,
  e: { kind: string; start: number; end: number },
  d: { start: number; end: number },
): boolean {
  if (e.kind !== 'place' || d.start < e.start || e.end < d.end || e.end - e.start <= d.end - d.start)
    return false;
  const name = text.slice(e.start, e.end);
  return !/\d/.test(text.slice(d.start, d.end)) && !/\s\d/.test(name) && lookupPlace(name) !== undefined;
}

/** A capitalized word glued before a place that belongs to its name: an article ("El Geneina", "El Callao"). */
const ARTICLE_OF_NAME = /(?<![\p{L}\p{M}'’-])(?:El|La|Los|Las|Al)\s$/u;
/** A compass point or qualifier written before a place as part of its name ("West Kowloon", "Northern Ireland", "Metro Manila", "Petit Duékoué"). */
const QUALIFIER_OF_NAME =
  /(?<![\p{L}\p{M}'’-])(?:West|East|North|South|Northern|Southern|Eastern|Western|Upper|Lower|Greater|Metro|Petit|Grand|Old|Alto|Alta|Bajo|Baja)\s$/u;
/**
 * A compass point written after a town as part of its name, for a district or a twin town ("Khartoum North",
 * "Jos North", "Kahawa West", "Palmerston North": rounds 29, 40, 44, 50); not before another capitalized
 * word ("Jos South Local Government").
 */
const COMPASS_AFTER_NAME = /^\s(?:North|South|East|West)(?![\p{L}\p{N}'’-])(?!\s+\p{Lu})/u;

/**
 * A place found without the capitalized article or compass point written before it, as one name ("took
 * El Geneina", "entre El Callao y", "de El Cuá", "at West Kowloon", "for Northern Ireland"): the place is
 * the whole, as written (a Spanish or Arabic article written in capitals inside a sentence is the name's;
 * a town of the gazetteer named "Cúa" is no "El Cuá"). Not a country after an article ("La Venezuela de
 * hoy"), nor where another rule's name takes the word before.
 */
export function withNameQualifier<T extends Taken & { text: string; value: string; place?: PlaceEntry }>(
  text: string,
  entities: readonly T[],
): T[] {
  // "del Alto Cauca": an organization read in exactly a qualifier and a place ("Alto" opens "Alto
  // Comisionado") is that place, qualified (rounds 13, 21, 29, 30, 54: "Alto Beni", "Bajo Lempa").
  const overruled = new Set<T>();
  const out = entities.map((e) => {
    if (e.kind !== 'place') return e;
    const before = text.slice(Math.max(0, e.start - 12), e.start);
    const article = ARTICLE_OF_NAME.exec(before);
    const qualifier = article ? undefined : QUALIFIER_OF_NAME.exec(before);
    const m = article ?? qualifier;
    if (!m) {
      const after = COMPASS_AFTER_NAME.exec(text.slice(e.end, e.end + 8));
      if (!after || e.place?.kind === 'country' || !/^\p{Lu}/u.test(e.text)) return e;
      const end = e.end + after[0].length;
      if (entities.some((o) => o !== e && o.start < end && e.end < o.end)) return e;
      const named = text.slice(e.start, end);
      const value = named.replace(/\s+/g, ' ');
      return {
        ...e,
        end,
        text: named,
        value,
        place: { ...(e.place ?? { kind: 'locality' as const }), value },
      };
    }
    if (!/^\p{Lu}/u.test(e.text)) return e;
    if (article && (e.place?.kind === 'country' || isSeatOfPower(e.text))) return e;
    const start = e.start - m[0].length;
    const org = entities.find((o) => o.kind === 'organization' && o.start === start && o.end === e.end);
    if (org && qualifier) overruled.add(org);
    else if (entities.some((o) => o !== e && o.start < e.start && start < o.end)) return e;
    const named = text.slice(start, e.end);
    const known = lookupPlace(named);
    const value = known?.value ?? named.replace(/\s+/g, ' ');
    const place: PlaceEntry = known ?? { ...(e.place ?? { kind: 'locality' as const }), value };
    return { ...e, start, text: named, value, place };
  });
  return overruled.size ? out.filter((e) => !overruled.has(e)) : out;
}

/** What a text says its names are, read once for the checks below (a long text has thousands of names). */
export interface NameEvidence {
  /** Organizations' names and values, folded. */
  orgs: Set<string>;
  /** Persons of two or more words, folded, with spaces around. */
  persons: string[];
  /** Every word of those persons, folded. */
  personWords: Set<string>;
  /** Where a person's name ends. */
  personEnds: Set<number>;
  /** Whether the text also writes this word in lower case (read on first use). */
  writesLower: (word: string) => boolean;
  /** Where a place's name ends. */
  placeEnds: Set<number>;
}

export function nameEvidence(
  text: string,
  entities: readonly { kind: string; start: number; end: number; text: string; value: string }[],
): NameEvidence {
  let lower: Set<string> | undefined;
  const ev: NameEvidence = {
    orgs: new Set(),
    persons: [],
    personWords: new Set(),
    personEnds: new Set(),
    writesLower: (word) => {
      lower ??= new Set(Array.from(text.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu), (w) => w[0]));
      return lower.has(word);
    },
    placeEnds: new Set(),
  };
  for (const o of entities) {
    if (o.kind === 'place') ev.placeEnds.add(o.end);
    if (o.kind === 'organization') {
      ev.orgs.add(fold(o.text));
      ev.orgs.add(fold(o.value));
    } else if (o.kind === 'person') {
      ev.personEnds.add(o.end);
      const v = fold(o.value);
      if (!/\s/.test(v)) continue;
      ev.persons.push(` ${v.replace(/\s+/g, ' ')} `);
      for (const w of v.split(/\s+/)) ev.personWords.add(w);
    }
  }
  return ev;
}

/** Prepositions of place right before a name ("to Tora", "in Chad", "desde Tora"). */
const PLACE_BEFORE_NAME = /(?<![\p{L}])(?:in|at|from|to|into|near|en|desde|hacia|hasta)\s+$/iu;
/** Nouns closing a place's name ("Pearl Roundabout", "Black Beach", "Kissy Road"). */
const PLACE_NOUN_LAST =
  /^(?:Road|Street|Avenue|Drive|Lane|Square|Roundabout|Beach|Bay|Town|City|Camp|Prison|Jail|Hill|Park|Bridge|Market|Village|Valley|River|Island|Port|Gate|Station|Centre|Center|Church|Mosque|Cemetery|Hospital|Junction|Estate|Heights|Gardens)$/u;

/** All capitals, digits allowed ("PDVSA", "UAE94"): an acronym, an organization's far more often than a place's. */
const ACRONYM = /^[\p{Lu}\d&.-]{2,}$/u;

/**
 * Places no rule read, that the tagger added, which the text itself shows are something else (rounds 2–11
 * counted 104 such extras, about two thirds of them of these kinds): a people or a language ("Rohingya",
 * "Kirundi"); a given name alone or a name opening with one ("Bheki", "Parvin Mostafavi"); the words of a
 * person the text names ("Fujimori" beside "Alberto Fujimori"); an organization's name the text also gives
 * as one, or an acronym; a word the text also writes in lower case ("Libertad" and "libertad"). Never a
 * place a gazetteer holds.
 */
export function unlikelyAddedPlace(
  text: string,
  m: { start: number; end: number; text: string },
  ev: NameEvidence,
): boolean {
  const name = m.text.replace(/\s+/g, ' ').trim();
  if (lookupPlace(name)) return false;
  if (isDemonym(name)) return true;
  const words = name.split(' ');
  // "vecino de Remedios de Escalada", "fled to Martin": the words before say it is a place.
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  // "Inn Din, Tula Toli and Chut Pyin": so does a list after a place.
  const join = /(?:,\s*|\s+(?:y|e|and|or|o)\s+)$/u.exec(before);
  const cued =
    MOTION.test(before) ||
    RESIDENTS.test(before) ||
    THROUGH.test(before) ||
    (join !== null && ev.placeEnds.has(m.start - join[0].length));
  // A given name alone, unless a word of place stands before it ("sent back to Tora", "from Abéché in
  // Chad"); a name opening with one, unless a place noun closes it ("Pearl Roundabout", "Santa Rosa Road").
  if (
    GIVEN_NAMES.has(fold(words[0]!)) &&
    !cued &&
    !lookupAmbiguousWorldPlace(name) &&
    (words.length === 1
      ? !PLACE_BEFORE_NAME.test(text.slice(Math.max(0, m.start - 12), m.start))
      : !PLACE_NOUN_LAST.test(words[words.length - 1]!))
  )
    return true;
  if (ACRONYM.test(name)) return true;
  const folded = fold(name);
  if (ev.orgs.has(folded)) return true;
  if (words.length === 1 ? ev.personWords.has(folded) : ev.persons.some((p) => p.includes(` ${folded} `)))
    return true;
  return words.length === 1 && ev.writesLower(name.toLowerCase());
}

/** Words before a place that say it is one ("in Lagos", "desde Santiago", "de Valencia"). */
const PLACE_PREPOSITION =
  /(?<![\p{L}])(?:in|at|from|to|near|into|across|en|desde|hacia|hasta|de|del|por|para)\s+(?:(?:the|el|la)\s+)?$/iu;

/**
 * A one-word place the rules read that is a person's surname in this text ("Patricio Lagos" read as a
 * given name and a city; "Wellington ya no quiere" after "Wellington Ferreira da Costa"; "Petrona
 * Valencia"): right after a person's name, or a word of a person named in full elsewhere and with no
 * word of place before it. Not a country, state or region, which people are seldom named after.
 */
export function surnameReadAsPlace(
  text: string,
  m: { start: number; end: number; text: string; place?: PlaceEntry },
  ev: NameEvidence,
): boolean {
  if (/\s/.test(m.text.trim()) || (m.place && m.place.kind !== 'city' && m.place.kind !== 'locality'))
    return false;
  if (text[m.start - 1] === ' ' && ev.personEnds.has(m.start - 1)) return true;
  if (PLACE_PREPOSITION.test(text.slice(Math.max(0, m.start - 20), m.start))) return false;
  return ev.personWords.has(fold(m.text));
}
