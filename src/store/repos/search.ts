/** Full-text search over the case's index (../search-index.ts), with the case's key versions. */
import { blindTerm } from '../sealing.js';
import { type SearchHits, type SearchParams, searchDocs } from '../search-index.js';
import { Repository } from './repository.js';

export class SearchRepository extends Repository {
  /** Full-text search over persons, events, acts and testimonies, restricted to what `params` allow. */
  async search(params: SearchParams): Promise<SearchHits> {
    // Protected tiers hold keyed hashes of terms: look each term up in clear and as its hash under
    // every key version of the case (documents indexed before a rotation still match).
    const ks = await this.store.keySet(params.caseId);
    const versions = await this.keyVersions(params.caseId);
    const keys = versions.map((v) => ks.get(v)).filter((k) => k !== undefined);
    const terms = params.terms.map((alts) => [
      ...alts,
      ...keys.flatMap((k) => alts.map((a) => blindTerm(k, a))),
    ]);
    return searchDocs(this.store.sqlHandle, { ...params, terms });
  }

  /** Every data key version of a case, oldest first. */
  async keyVersions(caseId: string): Promise<string[]> {
    const rows = await this.sql.all<{ version: number }>(
      'SELECT version FROM data_key WHERE case_id = ? ORDER BY version',
      [caseId],
    );
    return rows.map((r) => `k${Number(r.version)}`);
  }
}
