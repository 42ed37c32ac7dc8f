import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../domain/errors.js';
import { sha256Hex } from '../../domain/hashing.js';
import {
  canonicalInputs,
  type EstimateOptions,
  type EstimateResult,
  estimate,
  estimateStrata,
  type Method,
  resolvedSettings,
} from '../../estimate/estimate.js';
import { type LinkageUncertainty, linkageSentence, withLinkageError } from '../../estimate/linkage-error.js';
import { sensitivity, sensitivityParagraph } from '../../estimate/sensitivity.js';
import { posteriorSvg, strataSvg } from '../../estimate/svg.js';
import type { CaptureTable } from '../../estimate/table.js';
import { tablesFromRows } from '../../estimate/table.js';
import { openTabular } from '../../ingest/tabular.js';
import { caseTables, LINKAGE_NOT_IN_STRATA, printable, round } from '../../services/estimate.js';
import type { CaseStore } from '../../store/case-store.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

interface Flags {
  method: Method;
  strata?: string;
  seed: number;
  format: 'json' | 'table';
  iterations?: number;
  maxIterations?: number;
  allowUnconverged?: boolean;
  sensitivity?: boolean;
  burnIn?: number;
  thin?: number;
  chains?: number;
  maxClasses?: number;
  criterion: 'aic' | 'bic';
  plot?: string;
  linkageError: boolean;
  linkageDraws?: number;
}

const int = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${name} must be a whole number ≥ ${min} (got "${v}")`);
  return n;
};

function table(rs: EstimateResult[]): string {
  // An unconverged run has no estimate: its median is shown only beside the words that say so.
  const lines = rs.map((r) =>
    [
      r.stratum ?? '',
      r.observed,
      r.converged === false ? `not converged (${Math.round(r.estimate)})` : Math.round(r.estimate),
      `${Math.round(r.interval[0])}–${Math.round(r.interval[1])}`,
      r.method,
      r.model,
    ].join('\t'),
  );
  const diag = rs
    .filter((r) => r.diagnostics)
    .map((r) => {
      const d = r.diagnostics!;
      const classes =
        d.occupiedClasses !== undefined ? `, ${d.occupiedClasses.toFixed(1)} occupied classes` : '';
      return `diagnostics${r.stratum ? ` [${r.stratum}]` : ''}: ${r.converged === false ? 'NOT CONVERGED, ' : ''}R-hat ${d.rhat.toFixed(3)}, ESS ${Math.round(d.ess)}${classes}, ${d.chains} chains × ${d.iterationsRun ?? d.iterations} iterations after ${d.burnIn} burn-in${d.warmUp ? ` (the first ${d.warmUp} of them left out as warm-up)` : ''}, seed ${d.seed}`;
    });
  const warn = rs.flatMap((r) => r.warnings.map((w) => `! ${r.stratum ? `[${r.stratum}] ` : ''}${w}`));
  const why = [...new Set(rs.map((r) => r.reason).filter(Boolean))].map((w) => `method: ${w}`);
  return `${['stratum\tobserved\testimate\t95% interval\tmethod\tmodel', ...lines, ...why, ...diag, ...warn].join('\n')}\n`;
}

export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description(
      'multiple systems estimation: how many victims in total (documented or not), with a 95% interval',
    )
    .argument(
      '[file]',
      'CSV capture histories: every column is a 0/1 list except `count` (people with that pattern; default 1 per row) and the --strata column',
    )
    .option(
      '--case [id]',
      'estimate from the linked source lists of a case file (stores the result with its input hash)',
    )
    .option('--method <m>', 'loglinear (Chapman for 2 lists), lcmcr, or auto (chooses and says why)', 'auto')
    .option(
      '--strata <col>',
      'one estimate per value of this column, then the combined total (JSON: an array, the total last with "stratum": "(all)")',
    )
    .option('--seed <n>', 'random seed (LCMCR); the same seed gives the same result', int('--seed', 0), 1)
    .option('--format <f>', 'json (default; for tools) or table (for people)', 'json')
    .option(
      '--iterations <n>',
      'LCMCR iterations per chain after burn-in before the convergence check (default 20000)',
      int('--iterations', 1),
    )
    .option(
      '--max-iterations <n>',
      'LCMCR: continue the chains up to this many iterations while split R-hat > 1.01 or ESS < 100 per chain (default 10 × --iterations = 200000)',
      int('--max-iterations', 1),
    )
    .option(
      '--allow-unconverged',
      'LCMCR: exit 0 even when the chains have not converged (the output still says "converged": false)',
    )
    .option(
      '--sensitivity',
      'repeat the estimate leaving each list out, with other LCMCR settings (K*, prior on α) and across the averaged log-linear models; JSON adds "sensitivity" and a plain-language "sensitivityText" (es, en)',
    )
    .option('--burn-in <n>', 'LCMCR burn-in iterations per chain (default 5000)', int('--burn-in', 0))
    .option('--thin <n>', 'LCMCR: keep every n-th iteration (default 10)', int('--thin', 1))
    .option('--chains <n>', 'LCMCR chains, for split R-hat (default 4)', int('--chains', 1))
    .option(
      '--max-classes <n>',
      'LCMCR truncation K* of the latent classes (default 10)',
      int('--max-classes', 1),
    )
    .option('--criterion <c>', 'log-linear model selection: aic or bic', 'bic')
    .option(
      '--no-linkage-error',
      'with --case: leave out the uncertainty of record linkage (by default the uncertain pairs of the latest linkage run are drawn by their match probabilities and folded into the interval; JSON "linkage" says how much)',
    )
    .option(
      '--linkage-draws <n>',
      'with --case: linkage configurations drawn (default 20)',
      int('--linkage-draws', 2),
    )
    .option('--plot <file.svg>', 'write an SVG plot (posterior of the total, or estimates by stratum)')
    .action(async (file: string | undefined, f: Flags & { case?: string | boolean }) => {
      if (!['loglinear', 'lcmcr', 'auto'].includes(f.method))
        throw new UsageError(`--method must be loglinear, lcmcr or auto (got ${f.method})`);
      if (!['json', 'table'].includes(f.format))
        throw new UsageError(`--format must be json or table (got ${f.format})`);
      if (!['aic', 'bic'].includes(f.criterion))
        throw new UsageError(`--criterion must be aic or bic (got ${f.criterion})`);
      let tables: Map<string, CaptureTable>;
      /** The capture-history file's name, when the tables come from one (errors about its data name it). */
      let source: string | undefined;
      let uncertainty: LinkageUncertainty | undefined;
      let store: CaseStore | undefined;
      let caseId: string | undefined;
      if (f.case !== undefined) {
        if (file) throw new UsageError('give either a FILE or --case, not both');
        store = await openStoreFromEnv();
        try {
          caseId = await store.resolveCaseId(typeof f.case === 'string' ? f.case : undefined);
          ({ tables, uncertainty } = await caseTables(store, caseId, f.strata, f.linkageError));
        } catch (err) {
          await store.close();
          throw err;
        }
      } else {
        if (!file) throw new UsageError('name a capture-history CSV file, or use --case');
        const t = await openTabular(file);
        source = t.file;
        tables = await tablesFromRows({ file: t.file, columns: t.columns, rows: t.rows, strata: f.strata });
      }
      const opts: EstimateOptions = {
        method: f.method,
        seed: f.seed,
        criterion: f.criterion,
        iterations: f.iterations,
        maxIterations: f.maxIterations,
        burnIn: f.burnIn,
        thin: f.thin,
        chains: f.chains,
        maxClasses: f.maxClasses,
      };
      for (const k of Object.keys(opts) as (keyof EstimateOptions)[])
        if (opts[k] === undefined) delete opts[k];
      if (f.sensitivity && f.strata)
        throw new UsageError('--sensitivity works on one table: leave out --strata');
      const results = fromFile(source, () =>
        f.strata ? estimateStrata(tables, opts) : [estimate(tables.get('')!, opts)],
      );
      const main = results[0]!;
      if (uncertainty && !f.strata)
        results[0] = withLinkageError(uncertainty, main, opts, { draws: f.linkageDraws });
      if (f.case !== undefined && f.strata && f.linkageError)
        results[results.length - 1]!.warnings.push(LINKAGE_NOT_IN_STRATA);
      let extra: Record<string, unknown> = {};
      if (f.sensitivity) {
        const rows = sensitivity(tables.get('')!, main, opts);
        extra = {
          sensitivity: rows.map((r) => ({
            ...r,
            estimate: round(r.estimate),
            interval: r.interval.map((v) => round(v)),
            change: round(r.change, 3),
          })),
          sensitivityText: {
            es: joinText(sensitivityParagraph(main, rows, 'es'), linkageSentence(results[0]!, 'es')),
            en: joinText(sensitivityParagraph(main, rows, 'en'), linkageSentence(results[0]!, 'en')),
          },
        };
      }
      if (store && caseId) {
        try {
          const inputsSha256 = sha256Hex(canonicalInputs(tables, opts));
          const id = await store.saveAnalysis(
            caseId,
            'estimate',
            inputsSha256,
            { ...resolvedSettings(opts), strata: f.strata ?? null },
            // The sensitivity rows and paragraph are kept with the estimate (the report shows them).
            results.map((r, i) => (i === 0 && !f.strata ? { ...printable(r), ...extra } : printable(r))),
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
                `Estimate of the total (${r.method}, ${r.model})`,
              );
        await writeFile(f.plot, svg);
      }
      if (f.format === 'table') {
        process.stdout.write(table(results));
        const rows = (extra.sensitivity ?? []) as { variant: string; estimate: number; interval: number[] }[];
        const lk = results[0]!.linkage;
        if (lk && !f.strata)
          process.stdout.write(
            `linkage: ${lk.uncertainLinks} uncertain pair(s); 95% interval ${Math.round(lk.intervalWithoutLinkage[0])}–${Math.round(lk.intervalWithoutLinkage[1])} without linkage error, ${Math.round(results[0]!.interval[0])}–${Math.round(results[0]!.interval[1])} with it; of which linkage ${Math.round(lk.linkageInterval[0])}–${Math.round(lk.linkageInterval[1])}\n`,
          );
        if (rows.length > 0)
          process.stdout.write(
            `sensitivity:\n${rows.map((r) => `  ${r.variant}\t${Math.round(r.estimate)}\t${Math.round(r.interval[0]!)}–${Math.round(r.interval[1]!)}`).join('\n')}\n${(extra.sensitivityText as { en: string }).en}\n`,
          );
      } else
        process.stdout.write(
          `${JSON.stringify(f.strata ? results.map(printable) : { ...printable(results[0]!), ...extra }, null, 2)}\n`,
        );
      const unconverged = results.filter((r) => r.converged === false);
      if (unconverged.length > 0 && !f.allowUnconverged) {
        process.stderr.write(
          `not converged: ${unconverged.map((r) => (r.stratum ? `stratum "${r.stratum}"` : 'the estimate')).join(', ')}; run longer (--max-iterations) or pass --allow-unconverged\n`,
        );
        process.exitCode = 1;
      }
    });
}

const joinText = (a: string, b: string) => (b ? `${a} ${b}` : a);

/**
 * Runs an estimate on a file's tables; an estimate its data cannot give ("no log-linear model can be fitted …") is bad
 * input in that file, so its error names the file like every other input error (found by the CLI's file fuzzing).
 */
function fromFile<T>(file: string | undefined, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (file && err instanceof InputError && !err.message.startsWith(file))
      throw new InputError(`${file}: ${err.message}`, err.issues);
    throw err;
  }
}
