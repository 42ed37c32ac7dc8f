/**
 * Runs an LCMCR run's chains: in this thread, or spread over a small pool of worker threads (one
 * per spare core; this thread runs its share too). Each chain keeps its own random stream and
 * start, so the draws are the same bit for bit whichever way it runs (lcmcr-pool.test.ts). The
 * driver stays synchronous: it waits for the workers with Atomics.wait and reads their replies
 * with receiveMessageOnPort. The pool lives for one run and is closed after it.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { LcmcrOptions } from './lcmcr.js';
import { Chain, type ChainTotals } from './lcmcr-chain.js';
import type { PoolReply, PoolRequest, PoolWorkerData } from './lcmcr-worker.js';
import type { CaptureTable } from './table.js';

export interface ChainRunner {
  /** One entry per chain, in chain order; updated by `advance`. */
  readonly chains: ChainTotals[];
  /** Advances every chain by `sweeps` iterations. */
  advance(sweeps: number): void;
  close(): void;
}

/**
 * Below this much work (sweeps × observed patterns × classes, all chains) the run stays in this
 * thread: starting a worker (≈ 0.2–0.5 s from sources under tsx) would cost more than it saves.
 * Kosovo's default run is ≈ 15 × 10 × 4 × 25,500 = 15 million.
 */
export const PARALLEL_MIN_WORK = 3_000_000;

/** Threads for a run: the caller's choice, else one per core up to one per chain. */
export function threadsFor(t: CaptureTable, o: Required<LcmcrOptions>, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, o.chains));
  let patterns = 0;
  for (let w = 1; w < t.counts.length; w++) if (t.counts[w]! > 0) patterns++;
  const work = patterns * o.maxClasses * o.chains * (o.burnIn + o.iterations);
  if (work < PARALLEL_MIN_WORK) return 1;
  return Math.max(1, Math.min(availableParallelism(), o.chains));
}

export function sequentialRunner(t: CaptureTable, o: Required<LcmcrOptions>, stream: number): ChainRunner {
  const chains = Array.from({ length: o.chains }, (_, c) => new Chain(t, o, (stream + c) >>> 0, c));
  return {
    chains,
    advance: (sweeps) => {
      for (const c of chains) c.advance(sweeps);
    },
    close: () => {},
  };
}

/**
 * Starts the worker module. Compiled (dist): the .js file. From sources (tests, a checkout
 * without a build): a small ESM bootstrap registers tsx in the worker first (workers do not
 * inherit a loader registered through tsx's API) and reports a failed start on the port, so the
 * waiting driver is told instead of waiting forever.
 */
function startWorker(data: PoolWorkerData): Worker {
  const options = { workerData: data, transferList: [data.port] };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./lcmcr-worker.js', import.meta.url), options);
  const target = JSON.stringify(new URL('./lcmcr-worker.ts', import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const boot = `import { workerData } from 'node:worker_threads';
try { const { register } = await import(${tsx}); register(); await import(${target}); }
catch (e) { workerData.port.postMessage({ kind: 'error', message: String(e && e.stack || e) });
  Atomics.store(workerData.flag, 0, 1); Atomics.notify(workerData.flag, 0); }`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}

/** The pool could not start; the run can go on in this thread (a real error recurs there). */
export class PoolStartError extends Error {
  constructor(readonly reason: unknown) {
    super(`LCMCR worker pool did not start: ${(reason as Error)?.message ?? String(reason)}`);
  }
}

interface PoolMember {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  /** Indices of the chains this worker runs. */
  owns: number[];
}

/** How long a starting worker may take (loading the code; generous for a loaded machine). */
const START_MS = 300_000;
/** A batch may take a worker this many times what it took this thread, and at least MIN_WAIT_MS. */
const SLACK = 50;
const MIN_WAIT_MS = 120_000;

/**
 * Waits for a worker's reply, synchronously. A worker that dies without a word (killed, out of
 * memory) never raises its flag: past `withinMs` the run fails with an error instead of waiting
 * forever.
 */
export function awaitReply(
  m: { port: MessagePort; flag: Int32Array },
  withinMs: number,
): Extract<PoolReply, { kind: 'done' }> {
  const deadline = performance.now() + withinMs;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`LCMCR worker did not answer within ${Math.round(withinMs / 1000)} s`);
    Atomics.wait(m.flag, 0, 0, Math.min(1000, left));
    if (Atomics.load(m.flag, 0) === 0) continue;
    const got = receiveMessageOnPort(m.port);
    if (got === undefined) continue; // flag seen before the message: look again
    const reply = got.message as PoolReply;
    if (reply.kind === 'error') throw new Error(`LCMCR worker failed: ${reply.message}`);
    return reply;
  }
}

/** Chain c runs on thread c mod `threads`; thread 0 is this one. */
export function threadedRunner(
  t: CaptureTable,
  o: Required<LcmcrOptions>,
  stream: number,
  threads: number,
): ChainRunner {
  const local = new Map<number, Chain>();
  const members: PoolMember[] = [];
  const close = () => {
    for (const m of members) {
      m.port.close();
      void m.worker.terminate();
    }
  };
  const send = (m: PoolMember, req: PoolRequest) => {
    Atomics.store(m.flag, 0, 0);
    m.port.postMessage(req);
  };
  const receive = (m: PoolMember, withinMs: number) => {
    try {
      return awaitReply(m, withinMs);
    } catch (err) {
      close();
      throw err;
    }
  };
  try {
    for (let w = 1; w < threads; w++) {
      const { port1, port2 } = new MessageChannel();
      const flag = new Int32Array(new SharedArrayBuffer(4));
      const worker = startWorker({ port: port2, flag });
      worker.unref();
      const owns: number[] = [];
      for (let c = w; c < o.chains; c += threads) owns.push(c);
      const m = { worker, port: port1, flag, owns };
      members.push(m);
      send(m, {
        kind: 'init',
        table: t,
        options: o,
        chains: owns.map((c) => ({ stream: (stream + c) >>> 0, start: c })),
      });
    }
    // This thread builds (and warms up) its own chains while the workers start.
    for (let c = 0; c < o.chains; c += threads) local.set(c, new Chain(t, o, (stream + c) >>> 0, c));
    for (const m of members) receive(m, START_MS);
  } catch (err) {
    close();
    throw new PoolStartError(err);
  }
  const totals: ChainTotals[] = Array.from(
    { length: o.chains },
    (_, c) => local.get(c) ?? { draws: [], occupied: [], alphas: [], capHits: 0 },
  );
  return {
    chains: totals,
    advance: (sweeps) => {
      for (const m of members) send(m, { kind: 'advance', sweeps });
      const t0 = performance.now();
      for (const c of local.values()) c.advance(sweeps);
      // A worker does the same work as this thread; one that takes far longer has died silently.
      const within = Math.max(MIN_WAIT_MS, SLACK * (performance.now() - t0));
      for (const m of members) {
        const reply = receive(m, within);
        reply.chains.forEach((r, i) => {
          const tot = totals[m.owns[i]!]!;
          for (const x of r.draws) tot.draws.push(x);
          for (const x of r.occupied) tot.occupied.push(x);
          for (const x of r.alphas) tot.alphas.push(x);
          tot.capHits = r.capHits;
        });
      }
    },
    close,
  };
}

/**
 * The runner for a run: threads as `threadsFor` says; if the workers cannot start (no
 * worker_threads, a failed start), the run falls back to this thread with the same result.
 */
export function chainRunner(
  t: CaptureTable,
  o: Required<LcmcrOptions>,
  stream: number,
  threads = threadsFor(t, o),
): ChainRunner {
  if (threads <= 1) return sequentialRunner(t, o, stream);
  let runner: ChainRunner;
  try {
    runner = threadedRunner(t, o, stream, threads);
  } catch (err) {
    if (!(err instanceof PoolStartError)) throw err;
    return sequentialRunner(t, o, stream);
  }
  return runner;
}
