/**
 * The linkage review queue over HTTP on both engines: who may run and review, the queue shows
 * two records side by side, a decision is recorded (audited) and leaves the queue, and viewers
 * never see raw rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDemoCase } from '../../test-support/demo-case.js';
import { addMembers, requestAs } from '../../test-support/members.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

for (const backend of BACKENDS) {
  describe(`linkage API (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    const tokens: Record<string, string> = {};

    before(async () => {
      ({ t, caseId } = await openDemoCase(backend, 'imported'));
      const members = await addMembers(t.store, caseId, [
        ['analyst', 'analyst'],
        ['documenter', 'documenter'],
        ['viewer', 'viewer'],
        ['panelist', 'panelist'],
      ]);
      Object.assign(tokens, members.tokens);
      app = createApp(t.store);
    });
    after(async () => t?.dispose());

    const req = (method: string, path: string, who: string, body?: unknown) =>
      requestAs(app, tokens[who], method, path, body);

    it('only analysts run linkage; the run links every record', async () => {
      assert.equal((await req('POST', `/api/cases/${caseId}/linkage/runs`, 'documenter', {})).status, 403);
      assert.equal((await req('POST', `/api/cases/${caseId}/linkage/runs`, 'viewer', {})).status, 403);
      const r = await req('POST', `/api/cases/${caseId}/linkage/runs`, 'analyst', {});
      assert.equal(r.status, 201);
      const summary = (await r.json()) as { records: number; assignments: number };
      assert.ok(summary.records > 0);
      assert.equal(summary.assignments, summary.records);
      const bad = await req('POST', `/api/cases/${caseId}/linkage/runs`, 'analyst', { threshold: 2 });
      assert.equal(bad.status, 400);
    });

    it('the review queue shows pairs side by side; a decision is recorded and leaves the queue', async () => {
      assert.equal((await req('GET', `/api/cases/${caseId}/linkage/review`, 'viewer')).status, 403);
      assert.equal((await req('GET', `/api/cases/${caseId}/linkage/review`, 'panelist')).status, 403);
      const q = (await (
        await req('GET', `/api/cases/${caseId}/linkage/review?limit=5`, 'documenter')
      ).json()) as {
        total: number;
        items: {
          a: { listId: string; rowNo: number; data: Record<string, string> };
          b: { listId: string; rowNo: number };
          probability: number;
        }[];
      };
      assert.ok(q.total > 0, 'the demo lists leave some uncertain pairs');
      // Every item is a pair of list rows (what a decision names), never one of the case's persons.
      const all = (await (
        await req('GET', `/api/cases/${caseId}/linkage/review?limit=200`, 'analyst')
      ).json()) as {
        items: { a: { rowNo: number; missing?: boolean }; b: { rowNo: number; missing?: boolean } }[];
      };
      for (const it of all.items) {
        assert.ok(Number.isInteger(it.a.rowNo) && Number.isInteger(it.b.rowNo));
        assert.ok(!it.a.missing && !it.b.missing);
      }
      const first = q.items[0]!;
      assert.ok(first.probability > 0 && first.probability < 1);
      assert.ok('given_names' in first.a.data);
      const bad = await req('POST', `/api/cases/${caseId}/linkage/decisions`, 'documenter', {
        a: { listId: first.a.listId, rowNo: first.a.rowNo },
        b: { listId: first.b.listId, rowNo: first.b.rowNo },
        decision: 'maybe',
      });
      assert.equal(bad.status, 400);
      const ok = await req('POST', `/api/cases/${caseId}/linkage/decisions`, 'documenter', {
        a: { listId: first.a.listId, rowNo: first.a.rowNo },
        b: { listId: first.b.listId, rowNo: first.b.rowNo },
        decision: 'cannot-link',
        note: 'different mothers',
      });
      assert.equal(ok.status, 201);
      const q2 = (await (
        await req('GET', `/api/cases/${caseId}/linkage/review?limit=5`, 'analyst')
      ).json()) as {
        total: number;
      };
      assert.equal(q2.total, q.total - 1);
      const d = (await (await req('GET', `/api/cases/${caseId}/linkage/decisions`, 'analyst')).json()) as {
        items: { decision: string; note?: string }[];
      };
      assert.equal(d.items.length, 1);
      assert.equal(d.items[0]!.decision, 'cannot-link');
      const audit = await t.store.auditEntries({ caseId, limit: 100_000 });
      assert.ok(audit.some((e) => e.action === 'link-decision'));
    });
  });
}
