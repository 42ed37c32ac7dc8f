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
    assert.equal(await tail.changed(29_990, 29_991, ['events'], 'c1'), false, 'seq 29,991 is a person');
    assert.equal(await tail.changed(29_990, 29_992, ['events'], 'c1'), true);
  });
});

for (const backend of BACKENDS) {
  describe(`directories skip counting when the audit log names other kinds only (${backend.name})`, () => {
    const opened: TestStore[] = [];
    after(async () => {
      for (const t of opened) await t.dispose();
    });

    it('a person directory reads a written person without counting, counts after an entry it cannot tell, skips an event write', async () => {
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
      const rows = d.rowsRead;
      await directory();
      assert.equal(stamps(), before, 'a person written: read, not counted (the log names it)');
      assert.ok(d.get(beto.id), 'and read');
      assert.ok(d.rowsRead - rows <= 2, 'the one written (and those at the newest time seen)');
      before = stamps();
      // An entry the tail does not know to be harmless (here: an import of the case) moves the head.
      await s.audit({ actor: 'user:t', action: 'import', entity: 'case-files', caseId });
      await directory();
      assert.equal(stamps(), before + 1, 'an unknown entity: counted, as before');
      // The presenter's stamp is read again only when one of its kinds may have changed.
      assert.equal(
        await s.kindsChanged(['person', 'testimony'], caseId, 0, (await s.auditHead()).seq),
        undefined,
        'entries it no longer holds (or never did): cannot tell',
      );
      const head = (await s.auditHead()).seq;
      await s.create(
        'event',
        caseId,
        { title: 'Otro', date: { value: '2018-01-11', precision: 'day' } },
        'user:t',
      );
      assert.equal(
        await s.kindsChanged(['person', 'testimony'], caseId, head, (await s.auditHead()).seq),
        false,
      );
    });

    it('counts of every kind, kept between summaries, equal the rows counted after each write', async () => {
      const t = await backend.open();
      opened.push(t);
      const s = t.store;
      const caseId = (await s.createCase({ title: 'Cuentas' }, 'user:t')).id;
      const exact = async (step: string) => {
        const all = await s.countAll(caseId);
        for (const kind of ['person', 'event', 'act', 'testimony'] as const)
          assert.equal(all[kind], await s.count(kind, caseId), `${kind} after ${step}`);
      };
      await exact('nothing');
      const ana = await s.create('person', caseId, { givenNames: 'Ana', protection: 'public' }, 'user:t');
      await exact('a person');
      const day = { value: '2018-01-10', precision: 'day' as const };
      const ev = await s.create('event', caseId, { title: 'Allanamiento', date: day }, 'user:t');
      await exact('an event');
      await s.create(
        'act',
        caseId,
        { eventId: ev.id, victimId: ana.id, type: 'arbitrary_detention' },
        'user:t',
      );
      await exact('an act');
      const beto = await s.create('person', caseId, { givenNames: 'Beto', protection: 'public' }, 'user:t');
      await s.remove('person', beto.id, 'user:t');
      await exact('a person deleted');
      await s.restore('person', beto.id, 'user:t');
      await s.audit({ actor: 'user:t', action: 'import', entity: 'case-files', caseId });
      await exact('a person restored, an import');
    });
  });
}
