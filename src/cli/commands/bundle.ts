import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { writeCaseBundle } from '../../bundle/case-bundle.js';
import { parseTrustFile, parseTrustValue, type TrustAnchor } from '../../bundle/trust.js';
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
      'check a bundle offline: manifest signature, signer pinned by a trust anchor, every file hash and every hash stated in custody, annex and report, panel signatures; exit 0 only if intact and pinned',
    )
    .argument('<file>', 'FILE.zip')
    .option(
      '--trust <key>',
      `a pinned signer: key fingerprint, PEM public key, or a file (PEM key, or trust file of "FINGERPRINT [CASE-ID [label]]" lines); repeatable; default: the file in ${TRUST_FILE_ENV}`,
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--require-signed', 'also exit 1 unless the panel has signed (draft or partially signed fails)')
    .option('--lang <lang>', 'es or en', 'en')
    .action(async (file: string, f: { trust: string[]; requireSigned?: boolean; lang: string }) => {
      const result = await verifyBundle(file, { trust: trustAnchors(f.trust) });
      const lines = formatVerifyResult(result, f.lang === 'es' ? 'es' : 'en');
      (result.ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
      const unsigned = f.requireSigned && result.panel?.status !== 'signed';
      if (!result.ok || unsigned) process.exitCode = 1;
    });
}

/** Environment variable naming the trust file used when no --trust is given. */
export const TRUST_FILE_ENV = 'TESTIGO_TRUST_FILE';

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function trustAnchors(values: string[]): TrustAnchor[] {
  if (values.length > 0) return values.flatMap((v) => parseTrustValue(v, readTextOrUndefined));
  const file = process.env[TRUST_FILE_ENV];
  if (!file) return [];
  const text = readTextOrUndefined(file);
  if (text === undefined) throw new UsageError(`${TRUST_FILE_ENV}=${file}: the trust file cannot be read`);
  return parseTrustFile(text, file);
}
