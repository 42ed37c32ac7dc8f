/**
 * Fetches exactly the address a person gave (and the redirects it answers with, at most five):
 * no crawling, no subresources. Every exchange is kept as sent and received — request line and
 * headers, status line, raw headers in their order, the body bytes untouched (still compressed
 * if the server compressed them) — so the WARC holds what the server served. Limits: size,
 * total time, content type; private addresses can be refused (the API does, against SSRF).
 */
import { createHash } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { InputError } from '../domain/errors.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 5;

/** Content types that are captured; anything else is refused with a pointer to `evidence add`. */
export const CAPTURABLE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const;

export interface Exchange {
  url: string;
  /** When the request was sent (UTC ISO). */
  at: string;
  request: { method: string; path: string; headers: [string, string][] };
  response: {
    httpVersion: string;
    status: number;
    statusText: string;
    /** Raw headers in the order received. */
    headers: [string, string][];
    /** The body as served (not decompressed). */
    body: Uint8Array;
  };
  /** The remote address the connection went to. */
  remoteAddress?: string;
}

export interface FetchResult {
  exchanges: Exchange[];
  /** The final exchange (after redirects). */
  final: Exchange;
  /** The final body, content-decoded (gzip/deflate/br undone) for extraction. */
  payload: Uint8Array;
  contentType: string;
  /** SHA-256 of the final body as served. */
  sha256: string;
}

export interface FetchOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /** Refuse loopback, private and link-local addresses (for servers: no SSRF). */
  denyPrivate?: boolean;
  userAgent?: string;
}

/** Loopback, private, link-local, CGNAT and unspecified addresses (IPv4 and IPv6). */
export function isPrivateAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (v === 6) {
    const s = address.toLowerCase();
    if (s.startsWith('::ffff:')) return isPrivateAddress(s.slice(7));
    return s === '::1' || s === '::' || s.startsWith('fe80:') || s.startsWith('fc') || s.startsWith('fd');
  }
  return false;
}

/** Parses and checks an address given by a person: http(s) only, no credentials, no fragment. */
export function parseCaptureUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InputError(`"${input}" is not a web address (expected http:// or https://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(`${input}: only http and https addresses can be captured`);
  if (url.username || url.password)
    throw new InputError(`${input}: addresses with credentials are not captured (they would be archived)`);
  url.hash = '';
  return url;
}

function contentDecode(body: Uint8Array, encoding: string | undefined): Uint8Array {
  const e = (encoding ?? '').trim().toLowerCase();
  try {
    if (e === 'gzip' || e === 'x-gzip') return gunzipSync(body);
    if (e === 'deflate') return inflateSync(body);
    if (e === 'br') return brotliDecompressSync(body);
  } catch {
    throw new InputError(`the server sent a body marked ${e} that does not decompress; nothing was stored`);
  }
  return body;
}

const header = (headers: [string, string][], name: string) =>
  headers.find(([k]) => k.toLowerCase() === name)?.[1];

function once(
  url: URL,
  opts: Required<Omit<FetchOptions, 'userAgent'>> & { userAgent: string },
  deadline: number,
): Promise<Exchange> {
  const client = url.protocol === 'https:' ? https : http;
  const reqHeaders: [string, string][] = [
    ['Host', url.host],
    ['User-Agent', opts.userAgent],
    ['Accept', 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1'],
    ['Accept-Encoding', 'identity'],
    ['Connection', 'close'],
  ];
  const lookup = (
    hostname: string,
    options: object,
    cb: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, options as never, (err, address, family) => {
      if (err) return cb(err, address as string, family);
      const list = Array.isArray(address) ? address : [{ address: String(address), family: family ?? 4 }];
      if (opts.denyPrivate && list.some((a) => isPrivateAddress(a.address))) {
        const e = new Error(`${hostname} resolves to a private address`) as NodeJS.ErrnoException;
        e.code = 'EPRIVATE';
        return cb(e, address as string, family);
      }
      cb(null, address as string, family);
    });
  };
  if (
    opts.denyPrivate &&
    isIP(url.hostname.replace(/^\[|\]$/g, '')) &&
    isPrivateAddress(url.hostname.replace(/^\[|\]$/g, ''))
  ) {
    return Promise.reject(
      new InputError(`${url.href}: private and loopback addresses are not captured here`),
    );
  }
  return new Promise((resolve, reject) => {
    const at = new Date().toISOString();
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new InputError(`${url.href}: timed out after ${opts.timeoutMs} ms`));
    const req = client.request(
      url,
      { method: 'GET', headers: Object.fromEntries(reqHeaders), lookup: lookup as never },
      (res) => {
        const raw = res.rawHeaders;
        const headers: [string, string][] = [];
        for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
        const declared = Number(header(headers, 'content-length') ?? Number.NaN);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          req.destroy();
          return reject(
            new InputError(
              `${url.href}: the page is ${declared} bytes, over the ${opts.maxBytes}-byte limit; nothing was stored`,
            ),
          );
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > opts.maxBytes) {
            req.destroy();
            reject(
              new InputError(
                `${url.href}: the page is over the ${opts.maxBytes}-byte limit; nothing was stored`,
              ),
            );
            return;
          }
          chunks.push(c);
        });
        res.on('error', (err) => reject(networkError(url, err, opts.timeoutMs)));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            url: url.href,
            at,
            request: { method: 'GET', path: `${url.pathname}${url.search}`, headers: reqHeaders },
            response: {
              httpVersion: res.httpVersion,
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? '',
              headers,
              body: new Uint8Array(Buffer.concat(chunks)),
            },
            remoteAddress: res.socket?.remoteAddress,
          });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    }, remaining);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(networkError(url, err, opts.timeoutMs));
    });
    req.end();
  });
}

function networkError(url: URL, err: Error, timeoutMs: number): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ECONNREFUSED'
      ? 'the connection was refused (nothing listens at that address)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'the host name does not resolve'
        : code === 'ETIMEDOUT'
          ? `no complete answer within ${timeoutMs} ms`
          : code === 'EPRIVATE'
            ? 'it resolves to a private or loopback address, which is not captured here'
            : code === 'ECONNRESET'
              ? 'the connection was reset'
              : err.message;
  return new InputError(`${url.href} is unreachable: ${why}; nothing was stored`);
}

/** Fetches one address (following up to five redirects) and checks what came back. */
export async function fetchPage(input: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const o = {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    denyPrivate: opts.denyPrivate ?? false,
    userAgent: opts.userAgent ?? 'testigo',
  };
  const deadline = Date.now() + o.timeoutMs;
  let url = parseCaptureUrl(input);
  const exchanges: Exchange[] = [];
  for (;;) {
    const ex = await once(url, o, deadline);
    exchanges.push(ex);
    const { status, headers } = ex.response;
    if (status >= 300 && status < 400 && header(headers, 'location')) {
      if (exchanges.length > MAX_REDIRECTS)
        throw new InputError(`${input}: more than ${MAX_REDIRECTS} redirects; nothing was stored`);
      url = parseCaptureUrl(new URL(header(headers, 'location')!, url).href);
      continue;
    }
    if (status < 200 || status >= 300)
      throw new InputError(`${ex.url} answered ${status} ${ex.response.statusText}; nothing was stored`);
    const contentType = header(headers, 'content-type') ?? '';
    const payload = contentDecode(ex.response.body, header(headers, 'content-encoding'));
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const sniffedHtml = !mediaType && /^\s*</.test(Buffer.from(payload.subarray(0, 256)).toString('latin1'));
    if (!sniffedHtml && !(CAPTURABLE_TYPES as readonly string[]).includes(mediaType)) {
      throw new InputError(
        `${ex.url} is ${mediaType || 'of no declared type'}, not a web page or plain text; nothing was stored (keep other files with \`testigo evidence add\`)`,
        [{ field: 'content-type', message: `${mediaType || 'missing'} is not captured` }],
      );
    }
    if (payload.length === 0)
      throw new InputError(`${ex.url} answered with an empty page; nothing was stored`);
    return {
      exchanges,
      final: ex,
      payload,
      contentType: sniffedHtml ? 'text/html' : contentType,
      sha256: createHash('sha256').update(ex.response.body).digest('hex'),
    };
  }
}
