/**
 * A long text's dates read on a second thread while the calling one reads its names. The dates read no name
 * (rule-dates.ts) and on 300 KB take about as long as the names (entities.ts), so with two cores that stage
 * costs one of the two instead of both. One worker, started at the first long text and kept for the process
 * (unref'd: it keeps no process alive). The join stays synchronous, so extractFacts stays a plain function:
 * the caller blocks on a shared counter the worker raises after each answer, then takes the answer with
 * `receiveMessageOnPort`.
 *
 * Everything else reads the dates here, the same function on the same text, so the output is the same: a short
 * text (passing it costs more than it saves), the worker not ready yet (the first long text of a process), the
 * year chooser's hooks set by a test or a training script (the worker has its own), and a worker that failed,
 * died or did not answer in time (then no worker again for the process).
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../domain/module-worker.js';
import type { DateMention } from './dates.js';
import type { Reply, Request, Signals } from './dates-aside-worker.js';
import { type DateOptions, ruleDates } from './rule-dates.js';
import { yearChoiceHooks } from './story-year-choice.js';

/** Texts from this length on (characters) are read aside; below it the messages cost more than they save. */
export const ASIDE_FROM = 100_000;
/** How long the caller waits for the worker before it reads the dates itself (a stuck or dead worker). */
const PATIENCE_MS = 30_000;

const COMMITTED_CHOICE = yearChoiceHooks.model;
const hooksUnset = () =>
  yearChoiceHooks.model === COMMITTED_CHOICE && !yearChoiceHooks.sink && !yearChoiceHooks.candidates;

interface Pool {
  worker: Worker;
  port: MessagePort;
  signals: Int32Array;
  asked: number;
}
let pool: Pool | undefined;
let given = false;
/** Answers the worker gave that were used. */
let answered = 0;

/** The worker, started at the first call; undefined once it failed. */
function thePool(): Pool | undefined {
  if (pool || given) return pool;
  given = true;
  try {
    const { port1, port2 } = new MessageChannel();
    const signals: Signals = new Int32Array(new SharedArrayBuffer(8));
    const worker = startModuleWorker(import.meta.url, 'dates-aside-worker', {
      workerData: { port: port2, signals },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    worker.on('error', retire);
    worker.on('exit', retire);
    pool = { worker, port: port1, signals, asked: 0 };
  } catch {
    pool = undefined;
  }
  return pool;
}

function retire(): void {
  if (!pool) return;
  pool.port.close();
  void pool.worker.terminate();
  pool = undefined;
}

/** Whether the worker is ready, and how many of its answers were used (for tests and benches). */
export function datesAsideState(): { ready: boolean; answered: number } {
  return { ready: pool !== undefined && Atomics.load(pool.signals, 1) === 1, answered };
}

/** A reader of the text's dates (rule-dates.ts ruleDates): asked of the worker now when the text is long. */
export function datesAside(text: string, opts: DateOptions): () => DateMention[] {
  const here = () => ruleDates(text, opts);
  if (text.length < ASIDE_FROM || !hooksUnset()) return here;
  const p = thePool();
  if (!p || Atomics.load(p.signals, 1) !== 1) return here;
  const id = ++p.asked;
  const request: Request = {
    id,
    text,
    opts: { reference: opts.reference, undated: opts.undated, eventDay: opts.eventDay },
  };
  p.port.postMessage(request);
  return () => answer(p, id) ?? here();
}

/** The worker's dates for request `id`; undefined when it failed, died or did not answer in time. */
function answer(p: Pool, id: number): DateMention[] | undefined {
  const until = Date.now() + PATIENCE_MS;
  for (;;) {
    const seen = Atomics.load(p.signals, 0);
    for (let m = receiveMessageOnPort(p.port); m; m = receiveMessageOnPort(p.port)) {
      const reply = m.message as Reply;
      if (reply.id !== id) continue;
      if (reply.dates) answered++;
      return reply.dates;
    }
    if (Atomics.load(p.signals, 1) !== 1 || Date.now() > until) {
      retire();
      return undefined;
    }
    Atomics.wait(p.signals, 0, seen, 50);
  }
}
