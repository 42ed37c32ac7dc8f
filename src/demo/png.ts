/**
 * A minimal PNG encoder (8-bit RGB, uncompressed "stored" deflate blocks) so the demo can carry a
 * real image whose bytes do not depend on the zlib version of the machine that generates it.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG chunks use it (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** zlib stream of stored blocks (no compression), at most 65535 bytes each. */
function zlibStored(raw: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x78, 0x01])];
  for (let off = 0; off < raw.length || off === 0; off += 65535) {
    const block = raw.subarray(off, off + 65535);
    const last = off + 65535 >= raw.length;
    const head = Buffer.alloc(5);
    head[0] = last ? 1 : 0;
    head.writeUInt16LE(block.length, 1);
    head.writeUInt16LE(~block.length & 0xffff, 3);
    parts.push(head, block);
    if (last) break;
  }
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(adler32(raw));
  parts.push(tail);
  return Buffer.concat(parts);
}

/** Encodes `pixel(x, y) → [r, g, b]` as a PNG, with a tEXt comment. */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
  comment?: string,
): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(comment ? [chunk('tEXt', Buffer.from(`Comment\0${comment}`, 'latin1'))] : []),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A stand-in for a photograph of bruises: skin tone with two darker, bluish patches and sensor
 * noise from the seeded generator. Not a real photograph of anyone.
 */
export function bruisePhoto(next: () => number, width = 64, height = 48): Buffer {
  const blobs = [
    { cx: width * 0.35, cy: height * 0.45, rx: width * 0.16, ry: height * 0.22 },
    { cx: width * 0.68, cy: height * 0.6, rx: width * 0.1, ry: height * 0.14 },
  ];
  const noise = Array.from({ length: width * height }, () => Math.floor(next() * 12) - 6);
  return encodePng(
    width,
    height,
    (x, y) => {
      let r = 214;
      let g = 168;
      let b = 140;
      for (const o of blobs) {
        const d = ((x - o.cx) / o.rx) ** 2 + ((y - o.cy) / o.ry) ** 2;
        if (d < 1) {
          const k = 1 - d;
          r -= 90 * k;
          g -= 95 * k;
          b -= 30 * k;
        }
      }
      const n = noise[y * width + x]!;
      const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v + n)));
      return [clamp(r), clamp(g), clamp(b)];
    },
    'Fotografia ficticia del caso demostrativo de Testigo',
  );
}
