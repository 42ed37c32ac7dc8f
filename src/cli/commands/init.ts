import type { Command } from 'commander';
import { openStoreFromEnv } from '../store-env.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create an empty encrypted store (and optionally a first case file)')
    .option('--case-title <title>', 'create a case file with this title')
    .option('--country <code>', 'ISO country code of the case file', 'VE')
    .action(async (opts: { caseTitle?: string; country: string }) => {
      const store = await openStoreFromEnv({ create: true, allowDemo: false });
      try {
        process.stderr.write('store ready\n');
        if (opts.caseTitle) {
          const c = await store.createCase({ title: opts.caseTitle, country: opts.country }, actor());
          process.stdout.write(`${c.id}\n`);
        }
      } finally {
        await store.close();
      }
    });
}

/** Who the CLI acts as in the audit log. */
export function actor(): string {
  return `cli:${process.env.USER || process.env.LOGNAME || 'unknown'}`;
}
