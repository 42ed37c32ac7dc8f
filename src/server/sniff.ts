/**
 * Upload type sniffing: the bytes must match the media type declared for them (a "photo" that is
 * really an HTML page is refused), and types that browsers would execute are stored but never
 * served inline.
 */
const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'application/zip', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
  { type: 'video/mp4', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  {
    type: 'audio/mpeg',
    test: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0),
  },
  { type: 'audio/ogg', test: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  {
    type: 'audio/wav',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
  },
];

/** The media type the bytes show, or undefined for text and unknown binary formats. */
export function sniff(head: Buffer): string | undefined {
  return SIGNATURES.find((s) => s.test(head))?.type;
}

function looksLikeText(head: Buffer): boolean {
  return !head.includes(0) && new TextDecoder('utf-8', { fatal: false }).decode(head).length > 0;
}

/** Checks declared vs actual type; returns the type to store, or an error message. */
export function checkUpload(
  declared: string,
  head: Buffer,
): { ok: true; type: string } | { ok: false; message: string; code: string; params: Record<string, string> } {
  const actual = sniff(head);
  const d = declared.split(';')[0]!.trim().toLowerCase();
  if (actual) {
    const family = (t: string) => (t === 'application/zip' ? 'zip' : t);
    const zipish =
      d.startsWith('application/vnd.openxmlformats') ||
      d === 'application/zip' ||
      d === 'application/epub+zip';
    if (
      family(actual) === family(d) ||
      (actual === 'application/zip' && zipish) ||
      (actual === 'video/mp4' && (d === 'video/quicktime' || d === 'audio/mp4'))
    ) {
      return { ok: true, type: d };
    }
    return {
      ok: false,
      message: `the file is ${actual} but was declared as ${d}`,
      code: 'type_mismatch',
      params: { actual, declared: d },
    };
  }
  if (SIGNATURES.some((s) => s.type === d))
    return {
      ok: false,
      message: `the file does not look like ${d}`,
      code: 'not_that_type',
      params: { declared: d },
    };
  if (d.startsWith('text/') || d === 'application/json' || d === 'application/warc') {
    return looksLikeText(head)
      ? { ok: true, type: d }
      : {
          ok: false,
          message: `the file is binary but was declared as ${d}`,
          code: 'binary_as_text',
          params: { declared: d },
        };
  }
  return { ok: true, type: d || 'application/octet-stream' };
}
