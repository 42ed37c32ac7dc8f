/**
 * The crash harness: a child process (crash-child.ts) runs a workload on a copy of a small
 * prebuilt store — imports of CSV lists, `link --case` runs that merge list records into persons,
 * evidence uploads of random sizes — and is SIGKILLed after a seeded random delay. The parent then
 * opens the store and checks everything a crash must not break (checkStore):
 *
 * - SQLite `PRAGMA integrity_check` and `foreign_key_check`;
 * - the audit chain verifies;
 * - every list holds exactly the rows its import audit entry counts, with the same SHA-256 digest
 *   (no partial import), and no row exists without its list;
 * - every evidence record's blob exists, decrypts and matches its SHA-256 and size, has its
 *   "collected" custody entry and its audit entry; every blob file under its final name is whole;
 * - linkage runs are all-or-nothing: persons created, records assigned, `link` audit entries and
 *   saved linkage analyses agree with each other;
 * - everything the child reported as COMMITTED before the kill is there.
 *
 * Orphans are reported, not failed: a blob written before its transaction committed stays as an
 * unreferenced (whole, verifiable) file, and a write killed before its rename leaves a `.part`
 * file in blobs/tmp (crashIteration then checks that BlobStore.sweepTemp removes exactly those).
 * Neither is ever referenced by a record.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { importTabular } from '../ingest/import-tabular.js';
import { MappingSpec } from '../ingest/mapping.js';
import { Rng } from '../linkage/random.js';
import type { AuditEntry } from '../store/audit.js';
import type { BlobStore } from '../store/blobs.js';
import { linkCaseFile } from '../store/case-linkage.js';
import type { CaseStore } from '../store/case-store.js';
import { openStore } from '../store/open.js';
import type { SqliteDatabase } from '../store/sqlite/driver.js';
import { LIST_COLUMNS, synthesize } from '../synth/synth.js';
import { FAST_SCRYPT, TEST_PASSPHRASE, tempDir } from './stores.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHILD = join(ROOT, 'src', 'test-support', 'crash-child.ts');
const ACTOR = 'user:crash-harness';

export type Workload = 'import' | 'link' | 'evidence';
export const WORKLOADS: readonly Workload[] = ['import', 'link', 'evidence'];
export type Engine = 'sqlite' | 'postgres';

export type Committed =
  | { op: 'import'; listId: string; rows: number; rowsSha256: string }
  | { op: 'link'; analysisId: string; personsCreated: number; assignments: number }
  | { op: 'evidence'; id: string; sha256: string; size: number };

// ── Fixtures and templates ─────────────────────────────────────────────────────────────────────

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * Writes the CSV files the children import: `import-*.csv` (200 to 8,000 rows) and `link-*.csv`
 * (eight overlapping lists drawn from one synthetic population, so linkage has merging to do).
 */
export function writeFixtures(dir: string, seed: number): string {
  mkdirSync(dir, { recursive: true });
  const sizes = [200, 500, 1000, 2000, 4000, 8000];
  sizes.forEach((n, k) => {
    const lines = ['record_id,given_names,first_surname,second_surname,document_id,birth_date'];
    for (let i = 0; i < n; i++)
      lines.push(
        `R${k}-${i},Nombre ${(i * 7 + seed) % 997},Apellido${i % 313},Segundo${i % 71},V-${10_000_000 + i},0${1 + (i % 9)}/0${1 + (i % 9)}/198${i % 10}`,
      );
    writeFileSync(join(dir, `import-${k}.csv`), `${lines.join('\n')}\n`);
  });
  const LISTS = 8;
  const out: string[][] = Array.from({ length: LISTS }, () => [LIST_COLUMNS.join(',')]);
  for (const row of synthesize({ people: 400, lists: LISTS, seed }))
    out[row.list]!.push(row.cells.map(csvCell).join(','));
  out.forEach((lines, k) => {
    writeFileSync(join(dir, `link-${String(k).padStart(2, '0')}.csv`), `${lines.join('\n')}\n`);
  });
  return dir;
}

const linkFixtures = (fixtures: string) =>
  readdirSync(fixtures)
    .filter((f) => f.startsWith('link-'))
    .sort();

async function importFixture(store: CaseStore, caseId: string, file: string, name: string) {
  const spec = MappingSpec.parse({
    kind: 'source-records',
    columns: { record_id: 'recordId' },
    list: { name },
  });
  return importTabular(store, caseId, file, spec, ACTOR);
}

/** Where a store lives: its data directory (keyring and blobs) and, for PostgreSQL, its database. */
export interface StoreLocation {
  engine: Engine;
  dataDir: string;
  databaseUrl?: string;
}

export const openAt = (loc: StoreLocation) =>
  openStore({
    dataDir: loc.dataDir,
    databaseUrl: loc.databaseUrl,
    key: { kind: 'passphrase', passphrase: TEST_PASSPHRASE },
  });

function pgAdminUrl(): string {
  const admin = process.env.TESTIGO_TEST_PG_URL;
  if (!admin) throw new Error('TESTIGO_TEST_PG_URL is not set: run through scripts/run-tests.mjs');
  return admin;
}

async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function pgUrlFor(name: string): string {
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A small store to copy for every iteration: one case file and, per workload, something already
 * committed (a list; a linked list; two evidence files), so the checks also cover older data.
 */
export async function buildTemplate(
  engine: Engine,
  workload: Workload,
  fixtures: string,
): Promise<StoreLocation> {
  const dataDir = tempDir(`testigo-crash-tpl-${workload}-`);
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const name = `crash_tpl_${workload}_${randomBytes(4).toString('hex')}`;
    await pgAdmin(`CREATE DATABASE ${name}`);
    databaseUrl = pgUrlFor(name);
  }
  const key = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
  const store = await openStore({ dataDir, databaseUrl, key, create: true, scrypt: FAST_SCRYPT });
  try {
    const c = await store.createCase({ title: `Crash ${workload}` }, ACTOR);
    if (workload === 'import')
      await importFixture(store, c.id, join(fixtures, 'import-0.csv'), 'template list');
    if (workload === 'link') {
      await importFixture(store, c.id, join(fixtures, linkFixtures(fixtures)[0]!), 'template link list');
      await linkCaseFile(store, c.id, ACTOR, { seed: 1 });
    }
    if (workload === 'evidence') {
      for (const size of [0, 200_000]) {
        await store.addEvidence(
          c.id,
          randomBytes(size),
          {
            title: `template evidence ${size}`,
            kind: 'document',
            mediaType: 'application/octet-stream',
            acquisition: { by: 'crash harness', at: new Date().toISOString(), method: 'generated' },
            consent: 'internal',
            protection: 'restricted',
            graphic: false,
            supports: { eventIds: [], actIds: [], personIds: [] },
          },
          ACTOR,
        );
      }
    }
  } finally {
    await store.close();
  }
  return { engine, dataDir, databaseUrl };
}

/** A fresh copy of a template (directory copy; PostgreSQL `CREATE DATABASE … TEMPLATE`). */
export async function cloneStore(tpl: StoreLocation): Promise<StoreLocation> {
  const dataDir = tempDir(`testigo-crash-`);
  cpSync(tpl.dataDir, dataDir, { recursive: true });
  if (tpl.engine === 'sqlite') return { engine: 'sqlite', dataDir };
  const name = `crash_${randomBytes(6).toString('hex')}`;
  const source = new URL(tpl.databaseUrl!).pathname.slice(1);
  await pgAdmin(`CREATE DATABASE ${name} TEMPLATE ${source}`);
  return { engine: 'postgres', dataDir, databaseUrl: pgUrlFor(name) };
}

export async function disposeStore(loc: StoreLocation): Promise<void> {
  rmSync(loc.dataDir, { recursive: true, force: true });
  if (loc.databaseUrl)
    await pgAdmin(`DROP DATABASE IF EXISTS ${new URL(loc.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
}

// ── The child ──────────────────────────────────────────────────────────────────────────────────

/**
 * When to kill: `ms` after the spawn, after the child's READY line, or after the first report of a
 * point inside the workload's own operation: its BEGIN (`begin`), its transaction's start (`tx`:
 * aims at the short linkage write, which kills counted from READY rarely hit), rows streaming into
 * an import (`rows`), an upload's last piece handed over (`sent`), the operation committed
 * (`commit`: the next one is under way when the kill lands, and the commit must survive it).
 */
export interface KillAt {
  from: 'spawn' | 'ready' | 'begin' | 'tx' | 'rows' | 'sent' | 'commit';
  ms: number;
}

export interface ChildRun {
  workload: Workload;
  seed: number;
  /** The kill delay and what it counts from (see KillAt). */
  kill: KillAt;
  signal: NodeJS.Signals | null;
  code: number | null;
  /** Where the child was when it died: the last event it reported (see phaseOf). */
  phase: string;
  committed: Committed[];
  lines: string[];
  stderr: string;
  /** Milliseconds from the spawn to READY (start-up and opening the store), and to the exit. */
  readyMs: number | null;
  exitMs: number;
}

/** The child's last report before it died, as a phase name (e.g. "import:rows", "after-commit"). */
export function phaseOf(lines: readonly string[]): string {
  const last = lines.at(-1);
  if (!last) return 'startup';
  const [word, op] = last.split(' ');
  if (word === 'READY') return 'ready';
  if (word === 'DONE') return 'done';
  if (word === 'COMMITTED') return `after-commit:${op}`;
  if (word === 'BEGIN') return `${op}:start`;
  if (word === 'STAGE') {
    const begun = lines.findLast((l) => l.startsWith('BEGIN '))?.split(' ')[1] ?? '?';
    return `${begun}:${op}`;
  }
  return `unknown:${word}`;
}

/** The kill point a line of the workload's own operation opens (see KillAt), if any. */
function pointOf(line: string, workload: Workload): KillAt['from'] | undefined {
  if (line === 'STAGE tx') return 'tx';
  if (line.startsWith('STAGE rows ')) return 'rows';
  if (line === 'STAGE sent') return 'sent';
  if (line.startsWith(`COMMITTED ${workload} `)) return 'commit';
  return undefined;
}

let bundled: string | null | undefined;

/**
 * How to start the child. Loading the app through tsx costs ~0.6 s per process; the same source
 * bundled once with esbuild (a dependency of tsx) loads in ~0.25 s, which is most of the CI budget
 * across a hundred kills. The bundle sits under node_modules/.cache so the child resolves the same
 * packages; without esbuild (or with TESTIGO_CRASH_TSX=1) the child runs through tsx.
 */
function childArgs(): string[] {
  if (bundled === undefined) {
    bundled = null;
    if (!process.env.TESTIGO_CRASH_TSX) {
      try {
        const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');
        const out = join(ROOT, 'node_modules', '.cache', 'testigo-crash', `child-${process.pid}.mjs`);
        esbuild.buildSync({
          entryPoints: [CHILD],
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          packages: 'external',
          outfile: out,
          logLevel: 'silent',
        });
        bundled = out;
        process.once('exit', () => rmSync(out, { force: true }));
      } catch {
        bundled = null;
      }
    }
  }
  return bundled ? [bundled] : ['--import', 'tsx', CHILD];
}

/** Runs crash-child.ts on a store and SIGKILLs it after `kill.ms` (from READY or from the spawn). */
export function runChild(opts: {
  workload: Workload;
  seed: number;
  store: StoreLocation;
  fixtures: string;
  kill: KillAt;
  /**
   * Cap on the child's loop (it prints DONE and exits if never killed): long enough that a kill
   * aimed after a commit still finds the loop running on a loaded machine (20 s did not, at load 30).
   */
  maxMs?: number;
}): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, childArgs(), {
      cwd: ROOT,
      env: {
        ...process.env,
        CRASH_WORKLOAD: opts.workload,
        CRASH_SEED: String(opts.seed),
        CRASH_FIXTURES: opts.fixtures,
        CRASH_MAX_MS: String(opts.maxMs ?? 45_000),
        TESTIGO_DATA: opts.store.dataDir,
        TESTIGO_DATABASE_URL: opts.store.databaseUrl ?? '',
        TESTIGO_PASSPHRASE: TEST_PASSPHRASE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const spawned = Date.now();
    let readyMs: number | null = null;
    let begun: string | undefined;
    const arm = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), opts.kill.ms);
    };
    // Never hang a test run on a stuck child.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    if (opts.kill.from === 'spawn') arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      const parts = (partial + d).split('\n');
      partial = parts.pop()!;
      for (const l of parts) {
        lines.push(l);
        if (l === 'READY') {
          readyMs = Date.now() - spawned;
          if (opts.kill.from === 'ready') arm();
        } else if (l.startsWith('BEGIN ')) {
          begun = l.split(' ')[1];
          if (opts.kill.from === 'begin' && begun === opts.workload) arm();
        } else if (begun === opts.workload && opts.kill.from === pointOf(l, opts.workload)) arm();
      }
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      if (partial) lines.push(partial);
      const committed = lines
        .filter((l) => l.startsWith('COMMITTED '))
        .map((l) => {
          const [, op, ...json] = l.split(' ');
          return { op, ...JSON.parse(json.join(' ')) } as Committed;
        });
      resolve({
        workload: opts.workload,
        seed: opts.seed,
        kill: opts.kill,
        signal,
        code,
        phase: phaseOf(lines),
        committed,
        lines,
        stderr,
        readyMs,
        exitMs: Date.now() - spawned,
      });
    });
  });
}

// ── The checks ─────────────────────────────────────────────────────────────────────────────────

export interface StoreCheck {
  /** Every violation found, each a sentence naming the record; empty when the store is sound. */
  problems: string[];
  stats: {
    lists: number;
    rows: number;
    evidence: number;
    blobs: number;
    /** Whole blob files no evidence record references (a kill between the blob write and its commit). */
    orphanBlobs: number;
    /** `.part` files in blobs/tmp (a kill during a blob write). */
    tempFiles: number;
    persons: number;
    linkRuns: number;
    auditEntries: number;
    committedChecked: number;
  };
}

const parse = (s: string | null): Record<string, unknown> => (s ? JSON.parse(s) : {});

/**
 * Checks a store after a crash (see the module comment). `linkageOwnsPersons`: every person in
 * the store was created by linkage (true for the harness's stores), so each must have records.
 */
export async function checkStore(
  store: CaseStore,
  opts: { committed?: readonly Committed[]; linkageOwnsPersons?: boolean } = {},
): Promise<StoreCheck> {
  const problems: string[] = [];
  const stats: StoreCheck['stats'] = {
    lists: 0,
    rows: 0,
    evidence: 0,
    blobs: 0,
    orphanBlobs: 0,
    tempFiles: 0,
    persons: 0,
    linkRuns: 0,
    auditEntries: 0,
    committedChecked: 0,
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await store.sqlHandle.get<{ n: number | string }>(sql, params))?.n ?? 0);

  if (store.dialect === 'sqlite') {
    try {
      await (store.db as SqliteDatabase).integrityCheck();
    } catch (err) {
      problems.push(`PRAGMA integrity_check failed: ${(err as Error).message}`);
    }
    const fk = await store.sqlHandle.all<Record<string, unknown>>('PRAGMA foreign_key_check');
    if (fk.length) problems.push(`PRAGMA foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
  }

  const audit = await store.verifyAudit();
  if (!audit.ok) problems.push(`audit chain: ${audit.problem?.message}`);
  const entries: AuditEntry[] = [];
  for (let after = 0; ; ) {
    const page = await store.auditEntries({ afterSeq: after, limit: 10_000 });
    if (page.length === 0) break;
    entries.push(...page);
    after = page.at(-1)!.seq;
  }
  stats.auditEntries = entries.length;
  const auditOf = (action: string, entityId: string) =>
    entries.filter((e) => e.action === action && e.entityId === entityId);

  const cases = await store.listCases();
  for (const c of cases) {
    // Lists: all rows or none, matching the import's audit entry (count and digest).
    const lists = await store.list('sourceList', c.id, { includeDeleted: true, limit: 100_000 });
    stats.lists += lists.length;
    for (const l of lists) {
      const n = await store.countSourceRecords(c.id, l.id);
      stats.rows += n;
      const imports = auditOf('import', l.id);
      if (imports.length !== 1) {
        problems.push(`list ${l.id}: ${imports.length} import audit entries, expected 1`);
        continue;
      }
      const after = parse(imports[0]!.after);
      if (n !== l.body.rowCount || n !== after.rows)
        problems.push(
          `list ${l.id} is partial: ${n} rows stored, ${l.body.rowCount} in the list record, ${String(after.rows)} in its audit entry`,
        );
      const digest = createHash('sha256');
      for (let afterRow = 0; ; ) {
        const page = await store.sourceRecords(l.id, { afterRow, limit: 5000 });
        if (page.length === 0) break;
        for (const r of page)
          digest.update(
            `${r.rowNo}\t${r.recordId}\t${JSON.stringify(l.body.columns.map((col) => r.data[col] ?? ''))}\n`,
          );
        afterRow = page.at(-1)!.rowNo;
      }
      if (digest.digest('hex') !== after.rowsSha256)
        problems.push(`list ${l.id}: its rows do not match the SHA-256 recorded by its import`);
    }
    for (const e of entries.filter((x) => x.action === 'import' && x.caseId === c.id))
      if (!lists.some((l) => l.id === e.entityId))
        problems.push(`audit entry ${e.seq} records import ${e.entityId}, which is not in the store`);

    // Evidence: every record's blob is there, whole, and the one the record names.
    const evidence = await store.list('evidence', c.id, { includeDeleted: true, limit: 100_000 });
    stats.evidence += evidence.length;
    for (const ev of evidence) {
      let size = 0;
      try {
        for await (const p of store.blobs.stream(ev.body.sha256)) size += p.length;
        if (size !== ev.body.size)
          problems.push(`evidence ${ev.id}: blob holds ${size} bytes, record says ${ev.body.size}`);
      } catch (err) {
        problems.push(`evidence ${ev.id}: ${(err as Error).message}`);
      }
      const custody = await store.custody(ev.id);
      if (!custody.some((x) => x.action === 'collected' && x.sha256 === ev.body.sha256))
        problems.push(`evidence ${ev.id} has no "collected" custody entry`);
      if (auditOf('create', ev.id).length !== 1)
        problems.push(
          `evidence ${ev.id}: ${auditOf('create', ev.id).length} create audit entries, expected 1`,
        );
    }
    for (const e of entries.filter(
      (x) => x.entity === 'evidence' && x.action === 'create' && x.caseId === c.id,
    ))
      if (!evidence.some((ev) => ev.id === e.entityId))
        problems.push(`audit entry ${e.seq} records evidence ${e.entityId}, which is not in the store`);

    // Linkage: persons, assignments, `link` entries and saved analyses agree.
    const persons = await count('SELECT count(*) AS n FROM person WHERE case_id = ?', [c.id]);
    stats.persons += persons;
    const dangling = await count(
      'SELECT count(*) AS n FROM source_record r WHERE r.case_id = ? AND r.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = r.person_id)',
      [c.id],
    );
    if (dangling) problems.push(`${dangling} list records are assigned to persons that do not exist`);
    const assigned = await count(
      'SELECT count(*) AS n FROM source_record WHERE case_id = ? AND person_id IS NOT NULL',
      [c.id],
    );
    const links = entries.filter(
      (e) => e.action === 'link' && e.caseId === c.id && parse(e.after).method === 'record linkage',
    );
    const linkedRecords = links.reduce((s, e) => s + Number(parse(e.after).records), 0);
    const linkedPersons = links.reduce((s, e) => s + Number(parse(e.after).personsCreated), 0);
    const personCreates = entries.filter(
      (e) => e.action === 'create' && e.entity === 'persons' && e.caseId === c.id,
    ).length;
    if (assigned !== linkedRecords)
      problems.push(
        `${assigned} list records are assigned to persons, the link audit entries account for ${linkedRecords}`,
      );
    if (opts.linkageOwnsPersons) {
      if (persons !== linkedPersons || persons !== personCreates)
        problems.push(
          `${persons} persons, ${personCreates} person create entries, ${linkedPersons} created according to the link entries`,
        );
      const empty = await count(
        'SELECT count(*) AS n FROM person p WHERE p.case_id = ? AND NOT EXISTS (SELECT 1 FROM source_record r WHERE r.person_id = p.id)',
        [c.id],
      );
      if (empty) problems.push(`${empty} persons created by linkage have no list record (half-applied run)`);
    }
    const analyses = await store.analyses(c.id, 'linkage');
    stats.linkRuns += analyses.length;
    const analysisEntries = entries.filter(
      (e) => e.action === 'analysis' && e.caseId === c.id && parse(e.after).kind === 'linkage',
    );
    if (analyses.length !== analysisEntries.length)
      problems.push(`${analyses.length} linkage analyses saved, ${analysisEntries.length} audited`);
    for (const a of analyses)
      if (!analysisEntries.some((e) => e.entityId === a.id))
        problems.push(`linkage analysis ${a.id} has no audit entry`);
    // A run's entries are consecutive: its person creates, its `link` entry, its analysis entry.
    for (const e of links) {
      const next = entries.find((x) => x.seq === e.seq + 1);
      if (next?.action !== 'analysis')
        problems.push(`link entry ${e.seq} is not followed by its analysis entry`);
      const k = Number(parse(e.after).personsCreated);
      for (let i = 1; i <= k; i++) {
        const prev = entries.find((x) => x.seq === e.seq - i);
        if (prev?.action !== 'create' || prev.entity !== 'persons') {
          problems.push(`link entry ${e.seq} claims ${k} persons created, entry ${e.seq - i} is not one`);
          break;
        }
      }
    }
  }

  // Blob files: every one under its final name is whole; orphans and temp files are counted.
  const referenced = new Set<string>();
  for (const c of cases)
    for (const ev of await store.list('evidence', c.id, { includeDeleted: true, limit: 100_000 }))
      referenced.add(ev.body.sha256);
  const dir = (store.blobs as BlobStore).dir;
  if (existsSync(dir)) {
    for (const sub of readdirSync(dir)) {
      if (sub === 'tmp') {
        stats.tempFiles += readdirSync(join(dir, sub)).length;
        continue;
      }
      for (const f of readdirSync(join(dir, sub))) {
        const sha = f.replace(/\.blob$/, '');
        stats.blobs++;
        if (referenced.has(sha)) continue;
        stats.orphanBlobs++;
        try {
          await store.blobs.verify(sha);
        } catch (err) {
          problems.push(`unreferenced blob file ${f} is not whole: ${(err as Error).message}`);
        }
      }
    }
  }

  // What the child saw committed must be there.
  for (const c of opts.committed ?? []) {
    stats.committedChecked++;
    if (c.op === 'import') {
      const l = await store.get('sourceList', c.listId);
      const n = l ? await store.countSourceRecords(l.caseId, l.id) : -1;
      const after = parse(
        entries.find((e) => e.action === 'import' && e.entityId === c.listId)?.after ?? null,
      );
      if (!l || n !== c.rows || after.rowsSha256 !== c.rowsSha256)
        problems.push(
          `committed import ${c.listId} (${c.rows} rows) is missing or differs (${n} rows found)`,
        );
    } else if (c.op === 'link') {
      const found = cases.length
        ? (await Promise.all(cases.map((x) => store.analyses(x.id, 'linkage')))).flat()
        : [];
      if (!found.some((a) => a.id === c.analysisId))
        problems.push(`committed linkage run ${c.analysisId} is missing`);
    } else {
      const ev = await store.get('evidence', c.id);
      if (!ev || ev.body.sha256 !== c.sha256 || ev.body.size !== c.size)
        problems.push(
          `committed evidence ${c.id} (${c.sha256.slice(0, 12)}…, ${c.size} B) is missing or differs`,
        );
    }
  }
  return { problems, stats };
}

// ── Iterations ─────────────────────────────────────────────────────────────────────────────────

export interface IterationResult {
  run: ChildRun;
  check: StoreCheck;
  /** The whole iteration (copy, child, check, clean-up) and the check alone. */
  ms: number;
  checkMs: number;
}

/**
 * Where each workload's kills aim, taken in turn (iteration i aims at point i mod n), each after a
 * seeded random delay of up to `ms`: from the spawn (start-up and opening the store), from READY
 * (anywhere in the first operations; long enough that most runs commit something first), and from
 * each point inside the operation, so every phase of it is hit in every run instead of by luck
 * (of 102 purely random kills in one run, 19 of the import's 34 landed in its transaction, 1 of 34
 * while its rows streamed, and 2 of 34 after an import had committed).
 */
export const KILL_POINTS: Record<Workload, readonly KillAt[]> = {
  import: [
    { from: 'spawn', ms: 1500 },
    { from: 'ready', ms: 900 },
    { from: 'begin', ms: 60 },
    { from: 'tx', ms: 150 },
    { from: 'rows', ms: 200 },
    { from: 'commit', ms: 300 },
  ],
  link: [
    { from: 'spawn', ms: 1500 },
    { from: 'ready', ms: 1200 },
    { from: 'begin', ms: 60 },
    { from: 'tx', ms: 120 },
    { from: 'commit', ms: 300 },
  ],
  evidence: [
    { from: 'spawn', ms: 1500 },
    { from: 'ready', ms: 700 },
    { from: 'begin', ms: 40 },
    { from: 'sent', ms: 40 },
    { from: 'tx', ms: 40 },
    { from: 'commit', ms: 100 },
  ],
};

/**
 * One iteration: copy the template, run the child, kill it at its point (KILL_POINTS[workload][i mod
 * n]) after a seeded random delay, check the store, clean up.
 */
export async function crashIteration(opts: {
  template: StoreLocation;
  workload: Workload;
  fixtures: string;
  seed: number;
  /** Which of the workload's kill points to aim at (taken modulo their number). */
  point: number;
}): Promise<IterationResult> {
  const t0 = Date.now();
  const rng = new Rng(opts.seed);
  const points = KILL_POINTS[opts.workload];
  const aim = points[opts.point % points.length]!;
  const kill: KillAt = { from: aim.from, ms: rng.int(aim.ms) };
  const loc = await cloneStore(opts.template);
  try {
    const run = await runChild({
      workload: opts.workload,
      seed: rng.u32(),
      store: loc,
      fixtures: opts.fixtures,
      kill,
    });
    const t1 = Date.now();
    const store = await openAt(loc);
    try {
      const check = await checkStore(store, {
        committed: run.committed,
        linkageOwnsPersons: opts.workload === 'link',
      });
      // Temp files of killed writes are swept (all of them, whatever their age) and nothing else.
      const swept = await store.blobs.sweepTemp({ olderThanMs: 0 });
      if (swept !== check.stats.tempFiles)
        check.problems.push(
          `sweepTemp removed ${swept} temporary files, ${check.stats.tempFiles} were there`,
        );
      if (run.signal !== 'SIGKILL' && run.code !== 0)
        check.problems.push(`the child failed on its own (exit ${run.code}): ${run.stderr.slice(0, 2000)}`);
      return { run, check, ms: Date.now() - t0, checkMs: Date.now() - t1 };
    } finally {
      await store.close();
    }
  } finally {
    await disposeStore(loc);
  }
}

/** Runs `fn` over `items` with at most `concurrency` at a time, keeping the input order. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (x: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

/** A per-iteration seed derived from the run's seed (splitmix-style), stable across machines. */
export function iterationSeed(base: number, workload: Workload, i: number): number {
  return new Rng(
    (base ^ Math.imul(WORKLOADS.indexOf(workload) + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0,
  ).u32();
}
