import { rename, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { analyseCase } from '../../analysis/analyse.js';
import { loadCaseSnapshot } from '../../analysis/load.js';
import { UsageError } from '../../domain/errors.js';
import { type Edition, prepareReport, reportHtml, reportPdf } from '../../report/build.js';
import type { Lang } from '../../report/i18n.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

export function parseEdition(v: string): Edition {
  if (v !== 'confidential' && v !== 'public')
    throw new UsageError(`--edition must be confidential or public, not "${v}"`);
  return v;
}
function parseLang(v: string): Lang {
  if (v !== 'es' && v !== 'en') throw new UsageError(`--lang must be es or en, not "${v}"`);
  return v;
}

export function registerReport(program: Command): void {
  program
    .command('analyse')
    .alias('analyze')
    .description(
      'the legal analysis: case matrix (element status, corroboration, grade, gaps), context, responsibility, jurisdiction, gravity',
    )
    .option('--case <id>', 'case file (may be omitted when the store holds one)')
    .option('--format <format>', 'json or table', 'table')
    .action(async (f: { case?: string; format: string }) => {
      if (f.format !== 'json' && f.format !== 'table') throw new UsageError('--format must be json or table');
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        const a = analyseCase(await loadCaseSnapshot(store, caseId));
        if (f.format === 'json') {
          process.stdout.write(`${JSON.stringify(a, null, 2)}\n`);
          return;
        }
        const lines = [
          `law ${a.lawVersion} · inputs SHA-256 ${a.inputsSha256}`,
          `thresholds: ≥${a.thresholds.minIndependentSources} independent groups, reliability ≤${a.thresholds.minReliability}, credibility ≤${a.thresholds.maxCredibility}`,
          '',
          'context:',
          ...a.indicators.context.map(
            (e) =>
              `  ${e.elementId.padEnd(28)} ${e.status.padEnd(14)} ${String(e.corroboration).padStart(3)} ${e.grade}`,
          ),
          '',
          'crime / element                 corroborated single contested none  best',
        ];
        for (const c of a.crimes) {
          lines.push(
            `${c.crimeId}  (${c.incidents.length} incidents, ${c.victims} victims, ${c.incidentsAllCorroborated} fully corroborated)`,
          );
          for (const e of c.elementSummary)
            lines.push(
              `  ${e.elementId.padEnd(28)} ${String(e.incidents.corroborated).padStart(12)} ${String(e.incidents['single-source']).padStart(6)} ${String(e.incidents.contested).padStart(9)} ${String(e.incidents['no-evidence']).padStart(5)}  ${e.bestGrade || '—'}`,
            );
        }
        const w = a.indicators.widespread;
        lines.push(
          '',
          `widespread: ${w.documentedVictims} victims, ${w.acts} acts, ${w.states} states, ${w.months} months${w.estimate ? `; estimate ${w.estimate.estimate} [${w.estimate.interval.join(', ')}] (${w.estimate.method})` : ''}`,
          `systematic: ${(a.indicators.systematic.recurrentShare * 100).toFixed(1)}% of acts share a recurrent method, unit or site`,
          `jurisdiction: ${a.jurisdiction.acts.inside} inside, ${a.jurisdiction.acts.outside} outside, ${a.jurisdiction.acts.uncertain} uncertain (entry into force ${a.jurisdiction.entryIntoForce ?? 'unknown'})`,
          `suspects: ${a.suspects.length}; proceedings: ${a.admissibility.proceedings.length}; acts without proceedings: ${a.admissibility.actsWithoutProceedings}`,
        );
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });

  program
    .command('report')
    .description(
      'the panel report as PDF (drawn without a browser) or self-contained HTML, by the extension of --out',
    )
    .option('--case <id>', 'case file (may be omitted when the store holds one)')
    .option(
      '--edition <edition>',
      'confidential (full, with the identity annex) or public (pseudonymised)',
      'confidential',
    )
    .option('--lang <lang>', 'es or en', 'es')
    .requiredOption('--out <file>', 'FILE.pdf or FILE.html')
    .action(async (f: { case?: string; edition: string; lang: string; out: string }) => {
      const edition = parseEdition(f.edition);
      const lang = parseLang(f.lang);
      const ext = extname(f.out).toLowerCase();
      if (ext !== '.pdf' && ext !== '.html' && ext !== '.htm')
        throw new UsageError('--out must end in .pdf or .html');
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        const r = await prepareReport(store, caseId, { actor: actor(), freeze: true });
        const bytes =
          ext === '.pdf'
            ? await reportPdf(r, edition, lang)
            : Buffer.from(reportHtml(r, edition, lang), 'utf8');
        const partial = `${f.out}.partial`;
        await writeFile(partial, bytes, { mode: 0o600 });
        await rename(partial, f.out);
        const valid = r.signatures.filter((s) => s.valid).length;
        process.stderr.write(
          `${edition} report (${lang}) written to ${f.out}: ${bytes.length} bytes; content SHA-256 ${r.contentSha256}, version ${r.version?.number ?? '—'}, ${valid}/${r.content.panel.requiredSignatures} valid signatures\n`,
        );
      } finally {
        await store.close();
      }
    });
}
