/**
 * A pool of comparison workers over shared memory. The encoded data must live in
 * SharedArrayBuffers (RecordEncoder.finish(true)); block layouts are copied into shared memory
 * once. Tasks are handed out one at a time to whichever worker is free, so uneven blocks balance.
 * Runs the TypeScript worker under tsx (tests, development) and the compiled one from dist.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../domain/module-worker.js';
import type { ScoreTables } from './compare.js';
import type { EncodedData } from './encode.js';
import type { PairExecutor } from './link.js';
import { type BlockLayout, planTasks } from './score.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

function toShared<T extends Int32Array | Uint8Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new Ctor(new SharedArrayBuffer(Math.max(a.BYTES_PER_ELEMENT, a.byteLength)));
  out.set(a as never);
  return a.length === 0 ? (out.subarray(0, 0) as T) : out;
}

/** Default worker count: every core the machine offers. */
export const defaultWorkers = () => Math.max(1, availableParallelism());

export function workerExecutor(data: EncodedData, count = defaultWorkers()): PairExecutor {
  const workers = Array.from({ length: Math.max(1, count) }, () =>
    startModuleWorker(import.meta.url, 'worker'),
  );
  const pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  for (const w of workers) {
    w.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.kind === 'error') p.reject(new Error(`linkage worker failed: ${reply.message}`));
      else p.resolve(reply);
    });
    w.on('error', (err) => {
      failure = err;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
    w.postMessage({ kind: 'init', data } satisfies WorkerRequest);
  }
  let nextId = 0;
  const call = (w: Worker, msg: WorkerRequest, transfer: ArrayBuffer[] = []) =>
    new Promise<WorkerReply>((resolve, reject) => {
      if (failure) return reject(failure);
      pending.set((msg as { id: number }).id, { resolve, reject });
      w.postMessage(msg, transfer);
    });

  /** Runs tasks on the pool, each worker taking the next task when it finishes one. */
  async function runAll<T>(
    tasks: T[],
    send: (w: Worker, t: T, index: number) => Promise<void>,
  ): Promise<void> {
    let next = 0;
    await Promise.all(
      workers.map(async (w) => {
        while (next < tasks.length) {
          const index = next++;
          await send(w, tasks[index]!, index);
        }
      }),
    );
  }

  return {
    async levels(a, b) {
      const F = data.fields.length;
      const out = new Uint8Array(a.length * F);
      const chunk = Math.max(10_000, Math.ceil(a.length / (workers.length * 4)));
      const tasks: number[] = [];
      for (let s = 0; s < a.length; s += chunk) tasks.push(s);
      await runAll(tasks, async (w, s) => {
        const e = Math.min(a.length, s + chunk);
        const reply = await call(w, { kind: 'levels', id: nextId++, a: a.slice(s, e), b: b.slice(s, e) });
        if (reply.kind === 'levels') out.set(reply.levels, s * F);
      });
      return out;
    },

    async score(tables: ScoreTables, rules: readonly BlockLayout[], minWeight, isNew, onProgress) {
      const shared = rules.map((r) => ({
        key: toShared(r.key),
        ...(r.keyStart ? { keyStart: toShared(r.keyStart), keyIds: toShared(r.keyIds!) } : {}),
        order: toShared(r.order),
        starts: toShared(r.starts),
      }));
      const setup: WorkerRequest = {
        kind: 'setup',
        tables,
        rules: shared,
        minWeight,
        isNew: isNew ? toShared(isNew) : null,
      };
      for (const w of workers) w.postMessage(setup);
      const tasks = planTasks(shared, 250_000);
      // Results are put back in task order, so the output does not depend on which worker was faster.
      const parts: { a: Int32Array; b: Int32Array; w: Float32Array }[] = new Array(tasks.length);
      let visited = 0;
      let compared = 0;
      let total = 0;
      await runAll(tasks, async (w, t, index) => {
        const reply = await call(w, { kind: 'score', id: nextId++, r: t.r, b0: t.b0, b1: t.b1 });
        if (reply.kind !== 'score') return;
        parts[index] = { a: reply.a, b: reply.b, w: reply.w };
        total += reply.a.length;
        visited += reply.visited;
        compared += reply.compared;
        onProgress?.(visited);
      });
      const a = new Int32Array(total);
      const b = new Int32Array(total);
      const wts = new Float32Array(total);
      let at = 0;
      for (const p of parts) {
        if (!p) continue;
        a.set(p.a, at);
        b.set(p.b, at);
        wts.set(p.w, at);
        at += p.a.length;
      }
      return { a, b, w: wts, compared };
    },

    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
