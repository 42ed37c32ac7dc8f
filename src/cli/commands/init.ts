import type { Command } from 'commander';
import { Accounts } from '../../services/accounts.js';
import { openStoreFromEnv } from '../store-env.js';
import { newPassword } from './users.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create an encrypted store, its first administrator and optionally a first case file')
    .option(
      '--admin <username>',
      'the first administrator (password from TESTIGO_NEW_PASSWORD or asked)',
      'admin',
    )
    .option(
      '--case-title <title>',
      'create a case file with this title (the administrator becomes its administrator)',
    )
    .option('--country <code>', 'ISO country code of the case file', 'VE')
    .action(async (opts: { admin: string; caseTitle?: string; country: string }) => {
      const store = await openStoreFromEnv({ create: true, allowDemo: false });
      try {
        const accounts = new Accounts(store);
        let admin = await accounts.userByName(opts.admin);
        if (!admin) {
          admin = await accounts.createUser(
            { username: opts.admin, password: await newPassword(), isAdmin: true },
            actor(),
          );
          process.stderr.write(`administrator ${admin.username} created\n`);
        }
        if (opts.caseTitle) {
          const c = await store.createCase({ title: opts.caseTitle, country: opts.country }, actor());
          await accounts.setMember(c.id, admin.id, 'administrator', actor());
          process.stdout.write(`${c.id}\n`);
        }
        process.stderr.write('store ready\n');
      } finally {
        await store.close();
      }
    });
}

/** Who the CLI acts as in the audit log. */
export function actor(): string {
  return `cli:${process.env.USER || process.env.LOGNAME || 'unknown'}`;
}
