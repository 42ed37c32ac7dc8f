/**
 * Opens the store a command or the server works on: the encrypted SQLite file under the data
 * directory (default), or PostgreSQL when a database URL is given. Either way the master key is
 * unwrapped from the keyring with the caller's key source, evidence blobs live under the data
 * directory (or on S3-compatible storage, TESTIGO_BLOB_URL), and pending migrations run.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { KeyError } from '../domain/errors.js';
import {
  createKeyring,
  type KeySource,
  type MasterKey,
  type ScryptParams,
  unlockKeyring,
} from '../security/keyring.js';
import { Sealer } from '../security/seal.js';
import { BlobStore, type EvidenceBlobs } from './blobs.js';
import { parseBlobUrl, S3BlobStore } from './blobs-s3.js';
import { CaseStore } from './case-store.js';
import { migrate } from './migrations.js';
import { openPostgres } from './postgres/driver.js';
import type { Database } from './sql.js';
import { openSqlite } from './sqlite/driver.js';

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string;
  key: KeySource;
  /** Create the store (keyring, database) when it does not exist yet. */
  create?: boolean;
  /** KDF cost for a newly created keyring (tests lower it; production keeps the default). */
  scrypt?: ScryptParams;
  /** Evidence on S3-compatible storage (`s3://bucket/prefix?endpoint=…`) instead of dataDir/blobs. */
  blobUrl?: string;
  /** Extra S3 client settings (tests give their local server's credentials). */
  s3?: Partial<S3ClientConfig>;
}

export const DB_FILE = 'testigo.db';
export const KEYRING_FILE = 'keyring.json';

export function storeExists(dataDir: string, databaseUrl?: string): boolean {
  return databaseUrl ? existsSync(dataDir) : existsSync(join(dataDir, KEYRING_FILE));
}

export async function openStore(opts: OpenOptions): Promise<CaseStore> {
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const { db, master } = opts.databaseUrl ? await openServerDb(opts) : await openEmbeddedDb(opts);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const blobs = openBlobs(opts, master);
  // Temp files of uploads killed mid-write (never referenced; older than an hour, so not another
  // process's upload in progress).
  await blobs.sweepTemp().catch(() => 0);
  return new CaseStore(db, blobs, new Sealer(master));
}

/** The evidence store the options name: S3-compatible storage for an s3:// URL, else the data directory. */
export function openBlobs(
  opts: Pick<OpenOptions, 'dataDir' | 'blobUrl' | 's3'>,
  master: MasterKey,
): EvidenceBlobs {
  if (opts.blobUrl) return new S3BlobStore(parseBlobUrl(opts.blobUrl), master, opts.s3);
  return new BlobStore(join(opts.dataDir, 'blobs'), master);
}

async function openEmbeddedDb(opts: OpenOptions): Promise<{ db: Database; master: MasterKey }> {
  const keyringPath = join(opts.dataDir, KEYRING_FILE);
  const dbPath = join(opts.dataDir, DB_FILE);
  let master: MasterKey;
  if (existsSync(keyringPath)) {
    master = await unlockKeyring(JSON.parse(await readFile(keyringPath, 'utf8')), opts.key);
  } else {
    if (existsSync(dbPath)) throw new KeyError(`${dbPath} exists but its keyring ${keyringPath} is missing`);
    if (!opts.create)
      throw new KeyError(
        `no Testigo store in ${opts.dataDir} (create one with \`testigo init\` or \`testigo demo\`)`,
      );
    const created = await createKeyring(opts.key, { scrypt: opts.scrypt });
    await writeFileAtomic(keyringPath, `${JSON.stringify(created.keyring, null, 2)}\n`);
    master = created.master;
  }
  return { db: openSqlite(dbPath, master.sqliteKey()), master };
}

async function openServerDb(opts: OpenOptions): Promise<{ db: Database; master: MasterKey }> {
  const db = await openPostgres(opts.databaseUrl!);
  try {
    await migrate(db);
    const row = await db.get<{ data: string }>('SELECT data FROM keyring WHERE id = 1');
    if (row) return { db, master: await unlockKeyring(JSON.parse(row.data), opts.key) };
    if (!opts.create)
      throw new KeyError('this PostgreSQL database has no Testigo keyring yet (run `testigo init`)');
    const created = await createKeyring(opts.key, { scrypt: opts.scrypt });
    await db.run('INSERT INTO keyring (id, data) VALUES (1, ?)', [JSON.stringify(created.keyring)]);
    return { db, master: created.master };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** Writes a file so that a crash leaves either the old content or the new, never a mix. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}
