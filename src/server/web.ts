/**
 * Serves the built web app (dist/web, made by `npm install`): files by exact path under that
 * directory only, hashed assets cached for good, every other non-API GET answered with the app's
 * index.html so the client-side router can take the path.
 *
 * Text files go out compressed when the browser accepts it: brotli, else gzip. The build writes
 * `.br`/`.gz` beside each asset (web/vite.config.ts); a file without them is compressed once on
 * first request and kept in memory (the directory is read-only while the server runs).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import type { AppEnv } from './context.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
/** Worth compressing: text formats (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);
/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESS = 1024;

/** dist/web next to the running code (dist/server → dist/web; src/server → dist/web). */
export function findWebDir(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const d of [join(here, '..', 'web'), join(here, '..', '..', 'dist', 'web')])
    if (existsSync(join(d, 'index.html'))) return d;
  return undefined;
}

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the request accepts (q=0 refuses one). */
export function pickEncoding(accept: string | undefined): Encoding {
  const ok = new Set<string>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name.trim());
  }
  if (ok.has('br')) return 'br';
  if (ok.has('gzip')) return 'gzip';
  return 'identity';
}

/** The file's bytes in each encoding, read or compressed once. */
class Variants {
  private readonly cache = new Map<string, Buffer>();
  get(file: string, encoding: Encoding): Buffer {
    const key = `${encoding}:${file}`;
    let body = this.cache.get(key);
    if (!body) {
      if (encoding === 'identity') body = readFileSync(file);
      else {
        const pre = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        if (existsSync(pre)) body = readFileSync(pre);
        else {
          const raw = this.get(file, 'identity');
          body =
            encoding === 'br'
              ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
              : gzipSync(raw, { level: 9 });
        }
      }
      this.cache.set(key, body);
    }
    return body;
  }
}

export function webRoutes(app: Hono<AppEnv>, dir: string): void {
  const variants = new Variants();
  const indexFile = join(dir, 'index.html');
  const send = (file: string, accept: string | undefined, cache: string) => {
    const ext = extname(file);
    const raw = variants.get(file, 'identity');
    const enc = COMPRESSIBLE.has(ext) && raw.length >= MIN_COMPRESS ? pickEncoding(accept) : 'identity';
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': cache,
      Vary: 'Accept-Encoding',
    };
    if (enc !== 'identity') headers['Content-Encoding'] = enc;
    return { body: new Uint8Array(variants.get(file, enc)), headers };
  };
  app.get('*', async (c, next) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return next();
    const accept = c.req.header('accept-encoding');
    const file = normalize(join(dir, path));
    // The precompressed copies are not served by their own names (only as encodings of the file).
    if (
      file.startsWith(dir + sep) &&
      !/\.(br|gz)$/.test(file) &&
      existsSync(file) &&
      statSync(file).isFile()
    ) {
      // Hashed names change with their content: cached for good. Anything else is revalidated.
      const r = send(
        file,
        accept,
        path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      return c.body(r.body, 200, r.headers);
    }
    const r = send(indexFile, accept, 'no-cache');
    return c.body(r.body, 200, r.headers);
  });
}
