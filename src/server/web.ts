/**
 * Serves the built web app (dist/web, made by `npm install`): files by exact path under that
 * directory only, hashed assets cached for good, every other non-API GET answered with the app's
 * index.html so the client-side router can take the path.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { AppEnv } from './context.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** dist/web next to the running code (dist/server → dist/web; src/server → dist/web). */
export function findWebDir(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const d of [join(here, '..', 'web'), join(here, '..', '..', 'dist', 'web')])
    if (existsSync(join(d, 'index.html'))) return d;
  return undefined;
}

export function webRoutes(app: Hono<AppEnv>, dir: string): void {
  const index = readFileSync(join(dir, 'index.html'));
  app.get('*', async (c, next) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return next();
    const file = normalize(join(dir, path));
    if (file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return c.body(readFileSync(file), 200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    return c.body(index, 200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' });
  });
}
