/**
 * Warm-up before a server process accepts connections. The first requests to a fresh process
 * otherwise each find nothing built: every person opened into the directory, a hidden-name matcher
 * per access level, the protection facts, the legal analysis, the statements of the hot reads.
 * Under a sustained load (bench/load, 200 requests/s over two processes) that queued the first
 * 10–15 s of every run and the queue drained only slowly. A process therefore builds them here, for
 * every case file and every access level its members have, and only then listens (and, in a
 * cluster, tells the primary it is ready).
 *
 * Nothing here changes what a request sees: every cache it fills is still checked against the
 * audit head on each request, exactly as if a request had filled it. A failure is the start-up's
 * failure, named by case and step: a process that cannot open its persons or compute what its
 * views derive from would fail its requests instead.
 */

import { buildViewContext, viewKey } from '../read-model/presenter.js';
import type { Principal } from '../security/policy.js';
import { Accounts } from '../services/accounts.js';
import type { CaseStore } from '../store/case-store.js';
import { AnalysisCache } from './analysis-cache.js';

export interface WarmOptions {
  /** Compute each case's legal analysis too (default true). */
  analysis?: boolean;
}

export interface WarmResult {
  cases: number;
  /** distinct access levels whose view (matcher, facts) was built */
  views: number;
  ms: number;
}

export class WarmUpError extends Error {
  constructor(caseId: string, step: string, cause: unknown) {
    super(
      `warm-up failed for case ${caseId} (${step}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'WarmUpError';
  }
}

export async function warmServer(store: CaseStore, opts: WarmOptions = {}): Promise<WarmResult> {
  const t0 = performance.now();
  const accounts = new Accounts(store);
  const cases = await store.listCases();
  let views = 0;
  for (const { id: caseId } of cases) {
    const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
      try {
        return await f();
      } catch (err) {
        throw new WarmUpError(caseId, name, err);
      }
    };
    // Every person opened, and the name order of person lists.
    await step('person directory', async () => (await store.personDirectory(caseId)).order());
    // One view per access level among the members, and the view of a reader who is no member
    // (an administrator of the installation): the matchers and the protection facts.
    const principals: Principal[] = [{ userId: '', memberships: new Map(), personClearances: new Map() }];
    for (const m of await step('members', () => store.accounts.members(caseId)))
      principals.push((await step('members', () => accounts.access(m.user_id))).principal);
    const levels = new Set<string>();
    for (const p of principals) {
      const level = viewKey(p, caseId);
      if (levels.has(level)) continue;
      levels.add(level);
      await step('view context', () => buildViewContext(store, p, caseId));
    }
    views += levels.size;
    // The statements of the most frequent reads (prepared per connection on PostgreSQL).
    await step('counts', () => store.countAll(caseId));
    if (opts.analysis !== false) await step('analysis', () => AnalysisCache.of(store).get(caseId));
  }
  return { cases: cases.length, views, ms: Math.round(performance.now() - t0) };
}
