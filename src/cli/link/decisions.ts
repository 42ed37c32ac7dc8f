/**
 * Recorded human decisions about pairs: a CSV with columns source_a, record_id_a, source_b,
 * record_id_b and decision. The review file written by `--review` has these columns, so a
 * reviewer fills in "decision" and passes the file back with `--decisions`.
 */
import { basename } from 'node:path';
import { InputError } from '../../domain/errors.js';
import { openTabular, type TabularRow } from '../../ingest/tabular.js';

const SAME = new Set([
  'same',
  'match',
  'yes',
  'y',
  'si',
  'sí',
  's',
  '1',
  'true',
  'must-link',
  'must_link',
  'link',
  'misma',
  'mismo',
]);
const DIFFERENT = new Set([
  'different',
  'distinct',
  'non-match',
  'nonmatch',
  'no',
  'n',
  '0',
  'false',
  'cannot-link',
  'cannot_link',
  'unlink',
  'distinta',
  'distinto',
]);

export const DECISION_COLUMNS = ['source_a', 'record_id_a', 'source_b', 'record_id_b', 'decision'] as const;

export async function readDecisions(
  path: string,
  indexOf: (source: string, id: string) => number | undefined,
): Promise<{ a: number; b: number; same: boolean }[]> {
  const file = basename(path);
  const table = await openTabular(path);
  const missing = DECISION_COLUMNS.filter((c) => !table.columns.includes(c));
  if (missing.length > 0)
    throw new InputError(
      `${file} has no column ${missing.map((c) => `"${c}"`).join(', ')}; decisions need ${DECISION_COLUMNS.join(', ')}`,
      [...missing.map((c) => ({ file, row: 1, field: c, message: 'missing column' }))],
    );
  const col = Object.fromEntries(DECISION_COLUMNS.map((c) => [c, table.columns.indexOf(c)])) as Record<
    (typeof DECISION_COLUMNS)[number],
    number
  >;
  const out: { a: number; b: number; same: boolean }[] = [];
  for await (const { row, cells } of table.rows as AsyncIterable<TabularRow>) {
    const decision = cells[col.decision]!.toLowerCase();
    if (decision === '') continue;
    const same = SAME.has(decision) ? true : DIFFERENT.has(decision) ? false : undefined;
    if (same === undefined)
      throw new InputError(
        `${file} row ${row}: decision "${cells[col.decision]}" is neither "same" nor "different"`,
        [
          {
            file,
            row,
            field: 'decision',
            message: `unknown decision "${cells[col.decision]}" (use same or different)`,
          },
        ],
      );
    const find = (s: 'a' | 'b') => {
      const source = cells[col[`source_${s}`]]!;
      const id = cells[col[`record_id_${s}`]]!;
      const i = indexOf(source, id);
      if (i === undefined)
        throw new InputError(`${file} row ${row}: record ${id} of ${source} is not in the inputs`, [
          { file, row, field: `record_id_${s}`, message: `no record "${id}" in ${source}` },
        ]);
      return i;
    };
    const a = find('a');
    const b = find('b');
    if (a === b)
      throw new InputError(`${file} row ${row}: a decision about a record and itself`, [
        { file, row, message: 'both sides are the same record' },
      ]);
    out.push({ a, b, same });
  }
  return out;
}
