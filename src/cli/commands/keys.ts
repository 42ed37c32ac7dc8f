import type { Command } from 'commander';
import { keyStatus, reencrypt, rotateCaseKey } from '../../store/key-rotation.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('per-case data keys of field-level encryption (protected identities, testimonies, lists)');
  keys
    .command('status')
    .description('the case file’s data keys and how many sealed records and list rows each one holds')
    .option('--case <id>', 'case file (default: the only one)')
    .option('--format <fmt>', 'text or json', 'text')
    .action(async (opts: { case?: string; format: string }) => {
      const store = await openStoreFromEnv();
      try {
        const st = await keyStatus(store, await store.resolveCaseId(opts.case));
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(st)}\n`);
        else {
          for (const k of st.keys)
            process.stdout.write(
              `${k.version}  created ${k.createdAt}  ${k.retiredAt ? `retired ${k.retiredAt}` : 'CURRENT'}  records ${st.records[k.version] ?? 0}  rows ${st.rows[k.version] ?? 0}  drafts ${st.drafts[k.version] ?? 0}\n`,
            );
          if (st.records.clear || st.rows.clear)
            process.stdout.write(
              `not yet sealed: ${st.records.clear ?? 0} records, ${st.rows.clear ?? 0} rows (run \`testigo keys rotate\`)\n`,
            );
        }
      } finally {
        await store.close();
      }
    });
  keys
    .command('rotate')
    .description(
      'make a new data key for the case file and re-encrypt every sealed record and list row under it (safe while the server runs); older keys are kept, retired, to read the audit history',
    )
    .option('--case <id>', 'case file (default: the only one)')
    .option('--resume', 'only finish re-encrypting under the current key (no new key)')
    .action(async (opts: { case?: string; resume?: boolean }) => {
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(opts.case);
        let head = '';
        let r: Awaited<ReturnType<typeof reencrypt>>;
        if (opts.resume) r = await reencrypt(store, caseId);
        else {
          const rot = await rotateCaseKey(store, caseId, actor());
          head = `new data key ${rot.current} (retired: ${rot.previous.join(', ') || 'none'}); `;
          r = rot;
        }
        process.stdout.write(
          `${head}re-encrypted ${r.records} records, ${r.rows} list rows and ${r.drafts} interview drafts, re-indexed ${r.reindexed}${r.skipped ? `; ${r.skipped} changed meanwhile — run \`testigo keys rotate --resume\`` : ''}\n`,
        );
        process.exitCode = r.skipped ? 1 : 0;
      } finally {
        await store.close();
      }
    });
}
