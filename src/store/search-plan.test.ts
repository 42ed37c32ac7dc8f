import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';
import { budgetedSearch } from './search-plan.js';
import type { SqliteDatabase } from './sqlite/driver.js';

// 300 documents match "comun" (every third of 900); the newest match is rowid 900.
const DOCS = 900;
const matches = Array.from({ length: DOCS }, (_, i) => DOCS - i).filter((r) => r % 3 === 0);

describe('budgeted FTS5 search (SQLite)', () => {
  let t: TestStore;
  let db: SqliteDatabase;
  before(async () => {
    t = await sqliteBackend.open();
    db = t.store.db as SqliteDatabase;
    await db.transaction(async (tx) => {
      const docs: unknown[][] = [];
      const fts: unknown[][] = [];
      for (let i = 1; i <= DOCS; i++) {
        docs.push([i, 'cas_x', 'act', `act_${i}`, 'torture', 2016 + (i % 3)]);
        fts.push([i, i % 3 === 0 ? `comun palabra${i}` : `otra palabra${i}`, '', '', 'kact']);
      }
      await tx.insertMany('search_doc', ['rowid', 'case_id', 'kind', 'record_id', 'act_type', 'year'], docs);
      await tx.insertMany('search_fts', ['rowid', 't_public', 't_member', 't_cleared', 'scope'], fts);
    });
  });
  after(() => t.dispose());

  const plan = (budgetMs: number, offset = 0) => ({
    expr: '{t_public} : ("comun")',
    docCond: '',
    docParams: [],
    offset,
    limit: 20,
    facetSample: 100,
    totalCap: 250,
    budgetMs,
  });

  it('within its budget: the exact page, the newest matches as sample, the total up to the cap', async () => {
    const r = await budgetedSearch<{ rowid: number }>(db, plan(60_000));
    assert.deepEqual(
      r.page.map((x) => x.rowid),
      matches.slice(0, 20),
    );
    assert.deepEqual(
      r.rows.map((x) => x.rowid),
      matches.slice(0, 100),
    );
    assert.equal(r.total, 251, 'counted one past the cap');
    assert.equal(r.partial, false);
  });

  it('out of budget: the page is still exact and the total an honest lower bound, flagged', async () => {
    const r = await budgetedSearch<{ rowid: number }>(db, plan(0));
    assert.deepEqual(
      r.page.map((x) => x.rowid),
      matches.slice(0, 20),
    );
    assert.equal(r.partial, true);
    assert.ok(r.total >= 20 && r.total < matches.length, `lower bound ${r.total}`);
    assert.deepEqual(
      r.rows.map((x) => x.rowid),
      matches.slice(0, r.rows.length),
      'the sample is the newest matches',
    );
  });

  it('out of budget, a page past the sample is looked for over the whole index', async () => {
    const r = await budgetedSearch<{ rowid: number }>(db, plan(0, 290));
    assert.deepEqual(
      r.page.map((x) => x.rowid),
      matches.slice(290, 300),
    );
    assert.equal(r.total, 300, 'the page reached the last match: exact');
    assert.equal(r.partial, false);
  });

  it('a rare word is exact whatever the budget', async () => {
    const r = await budgetedSearch<{ rowid: number }>(db, {
      ...plan(0),
      expr: '{t_public} : ("palabra300")',
    });
    assert.deepEqual(
      r.page.map((x) => x.rowid),
      [300],
    );
    assert.equal(r.total, 1);
    assert.equal(r.partial, false);
  });
});

describe('SQLite driver: multi-row inserts and scans', () => {
  it('inserts any number of rows in order (multi-row chunks and the rest), and stops a scan early', async () => {
    const t = await sqliteBackend.open();
    try {
      const db = t.store.db as SqliteDatabase;
      await db.exec('CREATE TABLE t (a INTEGER, b TEXT, c BLOB)');
      const rows = Array.from({ length: 257 }, (_, i) => [i, `v${i}`, i % 2 ? null : Buffer.from([i % 256])]);
      await db.transaction((tx) => tx.insertMany('t', ['a', 'b', 'c'], rows));
      const back = await db.all<{ a: number; b: string; c: Buffer | null }>(
        'SELECT a, b, c FROM t ORDER BY rowid',
      );
      assert.deepEqual(
        back.map((r) => [r.a, r.b, r.c]),
        rows,
      );
      await assert.rejects(
        db.transaction((tx) => tx.insertMany('t', ['a', 'b', 'c'], [...rows, [1, 'x']].slice(-200))),
        /2 values for 3 columns|Too few parameter/,
      );
      assert.equal(
        (await db.get<{ n: number }>('SELECT count(*) AS n FROM t'))?.n,
        257,
        'nothing half-written',
      );
      const seen: number[] = [];
      await db.scan<{ a: number }>('SELECT a FROM t ORDER BY a', [], (r) => seen.push(r.a) < 5);
      assert.deepEqual(seen, [0, 1, 2, 3, 4]);
      assert.equal(
        (await db.get<{ n: number }>('SELECT count(*) AS n FROM t'))?.n,
        257,
        'connection usable after',
      );
    } finally {
      await t.dispose();
    }
  });
});
