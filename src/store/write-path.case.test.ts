/**
 * The write path's shortcuts keep the store's answers: the case and every reference checked in one
 * statement (in chunks, each issue on the reference it belongs to), the row returned by the write
 * itself, a new record indexed once, the audit head moved with its entry — on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InputError, NotFoundError } from '../domain/errors.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import type { CaseStore } from './case-store.js';

const ACTOR = 'user:test';
const day = (value: string) => ({ precision: 'day' as const, value });

for (const backend of BACKENDS) {
  describe(`write path: ${backend.name}`, () => {
    let t: TestStore;
    let store: CaseStore;
    before(async () => {
      t = await backend.open();
      store = t.store;
    });
    after(async () => {
      await t?.dispose();
    });

    it('checks hundreds of references in chunks and names exactly the bad ones', async () => {
      const c = await store.createCase({ title: 'Referencias', country: 'VE' }, ACTOR);
      const other = await store.createCase({ title: 'Otro', country: 'VE' }, ACTOR);
      const ana = await store.create('person', c.id, { givenNames: 'Ana', protection: 'public' }, ACTOR);
      const elsewhere = await store.create(
        'person',
        other.id,
        { givenNames: 'Eva', protection: 'public' },
        ACTOR,
      );
      const missing = 'per_0000000000AAAAAAAAAAAAAAAA';
      // 450 references: the bad ones sit in the second and third chunks of 200.
      const personIds = Array.from({ length: 450 }, (_, i) =>
        i === 230 ? missing : i === 420 ? elsewhere.id : ana.id,
      );
      const body = {
        title: 'Muchas personas',
        statement: 'Declaración.',
        language: 'es',
        consent: 'internal',
        protection: 'public',
        supports: { personIds },
      };
      await assert.rejects(store.create('testimony', c.id, body, ACTOR), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.deepEqual(
          err.issues.map((i) => i.message),
          [
            `no persons record ${missing} in this case file`,
            `no persons record ${elsewhere.id} in this case file`,
          ],
        );
        return true;
      });
      const ok = await store.create(
        'testimony',
        c.id,
        { ...body, supports: { personIds: personIds.map(() => ana.id) } },
        ACTOR,
      );
      assert.equal(ok.body.supports.personIds.length, 450);
      // A deleted reference is refused like a missing one.
      const gone = await store.create('event', c.id, { title: 'Borrado', date: day('2017-05-03') }, ACTOR);
      await store.remove('event', gone.id, ACTOR);
      await assert.rejects(
        store.create('act', c.id, { eventId: gone.id, victimId: ana.id, type: 'torture' }, ACTOR),
        (err: unknown) => err instanceof InputError && err.issues.map((i) => i.field).join() === 'eventId',
      );
    });

    it('refuses a write to a missing case before looking at its references', async () => {
      await assert.rejects(
        store.create(
          'act',
          'cas_0000000000AAAAAAAAAAAAAAAA',
          {
            eventId: 'evt_0000000000AAAAAAAAAAAAAAAA',
            victimId: 'per_0000000000AAAAAAAAAAAAAAAA',
            type: 'torture',
          },
          ACTOR,
        ),
        (err: unknown) => err instanceof NotFoundError && /no case file/.test(err.message),
      );
    });

    it('returns what a read returns, indexes a new record once, and moves the audit head with each entry', async () => {
      const c = await store.createCase({ title: 'Escrituras', country: 'VE' }, ACTOR);
      const head0 = await store.auditHead();
      const p = await store.create(
        'person',
        c.id,
        { givenNames: 'Rosa', firstSurname: 'Quintero', protection: 'protected' },
        ACTOR,
      );
      assert.deepEqual(p, await store.get('person', p.id));
      const place = await store.create(
        'place',
        c.id,
        { name: 'Plaza', kind: 'detention_site', stateCode: 'VE-A' },
        ACTOR,
      );
      const ev = await store.create(
        'event',
        c.id,
        { title: 'Detención', date: day('2017-05-03'), placeId: place.id },
        ACTOR,
      );
      assert.deepEqual(ev, await store.get('event', ev.id));
      const updated = await store.update('event', ev.id, { ...ev.body, description: 'Madrugada' }, ACTOR, {
        expectedVersion: 1,
      });
      assert.equal(updated.version, 2);
      assert.deepEqual(updated, await store.get('event', ev.id));
      const search = (q: string) =>
        store.search({
          caseId: c.id,
          terms: [[q]],
          tier: 'cleared',
          clearedPersons: [],
          filters: {},
          limit: 10,
          offset: 0,
        });
      assert.deepEqual((await search('madrugada')).hits, [{ kind: 'event', recordId: ev.id }]);
      assert.equal((await search('detencion')).total + (await search('detención')).total > 0, true);
      // Each write appended one entry and the head follows the last one: the chain verifies.
      const head = await store.auditHead();
      assert.equal(head.seq, head0.seq + 4);
      const last = (await store.auditEntries({ afterSeq: head.seq - 1 }))[0]!;
      assert.equal(last.hash, head.hash);
      assert.equal(last.action, 'update');
      const v = await store.verifyAudit();
      assert.ok(v.ok, JSON.stringify(v.problem));
    });
  });
}
