import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  it('allows max attempts per window, then refuses until the window ends', () => {
    const r = new RateLimiter(3, 1000);
    assert.deepEqual(
      [r.take('a', 0), r.take('a', 1), r.take('a', 2), r.take('a', 3)],
      [true, true, true, false],
    );
    assert.equal(r.take('b', 3), true, 'keys are independent');
    assert.equal(r.retryAfterSeconds('a', 500), 1);
    assert.equal(r.take('a', 1001), true, 'a new window starts');
  });
});
