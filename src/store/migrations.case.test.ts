/**
 * The schema a fresh store gets from its migrations is the schema the kind registry describes: every
 * kind's table with the shared columns plus one indexed column (and index) per KINDS[kind].columns
 * entry. Migrations are frozen (they never read KINDS, architecture test), so a column added to a
 * kind without its own migration fails here instead of silently changing what old migrations create.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KIND_NAMES, KINDS } from '../domain/kinds.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import type { CaseStore } from './case-store.js';
import { columnFor, entityColumn } from './migrations.js';

const SHARED = [
  'id',
  'case_id',
  'data',
  'sort_key',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'version',
  'deleted_at',
];

async function columnsOf(store: CaseStore, table: string): Promise<string[]> {
  const sql = store.sqlHandle;
  const rows =
    store.dialect === 'sqlite'
      ? await sql.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      : await sql.all<{ name: string }>(
          'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?',
          [table],
        );
  return rows.map((r) => r.name).sort();
}

async function indexesOf(store: CaseStore, table: string): Promise<string[]> {
  const sql = store.sqlHandle;
  const rows =
    store.dialect === 'sqlite'
      ? await sql.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
          [table],
        )
      : await sql.all<{ name: string }>(
          'SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? AND indexname NOT LIKE ?',
          [table, '%_pkey'],
        );
  return rows.map((r) => r.name).sort();
}

for (const backend of BACKENDS) {
  describe(`migrations (${backend.name})`, () => {
    let t: TestStore;
    before(async () => {
      t = await backend.open();
    });
    after(() => t.dispose());

    it("every kind's table has exactly the columns and indexes KINDS describes", async () => {
      const wrong: Record<string, unknown> = {};
      for (const kind of KIND_NAMES) {
        const { table, columns } = KINDS[kind];
        const want = {
          columns: [...SHARED, ...columns.map(columnFor)].sort(),
          indexes: [`${table}_case`, ...columns.map((c) => `${table}_${columnFor(c)}`)].sort(),
        };
        const got = { columns: await columnsOf(t.store, table), indexes: await indexesOf(t.store, table) };
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong[kind] = { got, want };
      }
      assert.deepEqual(wrong, {});
    });

    it('a later migration adds a kind its indexed column with entityColumn (the shape the check expects)', async () => {
      await t.store.transaction(async (s) => {
        for (const st of entityColumn('hearing', 'courtName')) await s.sqlHandle.run(st);
      });
      assert.ok((await columnsOf(t.store, 'hearing')).includes('c_court_name'));
      assert.ok((await indexesOf(t.store, 'hearing')).includes('hearing_c_court_name'));
    });
  });
}
