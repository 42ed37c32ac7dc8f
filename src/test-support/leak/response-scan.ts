/**
 * Every byte of a response, as text a scanner can read: JSON walked leaf by leaf (so a hit names
 * its path and the record it sits in), PDF through its extracted text AND its raw bytes, zip
 * archives entry by entry, anything else as UTF-8 and as Latin-1. Headers count too (a file name in
 * Content-Disposition is a response byte).
 */
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Hit, Scanner } from './identity-forms.js';

const context = (s: string, i: number, n: number) =>
  s.slice(Math.max(0, i - 40), i + n + 40).replace(/\s+/g, ' ');

function scanJson(scanner: Scanner, value: unknown, path: string, rec: Hit['record'], out: Hit[]): void {
  if (typeof value === 'string') {
    for (const h of scanner.scan(value))
      out.push({
        form: h.form,
        matched: h.matched,
        where: path,
        record: rec,
        context: context(value, h.index, h.matched.length),
      });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) scanJson(scanner, v, `${path}[${i}]`, rec, out);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A search hit {kind, record, snippet}: the snippet belongs to its record.
    const inner =
      o.record && typeof o.record === 'object' ? (o.record as Record<string, unknown>) : undefined;
    const src = inner && typeof o.snippet === 'string' ? inner : o;
    const here =
      typeof src.id === 'string' && (typeof src.kind === 'string' || typeof src.caseId === 'string')
        ? {
            kind: src.kind as string | undefined,
            id: src.id,
            notes: typeof src.notes === 'string' ? src.notes : undefined,
            pseudonymised: typeof src.pseudonymised === 'boolean' ? src.pseudonymised : undefined,
          }
        : rec;
    for (const [k, v] of Object.entries(o)) {
      // Keys are bytes too (a map keyed by name would leak through its keys).
      for (const h of scanner.scan(k))
        out.push({ form: h.form, matched: h.matched, where: `${path}{key}`, record: here, context: k });
      scanJson(scanner, v, path ? `${path}.${k}` : k, here, out);
    }
  }
}

function scanText(scanner: Scanner, text: string, label: string, out: Hit[]): void {
  for (const h of scanner.scan(text))
    out.push({
      form: h.form,
      matched: h.matched,
      where: `${label} @${h.index}`,
      context: context(text, h.index, h.matched.length),
    });
}

async function scanBytes(scanner: Scanner, bytes: Uint8Array, label: string, out: Hit[]): Promise<void> {
  const buf = Buffer.from(bytes);
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    let entries: Record<string, Uint8Array> | undefined;
    try {
      entries = unzipSync(bytes);
    } catch {
      entries = undefined;
    }
    if (entries) {
      for (const [name, data] of Object.entries(entries)) {
        scanText(scanner, name, `${label} zip entry name`, out);
        await scanBytes(scanner, data, `${label} zip:${name}`, out);
      }
      return;
    }
  }
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    try {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: true });
      scanText(scanner, text, `${label} PDF text`, out);
      // Outside its (compressed) streams a PDF is text: metadata, names, outlines. Inside them the
      // bytes are deflated, where short forms match by chance, so they are read through the text above.
      const outside = buf.toString('latin1').replace(/stream\r?\n[\s\S]*?endstream/g, ' ');
      scanText(scanner, outside, `${label} PDF outside streams`, out);
      return;
    } catch {
      // Not a real PDF (an uploaded file claiming to be one): its raw bytes are scanned below.
    }
  }
  const utf8 = buf.toString('utf8');
  const trimmed = utf8.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      scanJson(scanner, JSON.parse(utf8), '', undefined, out);
      return;
    } catch {
      // not JSON after all: scanned as text
    }
  }
  const before = out.length;
  scanText(scanner, utf8, `${label} text`, out);
  if (out.length === before) scanText(scanner, buf.toString('latin1'), `${label} latin1`, out);
}

export interface Captured {
  status: number;
  contentType: string;
  bytes: Uint8Array;
  headers: Record<string, string>;
}

export async function capture(res: Response): Promise<Captured> {
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    headers[k] = v;
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    bytes: new Uint8Array(await res.arrayBuffer()),
    headers,
  };
}

/** Every hit in a captured response (body and headers). */
export async function scanResponse(scanner: Scanner, r: Captured): Promise<Hit[]> {
  const out: Hit[] = [];
  for (const [k, v] of Object.entries(r.headers)) scanText(scanner, v, `header ${k}`, out);
  await scanBytes(scanner, r.bytes, 'body', out);
  return out;
}

export function json<T = unknown>(r: Captured): T {
  return JSON.parse(Buffer.from(r.bytes).toString('utf8')) as T;
}
