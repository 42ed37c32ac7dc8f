/**
 * Signed checkpoints of the audit log: the Merkle root of the first `treeSize` entries, signed
 * with an Ed25519 key derived from the store's master key. Export one regularly and keep it
 * somewhere else (another machine, a partner organization, printed in a report); verifying the
 * store against it later detects what the hash chain alone cannot: a rewritten history whose
 * chain hashes were all recomputed, a truncated tail with a fixed-up head, a rollback to an
 * older backup. The checkpoint carries its public key so it can be checked offline; verification
 * against a store also insists that the key is that store's.
 */
import { createPublicKey, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { InputError } from '../domain/errors.js';
import { consistencyProof, type Hash, leafHash, rootOf, verifyConsistency } from './audit-merkle.js';
import type { CaseStore } from './case-store.js';

const PURPOSE = 'audit-checkpoint-v1';

export const Checkpoint = z.object({
  format: z.literal('testigo-audit-checkpoint/v1'),
  treeSize: z.number().int().nonnegative(),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Chain hash of the last entry covered (the audit head at that time). */
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  /** Ed25519 public key, SPKI DER, base64. */
  publicKey: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** The bytes signed: every field but the signature, one per line, fixed order. */
function signedText(c: Omit<Checkpoint, 'signature'>): Buffer {
  return Buffer.from(
    [c.format, String(c.treeSize), c.rootHash, c.headHash, c.at, c.publicKey].join('\n'),
    'utf8',
  );
}

/** Leaf hashes of the whole log, in order (entry hashes; the chain was checked separately). */
async function leaves(store: CaseStore): Promise<{ leaves: Hash[]; hashes: string[] }> {
  const out: Hash[] = [];
  const hashes: string[] = [];
  let after = 0;
  for (;;) {
    const page = await store.auditEntries({ afterSeq: after, limit: 5000 });
    if (page.length === 0) break;
    for (const e of page) {
      out.push(leafHash(e.hash));
      hashes.push(e.hash);
    }
    after = page[page.length - 1]!.seq;
  }
  return { leaves: out, hashes };
}

export async function createCheckpoint(store: CaseStore): Promise<Checkpoint> {
  const { leaves: ls, hashes } = await leaves(store);
  const { privateKey, publicKey } = store.sealer.signingKey(PURPOSE);
  const body = {
    format: 'testigo-audit-checkpoint/v1' as const,
    treeSize: ls.length,
    rootHash: rootOf(ls).toString('hex'),
    headHash: hashes[hashes.length - 1] ?? '0'.repeat(64),
    at: new Date().toISOString(),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
  return { ...body, signature: sign(null, signedText(body), privateKey).toString('base64') };
}

/** Parses a checkpoint file's text, naming what is wrong with it. */
export function parseCheckpoint(text: string, file = 'checkpoint'): Checkpoint {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError(`${file} is not JSON`);
  }
  const r = Checkpoint.safeParse(raw);
  if (!r.success)
    throw new InputError(
      `${file} is not a Testigo audit checkpoint`,
      r.error.issues.map((i) => ({ file, field: i.path.join('.'), message: i.message })),
    );
  return r.data;
}

/** Checks the checkpoint's own signature (offline, with its embedded key). */
export function checkpointSignatureValid(c: Checkpoint): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(c.publicKey, 'base64'), format: 'der', type: 'spki' });
    const { signature, ...body } = c;
    return verify(null, signedText(body), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export interface CheckpointVerification {
  ok: boolean;
  entries: number;
  checkpointSize: number;
  problems: string[];
}

/**
 * Verifies the store's audit log against a checkpoint: signed by this store's key, the log at
 * least as long as it was, and the first `treeSize` entries still hashing to the signed root
 * (checked through a consistency proof from the old tree to the current one, as a remote
 * verifier would).
 */
export async function verifyCheckpoint(store: CaseStore, c: Checkpoint): Promise<CheckpointVerification> {
  const problems: string[] = [];
  if (!checkpointSignatureValid(c))
    problems.push('the checkpoint signature is invalid (the file was edited or forged)');
  const own = store.sealer
    .signingKey(PURPOSE)
    .publicKey.export({ format: 'der', type: 'spki' })
    .toString('base64');
  if (own !== c.publicKey) problems.push("the checkpoint was not signed by this store's key");
  const { leaves: ls, hashes } = await leaves(store);
  if (ls.length < c.treeSize) {
    problems.push(
      `the log has ${ls.length} entries, fewer than the ${c.treeSize} the checkpoint of ${c.at} covers: it was truncated or rolled back`,
    );
  } else if (c.treeSize > 0) {
    const oldRoot = Buffer.from(c.rootHash, 'hex');
    const proof = consistencyProof(ls, c.treeSize, ls.length);
    if (!verifyConsistency(c.treeSize, ls.length, proof, oldRoot, rootOf(ls))) {
      // Name the first entry that differs when the old head is still known.
      const where =
        hashes[c.treeSize - 1] === c.headHash ? '' : ` (entry ${c.treeSize} is not the one checkpointed)`;
      problems.push(
        `the first ${c.treeSize} entries no longer hash to the checkpoint's root: earlier history was rewritten${where}`,
      );
    }
  }
  const chain = await store.verifyAudit();
  if (!chain.ok && chain.problem) problems.push(`hash chain: ${chain.problem.message}`);
  return { ok: problems.length === 0, entries: ls.length, checkpointSize: c.treeSize, problems };
}
