/**
 * Writes a CSV file row by row with bounded memory: rows are quoted by csv-stringify in batches
 * and written with backpressure. The file appears under its name only when complete.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';

export class CsvOut {
  private readonly stream: WriteStream;
  private readonly tmp: string;
  private batch: string[][] = [];
  private failed: Error | null = null;

  constructor(
    private readonly path: string,
    header: readonly string[],
  ) {
    this.tmp = `${path}.partial-${process.pid}`;
    this.stream = createWriteStream(this.tmp);
    this.stream.on('error', (err) => {
      this.failed = err;
    });
    this.batch.push([...header]);
  }

  async write(row: string[]): Promise<void> {
    this.batch.push(row);
    if (this.batch.length >= 8192) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.batch.length === 0) return;
    const text = stringify(this.batch);
    this.batch = [];
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failed) throw this.failed;
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
  }
}
