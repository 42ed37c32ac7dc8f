/**
 * Crash safety beyond one import: children running imports, `link --case` merges and evidence
 * uploads are SIGKILLed at seeded random moments (crash-harness.ts), and after every kill the
 * store must pass every check: integrity, audit chain, blob hashes, no partial list, no
 * half-applied linkage run, and everything the child saw committed still there.
 *
 * Each workload's kills aim at its points in turn (KILL_POINTS: from the spawn, from READY, and
 * from each point inside the operation — its start, its transaction, rows streaming, the upload
 * handed over, the commit), each after a seeded random delay, so every phase is hit in every run.
 *
 * CI profile: 45 kills on SQLite (15 per workload: each of its five or six points two or three
 * times) and 15 on PostgreSQL, two at a time. Until stop 47 it was 102 purely random kills on
 * SQLite, most landing in the same few phases (import: 19 of 34 in its transaction, 1 while rows
 * streamed, 2 after a commit); now each phase inside an operation must be hit, and each workload
 * must have a commit to verify after its kill (asserted below).
 * TESTIGO_CRASH_ITERATIONS=N raises the SQLite total (PostgreSQL gets N/7, at least 15);
 * TESTIGO_CRASH_SEED=S replays a run (the seed is printed as a test diagnostic).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  buildTemplate,
  crashIteration,
  disposeStore,
  type Engine,
  type IterationResult,
  iterationSeed,
  pool,
  type StoreLocation,
  WORKLOADS,
  type Workload,
  writeFixtures,
} from '../test-support/crash-harness.js';
import { tempDir } from '../test-support/stores.js';
import type { BlobStore } from './blobs.js';

const TOTAL = Number(process.env.TESTIGO_CRASH_ITERATIONS ?? 45);
const PER_ENGINE: Record<Engine, number> = {
  sqlite: Math.max(3, Math.ceil(TOTAL / 3)),
  postgres: Math.max(5, Math.ceil(TOTAL / 7 / 3)),
};
const SEED = Number(process.env.TESTIGO_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Phases that count as "killed in the middle of the work" per workload (see phaseOf). */
const MID_OPERATION: Record<Workload, RegExp> = {
  import: /^import:(start|tx|rows)$/,
  link: /^link:(start|tx)$/,
  evidence: /^evidence:(start|sent|tx)$/,
};

/** The phases inside each workload's operation that a run of at least 12 kills must each have hit. */
const MUST_HIT: Record<Workload, readonly string[]> = {
  import: ['import:start', 'import:tx', 'import:rows'],
  link: ['link:start', 'link:tx'],
  evidence: ['evidence:start', 'evidence:sent', 'evidence:tx'],
};

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`SIGKILL during imports, linkage merges and evidence uploads (${engine})`, () => {
    let fixtures: string;
    const templates = new Map<Workload, StoreLocation>();
    before(async () => {
      fixtures = writeFixtures(tempDir('testigo-crash-fixtures-'), SEED % 1000);
      for (const w of WORKLOADS) templates.set(w, await buildTemplate(engine, w, fixtures));
    });
    after(async () => {
      for (const t of templates.values()) await disposeStore(t);
      if (fixtures) rmSync(fixtures, { recursive: true, force: true });
    });

    it(`${PER_ENGINE[engine] * WORKLOADS.length} kills leave a consistent store that kept every commit`, {
      timeout: 900_000,
    }, async (t) => {
      t.diagnostic(`seed ${SEED} (replay with TESTIGO_CRASH_SEED=${SEED})`);
      const jobs = WORKLOADS.flatMap((workload) =>
        Array.from({ length: PER_ENGINE[engine] }, (_, i) => ({ workload, i })),
      );
      const t0 = Date.now();
      const results: (IterationResult & { workload: Workload; i: number })[] = await pool(
        jobs,
        2,
        async (j) => ({
          ...(await crashIteration({
            template: templates.get(j.workload)!,
            workload: j.workload,
            fixtures,
            seed: iterationSeed(SEED, j.workload, j.i),
            point: j.i,
          })),
          ...j,
        }),
      );
      const wall = Date.now() - t0;

      const failures = results.filter((r) => r.check.problems.length > 0);
      assert.deepEqual(
        failures.map((r) => ({
          workload: r.workload,
          iteration: r.i,
          seed: r.run.seed,
          kill: r.run.kill,
          phase: r.run.phase,
          problems: r.check.problems,
        })),
        [],
        `seed ${SEED}: stores left inconsistent after a kill`,
      );

      let totalCommitted = 0;
      for (const w of WORKLOADS) {
        const mine = results.filter((r) => r.workload === w);
        const phases = new Map<string, number>();
        for (const r of mine) phases.set(r.run.phase, (phases.get(r.run.phase) ?? 0) + 1);
        const killed = mine.filter((r) => r.run.signal === 'SIGKILL').length;
        const committed = mine.reduce((s, r) => s + r.run.committed.length, 0);
        const orphans = mine.reduce((s, r) => s + r.check.stats.orphanBlobs, 0);
        const temps = mine.reduce((s, r) => s + r.check.stats.tempFiles, 0);
        t.diagnostic(
          `${w}: ${mine.length} runs, ${killed} killed, ${committed} commits verified after the kill, ` +
            `orphan blobs ${orphans}, temp files ${temps}; phases at the kill: ${JSON.stringify(Object.fromEntries(phases))}`,
        );
        // Every run must actually have been killed, and the kills must land inside the work.
        assert.equal(killed, mine.length, `${w}: some children ended before the kill`);
        const mid = mine.filter((r) => MID_OPERATION[w].test(r.run.phase)).length;
        assert.ok(mid >= Math.min(2, mine.length / 3), `${w}: only ${mid} kills landed inside an operation`);
        // Every phase inside the operation is aimed at (the linkage write is short): each must be hit.
        if (mine.length >= 12) {
          for (const p of MUST_HIT[w]) assert.ok((phases.get(p) ?? 0) >= 1, `${w}: no kill landed in ${p}`);
          assert.ok(committed >= 1, `${w}: no commit to verify after a kill`);
        }
        totalCommitted += committed;
      }
      assert.ok(totalCommitted >= 1, 'no run committed anything before its kill');
      const mean = (f: (r: IterationResult) => number) =>
        (results.reduce((s, r) => s + f(r), 0) / results.length).toFixed(0);
      t.diagnostic(
        `${results.length} kills in ${(wall / 1000).toFixed(1)} s, 2 at a time; mean per iteration ${mean((r) => r.ms)} ms ` +
          `(child start-up to READY ${mean((r) => r.run.readyMs ?? 0)} ms, child life ${mean((r) => r.run.exitMs)} ms, checks ${mean((r) => r.checkMs)} ms)`,
      );
    });
  });
}

// The harness itself must be able to fail: a store with a partial list, a lost blob or a missing
// commit is reported, not waved through.
describe('the crash checks detect damage', () => {
  it('names a partial list, a missing blob, a half-applied link run and a lost commit', async () => {
    const { checkStore, openAt } = await import('../test-support/crash-harness.js');
    const fixtures = writeFixtures(tempDir('testigo-crash-fixtures-'), 7);
    const linkTpl = await buildTemplate('sqlite', 'link', fixtures);
    const evTpl = await buildTemplate('sqlite', 'evidence', fixtures);
    try {
      let store = await openAt(linkTpl);
      try {
        const clean = await checkStore(store, { linkageOwnsPersons: true });
        assert.deepEqual(clean.problems, []);
        assert.ok(clean.stats.rows > 0 && clean.stats.persons > 0 && clean.stats.linkRuns === 1);
        // A partial list: one row gone behind the store's back.
        await store.sqlHandle.run(
          'DELETE FROM source_record WHERE row_no = (SELECT max(row_no) FROM source_record)',
        );
        // A half-applied run: a person created by linkage with no records.
        await store.sqlHandle.run(
          'UPDATE source_record SET person_id = NULL WHERE person_id = (SELECT min(person_id) FROM source_record)',
        );
        const bad = await checkStore(store, {
          linkageOwnsPersons: true,
          committed: [{ op: 'link', analysisId: 'ana_missing', personsCreated: 0, assignments: 0 }],
        });
        const text = bad.problems.join('\n');
        assert.match(text, /is partial/);
        assert.match(text, /do not match the SHA-256/);
        assert.match(text, /link audit entries account for/);
        assert.match(text, /have no list record/);
        assert.match(text, /committed linkage run ana_missing is missing/);
      } finally {
        await store.close();
      }
      store = await openAt(evTpl);
      try {
        const caseId = await store.resolveCaseId();
        const [ev] = await store.list('evidence', caseId, { sort: 'created', desc: true, limit: 1 });
        rmSync((store.blobs as BlobStore).pathFor(ev!.body.sha256));
        const bad = await checkStore(store, {
          committed: [{ op: 'evidence', id: 'evi_missing', sha256: '0'.repeat(64), size: 1 }],
        });
        const text = bad.problems.join('\n');
        assert.match(text, new RegExp(`evidence ${ev!.id}: .*missing from the blob store`));
        assert.match(text, /committed evidence evi_missing/);
      } finally {
        await store.close();
      }
    } finally {
      await disposeStore(linkTpl);
      await disposeStore(evTpl);
      rmSync(join(fixtures), { recursive: true, force: true });
    }
  });
});
