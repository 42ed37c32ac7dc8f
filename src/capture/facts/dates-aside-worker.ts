/**
 * The worker of dates-aside.ts: reads a text's dates (rule-dates.ts) for each request on its port, answers on the
 * same port, then raises the shared counter the caller waits on. Signals: [0] answers given, [1] 0 starting,
 * 1 ready, 2 gone.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import type { DateMention } from './dates.js';
import { type DateOptions, ruleDates } from './rule-dates.js';

export type Signals = Int32Array;
export interface Request {
  id: number;
  text: string;
  opts: DateOptions;
}
/** `dates` is absent when reading failed (the caller reads them itself). */
export interface Reply {
  id: number;
  dates?: DateMention[];
}

const { port, signals } = (workerData ?? {}) as { port?: MessagePort; signals?: Signals };
if (port && signals) {
  const raise = () => {
    Atomics.add(signals, 0, 1);
    Atomics.notify(signals, 0);
  };
  process.on('exit', () => {
    Atomics.store(signals, 1, 2);
    raise();
  });
  // The first reading compiles the rules; done before the first request so that none waits for it.
  ruleDates(
    'On 3 March 2021 they met; el lunes 4 de marzo de 2019 volvieron. Two days later, in April, el año pasado.',
    { reference: '2025-01-01' },
  );
  port.on('message', (request: Request) => {
    let reply: Reply;
    try {
      reply = { id: request.id, dates: ruleDates(request.text, request.opts) };
    } catch {
      reply = { id: request.id };
    }
    port.postMessage(reply);
    raise();
  });
  Atomics.store(signals, 1, 1);
}
