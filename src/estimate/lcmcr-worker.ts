/**
 * A worker thread running some of an LCMCR run's chains (lcmcr-pool.ts). It answers on the port
 * it was given and raises a shared flag when a reply is posted, so the driver can wait for it
 * synchronously (lcmcr() stays a plain function). Parallelism only: no I/O.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import type { LcmcrOptions } from './lcmcr.js';
import { Chain } from './lcmcr-chain.js';
import type { CaptureTable } from './table.js';

export type PoolRequest =
  | {
      kind: 'init';
      table: CaptureTable;
      options: Required<LcmcrOptions>;
      chains: { stream: number; start: number }[];
    }
  | { kind: 'advance'; sweeps: number };

/** New draws and running sums per chain, in the order the chains were given. */
export type PoolReply =
  | {
      kind: 'done';
      chains: { draws: number[]; occupied: number[]; alphas: number[]; capHits: number }[];
    }
  | { kind: 'error'; message: string };

export interface PoolWorkerData {
  port: MessagePort;
  flag: Int32Array;
}

const { port, flag } = workerData as PoolWorkerData;
let chains: Chain[] = [];

function reply(msg: PoolReply): void {
  port.postMessage(msg);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

port.on('message', (msg: PoolRequest) => {
  try {
    if (msg.kind === 'init') {
      chains = msg.chains.map((c) => new Chain(msg.table, msg.options, c.stream, c.start));
      reply({ kind: 'done', chains: [] });
      return;
    }
    const out = chains.map((c) => {
      const before = c.draws.length;
      c.advance(msg.sweeps);
      return {
        draws: c.draws.slice(before),
        occupied: c.occupied.slice(before),
        alphas: c.alphas.slice(before),
        capHits: c.capHits,
      };
    });
    reply({ kind: 'done', chains: out });
  } catch (err) {
    reply({ kind: 'error', message: (err as Error).stack ?? String(err) });
  }
});
