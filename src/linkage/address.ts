/**
 * Generic fields for lists from anywhere: postal addresses, postcodes, localities and free-text
 * occupations. Nothing here assumes a country: no gazetteer, no national postcode grammar beyond
 * "letters and digits", and street words from English and Spanish written either way
 * ("St"/"Street", "Av."/"Avenida"). Each normaliser returns the canonical text the encoder
 * interns; the comparator (compare.ts) reads the parts back with `addressParts`.
 */
import { isPlaceholder } from './normalize.js';
import { fold } from './text.js';

/** Separates house number, street and unit in an encoded address. */
export const ADDRESS_SEP = '\u001f';

/** Street-type words and their abbreviations, to one spelling. */
const STREET_WORDS: Record<string, string> = {
  st: 'street',
  str: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  avda: 'avenue',
  avenida: 'avenue',
  blvd: 'boulevard',
  ln: 'lane',
  dr: 'drive',
  ct: 'court',
  pl: 'place',
  sq: 'square',
  hwy: 'highway',
  pkwy: 'parkway',
  cres: 'crescent',
  tce: 'terrace',
  terr: 'terrace',
  cl: 'calle',
  c: 'calle',
  cra: 'carrera',
  kr: 'carrera',
  cr: 'carrera',
  crr: 'carrera',
  urb: 'urbanizacion',
  sect: 'sector',
  edif: 'edificio',
  ed: 'edificio',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
};

/** Words that start the unit part (flat, apartment, floor): the rest of the address is the unit. */
const UNIT_WORDS = new Set([
  'apt',
  'apartment',
  'flat',
  'unit',
  'suite',
  'ste',
  'apto',
  'apartamento',
  'piso',
  'floor',
  'fl',
]);
/** Words that announce the house number ("No. 12", "Nro 12", "# 12"). */
const NUMBER_WORDS = new Set(['no', 'nro', 'num', 'numero', 'number']);

const isNumberToken = (t: string) => /^\d+[a-z]?$/.test(t);

/**
 * "12 High St., Flat 3" → "12␟high street␟flat 3"; "Calle Bolívar Nro. 25" → "25␟calle bolivar␟".
 * The house number is the first number at the start of the address (English order) or after a
 * number word, else the last number of the street part (Spanish order: "Av. Sucre 25"). "St"
 * before a name and not at the end is "Saint" ("St John's Rd"). "" for missing values.
 */
export function normalizeAddress(raw: string): string {
  if (isPlaceholder(raw)) return '';
  // "S/N" (sin número) is no number, not "south north".
  const tokens = fold(
    raw
      .replace(/\bs\s*\/\s*n\b/gi, ' ')
      .replace(/#/g, ' no ')
      .replace(/['’]/g, ''),
  )
    .split(' ')
    .filter(Boolean);
  if (tokens.length === 0) return '';
  const unitAt = tokens.findIndex((t, i) => i > 0 && UNIT_WORDS.has(t));
  const main = unitAt < 0 ? tokens : tokens.slice(0, unitAt);
  const unit = unitAt < 0 ? [] : tokens.slice(unitAt);
  let number = '';
  let at = -1;
  const marked = main.findIndex((t, i) => NUMBER_WORDS.has(t) && isNumberToken(main[i + 1] ?? ''));
  if (marked >= 0) at = marked + 1;
  else if (isNumberToken(main[0]!)) at = 0;
  else
    for (let i = main.length - 1; i > 0; i--)
      if (isNumberToken(main[i]!)) {
        at = i;
        break;
      }
  if (at >= 0) number = main[at]!;
  const street = main
    .filter((_, i) => i !== at && !(marked >= 0 && i === marked))
    .map((t, i, all) => {
      if (t === 'st' && i < all.length - 1) return 'saint';
      return STREET_WORDS[t] ?? t;
    })
    .join(' ');
  return [number, street, unit.join(' ')].join(ADDRESS_SEP);
}

export interface AddressParts {
  number: string;
  street: string;
  unit: string;
}

export function addressParts(encoded: string): AddressParts {
  const [number = '', street = '', unit = ''] = encoded.split(ADDRESS_SEP);
  return { number, street, unit };
}

/**
 * Postcodes: upper case, letters and digits only ("sw1a 1aa" = "SW1A1AA"); a US ZIP+4 is its
 * five-digit ZIP. "" for missing values and for text with no digit (not a postcode).
 */
export function normalizePostcode(raw: string): string {
  if (isPlaceholder(raw)) return '';
  let t = fold(raw).replace(/ /g, '').toUpperCase();
  if (/^\d{9}$/.test(t)) t = t.slice(0, 5);
  return /\d/.test(t) ? t : '';
}

/**
 * The area a postcode belongs to: for codes with letters (UK, Canada, the Netherlands) all but the
 * last three characters (the outward code "SW1A"), for digit-only codes all but the last two
 * (the US sectional centre "123", "10115" → "101"); never shorter than two characters.
 */
export function postcodeArea(code: string): string {
  const cut = /[A-Z]/.test(code) ? 3 : 2;
  return code.slice(0, Math.max(2, code.length - cut));
}

/** Locality names without a gazetteer: folded, "St"/"Ft"/"Mt" spelled out, "city of" dropped. */
export function normalizeLocality(raw: string): string {
  if (isPlaceholder(raw)) return '';
  const words: Record<string, string> = {
    st: 'saint',
    ste: 'sainte',
    ft: 'fort',
    mt: 'mount',
    sta: 'santa',
    sto: 'santo',
  };
  return fold(raw)
    .replace(/^(city|town|village|ciudad|pueblo) (of|de) /, '')
    .split(' ')
    .map((t) => words[t] ?? t)
    .join(' ');
}

const OCCUPATION_STOP = new Set([
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'en',
  'y',
  'e',
  'of',
  'the',
  'and',
  'a',
  'an',
  'in',
  'at',
  'for',
]);

/** A word's stem for occupations: plural and gender endings dropped ("teachers", "maestra" → "teacher", "maestr"). */
function stem(t: string): string {
  if (t.length > 4 && t.endsWith('es') && !t.endsWith('ees')) return t.slice(0, -2);
  if (t.length > 3 && (t.endsWith('s') || t.endsWith('a') || t.endsWith('o'))) return t.slice(0, -1);
  return t;
}

/**
 * Occupations as a set of word stems, sorted: "Primary school teacher" = "Teacher (primary
 * school)"; "Maestra" = "maestro"; "" for missing values.
 */
export function normalizeOccupation(raw: string): string {
  if (isPlaceholder(raw)) return '';
  const stems = new Set(
    fold(raw)
      .split(' ')
      .filter((t) => t !== '' && !OCCUPATION_STOP.has(t))
      .map(stem),
  );
  return [...stems].sort().join(' ');
}
