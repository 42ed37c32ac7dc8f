import type { FieldModel, LinkModel } from '../linkage/model.js';

/** A link model written by hand for a test: the given field tables, nothing estimated. */
export function handModel(fields: FieldModel[], prior = 1e-3): LinkModel {
  return {
    fields,
    prior,
    priorRelated: 1e-6,
    matchingPairs: 0,
    relatedPairs: 0,
    rules: [],
    randomPairs: 0,
    emPairs: 0,
    notes: [],
  };
}
