/**
 * A comparison worker: holds the encoded data (shared memory, not copied) and answers two kinds
 * of requests from parallel.ts — levels of given pairs, and scoring of block ranges.
 */
import { parentPort } from 'node:worker_threads';
import { Comparator, type ScoreTables } from './compare.js';
import type { EncodedData } from './encode.js';
import { type BlockLayout, levelsOf, PairSink, scoreRange } from './score.js';

export type WorkerRequest =
  | { kind: 'init'; data: EncodedData }
  | { kind: 'levels'; id: number; a: Int32Array; b: Int32Array }
  | { kind: 'setup'; tables: ScoreTables; rules: BlockLayout[]; minWeight: number; isNew: Uint8Array | null }
  | { kind: 'score'; id: number; r: number; b0: number; b1: number };

export type WorkerReply =
  | { kind: 'levels'; id: number; levels: Uint8Array }
  | {
      kind: 'score';
      id: number;
      a: Int32Array;
      b: Int32Array;
      w: Float32Array;
      visited: number;
      compared: number;
    }
  | { kind: 'error'; id: number; message: string };

let cmp: Comparator | null = null;
let setup: Extract<WorkerRequest, { kind: 'setup' }> | null = null;

parentPort?.on('message', (msg: WorkerRequest) => {
  const id = 'id' in msg ? msg.id : -1;
  try {
    switch (msg.kind) {
      case 'init':
        cmp = new Comparator(msg.data);
        return;
      case 'setup':
        setup = msg;
        return;
      case 'levels': {
        const levels = levelsOf(cmp!, msg.a, msg.b);
        parentPort!.postMessage({ kind: 'levels', id, levels } satisfies WorkerReply, [
          levels.buffer as ArrayBuffer,
        ]);
        return;
      }
      case 'score': {
        const s = setup!;
        const sink = new PairSink();
        const stats = scoreRange(cmp!, s.tables, s.rules, msg.r, msg.b0, msg.b1, s.minWeight, s.isNew, sink);
        const out = sink.take();
        parentPort!.postMessage({ kind: 'score', id, ...out, ...stats } satisfies WorkerReply, [
          out.a.buffer as ArrayBuffer,
          out.b.buffer as ArrayBuffer,
          out.w.buffer as ArrayBuffer,
        ]);
        return;
      }
    }
  } catch (err) {
    parentPort!.postMessage({
      kind: 'error',
      id,
      message: (err as Error).stack ?? String(err),
    } satisfies WorkerReply);
  }
});
