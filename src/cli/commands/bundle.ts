import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { writeCaseBundle } from '../../bundle/case-bundle.js';
import { formatVerifyResult, verifyBundle } from '../../bundle/verify.js';
import { UsageError } from '../../domain/errors.js';
import { openStoreFromEnv } from '../store-env.js';
import { actor } from './init.js';
import { parseEdition } from './report.js';

export function registerBundle(program: Command): void {
  program
    .command('bundle')
    .description(
      'the signed evidence bundle: report, signed content, analysis, consented evidence files, custody, audit head',
    )
    .option('--case <id>', 'case file (may be omitted when the store holds one)')
    .option('--edition <edition>', 'confidential or public', 'confidential')
    .requiredOption('--out <file>', 'FILE.zip')
    .action(async (f: { case?: string; edition: string; out: string }) => {
      const edition = parseEdition(f.edition);
      if (!f.out.toLowerCase().endsWith('.zip')) throw new UsageError('--out must end in .zip');
      const store = await openStoreFromEnv();
      try {
        const caseId = await store.resolveCaseId(f.case);
        const res = await writeCaseBundle(
          store,
          caseId,
          edition,
          f.out,
          actor(),
          `testigo ${program.version() ?? ''}`.trim(),
        );
        process.stderr.write(
          `${edition} bundle written to ${f.out}: ${res.files} files (${res.evidence} evidence, ${res.withheld} withheld by consent), ${res.bytes} bytes\nreport content SHA-256 ${res.reportHash}\nsigned by ${res.fingerprint}\n`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('verify')
    .description(
      'check a bundle offline: manifest signature, every file hash, missing or extra files, panel signatures; exit 0 only if intact',
    )
    .argument('<file>', 'FILE.zip')
    .option('--trust <pem...>', 'public key(s) (PEM files) the bundle must be signed with')
    .option('--lang <lang>', 'es or en', 'en')
    .action(async (file: string, f: { trust?: string[]; lang: string }) => {
      const trusted = f.trust ? await Promise.all(f.trust.map((p) => readFile(p, 'utf8'))) : undefined;
      const result = await verifyBundle(file, trusted ? { trustedPublicKeysPem: trusted } : {});
      const lines = formatVerifyResult(result, f.lang === 'es' ? 'es' : 'en');
      (result.ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
      if (!result.ok) process.exitCode = 1;
    });
}
