import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leadingZeroBits, PowGuard, powDigest, solvePow } from './pow.js';

describe('proof-of-work challenges', () => {
  it('counts leading zero bits', () => {
    assert.equal(leadingZeroBits(Uint8Array.from([0, 0, 0x80])), 16);
    assert.equal(leadingZeroBits(Uint8Array.from([0, 0x01])), 15);
    assert.equal(leadingZeroBits(Uint8Array.from([0xff])), 0);
  });

  it('accepts a solved challenge once, and refuses wrong nonces, other cases, forgeries and expiry', () => {
    let now = 1_800_000_000_000;
    const g = new PowGuard(10, () => now);
    const { challenge } = g.issue('cas_1');
    const nonce = solvePow(challenge, 10);
    assert.ok(leadingZeroBits(powDigest(challenge, nonce)) >= 10);
    let bad = 0;
    while (leadingZeroBits(powDigest(challenge, `x${bad}`)) >= 10) bad++;
    assert.deepEqual(g.redeem(challenge, `x${bad}`, 'cas_1'), { ok: false, reason: 'proof of work not met' });
    assert.deepEqual(g.redeem(challenge, nonce, 'cas_2'), {
      ok: false,
      reason: 'challenge for another case',
    });
    assert.deepEqual(g.redeem(challenge, nonce, 'cas_1'), { ok: true });
    assert.deepEqual(g.redeem(challenge, nonce, 'cas_1'), { ok: false, reason: 'challenge already used' });

    // A challenge minted with another secret (or edited) is unknown.
    const other = new PowGuard(10, () => now).issue('cas_1').challenge;
    assert.equal(g.redeem(other, solvePow(other, 10), 'cas_1').ok, false);
    const [p, t] = g.issue('cas_1').challenge.split('.');
    const edited = `${p.slice(0, -2)}AA.${t}`;
    assert.deepEqual(g.redeem(edited, '0', 'cas_1'), { ok: false, reason: 'unknown challenge' });

    const late = g.issue('cas_1').challenge;
    now += 10 * 60_000 + 1;
    assert.deepEqual(g.redeem(late, solvePow(late, 10), 'cas_1'), { ok: false, reason: 'challenge expired' });
  });
});
