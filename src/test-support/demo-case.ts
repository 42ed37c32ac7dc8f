/**
 * The demo case file (demo/generate.ts) in a fresh test store: imported by the actor 'test', or
 * also linked and estimated as an analyst would (what the report needs). On SQLite it is built once
 * per source tree and copied for each test file: building costs about 3 CPU s to import and 14 more
 * to link and estimate (done on a copy of the imported store), a copy a fraction of one. The copy is keyed by a hash of every source
 * file under src/ that is not a test, so a change to anything that builds it (import, linkage,
 * estimate, migrations, sealing) builds it again. On PostgreSQL it is built for each store.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateDemoCase } from '../demo/generate.js';
import { importCaseJson } from '../ingest/case-json.js';
import { estimateCaseFile } from '../services/estimate.js';
import { linkCaseFile } from '../store/case-linkage.js';
import type { CaseStore } from '../store/case-store.js';
import { type Backend, openSqliteStore, type TestStore, tempDir } from './stores.js';

export type DemoStage = 'imported' | 'estimated';

const CACHE = join(tmpdir(), 'testigo-demo-cases');
const CASE_ID_FILE = 'TEST-CASE-ID';
/** A build lock older than this was left by a killed process. */
const STALE_LOCK_MS = 10 * 60_000;

export async function openDemoCase(
  backend: Backend,
  stage: DemoStage,
): Promise<{ t: TestStore; caseId: string }> {
  if (backend.name !== 'sqlite') {
    const t = await backend.open();
    return { t, caseId: await buildDemoCase(t.store, stage) };
  }
  const prepared = await preparedCopy(stage);
  const dataDir = tempDir('testigo-demo-case-');
  cpSync(prepared, dataDir, { recursive: true });
  const t = await openSqliteStore(dataDir, false);
  return { t, caseId: readFileSync(join(dataDir, CASE_ID_FILE), 'utf8') };
}

async function buildDemoCase(store: CaseStore, stage: DemoStage): Promise<string> {
  const { caseId } = await importCaseJson(store, generateDemoCase(), 'test');
  if (stage === 'estimated') await estimateDemoCase(store, caseId);
  return caseId;
}

async function estimateDemoCase(store: CaseStore, caseId: string): Promise<void> {
  await linkCaseFile(store, caseId, 'test');
  await estimateCaseFile(store, caseId, { method: 'auto', seed: 1 }, 'test');
}

/** The prepared store's directory: built here under a lock, or by whichever test process got it first. */
async function preparedCopy(stage: DemoStage): Promise<string> {
  const dir = join(CACHE, `${stage}-${sourceHash()}`);
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (exists(dir)) return touched(dir);
    try {
      mkdirSync(lock);
    } catch {
      // Another process is building it: wait for the directory (renamed into place when complete).
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_LOCK_MS)
        rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (exists(dir)) return dir;
      removeOld();
      const building = `${dir}.building`;
      rmSync(building, { recursive: true, force: true });
      let caseId: string;
      if (stage === 'estimated') {
        // The imported store, linked and estimated: the import is not paid twice.
        cpSync(await preparedCopy('imported'), building, { recursive: true });
        const t = await openSqliteStore(building, false);
        caseId = readFileSync(join(building, CASE_ID_FILE), 'utf8');
        await estimateDemoCase(t.store, caseId);
        await t.store.close();
      } else {
        const t = await openSqliteStore(building, true);
        caseId = await buildDemoCase(t.store, stage);
        await t.store.close();
      }
      writeFileSync(join(building, CASE_ID_FILE), caseId);
      renameSync(building, dir);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Marks a prepared store as in use (removeOld keeps it). */
function touched(dir: string): string {
  const now = new Date();
  utimesSync(dir, now, now);
  return dir;
}

function exists(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** Prepared stores of older source trees (a day untouched), so the cache does not grow without end. */
function removeOld(): void {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < dayAgo)
      rmSync(path, { recursive: true, force: true });
  }
}

let hash: string | undefined;
/** SHA-256 over the path and content of every non-test source file under src/. */
function sourceHash(): string {
  if (hash) return hash;
  const h = createHash('sha256');
  const root = new URL('..', import.meta.url).pathname;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts'))
        h.update(`${relative(root, path)}\0`).update(readFileSync(path));
    }
  };
  walk(root);
  hash = h.digest('hex').slice(0, 16);
  return hash;
}
