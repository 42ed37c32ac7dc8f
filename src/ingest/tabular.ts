/**
 * Reads spreadsheets as rows of strings with their spreadsheet row numbers (header = row 1, first
 * data row = row 2), so every later error can name file, row and column. CSV is streamed and
 * decoded as strict UTF-8; XLSX goes through read-excel-file (maintained; the `xlsx` package on npm
 * is not). Problems with the file itself (bad encoding, ragged rows, empty file, duplicate column
 * names) are InputErrors naming the place.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { InputError } from '../domain/errors.js';

export interface TabularRow {
  row: number;
  /** Trimmed cells, aligned with the file's columns. */
  cells: string[];
}

/** A row as column → value (for mapped imports; the raw-list path keeps arrays for speed). */
export function rowValues(columns: readonly string[], cells: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) values[columns[i]!] = cells[i] ?? '';
  return values;
}

export interface TabularFile {
  file: string;
  columns: string[];
  /** The data rows one by one. Use either `rows` or `batches`: both read the same file once. */
  rows: AsyncIterable<TabularRow>;
  /**
   * The same rows in batches (up to BATCH_ROWS each): one await per batch instead of per row,
   * which matters for million-row lists (every promise also pays the store's async-context hooks).
   */
  batches: AsyncIterable<TabularRow[]>;
}

export const BATCH_ROWS = 2000;

async function* flatten(batches: AsyncIterable<TabularRow[]>): AsyncGenerator<TabularRow> {
  for await (const b of batches) yield* b;
}

async function* chunked(rows: AsyncIterable<TabularRow>): AsyncGenerator<TabularRow[]> {
  let b: TabularRow[] = [];
  for await (const r of rows) {
    b.push(r);
    if (b.length >= BATCH_ROWS) {
      yield b;
      b = [];
    }
  }
  if (b.length) yield b;
}

export function isSpreadsheet(path: string): boolean {
  return ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());
}

/** Opens a CSV or XLSX file; rows are produced lazily (CSV streams with bounded memory). */
export async function openTabular(path: string, opts: { sheet?: string } = {}): Promise<TabularFile> {
  return isSpreadsheet(path) ? openXlsx(path, opts.sheet) : openCsv(path);
}

function checkHeader(file: string, header: string[]): string[] {
  const columns = header.map((h) => h.trim());
  if (columns.length === 0 || columns.every((c) => c === ''))
    throw new InputError(`${file} has no header row`, [{ file, row: 1, message: 'empty header' }]);
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c === '')
      throw new InputError(`${file}: column ${i + 1} has no name`, [
        { file, row: 1, field: `#${i + 1}`, message: 'empty column name' },
      ]);
    if (seen.has(c))
      throw new InputError(`${file}: column "${c}" appears twice`, [
        { file, row: 1, field: c, message: `duplicate column (positions ${seen.get(c)! + 1} and ${i + 1})` },
      ]);
    seen.set(c, i);
  });
  return columns;
}

/** Decodes a byte stream as UTF-8 and fails on the first invalid sequence, naming the byte offset. */
async function* strictUtf8(file: string, bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  for await (const chunk of bytes) {
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new InputError(
        `${file} is not valid UTF-8 (near byte ${offset}); save it as UTF-8 and try again`,
        [{ file, message: `invalid UTF-8 near byte ${offset}` }],
      );
    }
    offset += chunk.length;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new InputError(`${file} ends in the middle of a UTF-8 character`, [
      { file, message: 'truncated UTF-8 at end of file' },
    ]);
  }
}

async function openCsv(path: string): Promise<TabularFile> {
  const file = basename(path);
  const parser = parse({ bom: true, relax_quotes: false, skip_empty_lines: true, relax_column_count: true });
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  stream.on('error', (err) => parser.destroy(err));
  // Pump decoded text into the parser; errors surface through the parser's iterator.
  (async () => {
    try {
      for await (const text of strictUtf8(file, stream as AsyncIterable<Buffer>)) {
        if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  const records = new RecordReader(parser);
  let first: string[][];
  try {
    first = await records.next(1);
  } catch (err) {
    throw csvError(file, err);
  }
  if (first.length === 0)
    throw new InputError(`${file} is empty`, [{ file, message: 'no header row and no data' }]);
  const columns = checkHeader(file, first[0]!);
  async function* batches(): AsyncGenerator<TabularRow[]> {
    let row = 1;
    for (;;) {
      let recs: string[][];
      try {
        recs = await records.next(BATCH_ROWS);
      } catch (err) {
        throw csvError(file, err, row + 1);
      }
      if (recs.length === 0) return;
      const out: TabularRow[] = new Array(recs.length);
      for (let k = 0; k < recs.length; k++) {
        row++;
        const cells = recs[k]!;
        if (cells.length !== columns.length) {
          throw new InputError(
            `${file} row ${row} has ${cells.length} cells but the header has ${columns.length} columns`,
            [{ file, row, message: `expected ${columns.length} cells, found ${cells.length}` }],
          );
        }
        for (let i = 0; i < cells.length; i++) cells[i] = cells[i]!.trim();
        out[k] = { row, cells };
      }
      yield out;
    }
  }
  const b = batches();
  return { file, columns, rows: flatten(b), batches: b };
}

/**
 * Pulls parsed records off the CSV parser synchronously while it has some buffered, and waits for
 * the next 'readable', 'end' or error only when it has none.
 */
class RecordReader {
  private failure: unknown;
  private ended = false;
  constructor(private readonly parser: ReturnType<typeof parse>) {
    parser.on('error', (err) => {
      this.failure ??= err;
    });
    parser.on('end', () => {
      this.ended = true;
    });
  }

  /** Up to `max` records; an empty array once the file is done. */
  async next(max: number): Promise<string[][]> {
    const out: string[][] = [];
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      while (out.length < max) {
        const rec = this.parser.read() as string[] | null;
        if (rec === null) break;
        out.push(rec);
      }
      if (out.length > 0 || this.ended) return out;
      if (this.parser.destroyed && this.failure === undefined) return out;
      await new Promise<void>((resolve) => {
        const done = () => {
          this.parser.off('readable', done);
          this.parser.off('end', done);
          this.parser.off('error', done);
          this.parser.off('close', done);
          resolve();
        };
        this.parser.on('readable', done);
        this.parser.on('end', done);
        this.parser.on('error', done);
        this.parser.on('close', done);
      });
    }
  }
}

function csvError(file: string, err: unknown, row?: number): Error {
  if (err instanceof InputError) return err;
  const e = err as { message?: string; lines?: number; code?: string };
  const where = row ?? e.lines;
  return new InputError(`${file}${where ? ` row ${where}` : ''}: ${e.message ?? String(err)}`, [
    { file, row: where, message: e.code ? `${e.code}: ${e.message}` : String(e.message ?? err) },
  ]);
}

/** Uncompressed size a workbook may unpack to (a zip bomb stops here). */
const MAX_XLSX_UNPACKED = 1024 * 1024 * 1024;

/**
 * An XLSX is a zip. read-excel-file unzips it as a stream of local headers, and on some damaged
 * zips (found by fuzzing: a duplicated tail) it waits for data forever — the CLI then exited 0
 * silently. So the workbook is first read through its central directory with yauzl (sizes
 * checked, a bad archive is an error), then handed over re-packed: a clean zip it can stream.
 */
async function repackZip(path: string): Promise<Buffer> {
  const bytes = await readFile(path);
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, z) => (err ? rej(err) : res(z)),
    ),
  );
  const out = new yazl.ZipFile();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => {
          total += c.length;
          if (total > MAX_XLSX_UNPACKED) stream.destroy(new Error('the workbook unpacks to more than 1 GiB'));
          else chunks.push(c);
        });
        stream.on('error', reject);
        stream.on('end', () => {
          out.addBuffer(Buffer.concat(chunks), entry.fileName);
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  out.end();
  const parts: Buffer[] = [];
  for await (const c of out.outputStream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function openXlsx(path: string, sheet?: string): Promise<TabularFile> {
  const file = basename(path);
  const { readSheet } = await import('read-excel-file/node');
  let data: unknown[][];
  try {
    const clean = await repackZip(path);
    data = (await (sheet ? readSheet(clean, sheet) : readSheet(clean))) as unknown[][];
  } catch (err) {
    throw new InputError(`${file} could not be read as an XLSX workbook: ${(err as Error).message}`, [
      { file, message: (err as Error).message },
    ]);
  }
  if (data.length === 0)
    throw new InputError(`${file} is empty`, [{ file, message: 'the sheet has no rows' }]);
  const columns = checkHeader(file, (data[0] ?? []).map(cellText));
  async function* rows(): AsyncGenerator<TabularRow> {
    for (let i = 1; i < data.length; i++) {
      const cells = data[i] ?? [];
      if (cells.every((c) => c === null || c === undefined || cellText(c) === '')) continue;
      if (cells.length > columns.length && cells.slice(columns.length).some((c) => cellText(c) !== '')) {
        throw new InputError(`${file} row ${i + 1} has values beyond the last named column`, [
          { file, row: i + 1, message: `expected at most ${columns.length} cells` },
        ]);
      }
      yield { row: i + 1, cells: columns.map((_, j) => cellText(cells[j])) };
    }
  }
  const r = rows();
  return { file, columns, rows: r, batches: chunked(r) };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Dates in cells carry no time of day in NGO lists; keep the calendar day (UTC, as read).
    return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}
