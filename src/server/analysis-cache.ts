/**
 * The legal analysis is a whole-case computation (every person, act, link; hundreds of
 * milliseconds on the demo case). Under a sustained mixed load it was recomputed for every
 * dashboard and matrix view and starved everything else (bench/load). It is therefore shared:
 * reused while the audit head is unchanged (nothing changed at all), and otherwise for at most
 * `maxAgeMs` (default 5 s) — each response says as of which audit entry and time it was computed —
 * with concurrent requests joining one computation. A computation that started within the
 * allowance is joined even when writes have moved the head since: otherwise, with writes arriving
 * faster than one computation takes, every request would start its own and they would slow each
 * other down without end (bench/load, several processes). `fresh` ignores the age allowance.
 *
 * Past half the allowance, a request still gets the value it may have but starts the next
 * computation, so under steady traffic nobody waits for one (a waiting request set the analysis'
 * p95 at 400 ms under the mixed load). The computation itself runs off the event loop
 * (analysis-thread.ts).
 *
 * The allowance grows with what a computation costs: at least `maxAgeMs`, and long enough that
 * computing once per half allowance takes at most `maxShare` of the time (default a tenth). The
 * analysis reads and weighs the whole case, so its cost grows with the case; at a fixed cadence it
 * came to take a growing share of each server process (bench/load, stop 34: 7 % of a core with
 * 2,000 records, 13 % with 20,000, per process). A big case's analysis is then some seconds older,
 * and says so; `fresh` still waits for a current one. `maxAgeMs` 0: every change is seen.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { liveCaseSnapshot } from '../analysis/load.js';
import {
  type AnalysisSummary,
  type CaseAnalysis,
  type CaseSnapshot,
  summarizeAnalysis,
} from '../analysis/types.js';
import type { CaseStore } from '../store/case-store.js';
import type { SharedSummary } from '../store/repos/analysis-share.js';
import { AnalysisThread } from './analysis-thread.js';

let feeds = 0;
/** One analysis thread per process, whatever the number of caches (one per app). */
const thread = new AnalysisThread();

export interface CachedAnalysis {
  /** The dashboard's part: small, whatever the case's size. */
  summary: AnalysisSummary;
  asOf: { auditSeq: number; computedAt: string };
  /**
   * The whole analysis (the matrix drill-down) and the snapshot it was computed from: case-sized
   * (about a kilobyte per record), so computed and held only while someone asked for it within
   * `keepWholeMs`. Held always, it was the largest part of what each process kept per record
   * (bench/load/memory-per-record.ts).
   */
  whole?: { snapshot: CaseSnapshot; analysis: CaseAnalysis };
}

export type WholeAnalysis = CachedAnalysis & { whole: NonNullable<CachedAnalysis['whole']> };

interface Entry {
  at: number;
  seq: number;
  value?: CachedAnalysis;
  pending?: Promise<CachedAnalysis>;
  /** when the pending computation started */
  started?: number;
  /** whether the pending computation keeps the whole analysis */
  pendingWhole?: boolean;
}

export interface AnalysisCacheOptions {
  /** How old a served analysis may be (at least; it grows with the computation's cost). */
  maxAgeMs?: number;
  /** The clock ages and allowances are measured on (tests). */
  now?: () => number;
  /** The share of the time computing may take (sets the allowance of a costly analysis). */
  maxShare?: number;
  /** How long the whole analysis is kept after someone last asked for it. */
  keepWholeMs?: number;
  /** On PostgreSQL: the least time a process holds the lease to compute a case's shared summary. */
  leaseMs?: number;
}

/** The cache each store's routes share, so a warm-up before listening fills the one requests read. */
const perStore = new WeakMap<CaseStore, AnalysisCache>();

export class AnalysisCache {
  /** The process's analysis cache for this store (created on first use). */
  static of(store: CaseStore): AnalysisCache {
    let c = perStore.get(store);
    if (!c) {
      c = new AnalysisCache(store);
      perStore.set(store, c);
    }
    return c;
  }

  private readonly entries = new Map<string, Entry>();
  /** This cache's name for its store in the thread's feeds (one thread per process, several stores). */
  private readonly feed = `store${++feeds}`;
  /** How long the last computation of each case took (ms, from start to result). */
  private readonly took = new Map<string, number>();
  /** When each case's whole analysis was last asked for. */
  private readonly wholeAsked = new Map<string, number>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly maxShare: number;
  private readonly keepWholeMs: number;
  private readonly leaseMs: number;
  private readonly shared: boolean;
  /** This cache's name as the holder of a case's lease (analysis_share). */
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** Analyses this process computed itself (tests and profiles: processes that read a shared summary compute none). */
  computed = 0;

  constructor(
    private readonly store: CaseStore,
    o: AnalysisCacheOptions = {},
  ) {
    this.maxAgeMs = o.maxAgeMs ?? Number(process.env.TESTIGO_ANALYSIS_MAX_AGE_MS ?? 5000);
    this.now = o.now ?? Date.now;
    this.maxShare = o.maxShare ?? Number(process.env.TESTIGO_ANALYSIS_MAX_SHARE ?? 0.1);
    this.keepWholeMs = o.keepWholeMs ?? 60_000;
    this.leaseMs = o.leaseMs ?? 30_000;
    this.shared = store.dialect === 'postgres';
  }

  /** How old a case's analysis may be: the configured age, or more when computing it costs more. */
  allowanceMs(caseId: string): number {
    if (this.maxAgeMs === 0) return 0;
    return Math.max(this.maxAgeMs, (2 * (this.took.get(caseId) ?? 0)) / this.maxShare);
  }

  /** The dashboard's part of the analysis (the whole one comes along while it is being kept). */
  get(caseId: string, opts: { fresh?: boolean } = {}): Promise<CachedAnalysis> {
    return this.read(caseId, opts, false);
  }

  /** The whole analysis; kept, and computed with every later value, for `keepWholeMs` after. */
  async whole(caseId: string, opts: { fresh?: boolean } = {}): Promise<WholeAnalysis> {
    return (await this.read(caseId, opts, true)) as WholeAnalysis;
  }

  private async read(caseId: string, opts: { fresh?: boolean }, whole: boolean): Promise<CachedAnalysis> {
    if (whole) this.wholeAsked.set(caseId, this.now());
    const asked = this.wholeAsked.get(caseId);
    const keepWhole = asked !== undefined && this.now() - asked < this.keepWholeMs;
    const { seq } = await this.store.auditHead();
    const e = this.entries.get(caseId);
    // Nobody asked for the whole analysis lately: let it go.
    if (e?.value?.whole && !keepWhole) e.value = { summary: e.value.summary, asOf: e.value.asOf };
    const allowance = this.allowanceMs(caseId);
    if (e?.value && (!whole || e.value.whole)) {
      if (e.value.asOf.auditSeq === seq) return e.value;
      const age = this.now() - e.at;
      if (!opts.fresh && age < allowance) {
        if (age >= allowance / 2 && !e.pending) this.start(caseId, seq, e, keepWhole).catch(() => {});
        return e.value;
      }
    }
    const joinable = e?.pending && (!whole || e.pendingWhole);
    // Join a computation that started at the current head (it will see everything this request can).
    if (joinable && e.seq >= seq) return e.pending!;
    // Or one that started within the allowance: its result is no older than a reused one may be.
    if (joinable && !opts.fresh && this.now() - (e.started ?? 0) < allowance) return e.pending!;
    return this.start(caseId, seq, e, keepWhole, opts.fresh);
  }

  /** Starts a computation at `seq`; the entry keeps the previous value until it completes. */
  private async start(
    caseId: string,
    seq: number,
    e: Entry | undefined,
    whole: boolean,
    fresh = false,
  ): Promise<CachedAnalysis> {
    const obtained = this.obtain(caseId, seq, whole, fresh);
    const pending = obtained.then((o) => o.value);
    const entry: Entry = {
      at: e?.at ?? 0,
      seq,
      value: e?.value,
      pending,
      started: this.now(),
      pendingWhole: whole,
    };
    this.entries.set(caseId, entry);
    try {
      const { value, agoMs, tookMs } = await obtained;
      this.took.set(caseId, tookMs);
      const cur = this.entries.get(caseId);
      if (cur === entry) this.entries.set(caseId, { at: this.now() - (agoMs ?? 0), seq, value });
      return value;
    } catch (err) {
      if (this.entries.get(caseId) === entry)
        this.entries.set(caseId, { at: e?.at ?? 0, seq: e?.seq ?? 0, value: e?.value });
      throw err;
    }
  }

  /**
   * A value at `seq` or later: computed here, or — several processes on PostgreSQL — the summary
   * another process published (analysis_share). The process that computed a case's summary last
   * (its owner) computes the next one when its value is half the allowance old; the others read
   * what it published, and compute only when that is older than the whole allowance (the owner got
   * no requests) or a request wants it fresh. At most one process computes a case's summary at a
   * time (a lease); the others wait for it. So the whole-case analysis runs once per deployment
   * rather than once per process, and only the owner holds the case's directories and the
   * thread's copy of it for it.
   */
  private async obtain(caseId: string, seq: number, whole: boolean, fresh: boolean): Promise<Obtained> {
    if (whole || !this.shared) return this.compute(caseId, seq, whole);
    const share = this.store.analysisShare;
    const young = (r: SharedSummary | undefined): r is SharedSummary =>
      r?.summary !== undefined && Date.now() - r.computedAtMs < this.allowanceMs(caseId);
    const lease = Math.max(this.leaseMs, 3 * (this.took.get(caseId) ?? 0));
    for (;;) {
      const row = await share.read(caseId);
      if (row?.summary !== undefined && row.seq >= seq) return published(row);
      if (!fresh && young(row) && row.leaseOwner !== this.owner) return published(row);
      const wall = Date.now();
      if (await share.claim(caseId, this.owner, wall, wall + lease)) {
        try {
          const o = await this.compute(caseId, seq, false);
          await share.publish(caseId, {
            seq,
            computedAtMs: Date.now(),
            tookMs: o.tookMs,
            summary: JSON.stringify(o.value.summary),
          });
          return o;
        } finally {
          await share.release(caseId, this.owner);
        }
      }
      // Another process is computing: wait for what it publishes.
      await sleep(SHARE_POLL_MS);
    }
  }

  private async compute(caseId: string, seq: number, whole: boolean): Promise<Obtained> {
    this.computed++;
    const t0 = this.now();
    // From directories kept in memory: what changed since the last computation is read, not the case.
    const snapshot = await liveCaseSnapshot(this.store, caseId, seq);
    const feed = `${this.feed}|${caseId}`;
    const asOf = () => ({ auditSeq: seq, computedAt: new Date().toISOString() });
    if (!whole) {
      const value = { summary: await thread.summary(snapshot, feed), asOf: asOf() };
      return { value, tookMs: this.now() - t0 };
    }
    const analysis = await thread.analyse(snapshot, feed);
    const value = { summary: summarizeAnalysis(analysis), asOf: asOf(), whole: { snapshot, analysis } };
    return { value, tookMs: this.now() - t0 };
  }
}

/** How often a process waiting for another's summary looks again. */
const SHARE_POLL_MS = 50;

/** A value, how long ago it was computed (when elsewhere), and what computing it took. */
interface Obtained {
  value: CachedAnalysis;
  agoMs?: number;
  tookMs: number;
}

function published(row: SharedSummary): Obtained {
  return {
    value: {
      summary: JSON.parse(row.summary!) as AnalysisSummary,
      asOf: { auditSeq: row.seq, computedAt: new Date(row.computedAtMs).toISOString() },
    },
    agoMs: Math.max(0, Date.now() - row.computedAtMs),
    tookMs: row.tookMs,
  };
}
