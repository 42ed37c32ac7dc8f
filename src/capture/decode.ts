/**
 * Bytes → text, honestly. The charset comes from (in order) a byte-order mark, the HTTP header,
 * the page's own <meta charset>, else detection (chardet). A declared charset the bytes contradict
 * (a page that says UTF-8 but is Latin-1) is refused rather than turned into mojibake that would
 * then be searched, quoted and extracted from: the person capturing can override with `charset`.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from '../domain/errors.js';

export interface Decoded {
  text: string;
  /** The charset used (lower case, as iconv names it). */
  charset: string;
  /** Where the charset came from. */
  by: 'bom' | 'header' | 'meta' | 'detected' | 'override';
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

/** <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…"> in the first 4 KiB. */
export function charsetOfMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w:.-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

const isUtf8 = (c: string) => /^utf-?8$/i.test(c);

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Control characters other than tab, newline, carriage return and form feed: a sign of binary data. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32) || c === 0xfffd) && c !== 0x1b) bad++;
  }
  return sample.length > 0 && bad / sample.length > 0.01;
}

export function decodeBytes(
  bytes: Uint8Array,
  opts: { contentType?: string; html?: boolean; override?: string; name?: string } = {},
): Decoded {
  const where = opts.name ?? 'the content';
  const pick = (): { charset: string; by: Decoded['by'] } => {
    if (opts.override) return { charset: opts.override.toLowerCase(), by: 'override' };
    const bom = bomCharset(bytes);
    if (bom) return { charset: bom, by: 'bom' };
    const header = charsetOfContentType(opts.contentType);
    if (header) return { charset: header, by: 'header' };
    const meta = opts.html ? charsetOfMeta(bytes) : undefined;
    if (meta) return { charset: meta, by: 'meta' };
    if (validUtf8(bytes)) return { charset: 'utf-8', by: 'detected' };
    const detected = chardet.detect(bytes)?.toLowerCase();
    if (!detected)
      throw new InputError(`${where}: cannot tell its character encoding; name it with --charset`);
    return { charset: detected, by: 'detected' };
  };
  const { charset, by } = pick();
  if (!iconv.encodingExists(charset)) {
    throw new InputError(`${where}: unknown character encoding "${charset}" (declared by ${by})`, [
      { field: 'charset', message: `"${charset}" is not an encoding this tool can read; use --charset` },
    ]);
  }
  if (isUtf8(charset) && by !== 'override' && !validUtf8(bytes)) {
    const guess = chardet.detect(bytes);
    throw new InputError(
      `${where}: declared as UTF-8 (by ${by}) but its bytes are not valid UTF-8${guess ? ` (they look like ${guess})` : ''}; nothing was stored — capture again with --charset ${guess?.toLowerCase() ?? '<encoding>'} if that is right`,
      [{ field: 'charset', message: 'declared encoding contradicts the bytes' }],
    );
  }
  const text = iconv.decode(Buffer.from(bytes), charset, { stripBOM: true });
  if (looksBinary(text)) {
    throw new InputError(
      `${where}: the bytes are not text in ${charset} (binary content?); nothing was stored`,
      [{ field: 'charset', message: 'binary or wrongly encoded content' }],
    );
  }
  return { text, charset, by };
}
