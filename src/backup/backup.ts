/**
 * Backup and restore of the embedded (SQLite) store. The backup is one zip file holding:
 *   testigo.db    a consistent snapshot taken with VACUUM INTO while the store stays open
 *                 (SQLite3MultipleCiphers writes it encrypted under the same page key);
 *   keyring.json  the master key, wrapped under the passphrase / key file as in the store;
 *   blobs/…       the evidence files, as stored (each AES-256-GCM encrypted, content-addressed);
 *   manifest.json format, time, audit head, SHA-256 of every file, signed with an Ed25519 key
 *                 derived from the master key.
 * Nothing in it is readable without the store's key. Restore goes into an empty data directory:
 * it unpacks beside it, checks every file's hash and the manifest signature, opens the store,
 * verifies the audit chain and head and every evidence blob, and only then moves the directory
 * into place — a failed restore leaves nothing behind.
 */
import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { canonicalJson } from '../domain/canonical-json.js';
import { InputError, IntegrityError, UsageError } from '../domain/errors.js';
import type { KeySource } from '../security/keyring.js';
import type { CaseStore } from '../store/case-store.js';
import { DB_FILE, KEYRING_FILE, openStore } from '../store/open.js';

const FORMAT = 'testigo-backup/v1';
const SIGNING_PURPOSE = 'backup-manifest-v1';

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  engine: 'sqlite';
  auditHead: { seq: number; hash: string };
  files: { path: string; sha256: string; size: number }[];
  publicKey: string;
  signature?: string;
}

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

/** Writes a backup of an open embedded store to `out` (written under a temporary name, then renamed). */
export async function backupStore(store: CaseStore, dataDir: string, out: string): Promise<BackupManifest> {
  if (store.dialect !== 'sqlite')
    throw new UsageError(
      'backup of a PostgreSQL store is not built yet: use pg_dump for the database and copy the blobs directory',
    );
  if (existsSync(out)) throw new UsageError(`${out} exists; choose a new file name`);
  const work = `${out}.partial-${process.pid}`;
  await mkdir(work, { recursive: true, mode: 0o700 });
  try {
    // The snapshot first: blobs are immutable and written before the records that name them
    // commit, so every blob the snapshot refers to is already on disk when we copy them next.
    const head = await store.auditHead();
    const snapshot = join(work, DB_FILE);
    await store.db.exec(`VACUUM INTO '${snapshot.replaceAll("'", "''")}'`);
    const entries: { path: string; abs: string }[] = [
      { path: DB_FILE, abs: snapshot },
      { path: KEYRING_FILE, abs: join(dataDir, KEYRING_FILE) },
      ...filesUnder(join(dataDir, 'blobs'))
        .filter((f) => f.endsWith('.blob'))
        .map((abs) => ({ path: relative(dataDir, abs).split(sep).join('/'), abs })),
    ];
    const files: BackupManifest['files'] = [];
    for (const e of entries)
      files.push({ path: e.path, sha256: await sha256File(e.abs), size: statSync(e.abs).size });
    const { privateKey, publicKey } = store.sealer.signingKey(SIGNING_PURPOSE);
    const manifest: BackupManifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      engine: 'sqlite',
      auditHead: head,
      files,
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    };
    manifest.signature = sign(null, signedBytes(manifest), privateKey).toString('base64');

    const zip = new yazl.ZipFile();
    const tmpZip = `${out}.tmp-${process.pid}`;
    const written = pipeline(zip.outputStream, createWriteStream(tmpZip, { mode: 0o600 }));
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', {
      compress: false,
    });
    // Encrypted content does not compress; store it as is.
    for (const e of entries) zip.addFile(e.abs, e.path, { compress: false });
    zip.end();
    await written;
    await rename(tmpZip, out);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
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
  files: number;
  auditEntries: number;
  evidenceVerified: number;
  auditHead: { seq: number; hash: string };
}

/** Restores a backup into `dataDir`, which must not exist or be empty; checks everything first. */
export async function restoreStore(file: string, dataDir: string, key: KeySource): Promise<RestoreReport> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new UsageError(`${dataDir} is not empty; restore only into an empty TESTIGO_DATA`);
  const work = `${dataDir.replace(/[/\\]+$/, '')}.restoring-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true, mode: 0o700 });
  let store: CaseStore | undefined;
  try {
    const names = await unpack(file, work);
    if (!names.includes('manifest.json'))
      throw new IntegrityError(`${file} has no manifest.json: not a Testigo backup`);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(await readFile(join(work, 'manifest.json'), 'utf8')) as BackupManifest;
    } catch {
      throw new IntegrityError('the backup manifest is not valid JSON');
    }
    if (manifest.format !== FORMAT)
      throw new IntegrityError(`unknown backup format ${String(manifest.format)}`);
    const problems: string[] = [];
    const listed = new Set(manifest.files.map((f) => f.path));
    for (const f of manifest.files) {
      const p = join(work, f.path);
      if (!existsSync(p)) problems.push(`${f.path} is missing`);
      else if ((await sha256File(p)) !== f.sha256) problems.push(`${f.path} was altered (SHA-256 differs)`);
    }
    for (const n of names)
      if (n !== 'manifest.json' && !listed.has(n)) problems.push(`${n} is not in the manifest`);
    if (problems.length > 0) throw new IntegrityError(`the backup fails its checks: ${problems.join('; ')}`);

    store = await openStore({ dataDir: work, key });
    const { publicKey } = store.sealer.signingKey(SIGNING_PURPOSE);
    const own = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const sig = Buffer.from(manifest.signature ?? '', 'base64');
    const pub = createPublicKey({
      key: Buffer.from(manifest.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (own !== manifest.publicKey || !verify(null, signedBytes(manifest), pub, sig))
      throw new IntegrityError('the backup manifest signature is invalid (the manifest was edited)');
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
      files: manifest.files.length,
      auditEntries: audit.entries,
      evidenceVerified,
      auditHead: audit.head,
    };
  } catch (err) {
    await store?.close().catch(() => {});
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}
