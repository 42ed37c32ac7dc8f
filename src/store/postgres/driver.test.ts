/**
 * The PostgreSQL driver names the statements it sends (prepared once per connection), up to a cap,
 * and recovers when a table's columns change under a prepared `SELECT *`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createPgDatabase } from '../../test-support/stores.js';
import { inlineParameters, PostgresDatabase, StatementNames } from './driver.js';

describe('PostgreSQL driver: named statements', () => {
  let url: string;
  let drop: () => Promise<void>;
  const open: PostgresDatabase[] = [];
  /** One connection, so what one statement prepared the next one sees. */
  const oneConnection = (names?: StatementNames) => {
    const db = new PostgresDatabase(new pg.Pool({ connectionString: url, max: 1 }), names);
    open.push(db);
    return db;
  };
  const prepared = async (db: PostgresDatabase) =>
    (await db.all<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).map((r) =>
      r.statement.trim(),
    );

  before(async () => {
    ({ url, drop } = await createPgDatabase());
  });
  after(async () => {
    for (const db of open) await db.close();
    await drop();
  });

  it('prepares a statement once per connection and runs it by name after', async () => {
    const db = oneConnection();
    assert.equal((await db.get<{ n: number }>('SELECT ?::int + 1 AS n', [1]))?.n, 2);
    assert.equal((await db.get<{ n: number }>('SELECT ?::int + 1 AS n', [41]))?.n, 42);
    await db.transaction(async (tx) => {
      assert.equal((await tx.get<{ n: number }>('SELECT ?::int * 2 AS n', [21]))?.n, 42);
    });
    const texts = await prepared(db);
    assert.ok(texts.includes('SELECT $1::int + 1 AS n'), texts.join(' | '));
    assert.ok(texts.includes('SELECT $1::int * 2 AS n'), 'statements inside a transaction are named too');
  });

  it('names only the first texts up to its cap; the others run unnamed', async () => {
    const names = new StatementNames(1);
    const db = oneConnection(names);
    assert.equal((await db.get<{ n: number }>('SELECT ?::int - 1 AS n', [1]))?.n, 0);
    assert.equal((await db.get<{ n: number }>('SELECT ?::int - 2 AS n', [2]))?.n, 0);
    const texts = await prepared(db);
    assert.deepEqual(texts, ['SELECT $1::int - 1 AS n']);
    assert.equal(names.size, 1);
  });

  it('sends nothing named with a cap of 0 (TESTIGO_PG_PREPARED=off)', async () => {
    const db = oneConnection(new StatementNames(0));
    await db.get('SELECT ?::int AS n', [1]);
    assert.deepEqual(await prepared(db), []);
  });

  it('prepares again when a table changed under a prepared SELECT * (another process migrated it)', async () => {
    const db = oneConnection();
    await db.exec('CREATE TABLE drift (id TEXT PRIMARY KEY)');
    await db.run('INSERT INTO drift (id) VALUES (?)', ['a']);
    assert.deepEqual(await db.all('SELECT * FROM drift WHERE id = ?', ['a']), [{ id: 'a' }]);
    await db.exec("ALTER TABLE drift ADD COLUMN note TEXT DEFAULT 'x'");
    // Outside a transaction the refused statement ran nothing: sent again under a new name.
    assert.deepEqual(await db.all('SELECT * FROM drift WHERE id = ?', ['a']), [{ id: 'a', note: 'x' }]);
    await db.exec('ALTER TABLE drift ADD COLUMN extra TEXT');
    // Inside one the transaction is aborted: the error reaches the caller, the next statement works.
    await assert.rejects(
      db.transaction((tx) => tx.all('SELECT * FROM drift WHERE id = ?', ['a'])),
      /cached plan must not change result type/,
    );
    assert.deepEqual(await db.transaction((tx) => tx.all('SELECT * FROM drift WHERE id = ?', ['a'])), [
      { id: 'a', note: 'x', extra: null },
    ]);
  });

  it('sends statements with the COMMIT, their values quoted as they were, and rolls back with them', async () => {
    const db = oneConnection();
    await db.exec('CREATE TABLE sent (id int PRIMARY KEY, v text)');
    const awkward = "it's a \\ back'slash, ñ, 𝄞, $1 ? ;DROP TABLE sent;--";
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO sent (id, v) VALUES (?, ?)', [1, 'first']);
      tx.sendWithCommit?.('INSERT INTO sent (id, v) VALUES (?, ?)', [2, awkward]);
      tx.sendWithCommit?.('INSERT INTO sent (id, v) VALUES (?, ?)', [3, null]);
    });
    assert.deepEqual(await db.all('SELECT id, v FROM sent ORDER BY id'), [
      { id: 1, v: 'first' },
      { id: 2, v: awkward },
      { id: 3, v: null },
    ]);
    // A statement sent with the COMMIT that fails takes the whole transaction with it.
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO sent (id, v) VALUES (?, ?)', [4, 'kept?']);
        tx.sendWithCommit?.('INSERT INTO sent (id, v) VALUES (?, ?)', [1, 'duplicate key']);
      }),
      /duplicate key/,
    );
    assert.equal((await db.all('SELECT id FROM sent')).length, 3);
    assert.deepEqual(await db.get('SELECT 1 AS one'), { one: 1 }, 'the connection is usable after');
  });

  it('inlines only what it can quote, one value per placeholder', () => {
    assert.equal(inlineParameters('SELECT ?, ?, ?', ["a'b", 2, null]), "SELECT 'a''b', 2, NULL");
    assert.throws(() => inlineParameters('SELECT ?', []), /more placeholders/);
    assert.throws(() => inlineParameters('SELECT 1', ['x']), /fewer placeholders/);
    assert.throws(() => inlineParameters('SELECT ?', [Number.NaN]), /non-finite/);
    assert.throws(() => inlineParameters('SELECT ?', [{} as never]), /only strings/);
  });
});
