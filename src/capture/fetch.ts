import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { InputError } from '../domain/errors.js';
import { sha256Hex } from '../domain/hashing.js';
import { isPublicAddress } from './address-policy.js';

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
  /** Refuse every address that is not public unicast (for servers: no SSRF). */
  denyPrivate?: boolean;
  userAgent?: string;
  /** Resolves a host name to its addresses (default: the system resolver). Tests inject one. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
  /** Exact addresses let through although not public (tests: the local server; nothing by default). */
  allowAddresses?: readonly string[];
}

const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

/** Refused by the address policy; turned into the uniform error below. */
class RefusedAddress extends Error {
  code = 'EREFUSEDADDRESS';
}

/** Not a public unicast address (loopback, private, link-local, metadata, IPv4 inside IPv6 …). */
export function isPrivateAddress(address: string): boolean {
  return !isPublicAddress(address);
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

type Opts = Required<Omit<FetchOptions, 'userAgent'>> & { userAgent: string };

/** The addresses to connect to, every one checked when the policy is on; the first is used. */
async function addressesFor(url: URL, opts: Opts): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const list = family ? [{ address: host, family }] : await opts.resolve(host);
  if (!list.length) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
  if (opts.denyPrivate) {
    const allowed = (a: string) => opts.allowAddresses.includes(a) || isPublicAddress(a);
    // One private address among public ones is enough to refuse: which one a client would
    // connect to is not ours to guess.
    if (!list.every((a) => allowed(a.address))) throw new RefusedAddress(`${host} is not public`);
  }
  return list;
}

async function once(url: URL, opts: Opts, deadline: number): Promise<Exchange> {
  const pinned = (await addressesFor(url, opts))[0]!;
  return exchange(url, opts, deadline, pinned);
}

function exchange(url: URL, opts: Opts, deadline: number, pinned: LookupAddress): Promise<Exchange> {
  const client = url.protocol === 'https:' ? https : http;
  const reqHeaders: [string, string][] = [
    ['Host', url.host],
    ['User-Agent', opts.userAgent],
    ['Accept', 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1'],
    ['Accept-Encoding', 'identity'],
    ['Connection', 'close'],
  ];
  // The connection goes to the address checked above, whatever a second lookup would say.
  const lookup = (
    _hostname: string,
    options: { all?: boolean },
    cb: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => (options?.all ? cb(null, [pinned]) : cb(null, pinned.address, pinned.family));
  return new Promise((resolve, reject) => {
    const at = new Date().toISOString();
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new InputError(`${url.href}: timed out after ${opts.timeoutMs} ms`));
    const req = client.request(
      url,
      // agent: false — a fresh connection per hop, so the connect-time check below always runs.
      { method: 'GET', headers: Object.fromEntries(reqHeaders), lookup: lookup as never, agent: false },
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
        res.on('error', (err) => reject(err));
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
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        const remote = socket.remoteAddress ?? '';
        if (opts.denyPrivate && !opts.allowAddresses.includes(remote) && !isPublicAddress(remote))
          req.destroy(new RefusedAddress(`connected to ${remote}`));
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end();
  });
}

/**
 * A failed connection as a person reads it. With the SSRF policy on, one message for every kind of
 * failure and for a refused address alike: no open/closed port or internal-address oracle.
 */
function networkError(url: URL, err: Error, opts: Opts): InputError {
  if (err instanceof InputError) return err;
  if (opts.denyPrivate)
    return new InputError(
      `${url.href} could not be fetched (unreachable, or not a public address); nothing was stored`,
    );
  const timeoutMs = opts.timeoutMs;
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ECONNREFUSED'
      ? 'the connection was refused (nothing listens at that address)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'the host name does not resolve'
        : code === 'ETIMEDOUT'
          ? `no complete answer within ${timeoutMs} ms`
          : code === 'EREFUSEDADDRESS'
            ? 'it is not a public address, which is not captured here'
            : code === 'ECONNRESET'
              ? 'the connection was reset'
              : err.message;
  return new InputError(`${url.href} is unreachable: ${why}; nothing was stored`);
}

/** Fetches one address (following up to five redirects) and checks what came back. */
export async function fetchPage(input: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const o: Opts = {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    denyPrivate: opts.denyPrivate ?? false,
    userAgent: opts.userAgent ?? 'testigo',
    resolve: opts.resolve ?? systemResolve,
    allowAddresses: opts.allowAddresses ?? [],
  };
  const deadline = Date.now() + o.timeoutMs;
  let url = parseCaptureUrl(input);
  const exchanges: Exchange[] = [];
  for (;;) {
    const ex = await once(url, o, deadline).catch((e: Error) => {
      throw networkError(url, e, o);
    });
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
      sha256: sha256Hex(ex.response.body),
    };
  }
}
