/**
 * `testigo timestamp`: RFC 3161 timestamps for an evidence bundle, with no network of its own.
 * `request` writes a TimeStampReq for the SHA-256 of the bundle's manifest.json (send it to any
 * authority by whatever channel is safe); `accept` checks the authority's TimeStampResp offline
 * and stores it next to the bundle as FILE.zip.tsr, where `testigo verify` finds it.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseTimestampRequest, timestampRequest } from '../../bundle/timestamp.js';
import { formatVerifyResult, verifyBundle } from '../../bundle/verify.js';
import { UsageError } from '../../domain/errors.js';
import { loadTrust, readBytes } from './bundle.js';

const collect = (v: string, prev: string[]) => [...prev, v];

/** Writes a file whole or not at all. */
function writeAtomic(path: string, bytes: Uint8Array): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, bytes, { mode: 0o644 });
  renameSync(partial, path);
}

export function registerTimestamp(program: Command): void {
  const ts = program
    .command('timestamp')
    .description(
      "RFC 3161 trusted timestamps of a bundle's manifest: make the request, accept the authority's response",
    );

  ts.command('request')
    .description(
      'write a time-stamp request (TimeStampReq, DER) for an intact bundle: FILE.zip.tsq by default',
    )
    .argument('<file>', 'FILE.zip')
    .option('--out <file>', 'where to write the request (default FILE.zip.tsq)')
    .action(async (file: string, f: { out?: string }) => {
      const result = await verifyBundle(file);
      if (!result.intact || !result.manifestSha256) {
        process.stderr.write(`${formatVerifyResult(result).join('\n')}\n`);
        throw new UsageError(`${file} is not an intact bundle: no timestamp is requested for it`);
      }
      const out = f.out ?? `${file}.tsq`;
      writeAtomic(out, timestampRequest(result.manifestSha256));
      process.stdout.write(
        `time-stamp request for manifest.json SHA-256 ${result.manifestSha256} written to ${out}\n` +
          `send it to an RFC 3161 authority, e.g.:\n` +
          `  curl -sS -H 'Content-Type: application/timestamp-query' --data-binary @${out} https://TSA/ -o ${file}.response.tsr\n` +
          `then: testigo timestamp accept ${file} ${file}.response.tsr --tsa-cert TSA.pem\n`,
      );
    });

  ts.command('accept')
    .description("check the authority's response offline and store it next to the bundle (FILE.zip.tsr)")
    .argument('<file>', 'FILE.zip')
    .argument('<response>', "the authority's TimeStampResp (DER)")
    .option('--tsa-cert <file>', 'pinned TSA certificate (PEM or DER); repeatable', collect, [] as string[])
    .option('--trust <file>', 'trust file holding TSA certificates; repeatable', collect, [] as string[])
    .option(
      '--request <file>',
      'the request it answers, to check the nonce (default FILE.zip.tsq when present)',
    )
    .action(
      async (
        file: string,
        responsePath: string,
        f: { tsaCert: string[]; trust: string[]; request?: string },
      ) => {
        const { tsaCertificates } = loadTrust(f.trust, f.tsaCert);
        const response = readBytes(responsePath, 'response');
        const reqPath = f.request ?? (existsSync(`${file}.tsq`) ? `${file}.tsq` : undefined);
        let nonce: string | undefined;
        if (reqPath) {
          try {
            nonce = parseTimestampRequest(readBytes(reqPath, '--request')).nonce;
          } catch (err) {
            throw new UsageError(`${reqPath}: not a time-stamp request (${(err as Error).message})`);
          }
        }
        const result = await verifyBundle(file, {
          timestamp: { response, tsaCertificates, ...(nonce ? { nonce } : {}) },
        });
        const t = result.timestamp;
        if (!result.intact || !t?.valid) {
          process.stderr.write(`${formatVerifyResult(result).join('\n')}\n`);
          process.stderr.write('the response was NOT stored\n');
          process.exitCode = 1;
          return;
        }
        writeAtomic(`${file}.tsr`, response);
        process.stdout.write(
          `timestamp stored in ${file}.tsr: manifest.json existed at ${t.genTime} according to ${t.tsa}` +
            (t.pinned
              ? ' (pinned authority)\n'
              : ' — authority NOT pinned: give --tsa-cert to trust its time\n'),
        );
      },
    );
}
