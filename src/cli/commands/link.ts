import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { BLOCK_SYNTAX } from '../../linkage/blocking.js';
import { qualityFromDecisions } from '../../linkage/learn.js';
import { type LinkOutcome, linkEncoded, reviewPairs } from '../../linkage/link.js';
import { defaultWorkers, workerExecutor } from '../../linkage/parallel.js';
import { detectFieldType, FIELD_TYPE_ALIASES } from '../../linkage/roles.js';
import { FIELD_TYPES, type FieldSpec, type FieldType } from '../../linkage/types.js';
import { linkCaseFile } from '../../store/case-linkage.js';
import { CsvOut } from '../link/csv-out.js';
import { readDecisions } from '../link/decisions.js';
import {
  bandCells,
  calibrationCheck,
  calibrationLine,
  expectationLine,
  recallRangeText,
} from '../link/quality-text.js';
import { readInputs, readRecordValues } from '../link/read.js';
import { progress } from '../progress.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

interface Flags {
  id?: string;
  case?: string | boolean;
  full?: boolean;
  field: FieldSpec[];
  block?: string;
  threshold?: number;
  reviewMin: number;
  out?: string;
  review?: string;
  decisions?: string;
  workers: number;
  report?: string;
  maxClusterSize?: number;
  chainMargin?: number;
  seed: number;
  quiet?: boolean;
}

const TYPE_WORDS = [...FIELD_TYPES, ...Object.keys(FIELD_TYPE_ALIASES)].join(', ');

/**
 * `COLUMN:TYPE`, `COLUMN:ROLE` (street, zip, city, …: FIELD_TYPE_ALIASES) or `COLUMN` alone /
 * `COLUMN:auto`, when the header says what the column is (roles.ts `detectFieldType`).
 */
export function parseField(v: string, acc: FieldSpec[]): FieldSpec[] {
  const i = v.lastIndexOf(':');
  const word =
    i > 0
      ? v
          .slice(i + 1)
          .trim()
          .toLowerCase()
      : 'auto';
  const column = i > 0 ? v.slice(0, i) : v;
  if (column.trim() === '')
    throw new UsageError(`--field must be COLUMN:TYPE (got "${v}"); types: ${TYPE_WORDS}`);
  let type: FieldType | undefined;
  if (word === 'auto') {
    type = detectFieldType(column);
    if (!type)
      throw new UsageError(
        `--field ${column}: its header does not say what it holds; give COLUMN:TYPE with one of ${TYPE_WORDS}`,
      );
  } else if ((FIELD_TYPES as readonly string[]).includes(word)) type = word as FieldType;
  else if (word in FIELD_TYPE_ALIASES) type = FIELD_TYPE_ALIASES[word];
  else throw new UsageError(`--field ${v}: unknown field type "${word}"; use one of ${TYPE_WORDS}`);
  if (acc.some((f) => f.column === column)) throw new UsageError(`--field ${column} is given twice`);
  return [...acc, { column, type: type! }];
}

const probability = (name: string) => (v: string) => {
  const x = Number(v);
  if (!(x > 0 && x < 1)) throw new UsageError(`${name} must be a probability between 0 and 1 (got "${v}")`);
  return x;
};
const int = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${name} must be a whole number ≥ ${min} (got "${v}")`);
  return n;
};
const num = (name: string) => (v: string) => {
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0) throw new UsageError(`${name} must be a number ≥ 0 (got "${v}")`);
  return x;
};

const DECISION_TEXT: Record<string, string> = { true: 'same', false: 'different' };

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * Pairwise precision and recall at the threshold as the model expects them, and as the review
 * decisions say (null without decisions): learn.ts `qualityFromDecisions`.
 */
function estimatedQuality(o: LinkOutcome) {
  return {
    fromModel: { precision: o.expected.expectedPrecision, recall: o.expected.expectedRecall },
    fromDecisions: qualityFromDecisions(
      o.pairs.w,
      o.thresholdWeight,
      o.calibration,
      o.blockingRecall.estimate,
    ),
  };
}

/** The run's report: settings, blocking, model and timings (written by --report, summarised on stderr). */
function runReport(
  o: LinkOutcome,
  records: number,
  files: { source: string; count: number }[],
  repairs: readonly string[],
) {
  return {
    records,
    files,
    repairs,
    clusters: o.clusters,
    largestCluster: o.largest,
    candidatePairsCompared: o.compared,
    pairsAboveReview: o.pairs.w.length,
    refusedLinks: o.refused.length,
    settings: o.config,
    blocking: {
      automatic: Boolean(o.automaticBlocking),
      rules: o.rules,
      budgetPairs: o.automaticBlocking?.budget,
      budgetUsedPairs: o.automaticBlocking?.budgetUsed,
      estimatedRecall: o.blockingRecall,
    },
    calibration: o.calibration,
    calibrationCheck: calibrationCheck(o.calibration),
    threshold: o.expected,
    quality: estimatedQuality(o),
    model: {
      prior: o.model.prior,
      matchingPairs: o.model.matchingPairs,
      randomPairs: o.model.randomPairs,
      emPairs: o.model.emPairs,
      notes: o.model.notes,
      // How each rule's EM ended: converged (parameters settled, or a plateau of the likelihood),
      // iterations, and whether it learned from the decisions (model.ts LOG_LIKELIHOOD_TOLERANCE).
      em: o.model.rules.flatMap((r) => (r.em ? [{ rule: r.label, ...r.em }] : [])),
      // Halves of compound given names the twin guard let through (compound-names.ts): how many
      // documented halves pairs were one person, and the probability undocumented ones were capped at.
      twinGuard: o.twinGuard,
      fields: o.model.fields.map((f) => ({ column: f.column, type: f.type, m: f.m, u: f.u })),
    },
    seconds: o.seconds,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * `testigo link` (DESIGN.md §4): unsupervised probabilistic record linkage of CSV lists.
 * Output rows follow the input order; cluster ids are "c1", "c2", … numbered by first record.
 */
export function registerLink(program: Command): void {
  program
    .command('link')
    .description(
      'link records of several CSV lists that describe the same person (Fellegi–Sunter, parameters estimated from the data)',
    )
    .argument('[files...]', 'CSV files with a header row (UTF-8); records of all files are linked together')
    .option('--id <col>', 'the record-id column (unique within each file)')
    .option(
      '--case [id]',
      "link the case file's source lists to each other and to its persons (instead of files); only records not linked yet are compared",
    )
    .option('--full', 'with --case: re-link every record, not only the new ones')
    .option(
      '--field <col:type>',
      `a column to compare and its type or role (repeat): ${TYPE_WORDS}; COLUMN alone when its header says (e.g. postcode, address, city, occupation, first_name)`,
      parseField,
      [] as FieldSpec[],
    )
    .option('--block <expr>', `blocking rules instead of the automatic choice: ${BLOCK_SYNTAX}`)
    .option(
      '--threshold <p>',
      'match probability at or above which records are linked (default 0.5: the model is calibrated, so this is the cut of best expected F1)',
      probability('--threshold'),
    )
    .option(
      '--review-min <p>',
      'pairs from this probability up to the threshold go to --review',
      probability('--review-min'),
      0.2,
    )
    .option('--out <file.csv>', 'output: source,record_id,cluster_id (required with files)')
    .option('--review <file.csv>', 'write uncertain pairs (and refused links) side by side for human review')
    .option(
      '--decisions <file.csv>',
      'recorded review decisions (the --review file with its decision column filled: same / different)',
    )
    .option('--report <file.json>', 'write settings, blocking rules, estimated m/u and timings as JSON')
    .option(
      '--workers <n>',
      'worker threads comparing pairs (default: every core)',
      int('--workers', 1),
      defaultWorkers(),
    )
    .option(
      '--max-cluster-size <n>',
      'no entity grows beyond this many records (default 50)',
      int('--max-cluster-size', 2),
    )
    .option(
      '--chain-margin <bits>',
      'chaining guard, in bits of match weight below the threshold (default 9)',
      num('--chain-margin'),
    )
    .option(
      '--seed <n>',
      'seed of the random samples (u and EM); same seed, same result',
      int('--seed', 0),
      1,
    )
    .option('--quiet', 'no progress on stderr')
    .action(async (files: string[], f: Flags) => {
      if (f.case !== undefined) {
        if (files.length > 0) throw new UsageError('give either FILES or --case, not both');
        return linkCase(f);
      }
      if (files.length === 0) throw new UsageError('name the CSV files to link (or use --case)');
      if (!f.id) throw new UsageError('--id names the record-id column of the files');
      if (!f.out) throw new UsageError('--out names the output file (source,record_id,cluster_id)');
      if (f.field.length === 0)
        throw new UsageError(`give at least one --field COLUMN:TYPE (types: ${FIELD_TYPES.join(', ')})`);
      if (f.field.some((x) => x.column === f.id))
        throw new UsageError(`--id ${f.id} cannot also be a --field: ids are never compared`);
      if (f.threshold !== undefined && f.reviewMin > f.threshold)
        throw new UsageError(`--review-min (${f.reviewMin}) must not exceed --threshold (${f.threshold})`);
      const quiet = Boolean(f.quiet);
      const readBar = progress('link: reading', { quiet });
      const inputs = await readInputs(files, f.id, f.field, (n) => readBar.update(n, undefined, 'records'));
      const n = inputs.enc.data.n;
      if (n === 0) throw new UsageError('the inputs hold no records (only header rows)');
      readBar.done(
        `${n.toLocaleString('en')} records from ${inputs.files.length} file(s): ${inputs.files.map((x) => `${x.source} ${x.count}`).join(', ')}`,
      );
      for (const u of inputs.enc.unreadable)
        process.stderr.write(
          `link: warning: ${u.count} value(s) of ${u.field} could not be read and count as missing, e.g. ${u.samples
            .map((s) => `"${s.text}"`)
            .join(', ')}\n`,
        );

      for (const r of inputs.enc.repairs) process.stderr.write(`link: note: ${r}\n`);

      const index = new Map<string, number>();
      for (const file of inputs.files)
        for (let i = file.first; i < file.first + file.count; i++)
          index.set(`${file.source}\u0000${inputs.enc.ids[i]}`, i);
      const decisions = f.decisions
        ? await readDecisions(f.decisions, (s, id) => index.get(`${s}\u0000${id}`))
        : undefined;

      const stageBars = new Map<string, ReturnType<typeof progress>>();
      const executor = workerExecutor(inputs.enc.data, f.workers);
      let outcome: LinkOutcome;
      try {
        outcome = await linkEncoded(
          inputs.enc,
          {
            fields: f.field,
            block: f.block,
            threshold: f.threshold,
            reviewMin: f.reviewMin,
            maxClusterSize: f.maxClusterSize,
            chainMargin: f.chainMargin,
            seed: f.seed,
          },
          {
            decisions,
            executor,
            onProgress: (stage, done, total) => {
              let bar = stageBars.get(stage);
              if (!bar) {
                bar = progress(`link: ${stage}`, { quiet });
                stageBars.set(stage, bar);
              }
              bar.update(done, total);
            },
          },
        );
      } finally {
        await executor.close();
      }

      // Output in input order.
      const sourceOf = (i: number) => inputs.enc.data.sources[inputs.enc.data.source[i]!]!;
      const out = new CsvOut(f.out, ['source', 'record_id', 'cluster_id']);
      try {
        const label = new Int32Array(outcome.clusters).fill(-1);
        let next = 0;
        for (let i = 0; i < n; i++) {
          const c = outcome.clusterOf[i]!;
          if (label[c] === -1) label[c] = ++next;
          await out.write([sourceOf(i), inputs.enc.ids[i]!, `c${label[c]}`]);
        }
        await out.close();
      } catch (err) {
        await out.abort();
        throw err;
      }

      let reviewCount = 0;
      if (f.review) {
        const reviewItems = reviewPairs(outcome);
        reviewCount = reviewItems.length;
        // Decisions travel with the review file: pairs decided earlier keep their decision (and
        // those no longer in the queue are listed after it), so the file passed back with
        // --decisions on the next run holds every decision, not only this round's.
        const pairKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
        const decided = new Map((decisions ?? []).map((d) => [pairKey(d.a, d.b), d.same]));
        const listed = new Set(reviewItems.map((it) => pairKey(it.a, it.b)));
        const items = [
          ...reviewItems,
          ...(decisions ?? [])
            .filter((d) => !listed.has(pairKey(d.a, d.b)))
            .map((d) => ({ a: d.a, b: d.b, w: Number.NaN, status: 'decided earlier' })),
        ];
        const wanted = new Set<number>();
        for (const it of items) wanted.add(it.a).add(it.b);
        const values = await readRecordValues(inputs, f.field, wanted);
        const cols = f.field.map((x) => x.column);
        const rev = new CsvOut(f.review, [
          'source_a',
          'record_id_a',
          'source_b',
          'record_id_b',
          'probability',
          'status',
          ...cols.flatMap((c) => [`${c}_a`, `${c}_b`]),
          // How far to trust the probability: in its band, the model's mean probability of the
          // decided pairs and the share of them that were the same person (blank until decisions
          // exist); the run's estimated blocking recall and the recall range the model expects.
          'predicted_same_in_band',
          'observed_same_in_band',
          'blocking_recall',
          'model_recall_range',
          'decision',
        ]);
        try {
          for (const it of items) {
            const va = values.get(it.a) ?? [];
            const vb = values.get(it.b) ?? [];
            await rev.write([
              sourceOf(it.a),
              inputs.enc.ids[it.a]!,
              sourceOf(it.b),
              inputs.enc.ids[it.b]!,
              Number.isNaN(it.w) ? '' : (1 / (1 + 2 ** -it.w)).toFixed(4),
              it.status,
              ...cols.flatMap((_, k) => [va[k] ?? '', vb[k] ?? '']),
              ...(Number.isNaN(it.w) ? ['', ''] : bandCells(outcome.calibration, it.w)),
              outcome.blockingRecall.estimate.toFixed(3),
              recallRangeText(outcome.expected),
              DECISION_TEXT[String(decided.get(pairKey(it.a, it.b)))] ?? '',
            ]);
          }
          await rev.close();
        } catch (err) {
          await rev.abort();
          throw err;
        }
      }
      const report = runReport(outcome, n, inputs.files, inputs.enc.repairs);
      // Said even with --quiet: a blocking that misses pairs undercounts links silently otherwise.
      if (outcome.blockingRecall.warning)
        process.stderr.write(`link: warning: ${outcome.blockingRecall.warning}\n`);
      if (f.report) await writeFile(f.report, `${JSON.stringify(report, null, 2)}\n`);

      if (!quiet) {
        const lines = [
          `link: ${n.toLocaleString('en')} records → ${outcome.clusters.toLocaleString('en')} entities (largest ${outcome.largest}); ` +
            `${outcome.compared.toLocaleString('en')} candidate pairs compared`,
          `link: blocking (${outcome.automaticBlocking ? 'automatic' : '--block'}): ${outcome.rules
            .map(
              (r) =>
                `${r.label} [${r.pairs.toLocaleString('en')} pairs${r.skipped ? `, ${r.skipped} oversized blocks skipped` : ''}]`,
            )
            .join(' | ')}`,
          `link: model: prior ${outcome.model.prior.toExponential(2)}, ${outcome.model.fields
            .map((x) => `${x.column} m=${pct(x.m[0]!)} u=${pct(x.u[0]!)}`)
            .join(', ')}`,
          expectationLine(outcome.expected),
          calibrationLine(calibrationCheck(outcome.calibration)),
          `link: estimated blocking recall ${outcome.blockingRecall.estimate.toFixed(3)} (model ${outcome.blockingRecall.fromModel.toFixed(3)}, high-confidence pairs ${outcome.blockingRecall.fromHighConfidencePairs?.toFixed(3) ?? 'n/a'})`,
          ...outcome.model.notes.map((x) => `link: note: ${x}`),
          ...(decisions
            ? [
                `link: ${decisions.length} recorded decision(s) honoured and learned from (EM)`,
                decisionQualityLine(outcome),
              ]
            : []),
          ...(f.review ? [`link: ${reviewCount} pair(s) for review written to ${f.review}`] : []),
          `link: time ${Object.entries(outcome.seconds)
            .map(([k, s]) => `${k} ${s.toFixed(1)} s`)
            .join(', ')}`,
        ];
        process.stderr.write(`${lines.join('\n')}\n`);
      }
    });
}

function decisionQualityLine(o: LinkOutcome): string {
  const q = estimatedQuality(o).fromDecisions;
  if (!q) return 'link: no decided pair was among the scored pairs: no precision/recall from decisions';
  return `link: from ${q.decided} decided pair(s) (${q.bandsFromDecisions} probability band(s)): precision ${q.precision.toFixed(3)}, recall ${q.recall.toFixed(3)}; the model alone expects ${o.expected.expectedPrecision.toFixed(3)}, ${o.expected.expectedRecall.toFixed(3)}`;
}

/** `testigo link --case`: the case file's lists, linked to each other and to its persons. */
async function linkCase(f: Flags): Promise<void> {
  const store = await openStoreFromEnv();
  try {
    const caseId = await store.resolveCaseId(typeof f.case === 'string' ? f.case : undefined);
    const r = await linkCaseFile(store, caseId, actor(), {
      fields: f.field.length > 0 ? f.field : undefined,
      threshold: f.threshold,
      reviewMin: f.reviewMin,
      seed: f.seed,
      full: f.full,
      executor: (enc) => workerExecutor(enc.data, f.workers),
    });
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } finally {
    await store.close();
  }
}
