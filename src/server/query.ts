/**
 * Query-string schemas shared by the route declarations: integers within bounds (an empty value
 * is the default), a page of a list, the language of labels. A value out of bounds is a 400 naming
 * the parameter (field issue with code too_big, too_small or invalid_type).
 */
import { z } from 'zod';

/** An integer query parameter from `min` to `max`; absent or empty gives `dflt`. */
export function intQuery(dflt: number, min: number, max: number) {
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(min).max(max).default(dflt),
  );
}

/** An optional integer query parameter (absent or empty: undefined). */
export function optionalIntQuery(min: number, max: number) {
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(min).max(max).optional(),
  );
}

/** `limit` and `offset` of a page: how many rows at most (default `limit`), from which row. */
export function pageQuery(limit: { default: number; max: number }, maxOffset: number) {
  return z.object({ limit: intQuery(limit.default, 1, limit.max), offset: intQuery(0, 0, maxOffset) });
}

/** The language of labels in a response (Spanish unless English is asked for). */
export const Lang = z
  .string()
  .optional()
  .transform((v): 'es' | 'en' => (v === 'en' ? 'en' : 'es'))
  .meta({ description: 'es (default) or en' });
