/**
 * The server-mode restore drill, on the suite's real PostgreSQL: back up while writers keep
 * committing, restore into a new empty database and an empty data directory, and find the same
 * rows, audit head and verified evidence — and a store that keeps working (sequences moved on).
 * Then the refusals: an altered dump or evidence file, a re-hashed dump (signature), the wrong
 * passphrase, a non-empty database or directory, the wrong engine — each leaving the target
 * database without a table and no directory behind. And the archive cipher on its own: any
 * flipped, truncated or appended byte is refused.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { IntegrityError, KeyError, UsageError } from '../domain/errors.js';
import { MasterKey } from '../security/keyring.js';
import { Sealer } from '../security/seal.js';
import { openStore } from '../store/open.js';
import { runCli } from '../test-support/cli.js';
import {
  createPgDatabase,
  postgresBackend,
  sqliteBackend,
  TEST_PASSPHRASE,
  type TestStore,
} from '../test-support/stores.js';
import { readZip, writeZip } from '../test-support/zip.js';
import { archiveSecret, decryptFile, encryptStream } from './archive-cipher.js';
import { backupStore, restoreStore } from './backup.js';

const KEY = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
// TESTIGO_BACKUP_ROWS scales the drill (e.g. 500000 to time a larger store).
const LIST_ROWS = Number(process.env.TESTIGO_BACKUP_ROWS ?? 20_000);
const work = mkdtempSync(join(tmpdir(), 'testigo-pgbackup-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function tableCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(
      "SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    return r.rows[0].n as number;
  } finally {
    await c.end();
  }
}

describe('backup and restore (server mode, PostgreSQL)', () => {
  let t: TestStore;
  let caseId: string;
  let backup: string;
  const drops: (() => Promise<void>)[] = [];
  before(async () => {
    t = await postgresBackend.open();
    caseId = (await t.store.createCase({ title: 'Simulacro de respaldo' }, 'test')).id;
    for (let i = 0; i < 20; i++)
      await t.store.create('person', caseId, { givenNames: `Persona ${i}`, firstSurname: 'Secreta' }, 'test');
    // A list large enough that the dump spans many cursor pages while writers commit.
    const rows = function* () {
      for (let i = 0; i < LIST_ROWS; i++)
        yield { rowNo: i + 2, recordId: `R${i}`, values: [`Nombre ${i}`, `Apellido ${i % 97}`] };
    };
    await t.store.importSourceList(
      caseId,
      { name: 'Lista ONG', columns: ['given_names', 'first_surname'], rowCount: 0 } as never,
      rows(),
      'test',
    );
    for (const text of ['Acta de detención', 'Informe médico'])
      await t.store.addEvidence(
        caseId,
        Buffer.from(text),
        {
          title: text,
          kind: 'document',
          mediaType: 'text/plain',
          acquisition: { by: 'Documentadora', at: '2019-03-01T10:00:00Z', method: 'entregado' },
        } as never,
        'test',
      );
  });
  after(async () => {
    await t?.dispose();
    for (const d of drops) await d().catch(() => {});
  });

  async function emptyDb(): Promise<string> {
    const db = await createPgDatabase();
    drops.push(db.drop);
    return db.url;
  }

  it('backs up while writers commit, restores the snapshot exactly into an empty database, verified', async () => {
    backup = join(work, 'server.backup');
    // Two writers on their own connections keep committing during the whole backup.
    let writing = true;
    const writers = [0, 1].map(async (w) => {
      const s = await t.reopen();
      let i = 0;
      while (writing) await s.create('person', caseId, { givenNames: `Durante ${w}-${i++}` }, 'test');
      return i;
    });
    const started = Date.now();
    const manifest = await backupStore(t.store, t.dataDir, backup);
    const backupMs = Date.now() - started;
    writing = false;
    const during = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
    assert.ok(during > 0, 'writes happened during the backup');
    assert.equal(manifest.engine, 'postgres');
    assert.equal(manifest.files.filter((f) => f.path.startsWith('blobs/')).length, 2);
    const persons = manifest.database!.tables.person!;
    assert.ok(persons >= 20 && persons <= 20 + during);
    assert.ok(manifest.auditHead.seq > 23);
    const headAfter = await t.store.auditHead();
    assert.ok(headAfter.seq > manifest.auditHead.seq, 'writers committed after the snapshot began');

    // PostgreSQL keeps everything in clear; the archive must not.
    const bytes = readFileSync(backup);
    for (const secret of ['Persona 1', 'Secreta', 'Acta de detención', 'Simulacro', 'Documentadora'])
      assert.equal(bytes.indexOf(Buffer.from(secret)), -1, `${secret} in clear in the backup`);

    const url = await emptyDb();
    const target = join(work, 'restored-pg');
    const started2 = Date.now();
    const r = await restoreStore(backup, target, KEY, { databaseUrl: url });
    const restoreMs = Date.now() - started2;
    assert.equal(r.engine, 'postgres');
    assert.equal(r.evidenceVerified, 2);
    assert.deepEqual(r.auditHead, manifest.auditHead);
    assert.equal(r.auditEntries, manifest.auditHead.seq);
    const restored = await openStore({ dataDir: target, databaseUrl: url, key: KEY });
    try {
      assert.deepEqual(await restored.auditHead(), manifest.auditHead);
      assert.equal(await restored.count('person', caseId), persons);
      assert.equal(await restored.countSourceRecords(caseId), LIST_ROWS);
      assert.ok((await t.store.count('person', caseId)) > persons, 'later writes are not in the snapshot');
      assert.equal((await restored.verifyAudit()).ok, true);
      const evidence = await restored.list('evidence', caseId);
      const texts = await Promise.all(
        evidence.map(async (e) =>
          (await restored.blobs.get((e.body as { sha256: string }).sha256)).toString(),
        ),
      );
      assert.deepEqual(texts.sort(), ['Acta de detención', 'Informe médico']);
      // The restored store keeps working: new rows get fresh keys (serial sequences moved on).
      await restored.create('person', caseId, { givenNames: 'Después' }, 'test');
      assert.equal(await restored.count('person', caseId), persons + 1);
      assert.equal((await restored.verifyAudit()).ok, true);
    } finally {
      await restored.close();
    }
    process.stderr.write(
      `# pg backup: ${manifest.auditHead.seq} audit entries, ${during} writes during a ${backupMs} ms backup; restore ${restoreMs} ms\n`,
    );
  });

  it('refuses a damaged backup, the wrong key, a non-empty target and the wrong engine, leaving nothing', async () => {
    const entries = new Map(await readZip(backup));
    const blob = [...entries.keys()].find((k) => k.startsWith('blobs/'))!;
    const cases: [string, Map<string, Buffer>, RegExp][] = [];
    const flippedDump = new Map(entries);
    const d = Buffer.from(entries.get('database.pgdump.enc')!);
    d[Math.floor(d.length / 2)]! ^= 0x40;
    flippedDump.set('database.pgdump.enc', d);
    cases.push(['altered dump', flippedDump, /database\.pgdump\.enc was altered/]);
    // Same alteration with the manifest's hash updated: the signature no longer holds.
    const rehashed = new Map(flippedDump);
    const m = JSON.parse(entries.get('manifest.json')!.toString());
    const { createHash } = await import('node:crypto');
    for (const f of m.files)
      if (f.path === 'database.pgdump.enc') f.sha256 = createHash('sha256').update(d).digest('hex');
    rehashed.set('manifest.json', Buffer.from(JSON.stringify(m)));
    cases.push(['re-hashed dump', rehashed, /signature is invalid/]);
    const flippedBlob = new Map(entries);
    const b = Buffer.from(entries.get(blob)!);
    b[b.length - 3]! ^= 1;
    flippedBlob.set(blob, b);
    cases.push(['altered evidence', flippedBlob, /was altered/]);
    const counts = new Map(entries);
    const m2 = JSON.parse(entries.get('manifest.json')!.toString());
    m2.database.tables.person += 1;
    counts.set('manifest.json', Buffer.from(JSON.stringify(m2)));
    cases.push(['edited row count', counts, /signature is invalid/]);
    const noKeyring = new Map(entries);
    noKeyring.delete('keyring.json');
    cases.push(['missing keyring', noKeyring, /keyring\.json is missing/]);
    for (const [name, zipEntries, message] of cases) {
      const file = join(work, `${name.replaceAll(' ', '-')}.backup`);
      await writeZip(file, zipEntries);
      const url = await emptyDb();
      const target = join(work, `target-${name.replaceAll(' ', '-')}`);
      await assert.rejects(
        restoreStore(file, target, KEY, { databaseUrl: url }),
        (err: unknown) =>
          err instanceof IntegrityError &&
          message.test((err as Error).message) &&
          (err as Error).message.includes(file),
        name,
      );
      assert.ok(!existsSync(target), `${name}: nothing restored`);
      assert.ok(!existsSync(`${target}.restoring-${process.pid}`), `${name}: no temporary directory left`);
      assert.equal(await tableCount(url), 0, `${name}: the database is still empty`);
    }

    const url = await emptyDb();
    const target = join(work, 'wrong-key');
    await assert.rejects(
      restoreStore(
        backup,
        target,
        { kind: 'passphrase', passphrase: 'not the passphrase at all' },
        { databaseUrl: url },
      ),
      KeyError,
    );
    assert.ok(!existsSync(target));
    assert.equal(await tableCount(url), 0);

    // A database that is not empty (here: the live one) is refused before anything is written.
    await assert.rejects(
      restoreStore(backup, join(work, 'into-live'), KEY, { databaseUrl: t.databaseUrl! }),
      (err: unknown) => err instanceof UsageError && /not empty/.test((err as Error).message),
    );
    assert.ok(!existsSync(join(work, 'into-live')));
    const full = join(work, 'full-dir');
    mkdirSync(full);
    writeFileSync(join(full, 'something'), 'x');
    await assert.rejects(restoreStore(backup, full, KEY, { databaseUrl: url }), UsageError);
    assert.equal(await tableCount(url), 0);
    // The wrong engine: a server-mode backup without a database.
    await assert.rejects(
      restoreStore(backup, join(work, 'no-db'), KEY),
      (err: unknown) => err instanceof UsageError && /TESTIGO_DATABASE_URL/.test((err as Error).message),
    );
    assert.ok(!existsSync(join(work, 'no-db')));
    // And an embedded backup is not loaded into a database.
    const embedded = await sqliteBackend.open();
    try {
      const file = join(work, 'embedded.backup');
      await backupStore(embedded.store, embedded.dataDir, file);
      await assert.rejects(
        restoreStore(file, join(work, 'embedded-into-pg'), KEY, { databaseUrl: url }),
        (err: unknown) => err instanceof UsageError && /embedded store/.test((err as Error).message),
      );
      assert.equal(await tableCount(url), 0);
      assert.ok(!existsSync(join(work, 'embedded-into-pg')));
    } finally {
      await embedded.dispose();
    }
  });

  it('`testigo backup` and `testigo restore` work in server mode (TESTIGO_DATABASE_URL)', async () => {
    const url = await emptyDb();
    const file = join(work, 'cli.backup');
    const target = join(work, 'cli-restored');
    const run = (args: string[], env: Record<string, string>) =>
      runCli(args, { ...env, TESTIGO_PASSPHRASE: TEST_PASSPHRASE });
    const b = await run(['backup', '--out', file], {
      TESTIGO_DATA: t.dataDir,
      TESTIGO_DATABASE_URL: t.databaseUrl!,
    });
    assert.equal(b.code, 0);
    assert.match(b.out, /backup written to .*2 evidence file\(s\)/);
    const r = await run(['restore', file], { TESTIGO_DATA: target, TESTIGO_DATABASE_URL: url });
    assert.equal(r.code, 0);
    assert.match(
      r.out,
      /restored into the database at TESTIGO_DATABASE_URL .*audit log intact.*2 evidence file\(s\) verified/,
    );
    // A second restore into the now-populated database is refused: exit 2, nothing changed.
    const again = await run(['restore', file], {
      TESTIGO_DATA: join(work, 'cli-again'),
      TESTIGO_DATABASE_URL: url,
    });
    assert.equal(again.code, 2);
    assert.match(again.err, /^testigo: the PostgreSQL database at TESTIGO_DATABASE_URL is not empty/);
    assert.ok(!existsSync(join(work, 'cli-again')));
  });

  it('the archive cipher refuses any flipped, truncated or appended byte, and another key', async () => {
    const sealer = new Sealer(new MasterKey('k1', randomBytes(32)));
    const secret = archiveSecret(sealer);
    const plain = randomBytes(64 * 1024 * 2 + 100);
    const file = join(work, 'cipher.enc');
    await pipeline(Readable.from([plain]), encryptStream(secret, 'k1'), createWriteStream(file));
    const read = async (bytes: Buffer, s = secret, keyId = 'k1') => {
      const p = join(work, `c-${randomBytes(4).toString('hex')}`);
      writeFileSync(p, bytes);
      const fh = await open(p, 'r');
      try {
        const parts: Buffer[] = [];
        for await (const c of decryptFile(fh, s, keyId, 'the part')) parts.push(c);
        return Buffer.concat(parts);
      } finally {
        await fh.close();
        rmSync(p);
      }
    };
    const good = readFileSync(file);
    assert.ok((await read(good)).equals(plain));
    const runs = Number(process.env.TESTIGO_FUZZ_RUNS ?? 60);
    for (let i = 0; i < runs; i++) {
      const bad = Buffer.from(good);
      const kind = i % 3;
      let mutated: Buffer;
      if (kind === 0) {
        bad[Math.floor(Math.random() * bad.length)]! ^= 1 << (i % 8);
        mutated = bad;
      } else if (kind === 1) mutated = bad.subarray(0, Math.floor(Math.random() * bad.length));
      else mutated = Buffer.concat([bad, randomBytes(1 + (i % 40))]);
      await assert.rejects(
        read(mutated),
        IntegrityError,
        `case ${i} (${['flip', 'truncate', 'append'][kind]})`,
      );
    }
    const other = archiveSecret(new Sealer(new MasterKey('k1', randomBytes(32))));
    await assert.rejects(read(good, other), IntegrityError);
    await assert.rejects(read(good, secret, 'k2'), /another store's key/);
  });
});
