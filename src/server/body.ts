/**
 * Request bodies. A missing or malformed JSON body reads as `undefined`, so the route's schema says
 * what is wrong in the same words as for any other bad value (field-level issues, HTTP 400) rather
 * than each route catching the parse error its own way. Route files read bodies only through here
 * (enforced by src/architecture.test.ts).
 */
import type { Context } from 'hono';

export function jsonBody(c: Context): Promise<unknown> {
  return c.req.json().catch(() => undefined);
}
