/**
 * Evidence custody over HTTP on both engines: the actor and the time of a custody entry are the
 * server's (a client adds a note, never a name or a date), and an item's acquisition record cannot
 * be rewritten by a PUT.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Accounts } from '../../services/accounts.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

const PW = 'una contraseña larga de prueba';

for (const backend of BACKENDS) {
  describe(`evidence custody and acquisition (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    let token: string;
    let userId: string;
    let evidenceId: string;
    before(async () => {
      t = await backend.open();
      const accounts = new Accounts(t.store);
      caseId = (await t.store.createCase({ title: 'Custodia' }, 'user:test')).id;
      userId = (await accounts.createUser({ username: 'custodia', password: PW }, 'user:test')).id;
      await accounts.setMember(caseId, userId, 'documenter', 'user:test');
      token = (await accounts.createToken(userId, 't', 'write', 'user:test')).token;
      app = createApp(t.store, { landingHtml: '<p>x</p>' });
      const form = new FormData();
      form.set('file', new File([Buffer.from('%PDF-1.7 acta')], 'acta.pdf', { type: 'application/pdf' }));
      form.set('meta', JSON.stringify({ title: 'Acta', kind: 'document', protection: 'public' }));
      const up = await app.request(`/api/cases/${caseId}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      assert.equal(up.status, 201);
      evidenceId = ((await up.json()) as { id: string }).id;
    });
    after(async () => t?.dispose());

    const call = (method: string, path: string, body: unknown) =>
      app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('assigns the actor and time of a custody entry itself; a client cannot choose them', async () => {
      const path = `/api/cases/${caseId}/evidence/${evidenceId}/custody`;
      const forged = await call('POST', path, {
        action: 'transferred',
        actor: 'user:someone-else',
        at: '2015-01-01T00:00:00Z',
        note: 'entregado',
      });
      assert.equal(forged.status, 400);
      const msg = JSON.stringify(await forged.json());
      assert.match(msg, /set by the server/);
      const before = Date.now();
      const ok = await call('POST', path, { action: 'transferred', note: 'entregado a la fiscalía' });
      assert.equal(ok.status, 201);
      const entry = (await ok.json()) as { actor: string; at: string; note: string };
      assert.equal(entry.actor, `user:${userId}`);
      assert.ok(Date.parse(entry.at) >= before - 1000, 'the time is the server’s, not the client’s');
      assert.equal(entry.note, 'entregado a la fiscalía');
      const log = (await t.store.custody(evidenceId)).map((e) => e.actor);
      assert.ok(!log.includes('user:someone-else'));
    });

    it('refuses a PUT that rewrites the acquisition record, and accepts other edits', async () => {
      const rec = (await t.store.get('evidence', evidenceId))!;
      const path = `/api/cases/${caseId}/records/evidence/${evidenceId}`;
      const rewritten = await call('PUT', path, {
        ...rec.body,
        acquisition: { ...rec.body.acquisition, by: 'otra persona', at: '2015-01-01T00:00:00Z' },
      });
      assert.equal(rewritten.status, 409);
      assert.match(JSON.stringify(await rewritten.json()), /acquisition record cannot be changed/);
      const after = (await t.store.get('evidence', evidenceId))!;
      assert.deepEqual(after.body.acquisition, rec.body.acquisition);
      const edit = await call('PUT', path, { ...rec.body, title: 'Acta de allanamiento' });
      assert.equal(edit.status, 200);
    });
  });
}
