/**
 * Signed audit checkpoints on both engines, against an attacker who holds the database and
 * recomputes every chain hash: history rewritten, tail truncated, rollback, forged checkpoint,
 * checkpoint of another store. Each must be detected; honest growth must pass.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { entryHash, GENESIS_HASH } from './audit.js';
import { checkpointSignatureValid, createCheckpoint, verifyCheckpoint } from './audit-checkpoint.js';
import type { CaseStore } from './case-store.js';

/** Re-hashes the whole chain after an edit, as someone with write access to the database could. */
async function rechain(store: CaseStore): Promise<void> {
  const entries = await store.auditEntries({ limit: 1_000_000 });
  let prev = GENESIS_HASH;
  for (const e of entries) {
    const { hash: _old, ...rest } = { ...e, prevHash: prev };
    const hash = entryHash(rest);
    await store.sqlHandle.run('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?', [
      prev,
      hash,
      e.seq,
    ]);
    prev = hash;
  }
  const last = entries[entries.length - 1]!;
  await store.sqlHandle.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [last.seq, prev]);
}

for (const backend of BACKENDS) {
  describe(`audit checkpoints (${backend.name})`, () => {
    let t: TestStore;
    let other: TestStore;
    let caseId: string;
    before(async () => {
      t = await backend.open();
      other = await backend.open();
      caseId = (await t.store.createCase({ title: 'Checkpoints' }, 'test')).id;
      for (let i = 0; i < 5; i++)
        await t.store.create(
          'person',
          caseId,
          { givenNames: `Persona ${i}`, firstSurname: 'Prueba' },
          'test',
        );
    });
    after(async () => {
      await t?.dispose();
      await other?.dispose();
    });

    let tamperCases = 0;

    it('an honest log that grew passes; the checkpoint signature checks offline', async () => {
      const cp = await createCheckpoint(t.store);
      assert.ok(cp.treeSize >= 6);
      assert.ok(checkpointSignatureValid(cp));
      await t.store.create('person', caseId, { givenNames: 'Nueva' }, 'test');
      const v = await verifyCheckpoint(t.store, cp);
      assert.deepEqual(v.problems, []);
      assert.equal(v.entries, cp.treeSize + 1);
    });

    it('detects rewritten history even when every chain hash was recomputed', async () => {
      const cp = await createCheckpoint(t.store);
      await t.store.sqlHandle.run("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2");
      await rechain(t.store);
      assert.ok((await t.store.verifyAudit()).ok, 'the chain alone no longer shows it');
      const v = await verifyCheckpoint(t.store, cp);
      assert.equal(v.ok, false);
      assert.match(v.problems.join('\n'), /earlier history was rewritten/);
      tamperCases++;
    });

    it('detects a truncated tail with a fixed-up head, and a rollback', async () => {
      const cp = await createCheckpoint(t.store);
      const n = cp.treeSize;
      await t.store.sqlHandle.run('DELETE FROM audit_log WHERE seq > ?', [n - 2]);
      await rechain(t.store);
      assert.ok((await t.store.verifyAudit()).ok);
      const v = await verifyCheckpoint(t.store, cp);
      assert.equal(v.ok, false);
      assert.match(
        v.problems.join('\n'),
        new RegExp(`the log has ${n - 2} entries, fewer than the ${n}.*truncated or rolled back`),
      );
      tamperCases++;
    });

    it('rejects a forged or edited checkpoint and one signed by another store', async () => {
      const cp = await createCheckpoint(t.store);
      const edited = { ...cp, treeSize: cp.treeSize - 1 };
      assert.ok(!checkpointSignatureValid(edited));
      assert.match((await verifyCheckpoint(t.store, edited)).problems.join('\n'), /signature is invalid/);
      tamperCases++;
      const foreign = await createCheckpoint(other.store);
      assert.match(
        (await verifyCheckpoint(t.store, foreign)).problems.join('\n'),
        /not signed by this store's key/,
      );
      tamperCases++;
      assert.equal(tamperCases, 4);
    });
  });
}
