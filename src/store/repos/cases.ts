/** Case files: their body, their secret pseudonym salt, and the rule that a command names one. */
import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.js';
import { InputError, NotFoundError, UsageError } from '../../domain/errors.js';
import { issuesFrom } from '../../domain/issues.js';
import { CaseFileBody } from '../../domain/schema.js';
import { newId } from '../ids.js';
import { type Meta, rowMeta } from './records.js';
import { Repository } from './repository.js';

export type CaseRecord = Omit<Meta, 'caseId'> & { body: CaseFileBody };

export class CaseRepository extends Repository {
  async createCase(
    input: unknown,
    actor: string,
    opts: { id?: string; at?: string } = {},
  ): Promise<CaseRecord> {
    const res = CaseFileBody.safeParse(input);
    if (!res.success) throw new InputError('invalid case file', issuesFrom(res.error));
    const id = opts.id ?? newId('cas');
    const at = opts.at ?? new Date().toISOString();
    return this.store.transaction(async (s) => {
      await s.sqlHandle.run(
        `INSERT INTO case_file (id, data, pseudonym_salt, created_at, created_by, updated_at, updated_by, version, deleted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, NULL)`,
        [id, canonicalJson(res.data), randomBytes(32).toString('hex'), at, actor, at, actor],
      );
      await s.keySet(id); // the case's first data key, in the same transaction
      await s.audit({
        actor,
        action: 'create',
        entity: 'case-files',
        entityId: id,
        caseId: id,
        after: res.data,
      });
      return (await s.getCase(id))!;
    });
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    const r = await this.sql.get<Record<string, unknown>>('SELECT * FROM case_file WHERE id = ?', [id]);
    if (!r) return undefined;
    const { caseId: _c, ...meta } = rowMeta({ ...r, case_id: r.id });
    return { ...meta, body: JSON.parse(String(r.data)) };
  }

  async listCases(): Promise<CaseRecord[]> {
    const rows = await this.sql.all<{ id: string }>(
      'SELECT id FROM case_file WHERE deleted_at IS NULL ORDER BY created_at',
    );
    return Promise.all(rows.map(async (r) => (await this.store.getCase(r.id))!));
  }

  /** The case a command works on: the one named, or the only one in the store. */
  async resolveCaseId(id?: string): Promise<string> {
    if (id) {
      const c = await this.store.getCase(id);
      if (!c || c.deletedAt) throw new NotFoundError(`no case file with id ${id}`);
      return id;
    }
    const all = await this.store.listCases();
    if (all.length === 1) return all[0]!.id;
    if (all.length === 0)
      throw new UsageError('the store holds no case file yet (run `testigo demo` or import one)');
    throw new UsageError(
      `the store holds ${all.length} case files: name one with --case (${all.map((c) => c.id).join(', ')})`,
    );
  }

  /** Secret per-case salt for stable pseudonyms; never leaves the server. */
  async pseudonymSalt(caseId: string): Promise<string> {
    const r = await this.sql.get<{ pseudonym_salt: string }>(
      'SELECT pseudonym_salt FROM case_file WHERE id = ?',
      [caseId],
    );
    if (!r) throw new NotFoundError(`no case file with id ${caseId}`);
    return r.pseudonym_salt;
  }

  /** Throws unless the case file exists and is live. */
  async requireCase(caseId: string): Promise<void> {
    const c = await this.sql.get<{ deleted_at: string | null }>(
      'SELECT deleted_at FROM case_file WHERE id = ?',
      [caseId],
    );
    if (!c || c.deleted_at) throw new NotFoundError(`no case file with id ${caseId}`);
  }
}
