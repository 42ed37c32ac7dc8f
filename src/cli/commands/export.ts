import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportCase } from '../../ingest/case-json.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the whole case file as JSON (round-trips through `testigo import`)')
    .option('--case <id>', 'case file (may be omitted when the store holds one)')
    .requiredOption('--out <file>', 'output JSON file')
    .option('--no-files', 'leave the evidence files out (records and hashes only)')
    .action(async (opts: { case?: string; out: string; files: boolean }) => {
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(opts.case);
        const doc = await exportCase(store, caseId, { files: opts.files });
        // Write to a temp name and rename, so a failure never leaves a truncated export behind.
        const tmp = `${opts.out}.partial`;
        await new Promise<void>((resolve, reject) => {
          const out = createWriteStream(tmp, { mode: 0o600 });
          out.on('error', reject);
          out.end(`${JSON.stringify(doc)}\n`, () => resolve());
        });
        await rename(tmp, opts.out);
        await store.audit({
          actor: actor(),
          action: 'export',
          entity: 'case-files',
          entityId: caseId,
          caseId,
          after: { out: opts.out, files: opts.files },
        });
        const n = Object.values(doc.records).reduce((a, l) => a + l.length, 0);
        process.stderr.write(
          `exported ${n} records, ${doc.sourceRecords.length} list rows, ${doc.files.length} files to ${opts.out}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
