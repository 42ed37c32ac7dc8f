/**
 * Backup and restore of a Testigo store, embedded (SQLite) or server mode (PostgreSQL). The
 * backup is one zip file holding:
 *   testigo.db          (embedded) a consistent snapshot taken with VACUUM INTO while the store
 *                       stays open (SQLite3MultipleCiphers writes it encrypted under the page key);
 *   database.pgdump.enc (server mode) a logical dump of every table from one REPEATABLE READ
 *                       snapshot (postgres.ts), gzip'd and encrypted with AES-256-GCM in chunks
 *                       under a key derived from the master key (archive-cipher.ts) — PostgreSQL
 *                       keeps data in clear, so the archive must not;
 *   keyring.json        the master key, wrapped under the passphrase / key file as in the store;
 *   blobs/…             the evidence files, as stored (each AES-256-GCM encrypted, content-addressed),
 *                       from the local disk or downloaded (still encrypted) from object storage;
 *   manifest.json       format, engine, time, audit head, table row counts, SHA-256 of every file,
 *                       signed with an Ed25519 key derived from the master key.
 * Nothing in it is readable without the store's key. The archive is written through a file-system
 * seam (backup-fs.ts) to a temporary name, fsynced and renamed: a full disk or an I/O error leaves
 * no partial archive. Restore goes into an empty data directory (and, in server mode, an empty
 * database): it unpacks beside it, checks every file's hash and the manifest signature, loads the
 * database, verifies the audit chain and head and every evidence blob, and only then moves the
 * directory into place — a failed restore leaves nothing behind.
 */
import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import { canonicalJson } from '../domain/canonical-json.js';
import { InputError, IntegrityError, TestigoError, UsageError } from '../domain/errors.js';
import { type KeySource, unlockKeyring } from '../security/keyring.js';
import { Sealer } from '../security/seal.js';
import { BlobStore } from '../store/blobs.js';
import { S3BlobStore } from '../store/blobs-s3.js';
import type { CaseStore } from '../store/case-store.js';
import { DB_FILE, KEYRING_FILE, openStore } from '../store/open.js';
import { openPostgres, type PostgresDatabase } from '../store/postgres/driver.js';
import { archiveSecret, decryptFile, encryptStream } from './archive-cipher.js';
import { asWriteError, type BackupFs, fileSink, realFs } from './backup-fs.js';
import { dropTables, dumpDatabase, isEmptyDatabase, loadDump } from './postgres.js';

const FORMAT = 'testigo-backup/v1';
const SIGNING_PURPOSE = 'backup-manifest-v1';

const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  createdAt: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  database: z
    .object({
      file: z.string().regex(/^[a-z0-9._-]+$/),
      schemaVersion: z.number().int(),
      tables: z.record(z.string(), z.number().int().nonnegative()),
    })
    .optional(),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), size: z.number() })),
  publicKey: z.string(),
  signature: z.string().optional(),
});
export type BackupManifest = z.infer<typeof ManifestSchema>;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(path), h);
  return h.digest('hex');
}

const signedBytes = (m: BackupManifest) => Buffer.from(canonicalJson({ ...m, signature: undefined }), 'utf8');

const DUMP_FILE = 'database.pgdump.enc';

export interface BackupOptions {
  /** The file operations the archive is written through (tests inject ENOSPC/EIO here). */
  fs?: BackupFs;
}

/**
 * Writes a backup of an open store to `out`: the embedded store (SQLite) or a server-mode store
 * (PostgreSQL). The archive is written under a temporary name, fsynced and renamed, so `out`
 * either holds a complete backup or does not exist; a failed write removes every temporary file
 * and leaves the store untouched.
 */
export async function backupStore(
  store: CaseStore,
  dataDir: string,
  out: string,
  opts: BackupOptions = {},
): Promise<BackupManifest> {
  const fs = opts.fs ?? realFs;
  if (existsSync(out)) throw new UsageError(`${out} exists; choose a new file name`);
  const work = `${out}.partial-${process.pid}`;
  const tmpZip = `${out}.tmp-${process.pid}`;
  try {
    await fs.mkdir(work, { recursive: true, mode: 0o700 });
    const part =
      store.dialect === 'sqlite'
        ? await snapshotSqlite(store, dataDir, work)
        : await snapshotPostgres(store, work, fs);
    // Blobs after the snapshot: they are immutable and written before the records that name them
    // commit, so every blob the snapshot refers to is already on disk when we copy them now.
    const entries = [...part.entries, ...(await blobEntries(store, dataDir, work, fs))];
    const files: BackupManifest['files'] = [];
    for (const e of entries)
      files.push({ path: e.path, sha256: await sha256File(e.abs), size: statSync(e.abs).size });
    const { privateKey, publicKey } = store.sealer.signingKey(SIGNING_PURPOSE);
    const manifest: BackupManifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      engine: store.dialect,
      auditHead: part.auditHead,
      ...(part.database ? { database: part.database } : {}),
      files,
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    };
    manifest.signature = sign(null, signedBytes(manifest), privateKey).toString('base64');

    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, fileSink(fs, tmpZip));
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', {
      compress: false,
    });
    // Everything in the archive is encrypted already and does not compress; store it as is.
    for (const e of entries) zip.addFile(e.abs, e.path, { compress: false });
    zip.end();
    await written;
    await fs.rename(tmpZip, out);
    return manifest;
  } catch (err) {
    await fs.rm(tmpZip, { force: true }).catch(() => {});
    throw asWriteError(err, out);
  } finally {
    await fs.rm(work, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * The evidence files as stored (encrypted). On local disk they are added to the archive from
 * where they are; from object storage they are downloaded (still encrypted) into the work
 * directory first. Either way they keep the same names, so any backup restores to either place.
 */
async function blobEntries(
  store: CaseStore,
  dataDir: string,
  work: string,
  fs: BackupFs,
): Promise<{ path: string; abs: string }[]> {
  if (store.blobs instanceof BlobStore)
    return filesUnder(store.blobs.dir)
      .filter((f) => f.endsWith('.blob'))
      .map((abs) => ({ path: relative(dataDir, abs).split(sep).join('/'), abs }));
  const out: { path: string; abs: string }[] = [];
  for await (const sha256 of store.blobs.list()) {
    const path = `blobs/${sha256.slice(0, 2)}/${sha256}.blob`;
    const abs = join(work, path);
    await fs.mkdir(dirname(abs), { recursive: true, mode: 0o700 });
    await pipeline(Readable.from(store.blobs.readRaw(sha256)), fileSink(fs, abs));
    out.push({ path, abs });
  }
  return out;
}

interface SnapshotPart {
  entries: { path: string; abs: string }[];
  auditHead: { seq: number; hash: string };
  database?: BackupManifest['database'];
}

async function snapshotSqlite(store: CaseStore, dataDir: string, work: string): Promise<SnapshotPart> {
  const snapshot = join(work, DB_FILE);
  // The head must be the snapshot's: a write committing between reading it and VACUUM INTO would
  // make them differ, so take the snapshot again until the head is the same before and after.
  let auditHead = await store.auditHead();
  for (let attempt = 0; ; attempt++) {
    await store.db.exec(`VACUUM INTO '${snapshot.replaceAll("'", "''")}'`);
    const after = await store.auditHead();
    if (after.seq === auditHead.seq) break;
    if (attempt >= 20) throw new IntegrityError('the store kept changing during the snapshot; try again');
    await rm(snapshot, { force: true });
    auditHead = after;
  }
  return {
    auditHead,
    entries: [
      { path: DB_FILE, abs: snapshot },
      { path: KEYRING_FILE, abs: join(dataDir, KEYRING_FILE) },
    ],
  };
}

/**
 * PostgreSQL keeps no data encrypted, so the dump is encrypted here (archive-cipher.ts) under a
 * key derived from the master key; the wrapped keyring travels beside it, as in the embedded store.
 */
async function snapshotPostgres(store: CaseStore, work: string, fs: BackupFs): Promise<SnapshotPart> {
  const row = await store.db.get<{ data: string }>('SELECT data FROM keyring WHERE id = 1');
  if (!row) throw new IntegrityError('this PostgreSQL database has no Testigo keyring');
  const { keyId } = JSON.parse(row.data) as { keyId: string };
  const secret = archiveSecret(store.sealer);
  const dumpPath = join(work, DUMP_FILE);
  const summary = await dumpDatabase(store.db, (lines) =>
    pipeline(lines, createGzip(), encryptStream(secret, keyId), fileSink(fs, dumpPath)),
  );
  const keyringPath = join(work, KEYRING_FILE);
  await pipeline(Readable.from([Buffer.from(`${summary.keyring}\n`)]), fileSink(fs, keyringPath));
  return {
    auditHead: summary.auditHead,
    database: { file: DUMP_FILE, schemaVersion: summary.schemaVersion, tables: summary.tables },
    entries: [
      { path: DUMP_FILE, abs: dumpPath },
      { path: KEYRING_FILE, abs: keyringPath },
    ],
  };
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) =>
      err || !zip ? reject(new InputError(`${path} is not a Testigo backup (not a zip file)`)) : resolve(zip),
    ),
  );
}

/** Unpacks every entry of the zip under `dir`, refusing paths that would escape it. */
async function unpack(path: string, dir: string): Promise<string[]> {
  const zip = await openZip(path);
  const names: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (name.endsWith('/')) return zip.readEntry();
        if (name.startsWith('/') || name.split('/').includes('..'))
          return reject(new IntegrityError(`the backup holds a file with an unsafe path: ${name}`));
        const target = join(dir, name);
        names.push(name);
        mkdir(dirname(target), { recursive: true })
          .then(
            () =>
              new Promise<void>((res, rej) =>
                zip.openReadStream(entry, (err, stream) => {
                  if (err || !stream) return rej(err ?? new Error('no stream'));
                  pipeline(stream, createWriteStream(target, { mode: 0o600 })).then(res, rej);
                }),
              ),
          )
          .then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return names;
}

export interface RestoreReport {
  engine: 'sqlite' | 'postgres';
  files: number;
  auditEntries: number;
  evidenceVerified: number;
  auditHead: { seq: number; hash: string };
}

export interface RestoreOptions {
  /** Server mode: restore into this (empty) PostgreSQL database; evidence goes under dataDir. */
  databaseUrl?: string;
  /** Evidence goes to this (empty) place on S3-compatible storage instead of dataDir/blobs. */
  blobUrl?: string;
  /** Extra S3 client settings (tests). */
  s3?: Partial<S3ClientConfig>;
}

/**
 * Restores a backup into `dataDir` (and, for a server-mode backup, into the empty database at
 * `databaseUrl`). Nothing is trusted before it is checked: every file's SHA-256 against the
 * manifest, the manifest's signature, then the audit chain, its head against the manifest's and
 * every evidence blob. A failure leaves the data directory and the database as empty as they were.
 */
export async function restoreStore(
  file: string,
  dataDir: string,
  key: KeySource,
  opts: RestoreOptions = {},
): Promise<RestoreReport> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new UsageError(`${dataDir} is not empty; restore only into an empty TESTIGO_DATA`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`${file}: no such backup file`);
  let pgdb: PostgresDatabase | undefined;
  const createdTables: string[] = [];
  const work = `${dataDir.replace(/[/\\]+$/, '')}.restoring-${process.pid}`;
  let store: CaseStore | undefined;
  const uploaded: string[] = [];
  try {
    if (opts.databaseUrl) {
      pgdb = await openPostgres(opts.databaseUrl);
      if (!(await isEmptyDatabase(pgdb)))
        throw new UsageError(
          'the PostgreSQL database at TESTIGO_DATABASE_URL is not empty; restore only into a new, empty database',
        );
    }
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true, mode: 0o700 });
    let names: string[];
    try {
      names = await unpack(file, work);
    } catch (err) {
      if (err instanceof TestigoError) throw err;
      throw new InputError(`${file} is not a readable Testigo backup (${(err as Error).message})`);
    }
    if (!names.includes('manifest.json'))
      throw new IntegrityError('it has no manifest.json: not a Testigo backup');
    const manifest = await readManifest(join(work, 'manifest.json'));
    const problems: string[] = [];
    const listed = new Set(manifest.files.map((f) => f.path));
    for (const f of manifest.files) {
      const p = join(work, f.path);
      if (!safeName(f.path) || !existsSync(p)) problems.push(`${f.path} is missing`);
      else if ((await sha256File(p)) !== f.sha256) problems.push(`${f.path} was altered (SHA-256 differs)`);
    }
    for (const n of names)
      if (n !== 'manifest.json' && !listed.has(n)) problems.push(`${n} is not in the manifest`);
    if (problems.length > 0) throw new IntegrityError(`the backup fails its checks: ${problems.join('; ')}`);

    if (manifest.engine === 'postgres' && !pgdb)
      throw new UsageError(
        'this is a backup of a server-mode (PostgreSQL) store: set TESTIGO_DATABASE_URL to a new, empty database',
      );
    if (manifest.engine === 'sqlite' && pgdb)
      throw new UsageError('this is a backup of an embedded store: unset TESTIGO_DATABASE_URL to restore it');

    if (manifest.engine === 'sqlite') {
      store = await openStore({ dataDir: work, key, blobUrl: opts.blobUrl, s3: opts.s3 });
      checkSignature(manifest, store.sealer);
    } else {
      const db = pgdb!;
      let keyringJson: unknown;
      try {
        keyringJson = JSON.parse(await readFile(join(work, KEYRING_FILE), 'utf8'));
      } catch {
        throw new IntegrityError('its keyring is not valid JSON');
      }
      const master = await unlockKeyring(keyringJson, key);
      const sealer = new Sealer(master);
      checkSignature(manifest, sealer);
      const database = manifest.database;
      if (!database) throw new IntegrityError('the manifest does not describe the database dump');
      const fh = await open(join(work, database.file), 'r');
      try {
        const plain = Readable.from(
          decryptFile(fh, archiveSecret(sealer), master.keyId, 'the database dump'),
        ).pipe(createGunzip());
        await loadDump(db, plain, database.tables, 'the database dump', createdTables);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code?.startsWith('Z_'))
          throw new IntegrityError(`the database dump does not decompress (${(err as Error).message})`);
        throw err;
      } finally {
        await fh.close();
      }
      await db.close();
      pgdb = undefined;
      for (const f of [database.file, KEYRING_FILE]) await rm(join(work, f));
      store = await openStore({
        dataDir: work,
        databaseUrl: opts.databaseUrl,
        key,
        blobUrl: opts.blobUrl,
        s3: opts.s3,
      });
    }
    if (opts.blobUrl) {
      // Into object storage: the place must hold no evidence yet; every blob is verified on upload.
      for await (const _ of store.blobs.list())
        throw new UsageError(
          `${store.blobs.describe()} already holds evidence files; restore only into an empty bucket or prefix`,
        );
      for (const f of manifest.files) {
        const m = /^blobs\/[0-9a-f]{2}\/([0-9a-f]{64})\.blob$/.exec(f.path);
        if (!m) continue;
        await store.blobs.putRaw(m[1]!, createReadStream(join(work, f.path)));
        uploaded.push(m[1]!);
      }
      await rm(join(work, 'blobs'), { recursive: true, force: true });
    }

    const audit = await store.verifyAudit();
    if (!audit.ok) throw new IntegrityError(`the restored audit log is broken: ${audit.problem!.message}`);
    if (audit.head.seq !== manifest.auditHead.seq || audit.head.hash !== manifest.auditHead.hash)
      throw new IntegrityError(
        `the restored audit head (${audit.head.seq}) is not the one backed up (${manifest.auditHead.seq})`,
      );
    let evidenceVerified = 0;
    for (const c of await store.listCases()) {
      for await (const e of store.iterate('evidence', c.id, { includeDeleted: true })) {
        await store.blobs.verify((e.body as { sha256: string }).sha256);
        evidenceVerified++;
      }
    }
    await store.close();
    store = undefined;
    await rm(join(work, 'manifest.json'));
    if (existsSync(dataDir)) await rm(dataDir, { recursive: true });
    await rename(work, dataDir);
    return {
      engine: manifest.engine,
      files: manifest.files.length,
      auditEntries: audit.entries,
      evidenceVerified,
      auditHead: audit.head,
    };
  } catch (err) {
    // Evidence uploaded to object storage by this restore is removed: the place is empty again.
    if (store?.blobs instanceof S3BlobStore)
      for (const sha256 of uploaded) await store.blobs.remove(sha256).catch(() => {});
    await store?.close().catch(() => {});
    if (createdTables.length > 0 && opts.databaseUrl) {
      // The database was empty before: drop what the restore created so it is empty again.
      const db = pgdb ?? (await openPostgres(opts.databaseUrl));
      pgdb = db;
      await dropTables(db, createdTables).catch(() => {});
    }
    await pgdb?.close().catch(() => {});
    await rm(work, { recursive: true, force: true });
    if (err instanceof TestigoError && !(err instanceof UsageError) && !err.message.includes(file))
      err.message = `${file}: ${err.message}`;
    throw err;
  }
}

function safeName(name: string): boolean {
  return !name.startsWith('/') && !name.split('/').includes('..') && !name.includes('\\') && name.length > 0;
}

async function readManifest(path: string): Promise<BackupManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new IntegrityError('the backup manifest is not valid JSON');
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== FORMAT)
    throw new IntegrityError(`unknown backup format ${JSON.stringify(format) ?? 'none'}`);
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new IntegrityError('the backup manifest is malformed');
  return raw as BackupManifest;
}

function checkSignature(manifest: BackupManifest, sealer: Sealer): void {
  const { publicKey } = sealer.signingKey(SIGNING_PURPOSE);
  const own = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  let ok = false;
  try {
    const pub = createPublicKey({
      key: Buffer.from(manifest.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    ok =
      own === manifest.publicKey &&
      verify(null, signedBytes(manifest), pub, Buffer.from(manifest.signature ?? '', 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new IntegrityError('the backup manifest signature is invalid (the manifest was edited)');
}
