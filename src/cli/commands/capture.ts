/**
 * `testigo capture URL|FILE... [--case ID] [--format json|table]` (DESIGN §4): preserves each
 * address or saved file as a WARC evidence item and extracts it into information items and
 * pending suggestions. With --format json: one object per input (an array when several). Each
 * input is captured whole or not at all; a failed input is named on stderr and the others go on.
 * `testigo suggestions list|accept|reject` decides on what capture suggested.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { acceptSuggestion, rejectSuggestion } from '../../capture/decide.js';
import { type CaptureInput, type CaptureReport, capture } from '../../capture/service.js';
import { formatFuzzyDate } from '../../domain/dates.js';
import { UsageError } from '../../domain/errors.js';
import { exitCodeFor, reportError } from '../errors.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

interface CaptureFlags {
  case?: string;
  format: string;
  charset?: string;
  collector?: string;
  maxBytes?: string;
  timeout?: string;
  protection?: string;
}

const PROTECTION = ['public', 'restricted', 'protected'] as const;

function decodeFlagInt(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}`);
  return n;
}

/** An argument is an address when it has a scheme; otherwise it must be a readable file. */
export function inputOf(arg: string): CaptureInput {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return { kind: 'url', url: arg };
  if (!existsSync(arg))
    throw new UsageError(`${arg}: no such file (addresses must start with http:// or https://)`);
  if (!statSync(arg).isFile()) throw new UsageError(`${arg} is not a file`);
  return { kind: 'file', fileName: arg, bytes: readFileSync(arg) };
}

function table(r: CaptureReport): string {
  const lines = [
    `${r.status.padEnd(9)} ${r.itemId} ${r.evidenceId} sha256:${r.sha256}`,
    `          ${r.title ?? '(no title)'}${r.outlet ? ` — ${r.outlet}` : ''}${r.published ? ` (${r.published})` : ''} [${r.language}]`,
    `          ${r.comments} comment(s), ${r.suggestions.length + r.commentSuggestions.length} suggestion(s) pending review`,
  ];
  return `${lines.join('\n')}\n`;
}

export function registerCapture(program: Command): void {
  program
    .command('capture')
    .description(
      'preserve web pages or saved files (WARC, SHA-256, collection record) and extract facts as suggestions',
    )
    .argument(
      '<input...>',
      'http(s) addresses or saved .html/.txt files (only these are fetched: no crawling)',
    )
    .option('--case <id>', 'case file (may be omitted when the store holds one)')
    .option('--format <format>', 'json or table', 'table')
    .option('--charset <name>', 'read the content in this encoding (when a page declares a wrong one)')
    .option('--collector <name>', 'who collects, for the collection record (default: your login)')
    .option('--max-bytes <n>', 'largest page accepted', String(10 * 1024 * 1024))
    .option('--timeout <seconds>', 'longest wait for a page', '20')
    .option('--protection <level>', 'protection of the captured article: public, restricted or protected')
    .action(async (inputs: string[], f: CaptureFlags) => {
      if (f.format !== 'json' && f.format !== 'table') throw new UsageError('--format must be json or table');
      if (f.protection && !(PROTECTION as readonly string[]).includes(f.protection))
        throw new UsageError('--protection must be public, restricted or protected');
      const maxBytes = decodeFlagInt('--max-bytes', f.maxBytes, 1);
      const timeoutMs = decodeFlagInt('--timeout', f.timeout, 1) * 1000;
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        const reports: CaptureReport[] = [];
        let worst = 0;
        for (const arg of inputs) {
          try {
            const r = await capture(store, caseId, inputOf(arg), {
              actor: actor(),
              collector: f.collector ?? actor(),
              charset: f.charset,
              maxBytes,
              timeoutMs,
              protection: f.protection as (typeof PROTECTION)[number] | undefined,
            });
            reports.push(r);
            if (f.format === 'table') process.stdout.write(table(r));
          } catch (err) {
            if (inputs.length === 1) throw err;
            reportError(err);
            worst = Math.max(worst, exitCodeFor(err));
          }
        }
        if (f.format === 'json')
          process.stdout.write(`${JSON.stringify(inputs.length === 1 ? reports[0] : reports, null, 2)}\n`);
        if (worst) {
          process.stderr.write(
            `testigo: ${inputs.length - reports.length} of ${inputs.length} input(s) not captured\n`,
          );
          process.exitCode = worst;
        }
      } finally {
        await store.close();
      }
    });

  const sg = program
    .command('suggestions')
    .description('review what capture suggested: list, accept, reject');
  sg.command('list')
    .description('pending suggestions (or --status accepted|rejected), with the words they come from')
    .option('--case <id>')
    .option('--item <id>', 'only those of one information item')
    .option('--status <status>', 'pending, accepted or rejected', 'pending')
    .option('--format <format>', 'json or table', 'table')
    .action(async (f: { case?: string; item?: string; status: string; format: string }) => {
      if (!['pending', 'accepted', 'rejected'].includes(f.status))
        throw new UsageError('--status must be pending, accepted or rejected');
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        const where: Record<string, string> = { status: f.status };
        if (f.item) where.itemId = f.item;
        const list = await store.list('suggestion', caseId, { where, limit: 100_000, sort: 'created' });
        if (f.format === 'json') {
          process.stdout.write(
            `${JSON.stringify(
              list.map((r) => ({ id: r.id, ...r.body })),
              null,
              2,
            )}\n`,
          );
          return;
        }
        for (const r of list) {
          const b = r.body;
          const extra = [
            b.role,
            b.placeCode,
            b.date ? formatFuzzyDate(b.date) : undefined,
            b.actType,
            ...b.methods,
          ]
            .filter(Boolean)
            .join(' ');
          process.stdout.write(
            `${r.id} ${b.kind.padEnd(12)} ${b.value}${extra ? ` (${extra})` : ''}\n    “${b.text.replace(/\s+/g, ' ').slice(0, 200)}”\n`,
          );
        }
        process.stdout.write(`${list.length} suggestion(s)\n`);
      } finally {
        await store.close();
      }
    });
  sg.command('accept')
    .description('accept a suggestion: creates the record it proposes (or links --person), audited')
    .argument('<id>')
    .option('--case <id>')
    .option('--person <id>', 'link to this existing person instead of creating one')
    .option('--note <text>')
    .action(async (id: string, f: { case?: string; person?: string; note?: string }) => {
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        const r = await acceptSuggestion(store, caseId, id, actor(), { personId: f.person, note: f.note });
        process.stdout.write(
          `accepted ${r.id}${r.body.createdRecordId ? ` → ${r.body.createdRecordId}` : ''}\n`,
        );
      } finally {
        await store.close();
      }
    });
  sg.command('reject')
    .description('reject a suggestion (the decision and its reason are recorded)')
    .argument('<id>')
    .option('--case <id>')
    .option('--note <text>', 'why')
    .action(async (id: string, f: { case?: string; note?: string }) => {
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        const r = await rejectSuggestion(store, caseId, id, actor(), f.note);
        process.stdout.write(`rejected ${r.id}\n`);
      } finally {
        await store.close();
      }
    });
}
