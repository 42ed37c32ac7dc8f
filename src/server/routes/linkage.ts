/**
 * Record linkage over HTTP: run it on the case file's lists, read the review queue (uncertain
 * pairs of the latest run, two records side by side), and record a reviewer's decision
 * (same / different / unsure; audited; honoured by the next run). Raw list rows are member-level
 * data: viewers get nothing, and rows linked to a person the caller may not see are withheld.
 */
import { z } from 'zod';
import { ForbiddenError, InputError } from '../../domain/errors.js';
import { buildViewContext, presentLinkDecision, presentListRow } from '../../read-model/presenter.js';
import { canReadListRows } from '../../security/policy.js';
import { linkCaseFile, PERSONS_SOURCE } from '../../store/case-linkage.js';
import type { CaseStore } from '../../store/case-store.js';
import { pageQuery } from '../query.js';
import type { ApiRouter } from '../route.js';

const Ref = z.object({ listId: z.string().min(1).max(100), rowNo: z.number().int().positive() });
const DecisionInput = z.object({
  a: Ref,
  b: Ref,
  decision: z.enum(['must-link', 'cannot-link', 'unsure']),
  note: z.string().max(2000).optional(),
});
const RunInput = z
  .object({
    threshold: z.number().gt(0).lt(1).optional(),
    full: z.boolean().optional(),
  })
  .default({});

interface ReviewPair {
  a: { source: string; id: string };
  b: { source: string; id: string };
  probability: number;
  status: string;
}

export function linkageRoutes(api: ApiRouter, store: CaseStore): void {
  const r = api.tag('Linkage');
  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/linkage/runs',
      summary:
        "Link the case file's list records to each other and to its persons (analysts); body {threshold?, full?}",
      allow: 'analyse',
      body: RunInput,
      invalid: 'invalid linkage settings',
      responses: { 201: 'run summary', 400: 'invalid linkage settings' },
    },
    async (c, { body }) =>
      c.json(await linkCaseFile(store, c.req.param('caseId'), c.get('actor'), body), 201),
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/linkage/review',
      summary: 'Review queue: uncertain pairs of the latest run, both records side by side, undecided only',
      allow: ['analyse', 'write'],
      query: pageQuery({ default: 20, max: 200 }, Number.MAX_SAFE_INTEGER),
      responses: { 200: 'pairs', 403: 'raw list rows are not shown at public level' },
    },
    async (c, { query: { limit, offset } }) => {
      const caseId = c.req.param('caseId');
      const p = c.get('principal');
      if (!canReadListRows(p, caseId))
        throw new ForbiddenError('raw list rows are not shown at public level');
      const runs = await store.analyses(caseId, 'linkage');
      const last = runs[runs.length - 1];
      if (!last) return c.json({ run: null, items: [], total: 0 });
      const decided = new Set(
        (await store.linkDecisions(caseId)).map((d) => pairKey(d.a.listId, d.a.rowNo, d.b.listId, d.b.rowNo)),
      );
      // Only pairs of two list rows: a decision names list rows, and a pair with one of the case's
      // own persons (anchors, source "(case persons)", id a person id) has no row to show or decide.
      const pending = ((last.result as { review?: ReviewPair[] }).review ?? []).filter(
        (r) =>
          isListRow(r.a) &&
          isListRow(r.b) &&
          !decided.has(pairKey(r.a.source, Number(r.a.id), r.b.source, Number(r.b.id))),
      );
      const lists = new Map((await store.list('sourceList', caseId, { limit: 1000 })).map((l) => [l.id, l]));
      const ctx = await buildViewContext(store, p, caseId);
      const side = async (ref: { source: string; id: string }) => {
        const rowNo = Number(ref.id);
        const [row] = await store.sourceRecords(ref.source, { afterRow: rowNo - 1, limit: 1 });
        if (!row || row.rowNo !== rowNo) return { listId: ref.source, rowNo, missing: true };
        return {
          listId: ref.source,
          listName: lists.get(ref.source)?.body.name ?? ref.source,
          ...presentListRow(ctx, row),
        };
      };
      const items = [];
      for (const r of pending.slice(offset, offset + limit))
        items.push({ a: await side(r.a), b: await side(r.b), probability: r.probability, status: r.status });
      return c.json({ run: { id: last.id, createdAt: last.createdAt }, items, total: pending.length });
    },
  );

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/linkage/decisions',
      summary: 'Review decisions in force (latest per pair)',
      allow: ['analyse', 'write'],
      responses: { 200: 'decisions' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
      const ctx = await buildViewContext(store, c.get('principal'), caseId);
      const decisions = await store.linkDecisions(caseId);
      return c.json({ items: decisions.map((d) => presentLinkDecision(ctx, d)) });
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/linkage/decisions',
      summary:
        'Record a decision on a pair: must-link, cannot-link or unsure (audited; honoured by the next run)',
      allow: ['analyse', 'write'],
      body: DecisionInput,
      invalid: 'a decision needs a, b ({listId, rowNo}) and decision (must-link, cannot-link or unsure)',
      responses: { 201: 'decision id', 400: 'invalid decision' },
    },
    async (c, { body: { a, b, decision, note } }) => {
      const caseId = c.req.param('caseId');
      if (a.listId === b.listId && a.rowNo === b.rowNo)
        throw new InputError('a decision about a record and itself');
      const id = await store.recordLinkDecision(caseId, a, b, decision, c.get('actor'), note);
      return c.json({ id }, 201);
    },
  );
}

const isListRow = (r: { source: string; id: string }) =>
  r.source !== PERSONS_SOURCE && /^[1-9]\d*$/.test(r.id);

const pairKey = (la: string, ra: number, lb: string, rb: number) => {
  const x = `${la}\u0000${ra}`;
  const y = `${lb}\u0000${rb}`;
  return x < y ? `${x}\u0001${y}` : `${y}\u0001${x}`;
};
