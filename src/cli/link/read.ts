/**
 * Streams the input lists into the linkage encoder: each row is normalised and interned as it is
 * read, so memory holds codes and distinct values, not the files. Checks what the engine cannot:
 * the id and field columns exist in every file, ids are present and unique within a file.
 */
import { basename } from 'node:path';
import { InputError, UsageError } from '../../domain/errors.js';
import { openTabular, type TabularRow } from '../../ingest/tabular.js';
import { type Encoded, RecordEncoder } from '../../linkage/encode.js';
import { type FieldSpec, isNameType } from '../../linkage/types.js';

export interface ReadInputs {
  enc: Encoded;
  /** Per record: its spreadsheet row number (header = 1). */
  rows: Int32Array;
  /** Per input file: first record index and count. */
  files: { path: string; source: string; first: number; count: number }[];
}

export async function readInputs(
  paths: readonly string[],
  idColumn: string,
  fields: readonly FieldSpec[],
  onRecords: (n: number) => void,
): Promise<ReadInputs> {
  const sources = paths.map((p) => basename(p));
  const seen = new Map<string, string>();
  paths.forEach((p, i) => {
    const prev = seen.get(sources[i]!);
    if (prev !== undefined && prev !== p)
      throw new UsageError(
        `two inputs have the same file name ${sources[i]} (${prev} and ${p}); the output names records by file name, so rename one`,
      );
    seen.set(sources[i]!, p);
  });
  if (new Set(paths).size !== paths.length) throw new UsageError('the same file is given twice');

  const encoder = new RecordEncoder(fields);
  let rows = new Int32Array(1 << 16);
  const files: ReadInputs['files'] = [];
  const cells: string[] = new Array(fields.length);
  for (let k = 0; k < paths.length; k++) {
    const path = paths[k]!;
    const source = sources[k]!;
    const table = await openTabular(path);
    // With a whole-name column, a list may have either it or the split name columns: the names a
    // list lacks count as empty, as long as it has at least one of them.
    const nameColumns = fields.filter((f) => isNameType(f.type)).map((f) => f.column);
    const hasFullname = fields.some((f) => f.type === 'fullname');
    const someName = nameColumns.some((c) => table.columns.includes(c));
    const missing = [idColumn, ...fields.map((f) => f.column)].filter(
      (c) => !table.columns.includes(c) && !(hasFullname && someName && nameColumns.includes(c)),
    );
    if (missing.length > 0) {
      const which = missing.map((c) => `"${c}"`).join(', ');
      throw new InputError(`${source} has no column ${which} (its columns: ${table.columns.join(', ')})`, [
        ...missing.map((c) => ({
          file: source,
          row: 1,
          field: c,
          message: c === idColumn ? 'the --id column is missing' : 'a --field column is missing',
        })),
      ]);
    }
    const idIdx = table.columns.indexOf(idColumn);
    const fieldIdx = fields.map((f) => table.columns.indexOf(f.column));
    const s = encoder.addSource(source);
    const first = encoder.size;
    const firstRow = new Map<string, number>();
    for await (const { row, cells: rowCells } of table.rows as AsyncIterable<TabularRow>) {
      const id = rowCells[idIdx]!;
      if (id === '')
        throw new InputError(`${source} row ${row}: the record id (column ${idColumn}) is empty`, [
          { file: source, row, field: idColumn, message: 'empty record id' },
        ]);
      const dup = firstRow.get(id);
      if (dup !== undefined)
        throw new InputError(
          `${source} row ${row}: record id "${id}" was already used in row ${dup}; ids must be unique within a file`,
          [
            {
              file: source,
              row,
              field: idColumn,
              message: `duplicate record id "${id}" (first in row ${dup})`,
            },
          ],
        );
      firstRow.set(id, row);
      for (let f = 0; f < fieldIdx.length; f++) cells[f] = fieldIdx[f]! < 0 ? '' : rowCells[fieldIdx[f]!]!;
      const index = encoder.size;
      encoder.add(s, id, cells);
      if (index >= rows.length) {
        const next = new Int32Array(rows.length * 2);
        next.set(rows);
        rows = next;
      }
      rows[index] = row;
      if ((index & 0x3fff) === 0) onRecords(index);
    }
    files.push({ path, source, first, count: encoder.size - first });
  }
  onRecords(encoder.size);
  const enc = encoder.finish(true);
  return { enc, rows: rows.slice(0, enc.data.n), files };
}

/**
 * Reads the given records' field values again (second pass), for the review file: memory stays
 * proportional to the records asked for.
 */
export async function readRecordValues(
  inputs: ReadInputs,
  fields: readonly FieldSpec[],
  wanted: ReadonlySet<number>,
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (wanted.size === 0) return out;
  for (const file of inputs.files) {
    let hasWanted = false;
    for (let i = file.first; i < file.first + file.count && !hasWanted; i++) hasWanted = wanted.has(i);
    if (!hasWanted) continue;
    const table = await openTabular(file.path);
    const fieldIdx = fields.map((f) => table.columns.indexOf(f.column));
    let index = file.first;
    for await (const { cells } of table.rows as AsyncIterable<TabularRow>) {
      if (wanted.has(index))
        out.set(
          index,
          fieldIdx.map((i) => (i < 0 ? '' : cells[i]!)),
        );
      index++;
    }
  }
  return out;
}
