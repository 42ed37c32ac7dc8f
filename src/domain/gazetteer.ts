/**
 * Place lookups against the Venezuelan gazetteer: names as people write them ("Edo. Táchira",
 * "tachira", "Caracas", "Vargas", "Mun. Heres") resolve to the official entry. A municipality name
 * shared by several states (Sucre, Bolívar, Libertador, Miranda, …) resolves only with its state:
 * a guess between states would put an event in the wrong place.
 */

import { foldCase } from './fold.js';
import {
  type DetentionSite,
  KNOWN_DETENTION_SITES,
  MUNICIPALITY_ALIASES,
  type StateEntry,
  TOWNS,
  VENEZUELA_STATES,
} from './gazetteer-data.js';

export {
  type DetentionSite,
  KNOWN_DETENTION_SITES,
  MUNICIPALITY_ALIASES,
  type StateEntry,
  TOWNS,
  VENEZUELA_STATES,
} from './gazetteer-data.js';

/** Administrative words people put before a name ("Estado Zulia", "Mcpio. Sucre", "Municipio Autónomo …"). */
const PREFIX_WORDS = /\b(estado|edo|municipio|mun|mcpio|mpio|autonomo|parroquia|pquia)\b/g;

/** Folds case, accents, punctuation and administrative prefixes ("estado", "edo.", "municipio", "mun."). */
export function normalizePlaceName(s: string): string {
  return foldCase(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(PREFIX_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names people use for a state other than its official name, by ISO code. */
const STATE_ALIASES: Record<string, string[]> = {
  'VE-A': ['Caracas', 'Distrito Federal', 'Dtto. Capital', 'DC'],
  'VE-X': ['Vargas'],
  'VE-O': ['Margarita', 'Isla de Margarita'],
  'VE-Y': ['Delta'],
  'VE-W': ['Los Roques', 'Territorio Insular Miranda'],
};

const stateByKey = new Map<string, StateEntry>();
for (const s of VENEZUELA_STATES) {
  stateByKey.set(normalizePlaceName(s.name), s);
  stateByKey.set(normalizePlaceName(s.code), s); // "ve a"
  for (const alias of STATE_ALIASES[s.code] ?? []) stateByKey.set(normalizePlaceName(alias), s);
}

/** A state by name, ISO 3166-2 code ("VE-M") or common alias ("Caracas", "Vargas"). */
export function findState(name: string): StateEntry | undefined {
  return stateByKey.get(normalizePlaceName(name));
}

export interface MunicipalityMatch {
  state: StateEntry;
  /** The official name, even when found by a former or short name. */
  municipality: string;
}

/** Every municipality a name can mean, by official, former or short name; within `state` when given. */
export function findMunicipalities(name: string, state?: string): MunicipalityMatch[] {
  const key = normalizePlaceName(name);
  if (!key) return [];
  let states = VENEZUELA_STATES;
  if (state !== undefined) {
    const s = findState(state);
    if (!s) return [];
    states = [s];
  }
  const hits: MunicipalityMatch[] = [];
  for (const s of states) {
    const official = s.municipalities.find((m) => normalizePlaceName(m) === key);
    const alias = Object.entries(MUNICIPALITY_ALIASES[s.code] ?? {}).find(
      ([a]) => normalizePlaceName(a) === key,
    );
    const municipality = official ?? alias?.[1];
    if (municipality) hits.push({ state: s, municipality });
  }
  return hits;
}

/** A municipality by name, within `state` when given; without a state, only an unambiguous name matches. */
export function findMunicipality(name: string, state?: string): MunicipalityMatch | undefined {
  const hits = findMunicipalities(name, state);
  return hits.length === 1 ? hits[0] : undefined;
}

export interface TownMatch extends MunicipalityMatch {
  town: string;
}

/** A main town ("Petare", "Puerto Ordaz") and the municipality it lies in; ambiguous names need the state. */
export function findTown(name: string, state?: string): TownMatch | undefined {
  const key = normalizePlaceName(name);
  const within = state === undefined ? undefined : findState(state);
  if (state !== undefined && !within) return undefined;
  const hits = TOWNS.filter(
    (t) => normalizePlaceName(t.name) === key && (!within || t.stateCode === within.code),
  );
  if (hits.length !== 1) return undefined;
  const t = hits[0]!;
  return { state: findState(t.stateCode)!, municipality: t.municipality, town: t.name };
}

/** A publicly known detention site by id, name or alias ("El Helicoide", "helicoide", "La Tumba"). */
export function findDetentionSite(name: string): DetentionSite | undefined {
  const key = normalizePlaceName(name);
  if (!key) return undefined;
  return KNOWN_DETENTION_SITES.find(
    (d) =>
      d.id === name.trim().toLowerCase() ||
      normalizePlaceName(d.name) === key ||
      (d.aliases ?? []).some((a) => normalizePlaceName(a) === key),
  );
}

/** Great-circle distance in km between two [lat, lon] points (for sanity checks of coordinates). */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
