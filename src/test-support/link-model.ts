import type { FieldModel, LinkModel } from '../linkage/model.js';

/**
 * A link model written by hand for a test: the given field tables, nothing estimated; `set`
 * replaces any of the defaults (prior 1e-3, related prior 1e-6, no pairs seen).
 */
export function handModel(fields: FieldModel[], set: Partial<Omit<LinkModel, 'fields'>> = {}): LinkModel {
  return {
    fields,
    prior: 1e-3,
    priorRelated: 1e-6,
    matchingPairs: 0,
    relatedPairs: 0,
    rules: [],
    randomPairs: 0,
    emPairs: 0,
    notes: [],
    ...set,
  };
}
