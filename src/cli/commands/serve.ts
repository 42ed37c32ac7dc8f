import cluster from 'node:cluster';
import { setFlagsFromString } from 'node:v8';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import type { KeySource } from '../../security/keyring.js';
import { createApp } from '../../server/app.js';
import { warmServer } from '../../server/warm.js';
import { createDemoStore } from '../../services/demo.js';
import type { CaseStore } from '../../store/case-store.js';
import { openStore, storeExists } from '../../store/open.js';
import { blobUrl, databaseUrl, dataDir, keySourceFromEnv, openStoreFromEnv } from '../store-env.js';
import { printDemoBanner } from './demo.js';

interface ServeOptions {
  port?: number;
  host: string;
  workers: number;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the API (first start with no store: loads the fictional demo case)')
    .option('--port <port>', 'port (env PORT)', (v) => Number.parseInt(v, 10))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--workers <n>',
      'server processes sharing the port (PostgreSQL only: TESTIGO_DATABASE_URL); sign-in limits, sessions and caches are shared through the database',
      (v) => Number.parseInt(v, 10),
      1,
    )
    .action(async (opts: ServeOptions) => {
      const port = opts.port ?? (process.env.PORT ? Number.parseInt(process.env.PORT, 10) : 8080);
      if (!Number.isInteger(opts.workers) || opts.workers < 1 || opts.workers > 64)
        throw new UsageError('--workers must be a whole number from 1 to 64');
      boundHeapGrowth();
      if (cluster.isWorker) return serveWorker(port, opts.host);
      if (opts.workers > 1) return servePrimary(port, opts);
      const dir = dataDir();
      let store: CaseStore;
      if (!storeExists(dir, databaseUrl()) && !databaseUrl()) {
        process.stderr.write(`no store in ${dir}: creating the fictional demo case (first start)…\n`);
        const res = await createDemoStore(dir);
        printDemoBanner(dir, res);
        store = res.store;
      } else {
        store = await openStoreFromEnv();
      }
      await listen(store, port, opts.host);
    });
}

/**
 * A server's heap grows by half of what is live before V8 collects it in full, not by up to four
 * times (its default for a busy process). Under a steady load the default let each process's
 * memory climb for minutes (at 100 requests/s with two processes: 1,016 → 1,663 MiB in 4 min,
 * while the live heap was ~100 MiB a process); with this, 741 → 838 MiB, for a few per cent more
 * garbage-collection time (bench/load/README.md, "memory"). Set before the store opens.
 */
const HEAP_GROWING_PERCENT = 50;
function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

async function listen(store: CaseStore, port: number, host: string): Promise<void> {
  const app = createApp(store);
  const who = cluster.isWorker ? ` (worker ${process.pid})` : '';
  // Built before the first connection (server/warm.ts): a failure here is the start-up's failure.
  let warm: Awaited<ReturnType<typeof warmServer>>;
  try {
    warm = await warmServer(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    process.stderr.write(
      `Testigo ready: warmed ${warm.cases} case file(s), ${warm.views} access level(s) in ${warm.ms} ms; listening on http://${host}:${info.port}${who}\n`,
    );
    process.send?.({ testigoReady: true });
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await store.close();
}

/** The key travels to workers over the IPC channel, never through the environment or arguments. */
type WireKey = { kind: 'passphrase'; passphrase: string } | { kind: 'keyfile'; keyHex: string };
const toWire = (k: KeySource): WireKey =>
  k.kind === 'passphrase' ? k : { kind: 'keyfile', keyHex: k.key.toString('hex') };
const fromWire = (w: WireKey): KeySource =>
  w.kind === 'passphrase' ? w : { kind: 'keyfile', key: Buffer.from(w.keyHex, 'hex') };

/**
 * Several processes on one port (node:cluster). Only PostgreSQL: an embedded SQLite store is one
 * file that one process serves, and its limits and caches live in that process. The primary
 * unlocks the store and runs migrations once, then starts the workers (and replaces one that dies).
 */
async function servePrimary(port: number, opts: ServeOptions): Promise<void> {
  const url = databaseUrl();
  if (!url)
    throw new UsageError(
      '--workers needs a PostgreSQL store (set TESTIGO_DATABASE_URL): an embedded SQLite store is served by one process; run `testigo serve` without --workers',
    );
  const dir = dataDir();
  const key = await keySourceFromEnv({ allowDemo: false, dir });
  // Unlock and migrate once, here: workers starting together must not race on migrations, and a
  // wrong key is reported once instead of by every worker.
  const probe = await openStore({ dataDir: dir, databaseUrl: url, blobUrl: blobUrl(), key });
  await probe.close();
  let stopping = false;
  let failed: string | undefined;
  const ready = new Set<number>();
  let stop = () => {};
  const start = () => {
    const w = cluster.fork();
    // A worker asks once its modules are loaded (a message sent before it listens would be lost).
    w.on('message', (m: unknown) => {
      const msg = m as { testigoWantsKey?: boolean; testigoReady?: boolean } | null;
      if (msg?.testigoWantsKey) w.send({ testigoKey: toWire(key) });
      if (msg?.testigoReady) {
        ready.add(w.id);
        if (ready.size === opts.workers)
          process.stderr.write(`Testigo ready: ${opts.workers} workers (PostgreSQL)\n`);
      }
    });
    return w;
  };
  for (let i = 0; i < opts.workers; i++) start();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    const how = signal ?? `exit ${code}`;
    // A worker that ended before it was ready failed its start-up (warm-up, store): another would
    // fail the same way, so the server stops instead of restarting workers in a loop.
    if (!ready.has(w.id)) {
      failed = `worker ${w.process.pid} failed during start-up (${how}); see its error above`;
      stop();
      return;
    }
    ready.delete(w.id);
    process.stderr.write(`worker ${w.process.pid} ended (${how}); starting another\n`);
    start();
  });
  process.stderr.write(`Testigo: starting ${opts.workers} workers on port ${port} (PostgreSQL)…\n`);
  await new Promise<void>((resolve) => {
    stop = () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
      let left = workers.length;
      if (left === 0) resolve();
      for (const w of workers) {
        w?.once('exit', () => {
          if (--left === 0) resolve();
        });
        w?.process.kill('SIGTERM');
      }
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (failed) throw new Error(failed);
}

async function serveWorker(port: number, host: string): Promise<void> {
  const wire = await new Promise<WireKey>((resolve) => {
    const onMessage = (m: unknown) => {
      const k = (m as { testigoKey?: WireKey } | null)?.testigoKey;
      if (!k) return;
      process.off('message', onMessage);
      resolve(k);
    };
    process.on('message', onMessage);
    process.send?.({ testigoWantsKey: true });
  });
  const store = await openStore({
    dataDir: dataDir(),
    databaseUrl: databaseUrl(),
    blobUrl: blobUrl(),
    key: fromWire(wire),
  });
  // The IPC channel must not keep a worker alive once its server has closed.
  process.channel?.unref();
  await listen(store, port, host);
  process.disconnect?.();
}
