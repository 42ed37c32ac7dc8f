/** Zip archives as lists of entries, for tests that open, alter and re-pack bundles and backups. */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';

export type ZipItem = [name: string, data: Buffer];

/** Every entry of a zip, in archive order. */
export async function readZip(path: string): Promise<ZipItem[]> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(path, { lazyEntries: true }, (e, z) => (e || !z ? rej(e) : res(z))),
  );
  const out: ZipItem[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (err, s) => {
        if (err || !s) return reject(err);
        const parts: Buffer[] = [];
        s.on('data', (d: Buffer) => parts.push(d));
        s.on('end', () => {
          out.push([entry.fileName, Buffer.concat(parts)]);
          zip.readEntry();
        });
      }),
    );
    zip.readEntry();
  });
  return out;
}

/** Writes entries (a list, or a Map of name → bytes) as a zip; returns the path. */
export async function writeZip(path: string, items: Iterable<ZipItem>): Promise<string> {
  const z = new yazl.ZipFile();
  const done = pipeline(z.outputStream, createWriteStream(path));
  for (const [name, data] of items) z.addBuffer(data, name);
  z.end();
  await done;
  return path;
}
