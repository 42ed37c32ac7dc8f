import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { createCheckpoint, parseCheckpoint, verifyCheckpoint } from '../../store/audit-checkpoint.js';
import { openStoreFromEnv } from '../store-env.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log and its signed checkpoints');
  audit
    .command('verify')
    .description(
      'recompute the audit chain; exits 0 only when it is intact, else names the first bad entry. With --checkpoint, also proves the log only grew since that checkpoint (detects rewritten history, truncation, rollback)',
    )
    .option('--format <fmt>', 'text or json', 'text')
    .option('--checkpoint <file>', 'a checkpoint written earlier by `testigo audit checkpoint`')
    .action(async (opts: { format: string; checkpoint?: string }) => {
      const cp = opts.checkpoint
        ? parseCheckpoint(await readFile(opts.checkpoint, 'utf8'), basename(opts.checkpoint))
        : undefined;
      const store = await openStoreFromEnv();
      try {
        if (cp) {
          const v = await verifyCheckpoint(store, cp);
          if (opts.format === 'json') process.stdout.write(`${JSON.stringify(v)}\n`);
          else if (v.ok)
            process.stdout.write(
              `audit log consistent with the checkpoint of ${cp.at}: its ${v.checkpointSize} entries unchanged, ${v.entries - v.checkpointSize} added since\n`,
            );
          else
            process.stdout.write(
              `audit log FAILS the checkpoint of ${cp.at}:\n${v.problems.map((p) => `  - ${p}`).join('\n')}\n`,
            );
          process.exitCode = v.ok ? 0 : 1;
          return;
        }
        const v = await store.verifyAudit();
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(v)}\n`);
        else if (v.ok) process.stdout.write(`audit log intact: ${v.entries} entries, head ${v.head.hash}\n`);
        else process.stdout.write(`audit log BROKEN at entry ${v.problem!.seq}: ${v.problem!.message}\n`);
        process.exitCode = v.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    });
  audit
    .command('checkpoint')
    .description(
      'write a signed checkpoint (Merkle root of the audit log, RFC 9162 style); keep it somewhere else and verify against it later',
    )
    .requiredOption('--out <file>', 'where to write the checkpoint (JSON)')
    .action(async (opts: { out: string }) => {
      const store = await openStoreFromEnv();
      try {
        const v = await store.verifyAudit();
        if (!v.ok) {
          process.stderr.write(`refusing to checkpoint a broken log: ${v.problem!.message}\n`);
          process.exitCode = 1;
          return;
        }
        const cp = await createCheckpoint(store);
        await writeFile(opts.out, `${JSON.stringify(cp, null, 2)}\n`, { flag: 'wx' });
        process.stdout.write(
          `checkpoint of ${cp.treeSize} entries, root ${cp.rootHash}, written to ${opts.out}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
