import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { generateDemoCase } from '../../demo/generate.js';
import { UsageError } from '../../domain/errors.js';
import { importCaseJson } from '../../ingest/case-json.js';
import { createToken } from '../../security/tokens.js';
import type { CaseStore } from '../../store/case-store.js';
import { openStore } from '../../store/open.js';
import { DEMO_MARKER, DEMO_PASSPHRASE, dataDir } from '../store-env.js';

export interface DemoResult {
  caseId: string;
  tokens: { full: string; public: string };
}

/**
 * Creates a fresh demo store in `dir` (wiping a previous demo store there, never anything else)
 * and loads the fictional demo case. The passphrase and tokens are published: demo only.
 */
export async function createDemoStore(
  dir: string,
  opts: { seed?: number } = {},
): Promise<{ store: CaseStore } & DemoResult> {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, DEMO_MARKER))) {
      throw new UsageError(
        `${dir} holds a store that is not a demo store; refusing to overwrite it (choose another --out)`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const store = await openStore({
    dataDir: dir,
    key: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE },
    create: true,
  });
  writeFileSync(
    join(dir, DEMO_MARKER),
    'This store holds the fictional demo case. Its passphrase is public. Never put real data here.\n',
  );
  const { caseId } = await importCaseJson(store, generateDemoCase({ seed: opts.seed }), 'system:demo', {
    file: 'demo',
  });
  const full = await createToken(store, 'demo (full clearance)', 'user:demo-admin', 'full', 'system:demo');
  const pub = await createToken(
    store,
    'demo (public clearance)',
    'user:demo-viewer',
    'public',
    'system:demo',
  );
  writeFileSync(
    join(dir, 'DEMO-CREDENTIALS.txt'),
    `DEMO ONLY — never use for real data.\npassphrase: ${DEMO_PASSPHRASE}\nAPI token (full clearance): ${full.token}\nAPI token (public clearance): ${pub.token}\n`,
    { mode: 0o600 },
  );
  return { store, caseId, tokens: { full: full.token, public: pub.token } };
}

export function printDemoBanner(dir: string, res: DemoResult): void {
  process.stderr.write(
    [
      '',
      '  ┌──────────────────────────── DEMO ONLY ────────────────────────────┐',
      `  Demo store: ${dir}`,
      `  Passphrase (public, demo only): ${DEMO_PASSPHRASE}`,
      `  API token, full clearance:   ${res.tokens.full}`,
      `  API token, public clearance: ${res.tokens.public}`,
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
