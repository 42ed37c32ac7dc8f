/**
 * Property tests of the crypto envelopes: whatever bytes an attacker flips, truncates or appends
 * in a sealed secret or an evidence blob, reading it fails with an integrity error — never
 * returns altered plaintext and never throws anything else. Case counts are printed.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { IntegrityError } from '../domain/errors.js';
import { BlobStore } from '../store/blobs.js';
import { MasterKey } from './keyring.js';
import { Sealer } from './seal.js';

const RUNS = Number(process.env.TESTIGO_FUZZ_RUNS ?? 300);
const master = new MasterKey('k_fuzz', randomBytes(32));
const dir = mkdtempSync(join(tmpdir(), 'testigo-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A change to a byte string: flip bits at a position, truncate, or append. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), extra: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
function mutate(buf: Buffer, m: Mutation): Buffer {
  const b = Buffer.from(buf);
  if (m.kind === 'flip') {
    b[m.at % b.length]! ^= m.bits;
    return b;
  }
  if (m.kind === 'truncate') return b.subarray(0, m.at % b.length);
  return Buffer.concat([b, Buffer.from(m.extra)]);
}

describe('crypto envelopes under tampering (fast-check)', () => {
  it('sealed secrets: any change is rejected', () => {
    const sealer = new Sealer(master);
    let cases = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), mutation, (plain, m) => {
        cases++;
        const sealed = sealer.seal(plain, 'ctx');
        const [v, alg, keyId, data] = sealed.split('.');
        const bad = `${v}.${alg}.${keyId}.${mutate(Buffer.from(data!, 'base64url'), m).toString('base64url')}`;
        assert.equal(sealer.open(sealed, 'ctx'), plain);
        assert.throws(() => sealer.open(bad, 'ctx'), IntegrityError);
        assert.throws(() => sealer.open(sealed, 'other-context'), IntegrityError);
      }),
      { numRuns: RUNS },
    );
    process.stderr.write(`fuzz: sealed secrets, ${cases} cases\n`);
  });

  it('evidence blobs: any change to the stored file is rejected on read', async () => {
    const blobs = new BlobStore(dir, master);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 200_000 }), mutation, async (bytes, m) => {
        cases++;
        const stored = await blobs.put(Buffer.from(bytes));
        const path = blobs.pathFor(stored.sha256);
        const original = readFileSync(path);
        const bad = mutate(original, m);
        if (bad.equals(original)) return;
        writeFileSync(path, bad);
        try {
          await assert.rejects(blobs.get(stored.sha256), IntegrityError);
        } finally {
          writeFileSync(path, original);
        }
        assert.ok(Buffer.from(bytes).equals(await blobs.get(stored.sha256)));
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 3)) },
    );
    process.stderr.write(`fuzz: evidence blobs, ${cases} cases\n`);
  });
});
