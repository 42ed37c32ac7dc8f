/**
 * Sustained mixed load on the HTTP API, shared by the benchmark (bench/load/run.ts, minutes at
 * 200 requests/s) and its CI profile (src/server/load.test.ts, seconds at 100 requests/s).
 *
 * - `prepareLoadStore` fills a fresh store (SQLite or PostgreSQL) with the fictional demo case and
 *   three API tokens (viewer: read; analyst: write scope, for the analysis; documenter: write,
 *   cleared for protected identities). API tokens are not rate-limited (only sign-in and the public
 *   form are), so no security setting is lowered for the load.
 * - `startServer` runs `testigo serve` as a child process, so its memory is its own.
 * - `runLoad` is an open-loop generator: request i is due at start + i / rate whatever happened to
 *   the previous ones, and its latency counts from that due time, so a slow server shows as latency
 *   instead of silently lowering the rate (no coordinated omission).
 * - `verifyLoadStore` checks, on the stopped server's store, that every successful create is there
 *   and nothing else, and that the audit chain verifies (through `testigo audit verify`).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateDemoCase } from '../demo/generate.js';
import { DemoRng } from '../demo/random.js';
import type { Kind } from '../domain/kinds.js';
import { importCaseJson } from '../ingest/case-json.js';
import type { ScryptParams } from '../security/keyring.js';
import { Accounts } from '../services/accounts.js';
import { linkCaseFile } from '../store/case-linkage.js';
import type { CaseStore } from '../store/case-store.js';
import { openStore } from '../store/open.js';
import { loadRequests, type Op } from './load-requests.js';

export const REPO_ROOT = new URL('../..', import.meta.url).pathname;

// ── The store ────────────────────────────────────────────────────────────────────────────────

export interface LoadStoreOptions {
  dataDir: string;
  databaseUrl?: string;
  passphrase: string;
  /** KDF cost for the new keyring (tests lower it). */
  scrypt?: ScryptParams;
  /** Link the demo lists to the persons as `testigo demo` does (adds ~3 s; the mix does not need it). */
  link?: boolean;
}

/** Kinds the load creates, and custody entries (not a record kind). */
export const COUNTED = ['person', 'event', 'act', 'testimony', 'evidence', 'custody'] as const;
export type Counted = (typeof COUNTED)[number];

export interface UpdatableRecord {
  kind: 'person' | 'event';
  id: string;
  version: number;
  body: Record<string, unknown>;
}

export interface LoadFixture {
  caseId: string;
  tokens: { viewer: string; analyst: string; documenter: string };
  ids: { persons: string[]; events: string[]; acts: string[]; evidence: string[] };
  /** Records the load may replace (PUT with If-Match), with their current version. */
  updatable: UpdatableRecord[];
  counts: Record<Counted, number>;
  auditEntries: number;
}

export async function countLoadRecords(store: CaseStore, caseId: string): Promise<Record<Counted, number>> {
  const out = {} as Record<Counted, number>;
  for (const k of COUNTED) {
    if (k === 'custody') {
      const r = await store.sqlHandle.get<{ n: number | string }>(
        'SELECT COUNT(*) AS n FROM custody_entry WHERE case_id = ?',
        [caseId],
      );
      out[k] = Number(r?.n ?? 0);
    } else out[k] = await store.count(k, caseId);
  }
  return out;
}

export async function prepareLoadStore(opts: LoadStoreOptions): Promise<LoadFixture> {
  const store = await openStore({
    dataDir: opts.dataDir,
    databaseUrl: opts.databaseUrl,
    key: { kind: 'passphrase', passphrase: opts.passphrase },
    create: true,
    scrypt: opts.scrypt,
  });
  try {
    const { caseId } = await importCaseJson(store, generateDemoCase(), 'system:demo', { file: 'demo' });
    if (opts.link) await linkCaseFile(store, caseId, 'system:demo');
    const accounts = new Accounts(store);
    const token = async (username: string, role: 'viewer' | 'analyst' | 'documenter', write: boolean) => {
      const u = await accounts.createUser(
        { username, displayName: `${username} (load)`, password: randomBytes(18).toString('base64url') },
        'system:load',
      );
      await accounts.setMember(caseId, u.id, role, 'system:load');
      if (role === 'documenter') await accounts.setClearance(caseId, u.id, true, 'system:load');
      return (await accounts.createToken(u.id, `load ${role}`, write ? 'write' : 'read', 'system:load'))
        .token;
    };
    const tokens = {
      viewer: await token('load-viewer', 'viewer', false),
      // The analysis counts as analysts' work (a write action), so a read-only token may not run it.
      analyst: await token('load-analyst', 'analyst', true),
      documenter: await token('load-documenter', 'documenter', true),
    };
    const idsOf = async (kind: Kind) => (await store.list(kind, caseId, { limit: 5000 })).map((r) => r.id);
    const events = await store.list('event', caseId, { limit: 40 });
    return {
      caseId,
      tokens,
      ids: {
        persons: await idsOf('person'),
        events: await idsOf('event'),
        acts: await idsOf('act'),
        evidence: await idsOf('evidence'),
      },
      updatable: events.map((e) => ({
        kind: 'event' as const,
        id: e.id,
        version: e.version,
        body: e.body as Record<string, unknown>,
      })),
      counts: await countLoadRecords(store, caseId),
      auditEntries: (await store.auditHead()).seq,
    };
  } finally {
    await store.close();
  }
}

// ── The server process ───────────────────────────────────────────────────────────────────────

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Resident set size and its peak, from /proc/<pid>/status (Linux), in MiB. */
  memory(): { rssMiB: number; hwmMiB: number; liveHeapMiB?: number } | undefined;
  /** CPU time used so far (user + system), in seconds, from /proc/<pid>/stat. */
  cpuSeconds(): number | undefined;
  /** SIGTERM, then waits for a clean exit (SIGKILL after 20 s). Returns the exit code. */
  stop(): Promise<number | null>;
}

/** The environment for a `testigo` child process: this store only, no inherited TESTIGO_* settings. */
export function storeEnv(s: {
  dataDir: string;
  databaseUrl?: string;
  passphrase: string;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TESTIGO_')) env[k] = v;
  env.TESTIGO_DATA = s.dataDir;
  env.TESTIGO_PASSPHRASE = s.passphrase;
  if (s.databaseUrl) env.TESTIGO_DATABASE_URL = s.databaseUrl;
  return env;
}

/** Child processes of a process (the workers of `serve --workers`), from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * `node --import tsx src/cli/main.ts <args>` from the repository root, or with `compiled` the built
 * CLI (`dist/cli/main.js`, what `npm start` runs once built).
 */
function cliArgs(args: string[], compiled = false): string[] {
  if (compiled) return [join(REPO_ROOT, 'dist/cli/main.js'), ...args];
  return ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts'), ...args];
}

export async function startServer(s: {
  dataDir: string;
  databaseUrl?: string;
  passphrase: string;
  port?: number;
  /** `serve --workers N` (PostgreSQL): memory and CPU are then summed over all its processes. */
  workers?: number;
  /**
   * Write V8 CPU profiles of the server (every process: cluster workers inherit the flags) into
   * this directory when it stops.
   */
  cpuProfDir?: string;
  /**
   * Run the compiled server (dist/cli/main.js, as `npm start` does) instead of the TypeScript
   * sources through tsx; the caller makes sure dist is current (bench/load/compiled.ts).
   */
  compiled?: boolean;
}): Promise<ServerProcess> {
  const workers = s.workers ?? 1;
  const extra = workers > 1 ? ['--workers', String(workers)] : [];
  const prof = s.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${s.cpuProfDir}`] : [];
  // V8's line per collection (cluster workers inherit the flag and write to the same stdout): a
  // full collection's "after" size is what was live then — RSS also holds garbage not yet collected
  // and memory the allocator has not given back.
  const child = spawn(
    process.execPath,
    ['--trace-gc', ...prof, ...cliArgs(['serve', '--port', String(s.port ?? 0), ...extra], s.compiled)],
    {
      cwd: REPO_ROOT,
      env: storeEnv(s),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const liveAfterFullGc = new Map<string, number>();
  let partial = '';
  child.stdout.on('data', (d) => {
    const lines = (partial + String(d)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = FULL_GC.exec(line);
      if (m) liveAfterFullGc.set(m[1]!, Number(m[2]));
    }
  });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${log}`)), 120_000);
    child.stderr.on('data', (d) => {
      log = (log + String(d)).slice(-20_000);
      // Every worker says it listens (on the same port); start once all of them do.
      const ms = [...log.matchAll(/listening on http:\/\/[^\s:]+:(\d+)/g)];
      if (ms.length >= workers) {
        clearTimeout(timer);
        resolve(Number(ms[0]![1]));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${log}`));
    });
  });
  const pid = child.pid!;
  const pids = () => [pid, ...childrenOf(pid)];
  return {
    pid,
    baseUrl: `http://127.0.0.1:${port}`,
    memory() {
      let rss = 0;
      let hwm = 0;
      for (const p of pids()) {
        try {
          const st = readFileSync(`/proc/${p}/status`, 'utf8');
          const kib = (f: string) => Number(st.match(new RegExp(`${f}:\\s+(\\d+)`))?.[1] ?? Number.NaN);
          rss += kib('VmRSS') / 1024;
          hwm += kib('VmHWM') / 1024;
        } catch {
          if (p === pid) return undefined;
        }
      }
      // Every isolate (each process and its analysis thread) that has had a full collection.
      const live = [...liveAfterFullGc.values()].reduce((a, b) => a + b, 0);
      return { rssMiB: rss, hwmMiB: hwm, ...(liveAfterFullGc.size ? { liveHeapMiB: live } : {}) };
    },
    cpuSeconds() {
      let total = 0;
      for (const p of pids()) {
        try {
          // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
          const rest = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
          total += (Number(rest[11]) + Number(rest[12])) / 100;
        } catch {
          if (p === pid) return undefined;
        }
      }
      return total;
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(kill);
      return code;
    },
  };
}

/** `--trace-gc`'s line for a full collection: the isolate, and the heap's size after it (V8's MB are MiB). */
const FULL_GC =
  /^\[(\d+:0x[0-9a-f]+)\]\s+[\d.]+ ms: Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/;

/** Runs a `testigo` command on the store; returns its exit code and output. */
export function runCli(
  s: { dataDir: string; databaseUrl?: string; passphrase: string },
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, cliArgs(args), { cwd: REPO_ROOT, env: storeEnv(s) });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// ── The load ─────────────────────────────────────────────────────────────────────────────────

/** The request classes and their share of the load (percent). */
export const DEFAULT_MIX = {
  // reads: 60
  'read:case-summary': 8,
  'read:list-persons': 10,
  'read:list-events': 8,
  'read:list-acts': 8,
  'read:get-record': 14,
  'read:search-facet': 12,
  // writes: 25
  'write:create-person': 6,
  'write:create-event': 4,
  'write:create-act': 5,
  'write:create-testimony': 4,
  'write:update-if-match': 6,
  // custody and evidence: 10
  'custody:add-entry': 6,
  'custody:upload-evidence': 4,
  // analysis: 5
  'analysis:summary': 5,
} as const;
export type RequestClass = keyof typeof DEFAULT_MIX;
export type Mix = Record<RequestClass, number>;

export interface LatencyStats {
  count: number;
  ok: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface WindowSample {
  /** Seconds since the load started (end of the window). */
  t: number;
  sent: number;
  ok: number;
  errors: number;
  p99: number;
  rssMiB?: number;
  hwmMiB?: number;
  /** The server's live heap: the sum over its isolates of the heap after each one's last full collection. */
  liveHeapMiB?: number;
  /** Share of one core the server used in the window. */
  serverCpu?: number;
  loadavg1: number;
}

export interface LoadResult {
  rate: number;
  seconds: number;
  wallSeconds: number;
  sent: number;
  ok: number;
  errors: number;
  /** Responses by status ('network' for a failed or timed-out request, 'dropped' over the in-flight cap). */
  byStatus: Record<string, number>;
  /** First few errors, for the report (method, path, status, message). */
  errorSamples: string[];
  achievedRate: number;
  /** Largest delay between a request's due time and its sending (the generator's own lag), ms. */
  maxSendLagMs: number;
  maxInFlight: number;
  overall: LatencyStats;
  classes: Record<string, LatencyStats>;
  created: Record<Counted, number>;
  updates: number;
  windows: WindowSample[];
  memory: MemoryVerdict;
  serverCpuSeconds?: number;
  /** The fixture as the load left it (records it created, current versions), to continue from. */
  fixtureAfter: LoadFixture;
}

/**
 * RSS saw-tooths with garbage collection (±50 MiB within a minute at a steady load), so growth is
 * judged on its floor: the lowest sample of each slice of the run, close to what survives a
 * collection. A leak raises the floor; a busy heap between collections does not.
 */
export interface MemoryVerdict {
  samples: number;
  startMiB?: number;
  endMiB?: number;
  peakMiB?: number;
  /** Least-squares slope of every RSS sample over the second half of the run, MiB per minute (noisy). */
  slopeSecondHalfMiBPerMin?: number;
  /**
   * Least-squares slope of the RSS floor over the second half: the second half cut into 5 slices,
   * the lowest sample of each, MiB per minute. The benchmark's verdict.
   */
  floorSlopeSecondHalfMiBPerMin?: number;
  /** Lowest RSS in the last third of the run minus the lowest in the middle third, MiB. */
  floorGrowthMiB?: number;
  /** The server's live heap (after full collections, every isolate) at the first and last sample that had one. */
  liveHeapStartMiB?: number;
  liveHeapEndMiB?: number;
  /** Least-squares slope of the live heap over the second half, MiB per minute. */
  liveHeapSlopeSecondHalfMiBPerMin?: number;
}

export interface LoadOptions {
  baseUrl: string;
  fixture: LoadFixture;
  rate: number;
  seconds: number;
  mix?: Mix;
  /** The case keeps its size: creates become updates, uploads custody entries (load-requests.ts). */
  steady?: boolean;
  seed?: number;
  /** Memory and CPU of the server, sampled every `windowSeconds`. */
  server?: Pick<ServerProcess, 'memory' | 'cpuSeconds'>;
  windowSeconds?: number;
  /** A request not answered in this time counts as an error (default 30 s). */
  timeoutMs?: number;
  /** Requests in flight above this are not sent and count as errors (default 2,000). */
  maxInFlight?: number;
  onWindow?: (w: WindowSample) => void;
  /** Another way to send a request (default: the global fetch, keep-alive), e.g. an in-process app. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function stats(lat: number[], ok: number, errors: number): LatencyStats {
  const s = Float64Array.from(lat).sort();
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    count: lat.length,
    ok,
    errors,
    p50: r(percentile(s as unknown as number[], 50)),
    p95: r(percentile(s as unknown as number[], 95)),
    p99: r(percentile(s as unknown as number[], 99)),
    max: r(s.length ? s[s.length - 1]! : 0),
  };
}

/** Least-squares slope of y over x. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * The live heap a run added per record it created, per server process: over the second half (as the
 * RSS floor: the first minutes also fill bounded caches — opened rows, the audit tail, prepared
 * statements — which a longer run would not show as growth; creates come at a constant rate, so
 * records are added evenly) and over the whole run. Undefined without live-heap samples.
 */
export function heapPerRecord(
  r: Pick<LoadResult, 'memory' | 'created' | 'seconds'>,
  workers: number,
): { secondHalf?: number; wholeRun?: number; recordsAdded: number } {
  const m = r.memory;
  // Custody entries are no records: nothing in memory holds them.
  const recordsAdded = COUNTED.filter((k) => k !== 'custody').reduce((n, k) => n + r.created[k], 0);
  if (recordsAdded === 0) return { recordsAdded };
  return {
    recordsAdded,
    ...(m.liveHeapSlopeSecondHalfMiBPerMin !== undefined
      ? {
          secondHalf: Math.round(
            (m.liveHeapSlopeSecondHalfMiBPerMin * 2 ** 20) / (recordsAdded / (r.seconds / 60)) / workers,
          ),
        }
      : {}),
    ...(m.liveHeapStartMiB !== undefined && m.liveHeapEndMiB !== undefined
      ? { wholeRun: Math.round(((m.liveHeapEndMiB - m.liveHeapStartMiB) * 2 ** 20) / recordsAdded / workers) }
      : {}),
  };
}

export function memoryVerdict(windows: readonly WindowSample[]): MemoryVerdict {
  const m = windows.filter((w) => w.rssMiB !== undefined);
  if (m.length === 0) return { samples: 0 };
  const end = m[m.length - 1]!.t;
  const r = (v: number) => Math.round(v * 10) / 10;
  const floorOf = (from: number, to: number) => {
    const ws = m.filter((w) => w.t > from && w.t <= to);
    if (ws.length === 0) return undefined;
    const low = ws.reduce((a, w) => (w.rssMiB! < a.rssMiB! ? w : a));
    return { x: low.t / 60, y: low.rssMiB! };
  };
  const floors: { x: number; y: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const f = floorOf(end / 2 + (i * end) / 10, end / 2 + ((i + 1) * end) / 10);
    if (f) floors.push(f);
  }
  const middle = floorOf(end / 3, (2 * end) / 3);
  const last = floorOf((2 * end) / 3, end);
  return {
    samples: m.length,
    startMiB: r(m[0]!.rssMiB!),
    endMiB: r(m[m.length - 1]!.rssMiB!),
    peakMiB: r(Math.max(...m.map((w) => w.hwmMiB ?? w.rssMiB!))),
    slopeSecondHalfMiBPerMin: r(
      slope(m.filter((w) => w.t >= end / 2).map((w) => ({ x: w.t / 60, y: w.rssMiB! }))),
    ),
    floorSlopeSecondHalfMiBPerMin: floors.length >= 3 ? r(slope(floors)) : undefined,
    floorGrowthMiB: middle && last ? r(last.y - middle.y) : undefined,
    ...liveHeap(windows, end),
  };
}

function liveHeap(windows: readonly WindowSample[], end: number): Partial<MemoryVerdict> {
  const h = windows.filter((w) => w.liveHeapMiB !== undefined);
  if (h.length === 0) return {};
  const late = h.filter((w) => w.t >= end / 2).map((w) => ({ x: w.t / 60, y: w.liveHeapMiB! }));
  return {
    liveHeapStartMiB: h[0]!.liveHeapMiB,
    liveHeapEndMiB: h[h.length - 1]!.liveHeapMiB,
    ...(late.length >= 3 ? { liveHeapSlopeSecondHalfMiBPerMin: Math.round(slope(late) * 10) / 10 } : {}),
  };
}

/** Sends one request; a 2xx hands its parsed body to the request's `done`. */
async function send(
  op: Op,
  baseUrl: string,
  fetchFn: NonNullable<LoadOptions['fetch']>,
  timeoutMs: number,
): Promise<{ ok: boolean; status: string; what?: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${op.token}`, ...op.headers };
  let body: string | FormData | undefined;
  if (op.form) body = op.form;
  else if (op.body !== undefined) {
    body = JSON.stringify(op.body);
    headers['content-type'] = 'application/json';
  }
  try {
    const res = await fetchFn(baseUrl + op.path, {
      method: op.method,
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok)
      return {
        ok: false,
        status: String(res.status),
        what: `${op.method} ${op.path}: ${res.status} ${text.slice(0, 300)}`,
      };
    op.done?.(JSON.parse(text));
    return { ok: true, status: String(res.status) };
  } catch (err) {
    return { ok: false, status: 'network', what: `${op.method} ${op.path}: ${(err as Error).message}` };
  }
}

/**
 * Sends `rate` × `seconds` requests on schedule and measures them. Resolves when every request has
 * been answered (or has timed out).
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const mix = o.mix ?? DEFAULT_MIX;
  // The demo's mulberry32: two runs with one seed send the same sequence of requests.
  const rng = new DemoRng(o.seed ?? 1);
  const rnd = () => rng.next();
  const classes = Object.keys(mix) as RequestClass[];
  const totalWeight = classes.reduce((a, k) => a + mix[k], 0);
  const pickClass = (): RequestClass => {
    let x = rnd() * totalWeight;
    for (const k of classes) {
      x -= mix[k];
      if (x < 0) return k;
    }
    return classes[classes.length - 1]!;
  };
  const f = o.fixture;
  const req = loadRequests(f, rnd, { steady: o.steady });
  const build = req.build;

  const perClass = new Map<string, { lat: number[]; ok: number; errors: number }>();
  const all: number[] = [];
  const byStatus: Record<string, number> = {};
  const errorSamples: string[] = [];
  let sent = 0;
  let ok = 0;
  let errors = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let maxSendLagMs = 0;
  const maxAllowed = o.maxInFlight ?? 2000;
  const timeoutMs = o.timeoutMs ?? 30_000;
  // The current window's latencies and counts.
  let win = { sent: 0, ok: 0, errors: 0, lat: [] as number[] };
  const windows: WindowSample[] = [];

  const record = (k: RequestClass, dueAt: number, good: boolean, status: string, what?: string) => {
    const ms = performance.now() - dueAt;
    let s = perClass.get(k);
    if (!s) {
      s = { lat: [], ok: 0, errors: 0 };
      perClass.set(k, s);
    }
    s.lat.push(ms);
    all.push(ms);
    win.lat.push(ms);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (good) {
      ok++;
      s.ok++;
      win.ok++;
    } else {
      errors++;
      s.errors++;
      win.errors++;
      if (what && errorSamples.length < 20) errorSamples.push(what);
    }
  };

  const fire = async (k: RequestClass, dueAt: number) => {
    sent++;
    win.sent++;
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - dueAt);
    const op = build(k);
    if (inFlight >= maxAllowed) {
      op.failed?.();
      record(k, dueAt, false, 'dropped', `${op.method} ${op.path}: over ${maxAllowed} requests in flight`);
      return;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const r = await send(op, o.baseUrl, o.fetch ?? fetch, timeoutMs);
      if (!r.ok) op.failed?.();
      record(k, dueAt, r.ok, r.status, r.what);
    } finally {
      inFlight--;
    }
  };

  const total = Math.round(o.rate * o.seconds);
  const interval = 1000 / o.rate;
  const windowMs = (o.windowSeconds ?? 5) * 1000;
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  let cpuAtWindow = o.server?.cpuSeconds?.();
  let nextWindow = start + windowMs;
  const closeWindow = (now: number) => {
    const mem = o.server?.memory();
    const cpu = o.server?.cpuSeconds?.();
    const lat = Float64Array.from(win.lat).sort() as unknown as number[];
    const w: WindowSample = {
      t: Math.round((now - start) / 100) / 10,
      sent: win.sent,
      ok: win.ok,
      errors: win.errors,
      p99: Math.round(percentile(lat, 99) * 10) / 10,
      rssMiB: mem ? Math.round(mem.rssMiB * 10) / 10 : undefined,
      hwmMiB: mem ? Math.round(mem.hwmMiB * 10) / 10 : undefined,
      liveHeapMiB: mem?.liveHeapMiB !== undefined ? Math.round(mem.liveHeapMiB * 10) / 10 : undefined,
      serverCpu:
        cpu !== undefined && cpuAtWindow !== undefined
          ? Math.round(((cpu - cpuAtWindow) / windowMs) * 1000 * 100) / 100
          : undefined,
      loadavg1: Math.round(loadavg()[0]! * 100) / 100,
    };
    cpuAtWindow = cpu;
    windows.push(w);
    o.onWindow?.(w);
    win = { sent: 0, ok: 0, errors: 0, lat: [] };
  };
  const serverCpuStart = o.server?.cpuSeconds?.();

  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && start + i * interval <= now) {
      const p = fire(pickClass(), start + i * interval);
      pending.add(p);
      void p.finally(() => pending.delete(p));
      i++;
    }
    if (now >= nextWindow) {
      closeWindow(now);
      nextWindow += windowMs;
    }
    const wait = Math.min(start + i * interval, nextWindow) - performance.now();
    await new Promise((r) => setTimeout(r, Math.max(0, wait)));
  }
  await Promise.all(pending);
  const end = performance.now();
  if (win.sent > 0 || windows.length === 0) closeWindow(end);
  const serverCpuEnd = o.server?.cpuSeconds?.();

  const classStats: Record<string, LatencyStats> = {};
  for (const k of classes) {
    const s = perClass.get(k);
    if (s) classStats[k] = stats(s.lat, s.ok, s.errors);
  }
  return {
    rate: o.rate,
    seconds: o.seconds,
    wallSeconds: Math.round((end - start) / 100) / 10,
    sent,
    ok,
    errors,
    byStatus,
    errorSamples,
    achievedRate: Math.round((sent / o.seconds) * 10) / 10,
    maxSendLagMs: Math.round(maxSendLagMs * 10) / 10,
    maxInFlight,
    overall: stats(all, ok, errors),
    classes: classStats,
    created: req.created,
    updates: req.updates(),
    windows,
    memory: memoryVerdict(windows),
    serverCpuSeconds:
      serverCpuEnd !== undefined && serverCpuStart !== undefined
        ? Math.round((serverCpuEnd - serverCpuStart) * 10) / 10
        : undefined,
    fixtureAfter: {
      ...f,
      ids: { persons: req.persons, events: req.events, acts: req.acts, evidence: req.evidence },
      updatable: req.pool,
    },
  };
}

// ── After the load ───────────────────────────────────────────────────────────────────────────

export interface StoreCheck {
  auditOk: boolean;
  auditEntries?: number;
  auditOutput: string;
  expected: Record<Counted, number>;
  actual: Record<Counted, number>;
  countsMatch: boolean;
}

/** On the stopped server's store: `testigo audit verify`, and counts = before + successful creates. */
export async function verifyLoadStore(
  s: { dataDir: string; databaseUrl?: string; passphrase: string },
  fixture: LoadFixture,
  created: Record<Counted, number>,
): Promise<StoreCheck> {
  const audit = await runCli(s, ['audit', 'verify', '--format', 'json']);
  let auditEntries: number | undefined;
  try {
    auditEntries = (JSON.parse(audit.stdout) as { entries?: number }).entries;
  } catch {}
  const store = await openStore({
    dataDir: s.dataDir,
    databaseUrl: s.databaseUrl,
    key: { kind: 'passphrase', passphrase: s.passphrase },
  });
  let actual: Record<Counted, number>;
  try {
    actual = await countLoadRecords(store, fixture.caseId);
  } finally {
    await store.close();
  }
  const expected = Object.fromEntries(COUNTED.map((k) => [k, fixture.counts[k] + created[k]])) as Record<
    Counted,
    number
  >;
  return {
    auditOk: audit.code === 0,
    auditEntries,
    auditOutput: (audit.stdout + audit.stderr).trim().slice(0, 2000),
    expected,
    actual,
    countsMatch: COUNTED.every((k) => expected[k] === actual[k]),
  };
}

export function machineInfo() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** The per-class table, in markdown. */
export function markdownTable(r: LoadResult): string {
  const rows = [
    '| class | requests | errors | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|',
  ];
  const line = (name: string, s: LatencyStats) =>
    `| ${name} | ${s.count.toLocaleString('en')} | ${s.errors} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`;
  for (const [k, s] of Object.entries(r.classes)) rows.push(line(k, s));
  rows.push(line('**all**', r.overall));
  return rows.join('\n');
}
