import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FREE_FAILURES, LoginThrottle, MAX_BACKOFF_MS } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('backs off per account and address, doubling, capped, and not for the owner elsewhere', () => {
    const t = new LoginThrottle(1000);
    const t0 = 1_000_000;
    for (let i = 0; i < FREE_FAILURES; i++) {
      assert.equal(t.retryAfter('ana', '10.0.0.1', t0), 0);
      t.failed('ana', '10.0.0.1', t0);
    }
    assert.equal(t.retryAfter('ana', '10.0.0.1', t0), 0, 'a few mistakes cost nothing');
    t.failed('ana', '10.0.0.1', t0);
    assert.equal(t.retryAfter('ana', '10.0.0.1', t0), 1);
    t.failed('ana', '10.0.0.1', t0 + 1000);
    assert.equal(t.retryAfter('ana', '10.0.0.1', t0 + 1000), 2, 'doubles');
    for (let i = 0; i < 30; i++) t.failed('ANA ', '10.0.0.1', t0 + 2000);
    assert.equal(t.retryAfter('ana', '10.0.0.1', t0 + 2000), MAX_BACKOFF_MS / 1000, 'capped at 15 min');
    assert.equal(t.retryAfter('ana', '10.9.9.9', t0 + 2000), 0, 'the owner elsewhere is not locked out');
    assert.equal(t.retryAfter('bruno', '10.0.0.1', t0 + 2000), 0, 'other accounts from that address go on');
  });

  it('caps failures per address; successes do not count and clear the pair', () => {
    const t = new LoginThrottle(5);
    const t0 = 5_000_000;
    for (let i = 0; i < 50; i++) t.succeeded(`user${i}`, '192.0.2.7');
    assert.equal(t.retryAfter('ana', '192.0.2.7', t0), 0, 'an office signing in is never throttled');
    for (let i = 0; i < 5; i++) t.failed(`nobody${i}`, '192.0.2.7', t0);
    assert.ok(t.retryAfter('ana', '192.0.2.7', t0) > 0, 'spraying many usernames from one address stops');
    assert.equal(t.retryAfter('ana', '192.0.2.8', t0), 0);
    assert.equal(t.retryAfter('ana', '192.0.2.7', t0 + 15 * 60_000), 0, 'the window ends');

    const u = new LoginThrottle(1000);
    for (let i = 0; i < FREE_FAILURES + 2; i++) u.failed('ana', '10.0.0.1', t0);
    assert.ok(u.retryAfter('ana', '10.0.0.1', t0) > 0);
    u.succeeded('ana', '10.0.0.1');
    assert.equal(u.retryAfter('ana', '10.0.0.1', t0), 0);
  });

  it('answers the same for a username that does not exist', () => {
    const t = new LoginThrottle(1000);
    for (let i = 0; i < FREE_FAILURES + 3; i++) {
      t.failed('real.user', '10.1.1.1', 0);
      t.failed('no.such.user', '10.1.1.1', 0);
    }
    assert.equal(t.retryAfter('real.user', '10.1.1.1', 0), t.retryAfter('no.such.user', '10.1.1.1', 0));
  });
});
