/**
 * Runs `analyseCase` in a worker thread. The analysis is a whole-case computation (~100–170 ms on
 * the demo case); on the event loop it held up every request that reached that process meanwhile,
 * which set the p99 of the whole mixed load (bench/load). Only copying the snapshot out (for a feed:
 * what changed since the last, snapshot-delta.ts) and the result back stays on the event loop.
 *
 * One thread per process, started on first use and stopped after a minute idle. If the thread
 * itself fails (it cannot start, or dies), the computation runs in this thread instead: slower
 * for everyone, but the analysis is still served. An error thrown by the analysis is an error.
 */
import type { Worker } from 'node:worker_threads';
import { analyseCase } from '../analysis/analyse.js';
import {
  type AnalysisSummary,
  type CaseAnalysis,
  type CaseSnapshot,
  summarizeAnalysis,
} from '../analysis/types.js';
import { startModuleWorker } from '../domain/module-worker.js';
import type { AnalysisReply, AnalysisRequest } from './analysis-worker.js';
import { DeltaSender } from './snapshot-delta.js';

const IDLE_MS = 60_000;

class AnalysisError extends Error {}

export class AnalysisThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (a: CaseAnalysis | AnalysisSummary) => void; reject: (e: Error) => void }
  >();
  private idle: NodeJS.Timeout | null = null;
  /** What the current thread holds of each feed. */
  private readonly sender = new DeltaSender();
  /** Set when the thread failed: analyses then run in this thread. */
  private broken = false;

  /**
   * `feed` (a store's case, for a process that analyses it again and again): the thread keeps the
   * snapshot and is sent what changed since the last one (snapshot-delta.ts).
   */
  analyse(snapshot: CaseSnapshot, feed?: string): Promise<CaseAnalysis> {
    return this.run(snapshot, feed, false) as Promise<CaseAnalysis>;
  }

  /** Only the dashboard's part of the analysis crosses back (the thread drops the rest). */
  summary(snapshot: CaseSnapshot, feed?: string): Promise<AnalysisSummary> {
    return this.run(snapshot, feed, true);
  }

  private async run(
    snapshot: CaseSnapshot,
    feed: string | undefined,
    summary: boolean,
  ): Promise<CaseAnalysis | AnalysisSummary> {
    const here = () => (summary ? summarizeAnalysis(analyseCase(snapshot)) : analyseCase(snapshot));
    if (this.broken) return here();
    try {
      return await this.inThread(snapshot, feed, summary);
    } catch (err) {
      if (feed !== undefined) this.sender.forget(feed);
      if (err instanceof AnalysisError) throw err;
      this.broken = true;
      return here();
    }
  }

  /** Stops the thread (tests; a server closing). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const w = this.worker;
    this.worker = null;
    this.sender.forget();
    await w?.terminate();
  }

  private inThread(
    snapshot: CaseSnapshot,
    feed: string | undefined,
    summary: boolean,
  ): Promise<CaseAnalysis | AnalysisSummary> {
    const w = this.started();
    const id = this.nextId++;
    if (this.idle) clearTimeout(this.idle);
    w.ref();
    const request: AnalysisRequest =
      feed === undefined
        ? { id, snapshot, summary }
        : { id, delta: this.sender.delta(feed, snapshot), summary };
    return new Promise<CaseAnalysis | AnalysisSummary>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage(request);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const w = startModuleWorker(import.meta.url, 'analysis-worker');
    w.on('message', (reply: AnalysisReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ('error' in reply) p.reject(new AnalysisError(reply.error));
      else p.resolve(reply.analysis);
      if (this.pending.size === 0) this.rest(w);
    });
    const fail = (err: Error) => {
      if (this.worker === w) this.worker = null;
      // A new thread holds nothing.
      this.sender.forget();
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`analysis thread exited (${code})`)));
    this.worker = w;
    return w;
  }

  /** Idle: the thread no longer keeps the process alive, and stops after IDLE_MS. */
  private rest(w: Worker): void {
    w.unref();
    this.idle = setTimeout(() => {
      if (this.worker === w && this.pending.size === 0) void this.close();
    }, IDLE_MS);
    this.idle.unref();
  }
}
