/**
 * The preservation container: a WARC 1.1 file (ISO 28500) written with warcio (the Webrecorder
 * library; its ESM build runs as is on Node 20). One file per capture holds
 *  - a warcinfo record: tool and version, collector, UTC time, the collection method;
 *  - per HTTP exchange (redirects included), a request record and a response record with the
 *    status line, the headers in the order received and the body as served;
 *  - a metadata record (application/warc-fields) with the collection record of the Berkeley
 *    Protocol: URL, UTC time, collector, tool, SHA-256 of the payload computed at collection;
 *  - for a saved file instead of an address: a resource record with the file's bytes.
 * Payload digests are SHA-256 in hex (`sha256:<hex>`), the same hash the case file records.
 */
import { randomUUID } from 'node:crypto';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import type { Exchange } from './fetch.js';

export interface CollectionRecord {
  /** Who collected (the actor: a user or `cli:<login>`). */
  collector: string;
  /** `testigo/<version>`. */
  tool: string;
  /** UTC ISO time of collection. */
  at: string;
  /** What was asked for: the URL as given, or the file name. */
  target: string;
  /** SHA-256 of the payload as served or read. */
  sha256: string;
  method: string;
  /** Free-form extra fields (charset, final URL, file path). */
  extra?: Record<string, string>;
}

const enc = new TextEncoder();
const recordId = () => `<urn:uuid:${randomUUID()}>`;
const DIGEST = { algo: 'sha-256', prefix: 'sha256:', base32: false } as const;

async function serialize(record: WARCRecord): Promise<Uint8Array> {
  return WARCSerializer.serialize(record, { gzip: false, digest: DIGEST });
}

function* once(bytes: Uint8Array): Iterable<Uint8Array> {
  if (bytes.length) yield bytes;
}

/** warc-fields lines; values are single-line (newlines would break the format). */
function fields(map: Record<string, string>): Uint8Array {
  return enc.encode(
    Object.entries(map)
      .map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ')}\r\n`)
      .join(''),
  );
}

function warcinfo(c: CollectionRecord): WARCRecord {
  return WARCRecord.create(
    {
      type: 'warcinfo',
      date: c.at,
      warcVersion: 'WARC/1.1',
      warcHeaders: { 'WARC-Record-ID': recordId(), 'Content-Type': 'application/warc-fields' },
    },
    once(
      fields({
        software: c.tool,
        format: 'WARC File Format 1.1',
        conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
        operator: c.collector,
        description: c.method,
      }),
    ),
  );
}

function metadata(c: CollectionRecord, refersTo: string | undefined, url: string): WARCRecord {
  return WARCRecord.create(
    {
      type: 'metadata',
      url,
      date: c.at,
      warcVersion: 'WARC/1.1',
      warcHeaders: {
        'WARC-Record-ID': recordId(),
        'Content-Type': 'application/warc-fields',
        ...(refersTo ? { 'WARC-Refers-To': refersTo } : {}),
      },
    },
    once(
      fields({
        'collection-url': c.target,
        'collection-time-utc': c.at,
        collector: c.collector,
        tool: c.tool,
        method: c.method,
        'payload-sha256': c.sha256,
        ...c.extra,
      }),
    ),
  );
}

/**
 * Transfer-Encoding describes the wire, not the payload: the body is kept de-chunked (as HTTP
 * clients hand it over), so the header is kept under another name, as web archives do.
 */
function archivedHeaders(headers: [string, string][]): [string, string][] {
  return headers.map(([k, v]) =>
    k.toLowerCase() === 'transfer-encoding' ? [`X-Archive-Orig-${k}`, v] : [k, v],
  );
}

/** A WARC file of a fetched page: warcinfo, request/response per exchange, metadata. */
export async function warcOfExchanges(
  exchanges: readonly Exchange[],
  c: CollectionRecord,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [await serialize(warcinfo(c))];
  let lastResponseId: string | undefined;
  for (const ex of exchanges) {
    const reqId = recordId();
    const resId = recordId();
    const request = WARCRecord.create(
      {
        type: 'request',
        url: ex.url,
        date: ex.at,
        warcVersion: 'WARC/1.1',
        statusline: `${ex.request.method} ${ex.request.path} HTTP/1.1`,
        httpHeaders: ex.request.headers as unknown as Record<string, string>,
        warcHeaders: { 'WARC-Record-ID': reqId, 'WARC-Concurrent-To': resId },
      },
      once(new Uint8Array()),
    );
    const response = WARCRecord.create(
      {
        type: 'response',
        url: ex.url,
        date: ex.at,
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/${ex.response.httpVersion} ${ex.response.status} ${ex.response.statusText}`.trim(),
        httpHeaders: archivedHeaders(ex.response.headers) as unknown as Record<string, string>,
        warcHeaders: {
          'WARC-Record-ID': resId,
          ...(ex.remoteAddress ? { 'WARC-IP-Address': ex.remoteAddress } : {}),
        },
      },
      once(ex.response.body),
    );
    parts.push(await serialize(request), await serialize(response));
    lastResponseId = resId;
  }
  const last = exchanges[exchanges.length - 1];
  parts.push(await serialize(metadata(c, lastResponseId, last?.url ?? c.target)));
  return Buffer.concat(parts);
}

/** A WARC file of a saved file: warcinfo, a resource record with its bytes, metadata. */
export async function warcOfFile(
  bytes: Uint8Array,
  fileName: string,
  mediaType: string,
  c: CollectionRecord,
): Promise<Uint8Array> {
  const url = `file:///${encodeURIComponent(fileName)}`;
  const resId = recordId();
  const resource = WARCRecord.create(
    {
      type: 'resource',
      url,
      date: c.at,
      warcVersion: 'WARC/1.1',
      warcHeaders: { 'WARC-Record-ID': resId, 'Content-Type': mediaType },
    },
    once(bytes),
  );
  return Buffer.concat([
    await serialize(warcinfo(c)),
    await serialize(resource),
    await serialize(metadata(c, resId, url)),
  ]);
}

export interface ReadRecord {
  type: string;
  url?: string;
  date?: string;
  /** WARC headers, names in lower case. */
  headers: Record<string, string>;
  httpStatus?: number;
  /** The payload (HTTP body for responses, the block otherwise). */
  payload: Uint8Array;
}

/** Reads a WARC back (tests and verification). */
export async function readWarc(bytes: Uint8Array): Promise<ReadRecord[]> {
  const out: ReadRecord[] = [];
  const parser = new WARCParser(new Blob([new Uint8Array(bytes)]).stream());
  for await (const rec of parser) {
    const payload = await rec.readFully(false);
    out.push({
      type: rec.warcType ?? '',
      url: rec.warcTargetURI ?? undefined,
      date: rec.warcDate ?? undefined,
      headers: Object.fromEntries(
        [...(rec.warcHeaders.headers as Map<string, string>)].map(([k, v]) => [k.toLowerCase(), v]),
      ),
      httpStatus: rec.httpHeaders?.statusCode ? Number(rec.httpHeaders.statusCode) : undefined,
      payload,
    });
  }
  return out;
}
