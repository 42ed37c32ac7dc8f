/**
 * The rows of an organization's list, written inside the caller's transaction (CaseStore.
 * importSourceList). The hot path of a million-row import, so it works in batches end to end:
 * rows arrive in batches (one await per batch, not per row), each batch is serialised and digested
 * here, sealed on the worker thread (RowSealer) while the next batch is read, and inserted with
 * multi-row INSERT statements. Every row is still sealed on its own (own nonce, own tag, its place
 * `row:<list>:<row>` bound as associated data): a row opens alone and cannot be moved.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../domain/errors.js';
import type { DataKey } from '../security/field-cipher.js';
import type { SourceRow } from './case-store.js';
import { RowSealer } from './row-sealer.js';
import type { Sql } from './sql.js';

export type SourceRows =
  | AsyncIterable<SourceRow | readonly SourceRow[]>
  | Iterable<SourceRow | readonly SourceRow[]>;

const COLS = ['case_id', 'list_id', 'row_no', 'record_id', 'data'] as const;

export async function writeListRows(
  sql: Sql,
  key: DataKey,
  caseId: string,
  listId: string,
  width: number,
  rows: SourceRows,
  opts: { batchSize?: number; onProgress?: (n: number) => void } = {},
): Promise<{ rows: number; rowsSha256: string }> {
  const batchSize = opts.batchSize ?? 2000;
  const digest = createHash('sha256');
  const sealer = new RowSealer(key);
  let n = 0;
  // At most one batch is being inserted while the next one is sealed and the one after is read.
  let prev: Promise<unknown> = Promise.resolve();
  const flush = async (rowNos: number[], recordIds: string[], jsons: string[]) => {
    const sealed = sealer.sealBatch(listId, rowNos, jsons);
    sealed.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    await prev;
    prev = sealed.then((out) => {
      const values: unknown[][] = new Array(out.length);
      for (let i = 0; i < out.length; i++) values[i] = [caseId, listId, rowNos[i], recordIds[i], out[i]];
      return sql.insertMany('source_record', COLS, values);
    });
    prev.catch(() => {});
  };
  let rowNos: number[] = [];
  let recordIds: string[] = [];
  let jsons: string[] = [];
  const take = (row: SourceRow) => {
    if (row.values.length !== width) {
      throw new InputError(`row ${row.rowNo} has ${row.values.length} values for ${width} columns`, [
        { row: row.rowNo, message: 'width mismatch' },
      ]);
    }
    const data = JSON.stringify(row.values);
    digest.update(`${row.rowNo}\t${row.recordId}\t${data}\n`);
    rowNos.push(row.rowNo);
    recordIds.push(row.recordId);
    jsons.push(data);
    n++;
  };
  try {
    for await (const item of rows) {
      if (isBatch(item)) for (const row of item) take(row);
      else take(item);
      if (jsons.length >= batchSize) {
        await flush(rowNos, recordIds, jsons);
        rowNos = [];
        recordIds = [];
        jsons = [];
        opts.onProgress?.(n);
      }
    }
    if (jsons.length) await flush(rowNos, recordIds, jsons);
    await prev;
  } finally {
    await prev.catch(() => {}); // never roll back under an insert still running
    await sealer.close();
  }
  return { rows: n, rowsSha256: digest.digest('hex') };
}

function isBatch(x: SourceRow | readonly SourceRow[]): x is readonly SourceRow[] {
  return Array.isArray(x);
}
