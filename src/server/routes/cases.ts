/**
 * Case files over HTTP: the controlled vocabularies, the caller's case files, and one case file with
 * its record counts. Non-members get 404 for a case file: its existence is not confirmed to them.
 */
import type { Hono } from 'hono';
import { NotFoundError } from '../../domain/errors.js';
import { KINDS, type Kind } from '../../domain/kinds.js';
import { VOCABULARIES } from '../../domain/vocabularies.js';
import type { CaseStore } from '../../store/case-store.js';
import { requireCan } from '../authorize.js';
import type { AppEnv } from '../context.js';

export function caseRoutes(app: Hono<AppEnv>, store: CaseStore): void {
  app.get('/api/vocabularies', (c) => c.json(VOCABULARIES));

  app.get('/api/cases', async (c) => {
    const p = c.get('principal');
    const cases = (await store.listCases()).filter((k) => p.memberships.has(k.id));
    return c.json({
      items: cases.map((k) => ({
        id: k.id,
        ...k.body,
        role: p.memberships.get(k.id)?.role,
        createdAt: k.createdAt,
        updatedAt: k.updatedAt,
      })),
    });
  });

  app.get('/api/cases/:caseId', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const k = await store.getCase(caseId);
    if (!k || k.deletedAt) throw new NotFoundError('no such case file');
    const counts: Record<string, number> = {};
    for (const kind of Object.keys(KINDS) as Kind[])
      counts[KINDS[kind].name] = await store.count(kind, caseId);
    counts['source-records'] = await store.countSourceRecords(caseId);
    return c.json({
      id: k.id,
      ...k.body,
      role: c.get('principal').memberships.get(caseId)?.role,
      createdAt: k.createdAt,
      updatedAt: k.updatedAt,
      counts,
    });
  });
}
