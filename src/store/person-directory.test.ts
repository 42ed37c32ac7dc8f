import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PersonBody } from '../domain/schema.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { type DirectorySource, PersonDirectory } from './person-directory.js';

for (const backend of BACKENDS) {
  describe(`persons in name order though names are sealed (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    before(async () => {
      t = await backend.open();
      caseId = (await t.store.createCase({ title: 'Orden' }, 'test')).id;
    });
    after(async () => t?.dispose());
    const names = async (opts: Record<string, unknown> = {}) =>
      (await t.store.list('person', caseId, opts)).map((p) => p.body.firstSurname);
    const add = (firstSurname: string, protection = 'protected') =>
      t.store.create('person', caseId, { givenNames: 'X', firstSurname, protection }, 'test');

    it('keeps the order through creates, renames, deletions, filters, paging and direction', async () => {
      const z = await add('Zambrano');
      await add('Álvarez');
      await add('Mendoza', 'public');
      assert.deepEqual(await names(), ['Álvarez', 'Mendoza', 'Zambrano']);
      await add('Barrios');
      assert.deepEqual(
        await names(),
        ['Álvarez', 'Barrios', 'Mendoza', 'Zambrano'],
        'a new person is placed',
      );
      await t.store.update('person', z.id, { ...z.body, firstSurname: 'Aponte' }, 'test');
      assert.deepEqual(await names(), ['Álvarez', 'Aponte', 'Barrios', 'Mendoza'], 'a rename moves it');
      const all = await t.store.list('person', caseId);
      await t.store.remove('person', all[2]!.id, 'test');
      assert.deepEqual(await names(), ['Álvarez', 'Aponte', 'Mendoza'], 'a deleted person leaves');
      assert.deepEqual(await names({ limit: 1, offset: 1 }), ['Aponte']);
      assert.deepEqual(await names({ desc: true }), ['Mendoza', 'Aponte', 'Álvarez']);
      assert.deepEqual(await names({ where: { protection: 'public' } }), ['Mendoza']);
      assert.deepEqual(await names({ where: { firstSurname: 'aponte' } }), ['Aponte']);
      assert.equal((await names({ includeDeleted: true })).length, 4);
      // A write the order did not see (another process) is caught by the counts.
      await t.store.sqlHandle.run('UPDATE person SET updated_at = ? WHERE id = ?', [
        '2000-01-01T00:00:00.000Z',
        z.id,
      ]);
      await add('Castro');
      assert.deepEqual(await names(), ['Álvarez', 'Aponte', 'Castro', 'Mendoza']);
    });

    it('sees a rename by another process whose clock is behind, with no insert to give it away', async () => {
      const other = await t.reopen();
      const list = await t.store.list('person', caseId);
      assert.ok(list.length > 0, 'the directory is warm');
      const p = list.find((x) => x.body.firstSurname === 'Castro')!;
      await other.update('person', p.id, { ...p.body, firstSurname: 'Yépez' }, 'test');
      // The other machine's clock was behind: its write is older than the newest this one saw.
      await other.sqlHandle.run('UPDATE person SET updated_at = ? WHERE id = ?', [
        '2000-01-02T00:00:00.000Z',
        p.id,
      ]);
      assert.deepEqual(await names(), ['Álvarez', 'Aponte', 'Mendoza', 'Yépez']);
    });

    it('finds such a write through the audit log, without reading every person again', async () => {
      const other = await t.reopen();
      const { directory } = await t.store.personDirectory(caseId);
      const rereads = directory.rereads;
      const v = directory.version;
      const p = (await t.store.list('person', caseId)).find((x) => x.body.firstSurname === 'Yépez')!;
      // Written with a clock behind the newest update this process has seen (as by another machine).
      await other.update('person', p.id, { ...p.body, firstSurname: 'Zúñiga' }, 'test');
      await other.sqlHandle.run('UPDATE person SET updated_at = ? WHERE id = ?', [
        '2000-01-03T00:00:00.000Z',
        p.id,
      ]);
      assert.deepEqual(await names(), ['Álvarez', 'Aponte', 'Mendoza', 'Zúñiga']);
      assert.equal(directory.rereads, rereads, 'caught by the audit log, not by a full re-read');
      assert.deepEqual(directory.changedSince(v), [p.id]);
    });

    it('pages persons in the order of creation from memory, as created_at then id order them', async () => {
      const other = await t.reopen();
      const a = await add('Quintero');
      await add('Ochoa', 'public');
      // Another process's insert, with a clock behind: placed by its creation time, not last.
      const late = await other.create(
        'person',
        caseId,
        { givenNames: 'X', firstSurname: 'Urdaneta' },
        'test',
      );
      await other.sqlHandle.run('UPDATE person SET created_at = ? WHERE id = ?', [
        '2000-01-04T00:00:00.000Z',
        late.id,
      ]);
      await t.store.update('person', a.id, { ...a.body, firstSurname: 'Quiroga' }, 'test');
      const reference = async (where = '') =>
        (
          await t.store.sqlHandle.all<{ id: string; created_at: string }>(
            `SELECT id, created_at FROM person WHERE case_id = ? AND deleted_at IS NULL${where}`,
            [caseId],
          )
        )
          .sort((x, y) =>
            x.created_at < y.created_at
              ? -1
              : x.created_at > y.created_at
                ? 1
                : x.id < y.id
                  ? -1
                  : x.id > y.id
                    ? 1
                    : 0,
          )
          .map((r) => r.id);
      const ids = async (opts: Record<string, unknown>) =>
        (await t.store.list('person', caseId, { sort: 'created', ...opts })).map((p) => p.id);
      // Watch the statements: a page in creation order reads no ORDER BY created_at … OFFSET.
      const sql = t.store.sqlHandle;
      const all = sql.all.bind(sql);
      const seen: string[] = [];
      sql.all = ((q: string, params?: unknown[]) => {
        seen.push(q);
        return all(q, params);
      }) as typeof sql.all;
      try {
        const want = await reference();
        assert.equal(want[0], late.id, 'the late insert comes first');
        assert.deepEqual(await ids({}), want);
        assert.deepEqual(await ids({ desc: true }), [...want].reverse());
        assert.deepEqual(await ids({ offset: 2, limit: 2 }), want.slice(2, 4));
        assert.deepEqual(
          await ids({ where: { protection: 'public' } }),
          await reference(" AND c_protection = 'public'"),
        );
        await t.store.remove('person', want[1]!, 'test');
        assert.deepEqual(await ids({}), await reference(), 'a deleted person leaves');
        assert.ok(!seen.some((q) => /ORDER BY created_at/.test(q)), 'no page read in the database order');
      } finally {
        sql.all = all;
      }
      assert.equal(
        (await ids({ includeDeleted: true })).length,
        (await reference()).length + 2,
        'deleted ones too, from the database',
      );
    });
  });
}

describe('person directory change log (what incremental matchers follow)', () => {
  /** An in-memory source: rows with update times and versions, as the store would return them. */
  const source = () => {
    const rows = new Map<string, { updatedAt: string; version: number; name: string; deleted?: boolean }>();
    let keys = 0;
    const src: DirectorySource = {
      stamp: async () => ({
        n: rows.size,
        maxUpdated: [...rows.values()].reduce((m, r) => (r.updatedAt > m ? r.updatedAt : m), ''),
        versions: [...rows.values()].reduce((s, r) => s + r.version, 0),
      }),
      changedSince: async (since) =>
        [...rows]
          .filter(([, r]) => r.updatedAt >= since)
          .map(([id, r]) => ({
            id,
            body: { firstSurname: r.name, protection: 'protected' } as PersonBody,
            updatedAt: r.updatedAt,
            version: r.version,
            deleted: r.deleted ?? false,
          })),
      sortKey: (b) => {
        keys++;
        return String(b.firstSurname);
      },
    };
    return { rows, src, keysComputed: () => keys };
  };

  it('keeps the name order person by person: each change placed, no key computed again', async () => {
    const { rows, src, keysComputed } = source();
    const d = new PersonDirectory();
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const name = () => ['Álvarez', 'Barrios', 'Mendoza', 'Zambrano', 'Pérez'][Math.floor(rnd() * 5)]!;
    for (let i = 0; i < 40; i++) rows.set(`p${i}`, { updatedAt: 't0000', version: 1, name: name() });
    await d.sync(src);
    const expected = () =>
      [...rows]
        .filter(([, r]) => !r.deleted)
        .sort(([a, x], [b, y]) => (x.name < y.name ? -1 : x.name > y.name ? 1 : a < b ? -1 : 1))
        .map(([id]) => id);
    assert.deepEqual(d.order(src), expected());
    for (let step = 1; step <= 60; step++) {
      const at = `t${String(step).padStart(4, '0')}`;
      const before = keysComputed();
      const handedOut = d.order(src);
      const copy = [...handedOut];
      let changes = 0;
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++, changes++) {
        const id = `p${Math.floor(rnd() * 50)}`;
        const r = rows.get(id);
        const deleted = r ? rnd() < 0.2 : false;
        rows.set(id, { updatedAt: at, version: (r?.version ?? 0) + 1, name: name(), deleted });
      }
      await d.sync(src);
      assert.deepEqual(d.order(src), expected(), `after step ${step}`);
      assert.ok(keysComputed() - before <= changes, 'only the changed persons get a key');
      assert.deepEqual(handedOut, copy, 'an order handed out before does not change');
    }
  });

  it('names the persons changed since a version, and nothing when it cannot tell', async () => {
    const { rows, src } = source();
    const d = new PersonDirectory();
    rows.set('a', { updatedAt: 't1', version: 1, name: 'A' });
    await d.sync(src);
    const v1 = d.version;
    assert.equal(d.changedSince(0), undefined, 'before the first full read: rebuild');
    assert.deepEqual(d.changedSince(v1), []);
    rows.set('b', { updatedAt: 't2', version: 1, name: 'B' });
    await d.sync(src);
    rows.set('a', { updatedAt: 't3', version: 2, name: 'A2' });
    await d.sync(src);
    assert.deepEqual(new Set(d.changedSince(v1)), new Set(['a', 'b']));
    assert.equal(d.get('a')?.body.firstSurname, 'A2');
    const v3 = d.version;
    // A write with an older clock and no audit log to name it: everything is read again, and the
    // log still names only what differs (consumers update instead of rebuilding).
    rows.set('b', { updatedAt: 't0', version: 2, name: 'B2' });
    await d.sync(src);
    assert.equal(d.rereads, 1);
    assert.deepEqual(d.changedSince(v3), ['b']);
    assert.equal(d.get('b')?.body.firstSurname, 'B2');
    assert.deepEqual(d.changedSince(d.version), []);
    assert.equal(d.changedSince(d.version + 1), undefined, 'a version it never had');
  });

  it('does not read everything again when a write commits between the stamp and the rows', async () => {
    const { rows, src } = source();
    const d = new PersonDirectory();
    rows.set('a', { updatedAt: 't1', version: 1, name: 'A' });
    await d.sync(src);
    const v = d.version;
    let between: (() => void) | undefined;
    const racing: DirectorySource = {
      ...src,
      changedSince: async (since, afterHead) => {
        between?.();
        between = undefined;
        return src.changedSince(since, afterHead);
      },
    };
    rows.set('b', { updatedAt: 't2', version: 1, name: 'B' });
    // After the stamp was read, before the rows are: another write commits.
    between = () => rows.set('c', { updatedAt: 't3', version: 1, name: 'C' });
    await d.sync(racing);
    assert.equal(d.rereads, 0, 'a fresh stamp settles it');
    assert.deepEqual(new Set(d.changedSince(v)), new Set(['b', 'c']));
    assert.equal(d.get('c')?.body.firstSurname, 'C');
  });

  it('with the rows and their stamp read at once, a write committed meanwhile costs no second look', async () => {
    const { rows, src } = source();
    const d = new PersonDirectory();
    rows.set('a', { updatedAt: 't1', version: 1, name: 'A' });
    await d.sync(src);
    const v = d.version;
    let stamps = 0;
    let between: (() => void) | undefined;
    const atOnce: DirectorySource = {
      ...src,
      stamp: async () => {
        stamps++;
        return src.stamp();
      },
      // One snapshot: whatever committed before it is in both the rows and the stamp.
      changedWithStamp: async (since, afterHead) => {
        between?.();
        between = undefined;
        return { entries: await src.changedSince(since, afterHead), stamp: await src.stamp() };
      },
    };
    rows.set('b', { updatedAt: 't2', version: 1, name: 'B' });
    between = () => rows.set('c', { updatedAt: 't3', version: 1, name: 'C' });
    await d.sync(atOnce);
    assert.equal(stamps, 1, 'the stamp that showed a change, and no fresh one');
    assert.equal(d.rereads, 0);
    assert.deepEqual(new Set(d.changedSince(v)), new Set(['b', 'c']));
    // A row changed with no trace in the rows read (a write the audit log does not name): the counts
    // of the same snapshot do not add up, and everything is read again.
    const hidden: DirectorySource = {
      ...atOnce,
      changedWithStamp: async (since, afterHead) => ({
        entries: since === '' ? await src.changedSince(since, afterHead) : [],
        stamp: await src.stamp(),
      }),
    };
    rows.set('d', { updatedAt: 't0', version: 1, name: 'D' });
    await d.sync(hidden);
    assert.equal(d.rereads, 1);
    assert.equal(d.get('d')?.body.firstSurname, 'D');
  });

  it('skips the stamp for a head it is at or past (a head handed over from earlier in a request)', async () => {
    const { rows, src } = source();
    let head = 1;
    let stamps = 0;
    const counted: DirectorySource = {
      ...src,
      head: async () => head,
      stamp: async () => {
        stamps++;
        return src.stamp();
      },
    };
    const d = new PersonDirectory();
    rows.set('a', { updatedAt: 't1', version: 1, name: 'A' });
    await d.sync(counted);
    rows.set('b', { updatedAt: 't2', version: 1, name: 'B' });
    head = 3;
    await d.sync(counted);
    assert.equal(d.get('b')?.body.firstSurname, 'B');
    const before = stamps;
    // A request that read head 2 before this directory was brought to 3: nothing to read.
    head = 2;
    await d.sync(counted);
    head = 3;
    await d.sync(counted);
    assert.equal(stamps, before, 'no stamp for a head already reached');
    // A later head is checked as before.
    rows.set('c', { updatedAt: 't3', version: 1, name: 'C' });
    head = 4;
    await d.sync(counted);
    assert.equal(stamps, before + 1);
    assert.equal(d.get('c')?.body.firstSurname, 'C');
  });

  it('runs one sync at a time: requests that queue up do not read every person again', async () => {
    const { rows, src } = source();
    let head = 1;
    let inFlight = 0;
    let most = 0;
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    const slow: DirectorySource = {
      ...src,
      head: async () => head,
      stamp: async () => {
        await tick();
        return src.stamp();
      },
      changedSince: async (since, afterHead) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await tick();
        const out = await src.changedSince(since, afterHead);
        inFlight--;
        return out;
      },
    };
    const d = new PersonDirectory();
    rows.set('a', { updatedAt: 't01', version: 1, name: 'A' });
    await d.sync(slow);
    // Eight requests, each after a write of its own (the head moving under a queue of requests).
    const syncs: Promise<void>[] = [];
    for (let i = 2; i < 10; i++) {
      rows.set(`p${i}`, { updatedAt: `t0${i}`, version: 1, name: `P${i}` });
      head = i;
      syncs.push(d.sync(slow));
      await tick();
    }
    await Promise.all(syncs);
    assert.equal(most, 1, 'never two syncs reading at once');
    // Before: five syncs read at once and five of the eight read every person again. A write that
    // lands between a stamp and its retry can still cost one (the stamp and the rows are two reads).
    assert.ok(d.rereads <= 1, `read every person again ${d.rereads} times`);
    assert.equal(d.live().length, 9);
  });
});
