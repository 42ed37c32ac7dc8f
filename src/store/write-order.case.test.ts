/**
 * The audit entries of a write are its transaction's last statements, on both engines: on
 * PostgreSQL an entry holds the audit head's row lock until COMMIT, so a statement after it keeps
 * every other writer waiting (bench/load/README.md, "the audit head"). Recorded here statement by
 * statement for the write paths of the mixed load; and concurrent writers on PostgreSQL leave one
 * unbroken chain whose times follow its order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import type { CaseStore } from './case-store.js';
import type { Sql } from './sql.js';

const ACTOR = 'user:test';
const isAudit = (sql: string) => /\baudit_(head|log)\b/.test(sql);

/** Records every statement of every transaction the store runs, one list per transaction. */
function recordTransactions(store: CaseStore): { transactions: string[][]; stop(): void } {
  const transactions: string[][] = [];
  const db = store.db;
  const original = db.transaction;
  db.transaction = <T>(fn: (tx: Sql) => Promise<T>) =>
    original.call(db, (tx: Sql) => {
      const seen: string[] = [];
      transactions.push(seen);
      const rec = <R>(sql: string, run: () => Promise<R>): Promise<R> => {
        seen.push(sql.replace(/\s+/g, ' ').trim());
        return run();
      };
      const recording: Sql = {
        dialect: tx.dialect,
        all: (sql, params) => rec(sql, () => tx.all(sql, params)),
        get: (sql, params) => rec(sql, () => tx.get(sql, params)),
        run: (sql, params) => rec(sql, () => tx.run(sql, params)),
        insertMany: (table, columns, rows) =>
          rec(`INSERT INTO ${table}`, () => tx.insertMany(table, columns, rows)),
      };
      const send = tx.sendWithCommit?.bind(tx);
      if (send)
        recording.sendWithCommit = (sql, params) => {
          seen.push(`(with COMMIT) ${sql.replace(/\s+/g, ' ').trim()}`);
          send(sql, params);
        };
      return fn(recording) as Promise<T>;
    }) as Promise<T>;
  return {
    transactions,
    stop: () => {
      db.transaction = original;
    },
  };
}

/** Statements of a transaction after its first audit statement that are not audit statements. */
function afterAudit(statements: readonly string[]): string[] {
  const first = statements.findIndex(isAudit);
  assert.ok(first >= 0, `a write transaction without an audit entry:\n${statements.join('\n')}`);
  return statements.slice(first).filter((s) => !isAudit(s));
}

for (const backend of BACKENDS) {
  describe(`write order: ${backend.name}`, () => {
    let t: TestStore;
    let store: CaseStore;
    before(async () => {
      t = await backend.open();
      store = t.store;
    });
    after(async () => {
      await t?.dispose();
    });

    it('appends the audit entries after every other statement of each write', async () => {
      const c = await store.createCase({ title: 'Orden', country: 'VE' }, ACTOR);
      const { transactions, stop } = recordTransactions(store);
      try {
        const p = await store.create(
          'person',
          c.id,
          { givenNames: 'Ana', firstSurname: 'Prueba', protection: 'protected' },
          ACTOR,
        );
        const e = await store.create(
          'event',
          c.id,
          { title: 'Detención', date: { precision: 'day', value: '2017-05-03' } },
          ACTOR,
        );
        await store.create('act', c.id, { eventId: e.id, victimId: p.id, type: 'torture' }, ACTOR);
        await store.update(
          'person',
          p.id,
          { givenNames: 'Ana María', firstSurname: 'Prueba', protection: 'protected' },
          ACTOR,
        );
        const gone = await store.create('place', c.id, { name: 'Sede', kind: 'city' }, ACTOR);
        await store.remove('place', gone.id, ACTOR, 'duplicado');
        await store.restore('place', gone.id, ACTOR);
        // An upload: the record, its "collected" and "received" custody entries, three entries.
        const ev = await store.addEvidence(
          c.id,
          Buffer.from('acta'),
          {
            title: 'Acta',
            kind: 'document',
            mediaType: 'text/plain',
            acquisition: { by: 'ONG', at: '2020-01-01T00:00:00Z', method: 'entregada' },
            protection: 'restricted',
          } as never,
          ACTOR,
        );
        await store.addCustody(
          ev.id,
          { action: 'transferred', at: new Date().toISOString(), actor: ACTOR },
          ACTOR,
        );
        await store.audit({ actor: ACTOR, action: 'view', entity: 'protected-records', caseId: c.id });
      } finally {
        stop();
      }
      assert.ok(transactions.length >= 10, `${transactions.length} transactions recorded`);
      for (const statements of transactions)
        assert.deepEqual(afterAudit(statements), [], statements.join('\n'));
      // The upload's three entries, in the order they were audited.
      const upload = transactions.find((s) => s.some((x) => /INSERT INTO evidence\b/.test(x)))!;
      if (backend.name === 'postgres') {
        // One statement per entry, each sent with the COMMIT (the head's lock released in one round trip).
        const entries = upload.filter((s) => /INSERT INTO audit_log/.test(s));
        assert.equal(entries.length, 3);
        for (const e of entries) assert.match(e, /^\(with COMMIT\) /);
      }
      const log = await store.auditEntries({ caseId: c.id });
      assert.deepEqual(
        log.slice(-5).map((x) => x.action),
        ['create', 'custody:collected', 'custody:received', 'custody:transferred', 'view'],
      );
      assert.equal((await store.verifyAudit()).ok, true);
    });

    it('the rule catches a statement after the audit entry (the order of the write path before)', () => {
      const before = [
        'INSERT INTO person (id) VALUES (?) RETURNING *',
        'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
        'INSERT INTO audit_log (seq) VALUES (?)',
        'INSERT INTO search_doc (record_id) VALUES (?)',
      ];
      assert.deepEqual(afterAudit(before), ['INSERT INTO search_doc (record_id) VALUES (?)']);
    });

    it('concurrent writers leave one unbroken chain, its times in its order', async () => {
      const c = await store.createCase({ title: 'Concurrencia', country: 'VE' }, ACTOR);
      const head = await store.auditHead();
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          i % 3 === 2
            ? store.audit({ actor: ACTOR, action: 'view', entity: 'protected-records', caseId: c.id })
            : store.create('place', c.id, { name: `Sitio ${i}`, kind: 'city' }, ACTOR),
        ),
      );
      const entries = await store.auditEntries({ afterSeq: head.seq });
      assert.equal(entries.length, 24);
      assert.deepEqual(
        entries.map((e) => e.seq),
        entries.map((_, i) => head.seq + 1 + i),
      );
      for (let i = 1; i < entries.length; i++)
        assert.ok(entries[i]!.at >= entries[i - 1]!.at, 'times follow the chain');
      assert.match(entries[0]!.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const v = await store.verifyAudit();
      assert.equal(v.ok, true, v.problem?.message);
    });
  });
}
