/**
 * What the passes of one extraction compute once per text and read many times (the whole text's tokens, its
 * runs of letters, its function-word counts): kept for the extraction that asked, then let go. Inside
 * `withTextCache(run)` a `perText` reader computes its value once for each text it is given; outside any such
 * scope it computes it at every call. The scope ends with the outermost `withTextCache`, so no testimony stays
 * alive in the heap after its extraction (a module's "last text" memo kept the last one until the next).
 *
 * A reader must be pure (its value a function of the text alone), and whoever reads a cached value must not
 * change it: the rules and the tagger share one token array.
 */

/** The values of each text read in the current scope, by reader. */
let scope: Map<string, Map<object, unknown>> | undefined;

/** Runs `run` with one cache for every text read inside it (the outermost call's, when nested). */
export function withTextCache<T>(run: () => T): T {
  if (scope) return run();
  scope = new Map();
  try {
    return run();
  } finally {
    scope = undefined;
  }
}

/** `compute` of a text, computed once per text inside a `withTextCache` scope. */
export function perText<T>(compute: (text: string) => T): (text: string) => T {
  const reader = (text: string): T => {
    if (!scope) return compute(text);
    let values = scope.get(text);
    if (!values) {
      values = new Map();
      scope.set(text, values);
    }
    if (values.has(reader)) return values.get(reader) as T;
    const value = compute(text);
    values.set(reader, value);
    return value;
  };
  return reader;
}
