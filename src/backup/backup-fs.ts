/**
 * The file operations a backup writes through, so tests can inject the failures a real disk
 * gives (ENOSPC, EIO) at any write — the same seam as BlobFs in store/blobs.ts.
 */
import * as fsp from 'node:fs/promises';
import { Writable } from 'node:stream';
import { TestigoError } from '../domain/errors.js';

export interface BackupFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  mkdir: typeof fsp.mkdir;
  rm: typeof fsp.rm;
}

export const realFs: BackupFs = fsp;

/** Writing the backup failed in the file system (disk full, I/O error). Exit code 1. */
export class BackupWriteError extends TestigoError {
  override name = 'BackupWriteError';
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error on the device',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EFBIG: 'the file is too large for the file system',
};

/** Turns a file-system error into one clear line naming the backup file; other errors pass. */
export function asWriteError(err: unknown, out: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (!code || err instanceof TestigoError) return err;
  const reason = REASONS[code] ?? (err as Error).message;
  return new BackupWriteError(
    `cannot write the backup ${out}: ${reason} (${code}); nothing was written there`,
  );
}

/** A Writable over a file opened through `fs`, fsynced before it reports finished. */
export function fileSink(fs: BackupFs, path: string): Writable {
  let fh: fsp.FileHandle | undefined;
  return new Writable({
    construct(cb) {
      fs.open(path, 'wx', 0o600).then(
        (h) => {
          fh = h;
          cb();
        },
        (err: Error) => cb(err),
      );
    },
    write(chunk: Buffer, _enc, cb) {
      writeAll(fh!, chunk).then(() => cb(), cb);
    },
    final(cb) {
      fh!
        .sync()
        .then(() => fh!.close())
        .then(() => {
          fh = undefined;
          cb();
        }, cb);
    },
    destroy(err, cb) {
      if (!fh) return cb(err);
      fh.close().then(
        () => cb(err),
        () => cb(err),
      );
    },
  });
}

async function writeAll(fh: fsp.FileHandle, chunk: Buffer): Promise<void> {
  let off = 0;
  while (off < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
    off += bytesWritten;
  }
}
