/** Stored analyses: the numbers a report cites, with the digest of their inputs and their settings. */
import { canonicalJson } from '../../domain/canonical-json.js';
import { newId } from '../ids.js';
import { Repository } from './repository.js';

export class AnalysisRepository extends Repository {
  async saveAnalysis(
    caseId: string,
    kind: string,
    inputsSha256: string,
    settings: unknown,
    result: unknown,
    actor: string,
  ): Promise<string> {
    const id = newId('ana');
    await this.store.transaction(async (s) => {
      await s.cases.requireCase(caseId);
      await s.sqlHandle.run(
        'INSERT INTO analysis_result (id, case_id, kind, inputs_sha256, settings, result, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          id,
          caseId,
          kind,
          inputsSha256,
          canonicalJson(settings),
          canonicalJson(result),
          new Date().toISOString(),
          actor,
        ],
      );
      await s.audit({
        actor,
        action: 'analysis',
        entity: 'analyses',
        entityId: id,
        caseId,
        after: { kind, inputsSha256, settings },
      });
    });
    return id;
  }

  async analyses(caseId: string, kind?: string) {
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT * FROM analysis_result WHERE case_id = ?${kind ? ' AND kind = ?' : ''} ORDER BY created_at, id`,
      kind ? [caseId, kind] : [caseId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      inputsSha256: String(r.inputs_sha256),
      settings: JSON.parse(String(r.settings)) as unknown,
      result: JSON.parse(String(r.result)) as unknown,
      createdAt: String(r.created_at),
      createdBy: String(r.created_by),
    }));
  }
}
