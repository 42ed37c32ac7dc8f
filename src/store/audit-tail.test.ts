import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { AuditTail, mayChange, type TailEntry } from './audit-tail.js';

describe('audit tail (what may have changed between two heads)', () => {
  it('a record kind’s entry changes that kind of that case only; accounts and access logs nothing; anything else everything', () => {
    const e = (entity: string, caseId: string | null = 'c1') => ({ entity, caseId });
    assert.equal(mayChange(e('persons'), 'persons', 'c1'), true);
    assert.equal(mayChange(e('persons', null), 'persons', 'c1'), true);
    assert.equal(mayChange(e('persons', 'c2'), 'persons', 'c1'), false, 'another case');
    assert.equal(mayChange(e('events'), 'persons', 'c1'), false, 'another kind');
    assert.equal(mayChange(e('protected-records'), 'persons', 'c1'), false, 'an access log');
    assert.equal(mayChange(e('users', null), 'persons', 'c1'), false);
    assert.equal(mayChange(e('data-keys'), 'persons', 'c1'), true, 'a key rotation rewrites every row');
    assert.equal(mayChange(e('case-files'), 'persons', 'c1'), true, 'an import');
    assert.equal(mayChange(e('something-new'), 'persons', 'c1'), true, 'an entity it does not know');
  });

  it('reads each entry once, joins questions, and says when it no longer holds what is asked', async () => {
    const log: TailEntry[] = Array.from({ length: 30_000 }, (_, i) => ({
      seq: i + 1,
      entity: i % 2 ? 'events' : 'persons',
      caseId: 'c1',
    }));
    const reads: [number, number][] = [];
    const tail = new AuditTail(async (from, to) => {
      reads.push([from, to]);
      await new Promise((r) => setImmediate(r));
      return log.filter((e) => e.seq > from && e.seq <= to);
    });
    assert.deepEqual(
      (await tail.between(10, 13))?.map((e) => e.seq),
      [11, 12, 13],
    );
    const [a, b] = await Promise.all([tail.between(12, 20), tail.between(11, 20)]);
    assert.deepEqual(
      a?.map((e) => e.seq),
      [13, 14, 15, 16, 17, 18, 19, 20],
    );
    assert.equal(b?.length, 9);
    assert.deepEqual(reads, [
      [10, 13],
      [13, 20],
    ]);
    assert.equal(await tail.between(5, 20), undefined, 'before the first question: unknown');
    assert.deepEqual(await tail.between(20, 20), []);
    // Past what it keeps: the oldest are dropped, and a question about them is not answered.
    assert.equal(await tail.between(20, 30_000), undefined, 'too many to keep: not read');
    assert.equal(reads.length, 2);
    for (let to = 10_020; to <= 30_000; to += 10_000) await tail.between(to - 10_000, to);
    assert.equal(await tail.between(15, 30_000), undefined);
    assert.equal((await tail.between(29_990, 30_000))?.length, 10);
    assert.equal(await tail.unchanged(29_990, 29_991, 'events', 'c1'), true, 'seq 29,991 is a person');
    assert.equal(await tail.unchanged(29_990, 29_992, 'events', 'c1'), false);
  });
});

for (const backend of BACKENDS) {
  describe(`directories skip counting when the audit log names other kinds only (${backend.name})`, () => {
    const opened: TestStore[] = [];
    after(async () => {
      for (const t of opened) await t.dispose();
    });

    it('a person directory counts persons after a person write or an import, not after an event write', async () => {
      const t = await backend.open();
      opened.push(t);
      const s = t.store;
      const caseId = (await s.createCase({ title: 'Cola' }, 'user:t')).id;
      await s.create('person', caseId, { givenNames: 'Ana', protection: 'public' }, 'user:t');
      const directory = async () => (await s.personDirectory(caseId)).directory;
      const d = await directory();
      const stamps = () => d.stampsRead;
      let before = stamps();
      await s.create(
        'event',
        caseId,
        { title: 'Allanamiento', date: { value: '2018-01-10', precision: 'day' } },
        'user:t',
      );
      await directory();
      assert.equal(stamps(), before, 'an event written: no person counted');
      const beto = await s.create(
        'person',
        caseId,
        { givenNames: 'Beto', protection: 'protected' },
        'user:t',
      );
      await directory();
      assert.equal(stamps(), before + 1, 'a person written: counted');
      assert.ok(d.get(beto.id), 'and read');
      before = stamps();
      // An entry the tail does not know to be harmless (here: an import of the case) moves the head.
      await s.audit({ actor: 'user:t', action: 'import', entity: 'case-files', caseId });
      await directory();
      assert.equal(stamps(), before + 1, 'an unknown entity: counted, as before');
      // The presenter's stamp is read again only when one of its kinds may have changed.
      assert.equal(
        await s.unchangedSince(['person', 'testimony'], caseId, 0, (await s.auditHead()).seq),
        false,
      );
      const head = (await s.auditHead()).seq;
      await s.create(
        'event',
        caseId,
        { title: 'Otro', date: { value: '2018-01-11', precision: 'day' } },
        'user:t',
      );
      assert.equal(
        await s.unchangedSince(['person', 'testimony'], caseId, head, (await s.auditHead()).seq),
        true,
      );
    });
  });
}
