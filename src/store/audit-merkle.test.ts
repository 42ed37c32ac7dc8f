import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  consistencyProof,
  type Hash,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './audit-merkle.js';

const leaves = Array.from({ length: 40 }, (_, i) =>
  leafHash(createHash('sha256').update(`entry ${i}`).digest('hex')),
);

/** The RFC's recursive definition, written plainly, to check the one-pass root against. */
function mth(ls: readonly Hash[]): Hash {
  if (ls.length === 0) return createHash('sha256').digest();
  if (ls.length === 1) return ls[0]!;
  let k = 1;
  while (k * 2 < ls.length) k *= 2;
  return nodeHash(mth(ls.slice(0, k)), mth(ls.slice(k)));
}

const flip = (h: Hash) => {
  const c = Buffer.from(h);
  c[0]! ^= 1;
  return c;
};

describe('audit Merkle tree (RFC 9162)', () => {
  it('computes the same root as the recursive definition for every size', () => {
    for (let n = 0; n <= leaves.length; n++)
      assert.ok(rootOf(leaves, n).equals(mth(leaves.slice(0, n))), `n=${n}`);
  });

  it('leaf and node hashes are domain-separated', () => {
    const h = createHash('sha256').update('x').digest('hex');
    assert.ok(!leafHash(h).equals(Buffer.from(h, 'hex')));
    assert.ok(!nodeHash(leaves[0]!, leaves[1]!).equals(leafHash(h)));
  });

  it('inclusion proofs verify for every leaf of every tree, and fail when tampered', () => {
    let checked = 0;
    for (let n = 1; n <= 33; n++) {
      const root = rootOf(leaves, n);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(leaves, m, n);
        assert.ok(verifyInclusion(leaves[m]!, m, n, proof, root), `m=${m} n=${n}`);
        assert.ok(!verifyInclusion(flip(leaves[m]!), m, n, proof, root));
        if (proof.length > 0)
          assert.ok(!verifyInclusion(leaves[m]!, m, n, [flip(proof[0]!), ...proof.slice(1)], root));
        if (n > 1)
          assert.ok(
            !verifyInclusion(leaves[m]!, (m + 1) % n, n, proof, root) ||
              leaves[m]!.equals(leaves[(m + 1) % n]!),
          );
        checked++;
      }
    }
    assert.equal(checked, 561);
  });

  it('consistency proofs verify for every pair of sizes, and fail for a rewritten history', () => {
    let checked = 0;
    for (let n = 1; n <= 33; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(leaves, m, n);
        const r1 = rootOf(leaves, m);
        const r2 = rootOf(leaves, n);
        assert.ok(verifyConsistency(m, n, proof, r1, r2), `m=${m} n=${n}`);
        if (m < n) {
          assert.ok(!verifyConsistency(m, n, proof, flip(r1), r2));
          assert.ok(!verifyConsistency(m, n, proof, r1, flip(r2)));
          // A history whose first entry was rewritten is not an extension of the old tree.
          const rewritten = [flip(leaves[0]!), ...leaves.slice(1)];
          assert.ok(!verifyConsistency(m, n, consistencyProof(rewritten, m, n), r1, rootOf(rewritten, n)));
        }
        checked++;
      }
    }
    assert.equal(checked, 561);
  });
});
