/**
 * The worker side of analysis-thread.ts: runs the whole-case legal analysis off the server's
 * event loop. Pure computation on the snapshot it is sent; it reads and writes nothing else.
 */
import { parentPort } from 'node:worker_threads';
import { analyseCase } from '../analysis/analyse.js';
import type { CaseAnalysis, CaseSnapshot } from '../analysis/types.js';

export type AnalysisRequest = { id: number; snapshot: CaseSnapshot };
export type AnalysisReply = { id: number; analysis: CaseAnalysis } | { id: number; error: string };

parentPort?.on('message', ({ id, snapshot }: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { id, analysis: analyseCase(snapshot) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(reply);
});
