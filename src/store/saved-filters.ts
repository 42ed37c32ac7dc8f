/**
 * Saved list filters: a member's named query strings for a list view (migration 22). They belong
 * to their author alone; nobody else reads or removes them.
 */
import { InputError, NotFoundError } from '../domain/errors.js';
import type { CaseStore } from './case-store.js';
import { newId } from './ids.js';

export interface SavedFilter {
  id: string;
  kind: string;
  name: string;
  query: string;
  createdAt: string;
}

const MAX_PER_KIND = 100;

export async function savedFilters(
  store: CaseStore,
  caseId: string,
  userId: string,
  kind: string,
): Promise<SavedFilter[]> {
  const rows = await store.sqlHandle.all<Record<string, unknown>>(
    'SELECT id, kind, name, query, created_at FROM saved_filter WHERE case_id = ? AND user_id = ? AND kind = ? ORDER BY name, id',
    [caseId, userId, kind],
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind),
    name: String(r.name),
    query: String(r.query),
    createdAt: String(r.created_at),
  }));
}

export async function saveFilter(
  store: CaseStore,
  caseId: string,
  userId: string,
  input: { kind: string; name: string; query: string },
): Promise<SavedFilter> {
  const name = input.name.trim();
  if (!name || name.length > 120)
    throw new InputError('a saved filter needs a name of 1 to 120 characters', [
      { field: 'name', message: name ? 'invalid' : 'required' },
    ]);
  if (input.query.length > 2000)
    throw new InputError('the filter is too long (2,000 characters at most)', [
      { field: 'query', message: 'invalid' },
    ]);
  const had = await store.sqlHandle.get<{ n: number }>(
    'SELECT count(*) AS n FROM saved_filter WHERE case_id = ? AND user_id = ? AND kind = ?',
    [caseId, userId, input.kind],
  );
  if (Number(had?.n ?? 0) >= MAX_PER_KIND)
    throw new InputError(`at most ${MAX_PER_KIND} saved filters per list`, [
      { field: 'name', message: 'invalid' },
    ]);
  const f = {
    id: newId('flt'),
    kind: input.kind,
    name,
    query: input.query,
    createdAt: new Date().toISOString(),
  };
  await store.sqlHandle.run(
    'INSERT INTO saved_filter (id, case_id, user_id, kind, name, query, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [f.id, caseId, userId, f.kind, f.name, f.query, f.createdAt],
  );
  return f;
}

export async function removeSavedFilter(
  store: CaseStore,
  caseId: string,
  userId: string,
  id: string,
): Promise<void> {
  const n = await store.sqlHandle.run(
    'DELETE FROM saved_filter WHERE id = ? AND case_id = ? AND user_id = ?',
    [id, caseId, userId],
  );
  if (n === 0) throw new NotFoundError('no such saved filter');
}
