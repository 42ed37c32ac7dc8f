/**
 * A Merkle tree over the audit log, as in Certificate Transparency (RFC 9162 §2.1): leaf hash =
 * SHA-256(0x00 ‖ entry hash), node hash = SHA-256(0x01 ‖ left ‖ right), the tree of n leaves
 * split at the largest power of two below n. A signed checkpoint (tree size, root) kept outside
 * the store lets anyone prove later that the log only grew: an edit of any earlier entry, even
 * with every chain hash recomputed by someone holding the database, changes the root of the
 * first `size` entries; a truncation or a rollback to an older copy leaves fewer entries than
 * the checkpoint has. Consistency and inclusion proofs let a verifier check this with O(log n)
 * hashes when it does not have the whole log.
 */
import { createHash } from 'node:crypto';

export type Hash = Buffer;

export function leafHash(entryHashHex: string): Hash {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(Buffer.from(entryHashHex, 'hex'))
    .digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

const EMPTY_ROOT = createHash('sha256').digest();

/** Largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Root of the leaves [lo, hi). */
function subtreeRoot(leaves: readonly Hash[], lo: number, hi: number): Hash {
  if (hi - lo === 0) return EMPTY_ROOT;
  if (hi - lo === 1) return leaves[lo]!;
  const k = split(hi - lo);
  return nodeHash(subtreeRoot(leaves, lo, lo + k), subtreeRoot(leaves, lo + k, hi));
}

/**
 * Root of the first `size` leaves, computed in one pass with a stack of perfect subtrees (the
 * same value as the RFC's recursive definition, O(n) hashes, O(log n) memory beyond the leaves).
 */
export function rootOf(leaves: readonly Hash[], size = leaves.length): Hash {
  if (size === 0) return EMPTY_ROOT;
  const stack: { h: Hash; n: number }[] = [];
  for (let i = 0; i < size; i++) {
    let cur = { h: leaves[i]!, n: 1 };
    while (stack.length > 0 && stack[stack.length - 1]!.n === cur.n) {
      const left = stack.pop()!;
      cur = { h: nodeHash(left.h, cur.h), n: left.n * 2 };
    }
    stack.push(cur);
  }
  // Fold the remaining perfect subtrees right to left.
  let acc = stack.pop()!.h;
  while (stack.length > 0) acc = nodeHash(stack.pop()!.h, acc);
  return acc;
}

/** Audit path of leaf m in the tree of the first n leaves (RFC 9162 §2.1.3.1). */
export function inclusionProof(leaves: readonly Hash[], m: number, n = leaves.length): Hash[] {
  if (!(m >= 0 && m < n && n <= leaves.length)) throw new RangeError(`no leaf ${m} in a tree of ${n}`);
  const path = (lo: number, hi: number, index: number): Hash[] => {
    if (hi - lo <= 1) return [];
    const k = split(hi - lo);
    return index < k
      ? [...path(lo, lo + k, index), subtreeRoot(leaves, lo + k, hi)]
      : [...path(lo + k, hi, index - k), subtreeRoot(leaves, lo, lo + k)];
  };
  return path(0, n, m);
}

/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). */
export function verifyInclusion(
  leaf: Hash,
  m: number,
  n: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (m >= n) return false;
  let fn = m;
  let sn = n - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else r = nodeHash(r, p);
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** Consistency proof between the trees of the first m and first n leaves (RFC 9162 §2.1.4.1). */
export function consistencyProof(leaves: readonly Hash[], m: number, n = leaves.length): Hash[] {
  if (!(m > 0 && m <= n && n <= leaves.length))
    throw new RangeError(`no consistency proof from ${m} to ${n}`);
  const sub = (lo: number, hi: number, mm: number, complete: boolean): Hash[] => {
    const size = hi - lo;
    if (mm === size) return complete ? [] : [subtreeRoot(leaves, lo, hi)];
    const k = split(size);
    return mm <= k
      ? [...sub(lo, lo + k, mm, complete), subtreeRoot(leaves, lo + k, hi)]
      : [...sub(lo + k, hi, mm - k, false), subtreeRoot(leaves, lo, lo + k)];
  };
  return sub(0, n, m, true);
}

/** Verifies a consistency proof (RFC 9162 §2.1.4.2). */
export function verifyConsistency(
  m: number,
  n: number,
  proof: readonly Hash[],
  firstRoot: Hash,
  secondRoot: Hash,
): boolean {
  if (m === n) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (m === 0 || m > n || proof.length === 0) return false;
  const path = [...proof];
  // When m is a power of two the first tree is a complete subtree: its root starts the path.
  if ((m & (m - 1)) === 0) path.unshift(firstRoot);
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else sr = nodeHash(sr, c);
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}
