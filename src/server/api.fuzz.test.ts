/**
 * Property test of the API's request bodies: arbitrary JSON (and near-valid records) posted to
 * every record kind gets 201 or a 4xx with the one error shape — never a 500, never a stack
 * trace. Runs on both engines; the case count is printed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { KINDS } from '../domain/kinds.js';
import { Accounts } from '../services/accounts.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { createApp } from './app.js';

const RUNS = Number(process.env.TESTIGO_FUZZ_RUNS ?? 300);

for (const backend of BACKENDS) {
  describe(`API request bodies under arbitrary input (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    let token: string;
    before(async () => {
      t = await backend.open();
      caseId = (await t.store.createCase({ title: 'Fuzz' }, 'test')).id;
      const accounts = new Accounts(t.store);
      const u = await accounts.createUser(
        { username: 'fuzzer', password: 'una contraseña larga de prueba' },
        'test',
      );
      await accounts.setMember(caseId, u.id, 'administrator', 'test');
      token = (await accounts.createToken(u.id, 'fuzz', 'write', 'test')).token;
      app = createApp(t.store);
    });
    after(async () => t?.dispose());

    it('answers 201 or a clean 4xx, never a 500', async () => {
      const kinds = Object.values(KINDS).map((k) => k.name);
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(
          fc.constantFrom(
            'givenNames',
            'firstSurname',
            'protection',
            'date',
            'type',
            'eventId',
            'victimId',
            'name',
            'kind',
            'title',
            'statement',
            '__proto__',
            'constructor',
          ),
          fc.jsonValue({ maxDepth: 2 }),
        ),
      );
      let cases = 0;
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...kinds), body, fc.boolean(), async (kind, b, raw) => {
          cases++;
          const res = await app.request(`/api/cases/${caseId}/records/${kind}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: raw ? JSON.stringify(b).slice(0, -1) : JSON.stringify(b),
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          assert.ok(
            res.status === 201 || (res.status >= 400 && res.status < 500),
            `status ${res.status} for ${kind}`,
          );
          const text = await res.text();
          assert.doesNotMatch(text, /\bat .+\.(ts|js):\d+/, 'no stack trace');
          if (res.status !== 201) assert.ok(JSON.parse(text).error?.code, 'the one error shape');
        }),
        { numRuns: Math.max(60, Math.floor(RUNS / 2)) },
      );
      assert.ok((await t.store.verifyAudit()).ok);
      process.stderr.write(
        `fuzz: API bodies (${backend.name}), ${cases} cases, statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`,
      );
    });
  });
}
