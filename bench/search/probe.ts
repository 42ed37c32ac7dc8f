import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { queryTerms } from '../../src/search/text.js';
import { openStore } from '../../src/store/open.js';

const dir = join(new URL('../..', import.meta.url).pathname, 'bench', 'out', 'search-store');
const store = await openStore({
  dataDir: dir,
  key: { kind: 'passphrase', passphrase: 'benchmark passphrase, not secret' },
});
const caseId = await store.resolveCaseId();
for (const q of ['detenido', 'golpes sede', 'tribunal']) {
  for (const tier of ['public', 'member', 'cleared'] as const) {
    const t0 = performance.now();
    const r = await store.search({
      caseId,
      terms: queryTerms(q),
      tier,
      clearedPersons: [],
      filters: {},
      limit: 20,
      offset: 0,
    });
    const t1 = performance.now();
    const fts = await store.rawGet<{ n: number }>(
      'SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 10001)',
      [
        `{t_public t_member} : (${queryTerms(q)
          .map((a) => `(${a.map((x) => `"${x}"`).join(' OR ')})`)
          .join(' AND ')})`,
      ],
    );
    const t2 = performance.now();
    const rows = await store.rawAll(
      'SELECT d.kind FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ? ORDER BY search_fts.rowid DESC LIMIT 5000',
      [
        `{t_public t_member} : (${queryTerms(q)
          .map((a) => `(${a.map((x) => `"${x}"`).join(' OR ')})`)
          .join(' AND ')})`,
      ],
    );
    const t3 = performance.now();
    console.log(
      q,
      tier,
      r.total,
      'search',
      (t1 - t0).toFixed(1),
      'count',
      (t2 - t1).toFixed(1),
      fts?.n,
      'sample',
      (t3 - t2).toFixed(1),
      rows.length,
    );
  }
}
await store.close();
