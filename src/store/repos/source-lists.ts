/**
 * Organizations' lists (the raw rows for linkage and statistics): imported whole in one
 * transaction, every row sealed under the case's data key, re-sealed on key rotation.
 */
import { canonicalJson } from '../../domain/canonical-json.js';
import { InputError } from '../../domain/errors.js';
import type { SourceListBody } from '../../domain/schema.js';
import { type SourceRows, writeListRows } from '../list-import.js';
import { openRow, sealRow } from '../sealing.js';
import type { StoredRecord } from './records.js';
import { Repository } from './repository.js';

/** One raw row of a list; `values` are aligned with the list's `columns`. */
export interface SourceRow {
  rowNo: number;
  recordId: string;
  values: readonly string[];
}

export class SourceListRepository extends Repository {
  /**
   * Imports an organization's list in one transaction: the list record, every row, and one audit
   * entry carrying the row count and a SHA-256 digest of all rows. A failure anywhere (a bad row,
   * a crash) leaves no trace of the list. Rows are stored as JSON arrays aligned with the list's
   * columns: half the bytes of objects, which matters at millions of rows.
   */
  async importSourceList(
    caseId: string,
    list: SourceListBody,
    rows: SourceRows,
    actor: string,
    opts: { id?: string; onProgress?: (n: number) => void; batchSize?: number } = {},
  ): Promise<{ list: StoredRecord<'sourceList'>; rows: number; rowsSha256: string }> {
    return this.store.transaction(async (s) => {
      const rec = await s.create('sourceList', caseId, list, actor, { id: opts.id });
      // Victims' lists are identity material: every row is sealed under the case's data key (on a
      // worker thread, batch by batch: list-import.ts).
      const { rows: n, rowsSha256 } = await writeListRows(
        s.sqlHandle,
        (await s.keySet(caseId)).current,
        caseId,
        rec.id,
        list.columns.length,
        rows,
        opts,
      );
      await s.sqlHandle.run(`UPDATE source_list SET data = ? WHERE id = ?`, [
        canonicalJson({ ...rec.body, rowCount: n }),
        rec.id,
      ]);
      await s.audit({
        actor,
        action: 'import',
        entity: 'source-lists',
        entityId: rec.id,
        caseId,
        after: { rows: n, rowsSha256, fileName: list.fileName, sha256: list.sha256 },
      });
      opts.onProgress?.(n);
      return { list: (await s.get('sourceList', rec.id))!, rows: n, rowsSha256 };
    });
  }

  /** Inserts rows of an existing list as they are (used by the case-file JSON import). */
  async insertSourceRows(
    caseId: string,
    listId: string,
    rows: readonly {
      rowNo: number;
      recordId: string;
      data: Record<string, string>;
      personId: string | null;
    }[],
  ): Promise<void> {
    await this.store.transaction(async (s) => {
      const cols = (await s.require('sourceList', listId)).body.columns;
      const key = (await s.keySet(caseId)).current;
      await s.sqlHandle.insertMany(
        'source_record',
        ['case_id', 'list_id', 'row_no', 'record_id', 'data', 'person_id'],
        rows.map((r) => {
          const extra = Object.keys(r.data).filter((k) => !cols.includes(k));
          if (extra.length) {
            throw new InputError(
              `row ${r.rowNo} of list ${listId} has columns the list does not have: ${extra.join(', ')}`,
            );
          }
          return [
            caseId,
            listId,
            r.rowNo,
            r.recordId,
            sealRow(key, listId, r.rowNo, JSON.stringify(cols.map((c) => r.data[c] ?? ''))),
            r.personId,
          ];
        }),
      );
    });
  }

  async sourceRecords(listId: string, opts: { afterRow?: number; limit?: number } = {}) {
    const list = await this.store.get('sourceList', listId, { includeDeleted: true });
    const cols = list?.body.columns ?? [];
    const rows = await this.sql.all<Record<string, unknown>>(
      'SELECT list_id, row_no, record_id, data, person_id FROM source_record WHERE list_id = ? AND row_no > ? ORDER BY row_no LIMIT ?',
      [listId, opts.afterRow ?? 0, opts.limit ?? 1000],
    );
    const keys = list ? await this.store.keySet(list.caseId) : undefined;
    return rows.map((r) => {
      const raw = String(r.data);
      const values = JSON.parse(keys ? openRow(keys, listId, Number(r.row_no), raw) : raw) as string[];
      return {
        listId: String(r.list_id),
        rowNo: Number(r.row_no),
        recordId: String(r.record_id),
        data: Object.fromEntries(cols.map((c, i) => [c, values[i] ?? ''])) as Record<string, string>,
        personId: (r.person_id as string | null) ?? null,
      };
    });
  }

  async countSourceRecords(caseId: string, listId?: string): Promise<number> {
    const sql = this.store.sqlHandle;
    const r = listId
      ? await sql.get<{ n: number }>('SELECT count(*) AS n FROM source_record WHERE list_id = ?', [listId])
      : await sql.get<{ n: number }>('SELECT count(*) AS n FROM source_record WHERE case_id = ?', [caseId]);
    return Number(r?.n ?? 0);
  }

  /** Re-seals a list's rows under the case's current key, a batch per transaction. */
  async resealRows(caseId: string, listId: string): Promise<number> {
    let after = 0;
    let n = 0;
    for (;;) {
      const done = await this.store.transaction(async (s) => {
        const keys = await s.keySet(caseId);
        const rows = await s.sqlHandle.all<{ row_no: number; data: string }>(
          'SELECT row_no, data FROM source_record WHERE list_id = ? AND row_no > ? ORDER BY row_no LIMIT 2000',
          [listId, after],
        );
        for (const r of rows) {
          const rowNo = Number(r.row_no);
          const clear = openRow(keys, listId, rowNo, String(r.data));
          await s.sqlHandle.run('UPDATE source_record SET data = ? WHERE list_id = ? AND row_no = ?', [
            sealRow(keys.current, listId, rowNo, clear),
            listId,
            rowNo,
          ]);
          after = rowNo;
          n++;
        }
        return rows.length === 0;
      });
      if (done) return n;
    }
  }
}
