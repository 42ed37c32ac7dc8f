/**
 * toRecord reuses a body it opened before only for the exact same stored text of the same record:
 * an update, a moved envelope or a restored row is judged by what is stored now.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { IntegrityError } from '../../domain/errors.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { rowOpens } from './records.js';

const A = 'user:t';

for (const backend of BACKENDS) {
  describe(`opened rows reused (${backend.name})`, () => {
    const opened: TestStore[] = [];
    after(async () => {
      for (const t of opened) await t.dispose();
    });

    it('reuses an opened body only while the stored text is the same', async () => {
      const t = await backend.open();
      opened.push(t);
      const s = t.store;
      const caseId = (await s.createCase({ title: 'Filas' }, A)).id;
      const a = await s.create(
        'person',
        caseId,
        { givenNames: 'Ana', firstSurname: 'Zea', protection: 'protected' },
        A,
      );
      const b = await s.create(
        'person',
        caseId,
        { givenNames: 'Beto', firstSurname: 'Yépez', protection: 'protected' },
        A,
      );
      await s.get('person', a.id);
      const before = { ...rowOpens };
      const again = await s.get('person', a.id);
      assert.equal(again?.body.givenNames, 'Ana');
      assert.deepEqual(rowOpens, { opened: before.opened, reused: before.reused + 1 }, 'read again: reused');
      assert.ok(Object.isFrozen(again?.body), 'a shared body is frozen');
      assert.throws(() => {
        (again!.body as { givenNames: string }).givenNames = 'X';
      }, TypeError);

      await s.update('person', a.id, { ...a.body, givenNames: 'Ana María' }, A);
      assert.equal((await s.get('person', a.id))?.body.givenNames, 'Ana María', 'an update is opened anew');

      // An envelope moved to another record is refused, even though b was opened before.
      const rows = await s.sqlHandle.all<{ id: string; data: string }>(
        'SELECT id, data FROM person WHERE id IN (?, ?)',
        [a.id, b.id],
      );
      const dataOf = (id: string) => rows.find((r) => r.id === id)!.data;
      await s.get('person', b.id);
      await s.sqlHandle.run('UPDATE person SET data = ? WHERE id = ?', [dataOf(a.id), b.id]);
      await assert.rejects(() => s.get('person', b.id), IntegrityError);
      await s.sqlHandle.run('UPDATE person SET data = ? WHERE id = ?', [dataOf(b.id), b.id]);
      assert.equal((await s.get('person', b.id))?.body.givenNames, 'Beto');
    });
  });
}
