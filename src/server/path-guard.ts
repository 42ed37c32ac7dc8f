/**
 * A path whose percent-encoding does not decode ("/%E0%A4%A", "/%zz") is the client's mistake:
 * answer 400 once here, before any route or the static files try to decode it and throw.
 */
import type { Context } from 'hono';

export function rejectMalformedPath() {
  return async (c: Context, next: () => Promise<void>) => {
    const raw = c.req.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
    try {
      decodeURIComponent(raw);
    } catch {
      return c.json(
        { error: { code: 'invalid', message: 'the path has a malformed percent-encoding' } },
        400,
      );
    }
    await next();
  };
}
