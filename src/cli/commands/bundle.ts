import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { writeCaseBundle } from '../../bundle/case-bundle.js';
import {
  certificatesIn,
  normalizeFingerprint,
  parseTrustFile,
  parseTrustValue,
  type TrustAnchor,
} from '../../bundle/trust.js';
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
      'check a bundle offline: manifest signature, signer pinned by a trust anchor, every file hash and every hash stated in custody, annex and report, panel signatures, audit checkpoint, RFC 3161 timestamp; exit 0 only if intact and pinned',
    )
    .argument('<file>', 'FILE.zip')
    .option(
      '--trust <key>',
      `a pinned signer: key fingerprint, PEM public key, or a file (PEM key, or trust file of "FINGERPRINT [CASE-ID [label]]" lines and TSA certificates); repeatable; default: the file in ${TRUST_FILE_ENV}`,
      collect,
      [] as string[],
    )
    .option(
      '--tsa-cert <file>',
      'a pinned RFC 3161 time-stamping authority certificate (PEM or DER); repeatable',
      collect,
      [] as string[],
    )
    .option('--timestamp <file>', 'the RFC 3161 time-stamp response (default: FILE.zip.tsr when present)')
    .option('--require-signed', 'also exit 1 unless the panel has signed (draft or partially signed fails)')
    .option('--lang <lang>', 'es or en', 'en')
    .action(
      async (
        file: string,
        f: { trust: string[]; tsaCert: string[]; timestamp?: string; requireSigned?: boolean; lang: string },
      ) => {
        const trust = loadTrust(f.trust, f.tsaCert);
        const tsrPath = f.timestamp ?? (existsSync(`${file}.tsr`) ? `${file}.tsr` : undefined);
        const response = tsrPath ? readBytes(tsrPath, '--timestamp') : undefined;
        const result = await verifyBundle(file, {
          trust: trust.anchors,
          ...(response ? { timestamp: { response, tsaCertificates: trust.tsaCertificates } } : {}),
        });
        const lines = formatVerifyResult(result, f.lang === 'es' ? 'es' : 'en');
        (result.ok ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
        const unsigned = f.requireSigned && result.panel?.status !== 'signed';
        if (!result.ok || unsigned) process.exitCode = 1;
      },
    );
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** Environment variable naming the trust file used when no --trust is given. */
export const TRUST_FILE_ENV = 'TESTIGO_TRUST_FILE';

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UsageError(
      `${what} ${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/**
 * The pinned bundle signers and TSA certificates: from --trust values (fingerprints, PEM keys,
 * trust files) or, when none is given, the trust file named by TESTIGO_TRUST_FILE; plus --tsa-cert files.
 */
export function loadTrust(
  values: string[],
  tsaCertFiles: string[] = [],
): { anchors: TrustAnchor[]; tsaCertificates: Buffer[] } {
  const anchors: TrustAnchor[] = [];
  const tsaCertificates = tsaCertFiles.map((p) => readBytes(p, '--tsa-cert'));
  const fromFile = (text: string, path: string) => {
    anchors.push(...parseTrustFile(text, path));
    tsaCertificates.push(...certificatesIn(text).map((c) => Buffer.from(c)));
  };
  for (const v of values) {
    const text = normalizeFingerprint(v) || v.includes('-----BEGIN') ? undefined : readTextOrUndefined(v);
    if (text !== undefined) fromFile(text, v);
    else anchors.push(...parseTrustValue(v, () => undefined));
  }
  const envFile = process.env[TRUST_FILE_ENV];
  if (values.length === 0 && envFile) {
    const text = readTextOrUndefined(envFile);
    if (text === undefined)
      throw new UsageError(`${TRUST_FILE_ENV}=${envFile}: the trust file cannot be read`);
    fromFile(text, envFile);
  }
  return { anchors, tsaCertificates };
}
