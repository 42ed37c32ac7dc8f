import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createToken } from '../security/tokens.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { createApp } from './app.js';

for (const backend of BACKENDS) {
  describe(`HTTP API (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    let full: string;
    let pub: string;
    let protectedId: string;
    before(async () => {
      t = await backend.open();
      const s = t.store;
      caseId = (await s.createCase({ title: 'API' }, 'user:test')).id;
      protectedId = (
        await s.create(
          'person',
          caseId,
          {
            givenNames: 'Yusleidy',
            firstSurname: 'Carrasquel',
            documents: [{ type: 'cedula_venezolana', number: '18765432' }],
            protection: 'protected',
          },
          'user:test',
        )
      ).id;
      await s.create(
        'person',
        caseId,
        { givenNames: 'Leopoldo', firstSurname: 'Público', protection: 'public' },
        'user:test',
      );
      full = (await createToken(s, 'full', 'user:admin', 'full', 'user:test')).token;
      pub = (await createToken(s, 'public', 'user:viewer', 'public', 'user:test')).token;
      app = createApp(s);
    });
    after(async () => t?.dispose());

    const get = (path: string, token?: string) =>
      app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('answers health and serves its OpenAPI 3.1 document without authentication', async () => {
      const h = await get('/api/health');
      assert.equal(h.status, 200);
      assert.deepEqual(await h.json(), { status: 'ok', version: '0.1.0' });
      const o = await get('/api/openapi.json');
      const doc = (await o.json()) as {
        openapi: string;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(
        doc.components.schemas.Person?.properties?.firstSurname,
        'schemas come from the domain model',
      );
      assert.ok(h.headers.get('x-content-type-options'));
    });

    it('requires authentication everywhere else', async () => {
      for (const path of ['/api/cases', `/api/cases/${caseId}`, `/api/cases/${caseId}/records/persons`]) {
        const r = await get(path);
        assert.equal(r.status, 401, path);
        assert.deepEqual(await r.json(), {
          error: { code: 'unauthenticated', message: 'authentication required' },
        });
        assert.equal((await get(path, 'tg_not-a-real-token-at-all-xxxxxxxxxxxxxxxxxxxxx')).status, 401);
      }
    });

    it('shows protected identities only with full clearance, pseudonyms otherwise', async () => {
      const rf = await get(`/api/cases/${caseId}/records/persons`, full);
      assert.equal(rf.status, 200);
      const bodyFull = await rf.text();
      assert.match(bodyFull, /Carrasquel/);
      assert.match(bodyFull, /18765432/);

      const rp = await get(`/api/cases/${caseId}/records/persons`, pub);
      const bodyPub = await rp.text();
      assert.doesNotMatch(bodyPub, /Carrasquel|Yusleidy|18765432/);
      assert.match(bodyPub, /Leopoldo/, 'public persons stay visible');
      const one = (await (
        await get(`/api/cases/${caseId}/records/persons/${protectedId}`, pub)
      ).json()) as Record<string, unknown>;
      assert.match(String(one.displayName), /^Persona [2-9A-Z]{4}-[2-9A-Z]{4}$/);
      assert.equal(one.pseudonymised, true);
      const again = (await (
        await get(`/api/cases/${caseId}/records/persons/${protectedId}`, pub)
      ).json()) as Record<string, unknown>;
      assert.equal(again.displayName, one.displayName, 'pseudonyms are stable');
      // Filtering by protection level is not offered to viewers without clearance (counts would leak).
      const filtered = (await (
        await get(`/api/cases/${caseId}/records/persons?protection=protected`, pub)
      ).json()) as { total: number };
      assert.equal(filtered.total, 2);
    });

    it('gives uniform errors with no stack traces', async () => {
      const r = await get(`/api/cases/${caseId}/records/persons?limit=0`, full);
      assert.equal(r.status, 400);
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'invalid');
      assert.doesNotMatch(JSON.stringify(body), /at .*\.ts:\d+/);
      assert.equal((await get(`/api/cases/${caseId}/records/nonsense`, full)).status, 404);
      assert.equal((await get(`/api/cases/${caseId}/records/persons?nope=1`, full)).status, 400);
    });
  });
}
