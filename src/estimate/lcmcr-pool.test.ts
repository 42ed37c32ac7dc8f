import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { publishedTable } from '../test-support/mse-reference.js';
import { LCMCR_DEFAULTS, lcmcr } from './lcmcr.js';
import { awaitReply, threadedRunner, threadsFor } from './lcmcr-pool.js';

describe('LCMCR chains on worker threads', () => {
  const kosovo = publishedTable('kosovo-1999');
  // Short and unconverged, so the run is extended twice: every round goes through the pool.
  const short = { seed: 7, iterations: 400, maxIterations: 1200, burnIn: 100, thin: 2, chains: 4 };

  it('gives the same result, bit for bit, on 1, 2 or 3 threads', () => {
    const one = lcmcr(kosovo, short, 3, 1);
    assert.equal(one.iterationsRun, 1200, 'the run was extended');
    for (const threads of [2, 3]) {
      const many = lcmcr(kosovo, short, 3, threads);
      assert.deepEqual(many, one, `${threads} threads`);
    }
  });

  it('really runs chains on the workers (and closes them)', () => {
    const o = { ...LCMCR_DEFAULTS, ...short };
    const runner = threadedRunner(kosovo, o, 0, 2);
    try {
      runner.advance(300);
      // Chains 1 and 3 run on the worker: their draws arrive through the port.
      assert.deepEqual(
        runner.chains.map((c) => c.draws.length),
        [100, 100, 100, 100],
      );
      assert.notDeepEqual(runner.chains[1]!.draws, runner.chains[3]!.draws);
      assert.ok(runner.chains[1]!.occupied.some((k) => k > 0));
    } finally {
      runner.close();
    }
  });

  it('a worker that never answers (died without a word) fails the run instead of hanging it', () => {
    const { port1, port2 } = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    try {
      assert.throws(() => awaitReply({ port: port1, flag }, 50), /did not answer within/);
      // An answer that arrives in time is taken.
      port2.postMessage({ kind: 'done', chains: [] });
      Atomics.store(flag, 0, 1);
      assert.deepEqual(awaitReply({ port: port1, flag }, 5_000), { kind: 'done', chains: [] });
    } finally {
      port1.close();
      port2.close();
    }
  });

  it('keeps small runs in this thread and uses the cores for big ones', () => {
    const small = { ...LCMCR_DEFAULTS, iterations: 1000, burnIn: 100, chains: 2 };
    assert.equal(threadsFor(kosovo, small), 1);
    assert.equal(threadsFor(kosovo, LCMCR_DEFAULTS), Math.min(4, availableParallelism()));
    assert.equal(threadsFor(kosovo, small, 8), 2, 'never more threads than chains');
  });
});
