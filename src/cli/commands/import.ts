import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../domain/errors.js';
import { issuesFrom } from '../../domain/issues.js';
import { importCaseJson } from '../../ingest/case-json.js';
import { importTabular } from '../../ingest/import-tabular.js';
import { IMPORT_KINDS, type ImportKind, MappingSpec } from '../../ingest/mapping.js';
import { progress } from '../progress.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

const collect = (v: string, prev: string[]) => [...prev, v];

function pairs(list: string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const i = item.lastIndexOf('=');
    if (i <= 0) throw new UsageError(`${flag} expects LEFT=RIGHT, got "${item}"`);
    out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

interface ImportFlags {
  case?: string;
  kind?: string;
  mapping?: string;
  map: string[];
  default: string[];
  listName?: string;
  sheet?: string;
  dryRun?: boolean;
  format: string;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import CSV/XLSX files (persons, acts, detentions, source lists) or a case-file JSON export')
    .argument('<files...>', 'CSV, XLSX or JSON files')
    .option('--case <id>', 'case file (may be omitted when the store holds one)')
    .option('--kind <kind>', `what the rows are: ${IMPORT_KINDS.join(', ')}`)
    .option(
      '--mapping <file>',
      'JSON mapping file: {"kind", "columns": {COLUMN: FIELD}, "defaults": {FIELD: VALUE}, "list": {"name"}}',
    )
    .option('--map <COLUMN=FIELD>', 'map one column to a field (repeatable)', collect, [])
    .option('--default <FIELD=VALUE>', 'value for a field when its cell is empty (repeatable)', collect, [])
    .option('--list-name <name>', 'name of the organization list (source-records)')
    .option('--sheet <name>', 'XLSX sheet (default: the first)')
    .option('--dry-run', 'check everything and report what would be created, writing nothing')
    .option('--format <fmt>', 'report format: text or json', 'text')
    .addHelpText(
      'after',
      '\nEach file commits whole or not at all. Errors name the file, row and column.\nExample: testigo import foro.csv --kind source-records --map "Cédula=document" --list-name "Lista ONG A"',
    )
    .action(async (files: string[], flags: ImportFlags) => {
      const store = await openStoreFromEnv();
      const reports: unknown[] = [];
      try {
        for (const file of files) {
          if (extname(file).toLowerCase() === '.json') {
            let doc: unknown;
            try {
              doc = JSON.parse(await readFile(file, 'utf8'));
            } catch (err) {
              throw new InputError(`${basename(file)} is not valid JSON: ${(err as Error).message}`, [
                { file: basename(file), message: 'invalid JSON' },
              ]);
            }
            const res = await importCaseJson(store, doc, actor(), {
              file: basename(file),
              dryRun: flags.dryRun,
            });
            reports.push({ file: basename(file), kind: 'case-file', dryRun: Boolean(flags.dryRun), ...res });
            continue;
          }
          const spec = await buildSpec(flags);
          const caseId = await store.resolveCaseId(flags.case);
          const bar = progress(`import ${basename(file)}`);
          const report = await importTabular(store, caseId, file, spec, actor(), {
            dryRun: flags.dryRun,
            sheet: flags.sheet,
            onProgress: (n) => bar.update(n, undefined, 'rows'),
          });
          bar.done(
            `${report.rows.toLocaleString('en')} rows${report.dryRun ? ' checked (dry run, nothing written)' : ' imported'}`,
          );
          reports.push(report);
        }
      } finally {
        await store.close();
      }
      if (flags.format === 'json')
        process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
      else for (const r of reports) process.stdout.write(`${summary(r as Record<string, unknown>)}\n`);
    });
}

async function buildSpec(flags: ImportFlags): Promise<MappingSpec> {
  let base: Record<string, unknown> = {};
  if (flags.mapping) {
    try {
      base = JSON.parse(await readFile(flags.mapping, 'utf8'));
    } catch (err) {
      throw new InputError(`cannot read the mapping file ${flags.mapping}: ${(err as Error).message}`);
    }
  }
  const kind = (flags.kind ?? base.kind) as ImportKind | undefined;
  if (!kind)
    throw new UsageError(
      `say what the rows are with --kind (${IMPORT_KINDS.join(', ')}) or in the mapping file`,
    );
  const spec = {
    ...base,
    kind,
    columns: { ...((base.columns as object) ?? {}), ...pairs(flags.map, '--map') },
    defaults: { ...((base.defaults as object) ?? {}), ...pairs(flags.default, '--default') },
    list: flags.listName ? { ...((base.list as object) ?? {}), name: flags.listName } : base.list,
  };
  const res = MappingSpec.safeParse(spec);
  if (!res.success)
    throw new InputError(
      'the column mapping is not valid',
      issuesFrom(res.error).map((i) => ({ ...i, file: flags.mapping })),
    );
  return res.data;
}

function summary(r: Record<string, unknown>): string {
  const created = Object.entries((r.created as Record<string, number>) ?? {})
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const reused = Object.entries((r.reused as Record<string, number>) ?? {})
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return `${r.file}: ${r.dryRun ? 'would create' : 'created'} ${created || 'nothing'}${reused ? `; matched existing ${reused}` : ''}`;
}
