/**
 * The child process of the crash harness (crash-harness.ts): opens a store and runs one workload
 * in a loop until the parent SIGKILLs it. It reports on stdout, one line per event, written with
 * a synchronous write so a line is in the pipe before the next step starts:
 *
 *   READY                          the store is open, the workload starts
 *   BEGIN <op> <n>                 operation n starts (op: import, link, evidence)
 *   STAGE <name> <detail>          a point inside the operation (rows streamed, bytes handed over)
 *   COMMITTED <op> <json>          operation n has committed: the parent must find it after the kill
 *   DONE                           the loop ended without being killed (cap reached)
 *
 * Environment: CRASH_WORKLOAD (import | link | evidence), CRASH_SEED, CRASH_FIXTURES (directory of
 * CSV files written by the harness), CRASH_MAX_MS (cap on the loop), TESTIGO_DATA,
 * TESTIGO_DATABASE_URL, TESTIGO_PASSPHRASE.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { importTabular } from '../ingest/import-tabular.js';
import { MappingSpec } from '../ingest/mapping.js';
import { Rng } from '../linkage/random.js';
import { linkCaseFile } from '../store/case-linkage.js';
import type { CaseStore } from '../store/case-store.js';
import { openStore } from '../store/open.js';

export const CRASH_ACTOR = 'user:crash-child';

const emit = (line: string) => {
  writeSync(1, `${line}\n`);
};

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`crash-child: ${name} is not set`);
  return v;
};

async function importList(store: CaseStore, caseId: string, file: string, name: string) {
  const spec = MappingSpec.parse({
    kind: 'source-records',
    columns: { record_id: 'recordId' },
    list: { name },
  });
  const report = await importTabular(store, caseId, file, spec, CRASH_ACTOR, {
    onProgress: (n) => emit(`STAGE rows ${n}`),
  });
  emit(
    `COMMITTED import ${JSON.stringify({ listId: report.listId, rows: report.rows, rowsSha256: report.rowsSha256 })}`,
  );
}

/** Imports of lists of varied size, one after another. */
async function importWorkload(store: CaseStore, caseId: string, rng: Rng, fixtures: string, until: number) {
  const files = readdirSync(fixtures)
    .filter((f) => f.startsWith('import-'))
    .sort();
  for (let n = 0; Date.now() < until; n++) {
    const file = files[rng.int(files.length)]!;
    emit(`BEGIN import ${n} ${file}`);
    await importList(store, caseId, join(fixtures, file), `crash list ${n}`);
  }
}

/** A new list, then an incremental `link --case` run that merges its records into persons; again. */
async function linkWorkload(store: CaseStore, caseId: string, rng: Rng, fixtures: string, until: number) {
  const files = readdirSync(fixtures)
    .filter((f) => f.startsWith('link-'))
    .sort();
  for (let n = 0; Date.now() < until; n++) {
    // Past the last file the lists come round again: their records then merge into the persons
    // the first round created.
    const next = await store.count('sourceList', caseId);
    const file = files[next % files.length]!;
    emit(`BEGIN import ${n} ${file}`);
    await importList(store, caseId, join(fixtures, file), `crash link list ${next}`);
    emit(`BEGIN link ${n}`);
    const r = await linkCaseFile(store, caseId, CRASH_ACTOR, { seed: rng.int(1000) });
    emit(
      `COMMITTED link ${JSON.stringify({ analysisId: r.analysisId, personsCreated: r.personsCreated, assignments: r.assignments })}`,
    );
  }
}

/** Evidence uploads of random sizes, streamed in pieces like an HTTP upload; some repeat earlier bytes. */
async function evidenceWorkload(store: CaseStore, caseId: string, rng: Rng, until: number) {
  const earlier: Buffer[] = [];
  for (let n = 0; Date.now() < until; n++) {
    const roll = rng.float();
    const size =
      roll < 0.4 ? rng.int(64 * 1024) : roll < 0.8 ? rng.int(1 << 20) : (1 << 20) + rng.int(5 << 20);
    const repeat = earlier.length > 0 && rng.float() < 0.1;
    const bytes = repeat ? earlier[rng.int(earlier.length)]! : randomBytes(size);
    if (!repeat && bytes.length <= 256 * 1024) earlier.push(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    emit(`BEGIN evidence ${n} ${bytes.length}${repeat ? ' repeat' : ''}`);
    async function* pieces() {
      for (let o = 0; o < bytes.length; ) {
        const len = Math.min(bytes.length - o, 1 + rng.int(256 * 1024));
        yield bytes.subarray(o, o + len);
        o += len;
        await new Promise((r) => setImmediate(r));
      }
      emit('STAGE sent');
    }
    const rec = await store.addEvidence(
      caseId,
      pieces(),
      {
        title: `crash evidence ${n}`,
        kind: 'document',
        mediaType: 'application/octet-stream',
        fileName: `crash-${n}.bin`,
        acquisition: { by: 'crash harness', at: new Date().toISOString(), method: 'generated' },
        consent: 'internal',
        protection: 'restricted',
        graphic: false,
        supports: { eventIds: [], actIds: [], personIds: [] },
      },
      CRASH_ACTOR,
    );
    emit(`COMMITTED evidence ${JSON.stringify({ id: rec.id, sha256, size: bytes.length })}`);
  }
}

async function main() {
  const workload = env('CRASH_WORKLOAD');
  const rng = new Rng(Number(env('CRASH_SEED')));
  const until = Date.now() + Number(process.env.CRASH_MAX_MS ?? 30_000);
  const store = await openStore({
    dataDir: env('TESTIGO_DATA'),
    databaseUrl: process.env.TESTIGO_DATABASE_URL || undefined,
    key: { kind: 'passphrase', passphrase: env('TESTIGO_PASSPHRASE') },
  });
  const caseId = await store.resolveCaseId();
  // Mark where each operation's transaction begins (linkage, evidence and imports all open one
  // top-level transaction), so the parent can tell a kill inside it from one before it.
  const transaction = store.transaction.bind(store);
  store.transaction = (fn) => {
    emit('STAGE tx');
    return transaction(fn);
  };
  emit('READY');
  if (workload === 'import') await importWorkload(store, caseId, rng, env('CRASH_FIXTURES'), until);
  else if (workload === 'link') await linkWorkload(store, caseId, rng, env('CRASH_FIXTURES'), until);
  else if (workload === 'evidence') await evidenceWorkload(store, caseId, rng, until);
  else throw new Error(`crash-child: unknown workload ${workload}`);
  await store.close();
  emit('DONE');
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
