import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import {
  canonicalInputs,
  type EstimateResult,
  estimate,
  estimateStrata,
  type Method,
} from '../../estimate/estimate.js';
import { tablesFromLinkedRecords } from '../../estimate/from-case.js';
import { posteriorSvg, strataSvg } from '../../estimate/svg.js';
import type { CaptureTable } from '../../estimate/table.js';
import { tablesFromRows } from '../../estimate/table.js';
import { openTabular } from '../../ingest/tabular.js';
import type { CaseStore } from '../../store/case-store.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

interface Flags {
  method: Method;
  strata?: string;
  seed: number;
  format: 'json' | 'table';
  iterations?: number;
  burnIn?: number;
  chains?: number;
  maxClasses?: number;
  criterion: 'aic' | 'bic';
  plot?: string;
}

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`expected a whole number, got "${v}"`);
  return n;
};

function printable(r: EstimateResult) {
  const { draws: _d, ...rest } = r;
  return {
    ...rest,
    estimate: Math.round(r.estimate * 10) / 10,
    interval: r.interval.map((v) => Math.round(v * 10) / 10),
  };
}

function table(rs: EstimateResult[]): string {
  const lines = rs.map((r) =>
    [
      r.stratum ?? '',
      r.observed,
      Math.round(r.estimate),
      `${Math.round(r.interval[0])}–${Math.round(r.interval[1])}`,
      r.method,
      r.model,
    ].join('\t'),
  );
  const warn = rs.flatMap((r) => r.warnings.map((w) => `! ${r.stratum ? `[${r.stratum}] ` : ''}${w}`));
  const why = rs.map((r) => r.reason).filter(Boolean);
  return `${['stratum\tobserved\testimate\t95% interval\tmethod\tmodel', ...lines].join('\n')}\n${[...new Set(why)].map((w) => `method: ${w}`).join('\n')}${why.length ? '\n' : ''}${warn.join('\n')}${warn.length ? '\n' : ''}`;
}

export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description('multiple systems estimation: how many victims in total, with a 95% interval')
    .argument('[file]', 'CSV: one 0/1 column per list, optional `count` column, optional strata column')
    .option(
      '--case [id]',
      'estimate from the linked source lists of a case file (stores the result with its input hash)',
    )
    .option('--method <m>', 'loglinear, lcmcr or auto', 'auto')
    .option('--strata <col>', 'one estimate per value of this column, plus the combined total')
    .option('--seed <n>', 'random seed (LCMCR)', int, 1)
    .option('--format <f>', 'json or table', 'json')
    .option('--iterations <n>', 'LCMCR iterations after burn-in', int)
    .option('--burn-in <n>', 'LCMCR burn-in iterations', int)
    .option('--chains <n>', 'LCMCR chains (for R-hat)', int)
    .option('--max-classes <n>', 'LCMCR truncation K*', int)
    .option('--criterion <c>', 'log-linear model selection: aic or bic', 'bic')
    .option('--plot <file.svg>', 'write an SVG plot (posterior of the total, or estimates by stratum)')
    .action(async (file: string | undefined, f: Flags & { case?: string | boolean }) => {
      if (!['loglinear', 'lcmcr', 'auto'].includes(f.method))
        throw new UsageError(`--method must be loglinear, lcmcr or auto (got ${f.method})`);
      if (!['json', 'table'].includes(f.format))
        throw new UsageError(`--format must be json or table (got ${f.format})`);
      if (!['aic', 'bic'].includes(f.criterion)) throw new UsageError('--criterion must be aic or bic');
      let tables: Map<string, CaptureTable>;
      let store: CaseStore | undefined;
      let caseId: string | undefined;
      if (f.case !== undefined) {
        if (file) throw new UsageError('give either a FILE or --case, not both');
        store = await openStoreFromEnv();
        try {
          caseId = await store.resolveCaseId(typeof f.case === 'string' ? f.case : undefined);
          tables = await caseTables(store, caseId, f.strata);
        } catch (err) {
          await store.close();
          throw err;
        }
      } else {
        if (!file) throw new UsageError('name a capture-history CSV file, or use --case');
        const t = await openTabular(file);
        tables = await tablesFromRows({ file: t.file, columns: t.columns, rows: t.rows, strata: f.strata });
      }
      const opts = {
        method: f.method,
        seed: f.seed,
        criterion: f.criterion,
        iterations: f.iterations,
        burnIn: f.burnIn,
        chains: f.chains,
        maxClasses: f.maxClasses,
      };
      for (const k of Object.keys(opts) as (keyof typeof opts)[]) if (opts[k] === undefined) delete opts[k];
      const results = f.strata ? estimateStrata(tables, opts) : [estimate(tables.get('')!, opts)];
      if (store && caseId) {
        try {
          const inputsSha256 = createHash('sha256').update(canonicalInputs(tables, opts)).digest('hex');
          const id = await store.saveAnalysis(
            caseId,
            'estimate',
            inputsSha256,
            { ...opts, strata: f.strata ?? null },
            results.map(printable),
            actor(),
          );
          process.stderr.write(`stored as ${id} (inputs SHA-256 ${inputsSha256})\n`);
        } finally {
          await store.close();
        }
      }
      if (f.plot) {
        const r = results[results.length - 1]!;
        const svg = f.strata
          ? strataSvg(
              results.map((x) => ({
                stratum: x.stratum!,
                observed: x.observed,
                estimate: x.estimate,
                interval: x.interval,
              })),
            )
          : r.draws
            ? posteriorSvg(r.draws, r.interval, r.observed)
            : strataSvg(
                [{ stratum: 'total', observed: r.observed, estimate: r.estimate, interval: r.interval }],
                'Estimate of the total',
              );
        await writeFile(f.plot, svg);
      }
      if (f.format === 'table') process.stdout.write(table(results));
      else
        process.stdout.write(
          `${JSON.stringify(f.strata ? results.map(printable) : printable(results[0]!), null, 2)}\n`,
        );
    });
}

/** Capture histories from the case file's linked list records; strata from a list column (e.g. state). */
async function caseTables(
  store: CaseStore,
  caseId: string,
  strata?: string,
): Promise<Map<string, CaptureTable>> {
  const lists = await store.list('sourceList', caseId, { limit: 100 });
  if (strata && !lists.some((l) => l.body.columns.includes(strata))) {
    throw new UsageError(`no list of this case file has a column "${strata}"`);
  }
  const records: { listName: string; personId: string | null; stratum?: string }[] = [];
  for (const l of lists) {
    let afterRow = 0;
    for (;;) {
      const page = await store.sourceRecords(l.id, { afterRow, limit: 5000 });
      if (page.length === 0) break;
      for (const r of page)
        records.push({
          listName: l.body.name,
          personId: r.personId,
          stratum: strata ? r.data[strata] || undefined : undefined,
        });
      afterRow = page[page.length - 1]!.rowNo;
    }
  }
  return tablesFromLinkedRecords(
    records,
    lists.map((l) => l.body.name),
    { strata: Boolean(strata) },
  );
}
