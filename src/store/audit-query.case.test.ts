/** The audit viewer's query on both engines: order, paging by sequence, filters, time window. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { queryAudit } from './audit-query.js';

for (const backend of BACKENDS) {
  describe(`audit query (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    let otherCase: string;
    let personId: string;
    before(async () => {
      t = await backend.open();
      caseId = (await t.store.createCase({ title: 'Audit query' }, 'usr-admin')).id;
      otherCase = (await t.store.createCase({ title: 'Other' }, 'usr-admin')).id;
      const p = await t.store.create(
        'person',
        caseId,
        { givenNames: 'Ana', firstSurname: 'Prueba' },
        'usr-ana',
      );
      personId = p.id;
      await t.store.update('person', p.id, { givenNames: 'Ana María', firstSurname: 'Prueba' }, 'usr-bea');
      await t.store.create('place', caseId, { name: 'Plaza', kind: 'site' }, 'usr-ana');
      await t.store.create('place', otherCase, { name: 'Elsewhere', kind: 'site' }, 'usr-ana');
    });
    after(async () => t.dispose());

    it('newest first, paged with a cursor, only this case file', async () => {
      const all = await queryAudit(t.store, { caseId, order: 'desc', limit: 100 });
      assert.ok(all.length >= 3);
      assert.ok(all.every((e) => e.caseId === caseId));
      const seqs = all.map((e) => e.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => b - a),
      );
      const first = await queryAudit(t.store, { caseId, order: 'desc', limit: 2 });
      const next = await queryAudit(t.store, { caseId, order: 'desc', limit: 100, cursor: first[1]!.seq });
      assert.deepEqual(
        [...first, ...next].map((e) => e.seq),
        seqs,
      );
      const asc = await queryAudit(t.store, { caseId, order: 'asc', limit: 100, cursor: 0 });
      assert.deepEqual(
        asc.map((e) => e.seq),
        [...seqs].reverse(),
      );
    });

    it('filters by actor, kind and action, together', async () => {
      const bea = await queryAudit(t.store, { caseId, order: 'desc', limit: 100, actor: 'usr-bea' });
      assert.deepEqual(
        bea.map((e) => [e.action, e.entityId]),
        [['update', personId]],
      );
      const places = await queryAudit(t.store, { caseId, order: 'desc', limit: 100, entity: 'places' });
      assert.equal(places.length, 1);
      const anaCreates = await queryAudit(t.store, {
        caseId,
        order: 'desc',
        limit: 100,
        actor: 'usr-ana',
        action: 'create',
      });
      assert.deepEqual(anaCreates.map((e) => e.entity).sort(), ['persons', 'places']);
    });

    it('a time window: from inclusive, to exclusive, any ISO form', async () => {
      const all = await queryAudit(t.store, { caseId, order: 'asc', limit: 100 });
      const mid = all[1]!;
      const from = await queryAudit(t.store, { caseId, order: 'asc', limit: 100, from: mid.at });
      assert.ok(from.every((e) => e.at >= mid.at));
      assert.ok(from.some((e) => e.seq === mid.seq));
      const to = await queryAudit(t.store, { caseId, order: 'asc', limit: 100, to: mid.at });
      assert.ok(to.every((e) => e.at < mid.at));
      const future = await queryAudit(t.store, { caseId, order: 'asc', limit: 100, from: '2999-01-01' });
      assert.deepEqual(future, []);
      const past = await queryAudit(t.store, {
        caseId,
        order: 'asc',
        limit: 100,
        to: '2000-01-01T00:00:00+00:00',
      });
      assert.deepEqual(past, []);
    });
  });
}
