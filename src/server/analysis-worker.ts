/**
 * The worker side of analysis-thread.ts: runs the whole-case legal analysis off the server's
 * event loop. Pure computation on the snapshot it is sent; it reads and writes nothing else.
 */
import { parentPort } from 'node:worker_threads';
import { analyseCase } from '../analysis/analyse.js';
import {
  type AnalysisSummary,
  type CaseAnalysis,
  type CaseSnapshot,
  summarizeAnalysis,
} from '../analysis/types.js';
import { DeltaReceiver, type SnapshotDelta } from './snapshot-delta.js';

/**
 * A whole snapshot, or what changed in a feed's since the last one (snapshot-delta.ts); `summary`:
 * only the dashboard's part of the analysis comes back (the whole one is case-sized: a copy of it
 * in the server's thread grew with every record, bench/load/memory-per-record.ts).
 */
export type AnalysisRequest = (
  | { id: number; snapshot: CaseSnapshot }
  | { id: number; delta: SnapshotDelta }
) & {
  summary?: boolean;
};
export type AnalysisReply =
  | { id: number; analysis: CaseAnalysis | AnalysisSummary }
  | { id: number; error: string };

const held = new DeltaReceiver();

parentPort?.on('message', (req: AnalysisRequest) => {
  const { id } = req;
  let reply: AnalysisReply;
  try {
    const snapshot = 'delta' in req ? held.apply(req.delta) : req.snapshot;
    const analysis = analyseCase(snapshot);
    reply = { id, analysis: req.summary ? summarizeAnalysis(analysis) : analysis };
  } catch (err) {
    // What it holds may be half-updated: the sender sends everything next time.
    if ('delta' in req) held.forget(req.delta.feed);
    reply = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(reply);
});
