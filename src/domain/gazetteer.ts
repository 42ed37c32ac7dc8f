/**
 * Place lookups against the Venezuelan gazetteer: names as people write them ("Edo. Táchira",
 * "tachira", "Caracas", "Vargas") resolve to the official entry. A municipality name shared by
 * several states (Sucre, Bolívar, Libertador, Miranda, …) resolves only with its state.
 */
import { KNOWN_DETENTION_SITES, type StateEntry, VENEZUELA_STATES } from './gazetteer-data.js';

export {
  type DetentionSite,
  KNOWN_DETENTION_SITES,
  type StateEntry,
  VENEZUELA_STATES,
} from './gazetteer-data.js';

/** Folds case, accents, punctuation and administrative prefixes ("estado", "edo.", "municipio"). */
export function normalizePlaceName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.,;:()'"-]/g, ' ')
    .replace(/\b(estado|edo|municipio|mun|mcpio|mpio|distrito)\b/g, (w) => (w === 'distrito' ? w : ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

const ALIASES: Record<string, string> = {
  caracas: 'VE-A',
  'distrito federal': 'VE-A',
  df: 'VE-A',
  dc: 'VE-A',
  'distrito capital': 'VE-A',
  vargas: 'VE-X',
  'la guaira': 'VE-X',
  margarita: 'VE-O',
  'dependencias federales': 'VE-W',
};

const byKey = new Map<string, StateEntry>();
for (const s of VENEZUELA_STATES) {
  byKey.set(normalizePlaceName(s.name), s);
  byKey.set(s.code.toLowerCase(), s);
  byKey.set(s.code.slice(3).toLowerCase(), s);
}
for (const [alias, code] of Object.entries(ALIASES))
  byKey.set(alias, VENEZUELA_STATES.find((s) => s.code === code)!);

export function findState(name: string): StateEntry | undefined {
  const key = normalizePlaceName(name);
  return byKey.get(key) ?? byKey.get(name.trim().toLowerCase());
}

/** A municipality by name, within `state` when given; without a state, only an unambiguous name matches. */
export function findMunicipality(
  name: string,
  state?: string,
): { state: StateEntry; municipality: string } | undefined {
  const key = normalizePlaceName(name);
  const within = state ? findState(state) : undefined;
  if (state && !within) return undefined;
  const hits: { state: StateEntry; municipality: string }[] = [];
  for (const s of within ? [within] : VENEZUELA_STATES) {
    for (const m of s.municipalities)
      if (normalizePlaceName(m) === key) hits.push({ state: s, municipality: m });
  }
  return hits.length === 1 ? hits[0] : undefined;
}

export function findDetentionSite(name: string) {
  const key = normalizePlaceName(name);
  return KNOWN_DETENTION_SITES.find((d) => normalizePlaceName(d.name) === key || d.id === key);
}
