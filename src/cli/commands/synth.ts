import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { LIST_COLUMNS, type SynthSummary, synthesize } from '../../synth/synth.js';
import { CsvOut } from '../link/csv-out.js';
import { progress } from '../progress.js';

const int =
  (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  (v: string) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new UsageError(`${name} must be a whole number from ${min} to ${max} (got "${v}")`);
    return n;
  };

interface Flags {
  people: number;
  lists: number;
  seed: number;
  out: string;
  duplicates: number;
}

/**
 * `testigo synth`: K lists drawn from a synthetic population with known truth (DESIGN.md §4).
 * Files are written row by row and appear under their names only when complete.
 */
export function registerSynth(program: Command): void {
  program
    .command('synth')
    .description(
      'write K synthetic victim lists (list1.csv …) from a population of N people, with truth.csv (source,record_id,person_id)',
    )
    .requiredOption('--people <n>', 'population size', int('--people', 1, 50_000_000))
    .requiredOption('--lists <k>', 'number of lists', int('--lists', 1, 50))
    .option('--seed <s>', 'random seed (the same seed gives the same files)', int('--seed', 0), 1)
    .option(
      '--duplicates <share>',
      "share of a list's records repeated within the same list",
      (v: string) => {
        const x = Number(v);
        if (!(x >= 0 && x <= 0.5)) throw new UsageError(`--duplicates must be from 0 to 0.5 (got "${v}")`);
        return x;
      },
      0.01,
    )
    .requiredOption('--out <dir>', 'output directory (created if missing)')
    .action(async (f: Flags) => {
      await mkdir(f.out, { recursive: true });
      const names = Array.from({ length: f.lists }, (_, k) => `list${k + 1}.csv`);
      const lists = names.map((n) => new CsvOut(join(f.out, n), LIST_COLUMNS));
      const truth = new CsvOut(join(f.out, 'truth.csv'), ['source', 'record_id', 'person_id']);
      const all = [...lists, truth];
      const bar = progress('synth');
      const summary: SynthSummary = { people: 0, unlisted: 0, records: [], siblings: 0 };
      let rows = 0;
      try {
        for (const row of synthesize(
          { people: f.people, lists: f.lists, seed: f.seed, duplicates: f.duplicates },
          summary,
        )) {
          await lists[row.list]!.write(row.cells);
          await truth.write([names[row.list]!, row.cells[0]!, row.personId]);
          if ((++rows & 0xffff) === 0) bar.update(summary.people, f.people, 'people');
        }
        for (const o of all) await o.close();
      } catch (err) {
        await Promise.all(all.map((o) => o.abort()));
        throw err;
      }
      const listed = summary.people - summary.unlisted;
      bar.done(
        `${summary.people.toLocaleString('en')} people, ${listed.toLocaleString('en')} on at least one list, ` +
          `${rows.toLocaleString('en')} records (${summary.records.map((r, k) => `${names[k]} ${r}`).join(', ')})`,
      );
    });
}
