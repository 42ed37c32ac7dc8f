import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { createApp } from '../../server/app.js';
import { createDemoStore } from '../../services/demo.js';
import { storeExists } from '../../store/open.js';
import { databaseUrl, dataDir, openStoreFromEnv } from '../store-env.js';
import { printDemoBanner } from './demo.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the API (first start with no store: loads the fictional demo case)')
    .option('--port <port>', 'port (env PORT)', (v) => Number.parseInt(v, 10))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port?: number; host: string }) => {
      const port = opts.port ?? (process.env.PORT ? Number.parseInt(process.env.PORT, 10) : 8080);
      const dir = dataDir();
      let store: Awaited<ReturnType<typeof openStoreFromEnv>>;
      if (!storeExists(dir, databaseUrl()) && !databaseUrl()) {
        process.stderr.write(`no store in ${dir}: creating the fictional demo case (first start)…\n`);
        const res = await createDemoStore(dir);
        printDemoBanner(dir, res);
        store = res.store;
      } else {
        store = await openStoreFromEnv();
      }
      const app = createApp(store);
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        process.stderr.write(`Testigo listening on http://${opts.host}:${info.port}\n`);
      });
      await new Promise<void>((resolve) => {
        const stop = () => {
          server.close(() => resolve());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await store.close();
    });
}
