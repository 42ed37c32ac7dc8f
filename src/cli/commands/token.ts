import type { Command } from 'commander';
import { type Clearance, createToken, revokeToken } from '../../security/tokens.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('API tokens (shown once, stored hashed)');
  token
    .command('create')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--clearance <level>', 'full (sees protected identities) or public (pseudonyms)', 'public')
    .option('--as <actor>', 'who the token acts as in the audit log', 'user:api')
    .action(async (opts: { name: string; clearance: Clearance; as: string }) => {
      const store = await openStoreFromEnv();
      try {
        const { token: t, info } = await createToken(store, opts.name, opts.as, opts.clearance, actor());
        process.stderr.write(`token ${info.id} created; it is shown once:\n`);
        process.stdout.write(`${t}\n`);
      } finally {
        await store.close();
      }
    });
  token
    .command('revoke')
    .argument('<id>', 'token id (tok_…)')
    .action(async (id: string) => {
      const store = await openStoreFromEnv();
      try {
        const ok = await revokeToken(store, id, actor());
        process.stderr.write(ok ? `revoked ${id}\n` : `no active token ${id}\n`);
        process.exitCode = ok ? 0 : 1;
      } finally {
        await store.close();
      }
    });
}
