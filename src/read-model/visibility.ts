/**
 * What of each kind depends on seeing identities (pure data, used by list routes and documented in
 * the OpenAPI document): filterable fields that hold identities, and kinds whose natural order is
 * by names or titles a viewer may not see.
 */
import type { Kind } from '../domain/kinds.js';

/** Filterable columns whose values are identities: filters on them match only fully visible records. */
export const HIDDEN_FILTER_FIELDS: Partial<Record<Kind, readonly string[]>> = {
  person: ['firstSurname'],
};

/** Kinds whose default order is by names or titles that may be withheld or pseudonymised. */
export const NAME_SORTED_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'person',
  'source',
  'testimony',
  'evidence',
  'hearing',
  'informationItem',
  'suggestion',
]);
