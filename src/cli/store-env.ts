/**
 * How commands find their store and key (DESIGN §4): data under TESTIGO_DATA (default
 * ./testigo-data) or PostgreSQL at TESTIGO_DATABASE_URL; the key from TESTIGO_PASSPHRASE or
 * TESTIGO_KEY_FILE, else an interactive prompt. Without a terminal there is no prompt: a missing
 * key is a clear error, never a hang.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { KeyError } from '../domain/errors.js';
import type { KeySource } from '../security/keyring.js';
import { DEMO_MARKER, DEMO_PASSPHRASE } from '../services/demo.js';
import type { CaseStore } from '../store/case-store.js';
import { openStore } from '../store/open.js';

export { DEMO_MARKER, DEMO_PASSPHRASE };

export function dataDir(): string {
  return resolve(process.env.TESTIGO_DATA || './testigo-data');
}

export function databaseUrl(): string | undefined {
  return process.env.TESTIGO_DATABASE_URL || undefined;
}

/** Evidence on S3-compatible storage: `s3://bucket/prefix?endpoint=…` (credentials from AWS_* variables). */
export function blobUrl(): string | undefined {
  return process.env.TESTIGO_BLOB_URL || undefined;
}

export function isDemoStore(dir = dataDir()): boolean {
  return existsSync(join(dir, DEMO_MARKER));
}

export async function keySourceFromEnv(opts: { allowDemo?: boolean; dir?: string } = {}): Promise<KeySource> {
  if (process.env.TESTIGO_PASSPHRASE)
    return { kind: 'passphrase', passphrase: process.env.TESTIGO_PASSPHRASE };
  if (process.env.TESTIGO_KEY_FILE) {
    const file = process.env.TESTIGO_KEY_FILE;
    let raw: Buffer;
    try {
      raw = readFileSync(file);
    } catch {
      throw new KeyError(`cannot read the key file ${file}`);
    }
    const text = raw.toString('utf8').trim();
    const key = /^[0-9a-f]{64,}$/i.test(text) ? Buffer.from(text, 'hex') : raw;
    return { kind: 'keyfile', key };
  }
  if (opts.allowDemo && isDemoStore(opts.dir)) return { kind: 'passphrase', passphrase: DEMO_PASSPHRASE };
  if (process.stdin.isTTY && process.stderr.isTTY)
    return { kind: 'passphrase', passphrase: await promptHidden('Passphrase: ') };
  throw new KeyError('no key: set TESTIGO_PASSPHRASE or TESTIGO_KEY_FILE (no terminal to ask on)');
}

export async function openStoreFromEnv(
  opts: { create?: boolean; allowDemo?: boolean } = {},
): Promise<CaseStore> {
  const dir = dataDir();
  return openStore({
    dataDir: dir,
    databaseUrl: databaseUrl(),
    blobUrl: blobUrl(),
    key: await keySourceFromEnv({ allowDemo: opts.allowDemo ?? true, dir }),
    create: opts.create,
  });
}

/** Reads a passphrase from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  return new Promise((resolvePromise) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    out._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolvePromise(answer);
    });
  });
}
