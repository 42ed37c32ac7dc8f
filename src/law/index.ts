/**
 * The Rome Statute as data: crimes against humanity (Art. 7), their elements, modes of liability
 * (Arts. 25(3), 28), the act-type → crime mapping and the States Parties. Pure data and lookups;
 * the analysis (src/analysis) derives element status from evidence links against these ids.
 */
import { ACT_TYPE_CRIMES } from './act-crimes.js';
import { CONTEXT_ELEMENTS } from './context.js';
import { CRIMES } from './crimes.js';
import { LIABILITY_MODES } from './liability.js';
import type { Crime, LawElement } from './types.js';

export { ACT_TYPE_CRIMES, ATTEMPT_ACT_TYPES, PERSECUTION_CRIME } from './act-crimes.js';
export { CONTEXT_ELEMENTS } from './context.js';
export { CRIMES } from './crimes.js';
export { DEGREE_TO_MODES, LIABILITY_MODES, POLICY_DEGREES } from './liability.js';
export { SITUATIONS, type Situation, situationOf } from './situations.js';
export {
  entryIntoForce,
  isStatePartyOn,
  oasStatesParties,
  STATES_PARTIES,
  SUCCESSIONS,
  stateParty,
} from './states-parties.js';
export type * from './types.js';

/** Stored with every analysis, so a result can be traced to the version of the law data. */
/** Bump with every change of the mappings; docs/LEGAL-MODEL.md documents each version. */
export const LAW_VERSION = 'rome-statute/EoC-2013/testigo-2';

const CRIME_BY_ID = new Map(CRIMES.map((c) => [c.id, c]));

const ELEMENT_BY_ID = new Map<string, LawElement>(
  [
    ...CONTEXT_ELEMENTS,
    ...CRIMES.flatMap((c) => c.elements),
    ...LIABILITY_MODES.flatMap((m) => m.elements),
  ].map((e) => [e.id, e]),
);

export function crimeById(id: string): Crime | undefined {
  return CRIME_BY_ID.get(id);
}

/** Any element: contextual, crime-specific or of a mode of liability. */
export function elementById(id: string): LawElement | undefined {
  return ELEMENT_BY_ID.get(id);
}

/** The crimes an act of this type may constitute (persecution as a catch-all is not included). */
export function crimesForActType(code: string): Crime[] {
  return (ACT_TYPE_CRIMES[code] ?? []).map((id) => CRIME_BY_ID.get(id)).filter((c): c is Crime => !!c);
}

/** Everything to prove for a crime: its own elements, then the contextual ones in contextRefs order. */
export function allElementsOfCrime(crime: Crime): LawElement[] {
  return [
    ...crime.elements,
    ...crime.contextRefs.map((id) => ELEMENT_BY_ID.get(id)).filter((e): e is LawElement => !!e),
  ];
}
