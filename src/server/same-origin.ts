/**
 * Cross-site request forgery defence for the routes that run before a CSRF token exists (sign-in)
 * or that end a session (sign-out): a browser's request from another site is refused by its
 * Sec-Fetch-Site header or, for older browsers, by an Origin that is not this server. Programs that
 * send neither (curl, scripts) are not browsers and cannot be forged by a web page.
 */
import type { Context } from 'hono';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function requestHost(c: Context): string {
  const fwd = process.env.TESTIGO_TRUST_PROXY ? c.req.header('x-forwarded-host') : undefined;
  return (fwd ?? c.req.header('host') ?? new URL(c.req.url).host).trim().toLowerCase();
}

/** Why a state-changing request looks cross-site, or undefined when it does not. */
export function crossSite(c: Context): string | undefined {
  if (SAFE.has(c.req.method)) return undefined;
  // Sec-Fetch-Site is set by the browser and cannot be forged by a page; when present it decides
  // (a reverse proxy that rewrites Host would otherwise make the Origin comparison refuse real users).
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none' ? undefined : `a ${site} request`;
  // Older browsers: the Origin must name this server.
  const origin = c.req.header('origin');
  if (origin === undefined) return undefined;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return 'an opaque origin';
  }
  return host === requestHost(c) ? undefined : 'a request from another origin';
}

export function sameOriginOnly() {
  return async (c: Context, next: () => Promise<void>) => {
    const why = crossSite(c);
    if (why)
      return c.json(
        { error: { code: 'csrf', message: `refused: ${why} (cross-site requests are not accepted)` } },
        403,
      );
    await next();
  };
}
