/** A `testigo synth` output folder read for the linkage benchmarks: its lists' records and each one's person. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinkRecord } from '../../src/linkage/types.js';

export function readSynthDir(dir: string): { records: LinkRecord[]; person: string[] } {
  const truth = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'truth.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [s, id, p] = line.split(',');
    truth.set(`${s}\u0000${id}`, p!);
  }
  const records: LinkRecord[] = [];
  const person: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^list\d+\.csv$/.test(f))
    .sort()) {
    const [head, ...rows] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
    const cols = head!.split(',');
    for (const row of rows) {
      const cells = row.split(',');
      const values: Record<string, string> = {};
      cols.forEach((c, k) => {
        values[c] = cells[k]!;
      });
      records.push({ source: file, id: values.record_id!, values });
      person.push(truth.get(`${file}\u0000${values.record_id}`)!);
    }
  }
  return { records, person };
}
