import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createDemoStore, DEMO_PASSWORD, DEMO_USERS, type DemoResult } from '../../services/demo.js';
import { DEMO_PASSPHRASE, dataDir } from '../store-env.js';

export function printDemoBanner(dir: string, res: DemoResult): void {
  process.stderr.write(
    [
      '',
      '  ┌──────────────────────────── DEMO ONLY ────────────────────────────┐',
      `  Demo store: ${dir}`,
      `  Passphrase (public, demo only): ${DEMO_PASSPHRASE}`,
      `  Users: ${DEMO_USERS.map((u) => u.username).join(', ')}`,
      `  Password of every demo user (demo only): ${DEMO_PASSWORD}`,
      `  API token (demo-admin, write): ${res.tokens.admin}`,
      `  API token (demo-viewer, read): ${res.tokens.viewer}`,
      '  This case file is fictional. Never put real testimony in a demo store.',
      '  └───────────────────────────────────────────────────────────────────┘',
      '',
    ].join('\n'),
  );
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('(re)create the fictional demo case in a demo store (passphrase printed, demo only)')
    .option('--out <dir>', 'data directory for the demo store (default: TESTIGO_DATA or ./testigo-data)')
    .option('--seed <n>', 'generator seed', (v) => Number.parseInt(v, 10))
    .action(async (opts: { out?: string; seed?: number }) => {
      const dir = opts.out ? resolve(opts.out) : dataDir();
      const res = await createDemoStore(dir, { seed: opts.seed });
      try {
        printDemoBanner(dir, res);
        process.stdout.write(`${res.caseId}\n`);
      } finally {
        await res.store.close();
      }
    });
}
