import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { AppEnv } from './context.js';
import { pickEncoding, webRoutes } from './web.js';

const dir = mkdtempSync(join(tmpdir(), 'testigo-web-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'assets'));
const script = `console.log(${JSON.stringify('x'.repeat(5000))});\n`;
writeFileSync(join(dir, 'index.html'), `<!doctype html><title>t</title>${'<!-- pad -->'.repeat(200)}`);
writeFileSync(join(dir, 'assets', 'app-1a2b.js'), script);
writeFileSync(join(dir, 'assets', 'tiny-1a2b.js'), 'x');
// A precompressed copy that differs from what on-the-fly compression would make: proves it is used.
writeFileSync(join(dir, 'assets', 'pre-1a2b.js'), script);
writeFileSync(join(dir, 'assets', 'pre-1a2b.js.gz'), Buffer.from('not really gzip'));
const app = new Hono<AppEnv>();
webRoutes(app, dir);
const get = (path: string, enc?: string) =>
  app.request(path, { headers: enc === undefined ? {} : { 'Accept-Encoding': enc } });

test('the encoding is chosen from Accept-Encoding: brotli first, q=0 refuses', () => {
  assert.equal(pickEncoding('gzip, deflate, br'), 'br');
  assert.equal(pickEncoding('gzip'), 'gzip');
  assert.equal(pickEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(pickEncoding(undefined), 'identity');
  assert.equal(pickEncoding('deflate'), 'identity');
});

test('hashed assets are sent compressed and cached for good; the same bytes after decoding', async () => {
  const br = await get('/assets/app-1a2b.js', 'gzip, br');
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.equal(br.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(br.headers.get('vary'), 'Accept-Encoding');
  const brBytes = Buffer.from(await br.arrayBuffer());
  assert.ok(brBytes.length < script.length / 10);
  assert.equal(brotliDecompressSync(brBytes).toString(), script);
  const gz = await get('/assets/app-1a2b.js', 'gzip');
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), script);
  const plain = await get('/assets/app-1a2b.js');
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(await plain.text(), script);
});

test('index.html and the router fallback are compressed but always revalidated', async () => {
  for (const path of ['/', '/index.html', '/c/case-1/evidence/evi-1']) {
    const r = await get(path, 'br');
    assert.equal(r.headers.get('cache-control'), 'no-cache', path);
    assert.equal(r.headers.get('content-encoding'), 'br', path);
    assert.match(brotliDecompressSync(Buffer.from(await r.arrayBuffer())).toString(), /<title>t<\/title>/);
  }
});

test('a precompressed copy from the build is preferred, and never served under its own name', async () => {
  const r = await get('/assets/pre-1a2b.js', 'gzip');
  assert.equal(await r.text(), 'not really gzip');
  const direct = await get('/assets/pre-1a2b.js.gz');
  assert.match(await direct.text(), /<title>t<\/title>/);
  assert.equal(direct.headers.get('cache-control'), 'no-cache');
});

test('tiny files go uncompressed; paths outside the directory get the app', async () => {
  const r = await get('/assets/tiny-1a2b.js', 'br');
  assert.equal(r.headers.get('content-encoding'), null);
  assert.equal(await r.text(), 'x');
  const out = await get('/assets/../../etc/passwd', 'identity');
  assert.match(await out.text(), /<title>t<\/title>/);
});
