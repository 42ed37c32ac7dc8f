import type { Command } from 'commander';
import { openStoreFromEnv } from '../store-env.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('recompute the audit chain; exits 0 only when it is intact, else names the first bad entry')
    .option('--format <fmt>', 'text or json', 'text')
    .action(async (opts: { format: string }) => {
      const store = await openStoreFromEnv();
      try {
        const v = await store.verifyAudit();
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(v)}\n`);
        else if (v.ok) process.stdout.write(`audit log intact: ${v.entries} entries, head ${v.head.hash}\n`);
        else process.stdout.write(`audit log BROKEN at entry ${v.problem!.seq}: ${v.problem!.message}\n`);
        process.exitCode = v.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    });
}
