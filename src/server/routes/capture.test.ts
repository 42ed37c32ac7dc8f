/**
 * Capture over HTTP on both engines: who may capture and decide (documenters) and who may only
 * read (viewers); private addresses refused unless the server allows them; uploads of saved
 * pages; suggestions shown no wider than their item's protection; names of protected persons
 * replaced in what a capture reports back.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../security/policy.js';
import { Accounts } from '../../services/accounts.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

const PW = 'una contraseña larga de prueba';
const fixture = (name: string) => readFileSync(new URL(`../../capture/fixtures/${name}`, import.meta.url));

let server: Server;
let base: string;
before(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/news') return void res.writeHead(404).end();
    const body = fixture('news-es.html');
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length })
      .end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

for (const backend of BACKENDS) {
  describe(`capture API (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let strict: ReturnType<typeof createApp>;
    let caseId: string;
    const tokens: Record<string, string> = {};
    let protectedId = '';

    before(async () => {
      t = await backend.open();
      caseId = (await t.store.createCase({ title: 'Capturas API' }, 'test')).id;
      // A protected person the article names: an uncleared documenter must not read her name back.
      protectedId = (
        await t.store.create(
          'person',
          caseId,
          { givenNames: 'Gabriela', firstSurname: 'Torrealba', protection: 'protected' },
          'test',
        )
      ).id;
      const accounts = new Accounts(t.store);
      const roles: [string, Role][] = [
        ['documenter', 'documenter'],
        ['viewer', 'viewer'],
        ['cleared', 'documenter'],
      ];
      for (const [name, role] of roles) {
        const u = await accounts.createUser({ username: name, password: PW }, 'test');
        await accounts.setMember(caseId, u.id, role, 'test');
        if (name === 'cleared') await accounts.setClearance(caseId, u.id, true, 'test');
        tokens[name] = (await accounts.createToken(u.id, name, 'write', 'test')).token;
      }
      app = createApp(t.store, { captureAllowPrivate: true });
      strict = createApp(t.store);
    });
    after(async () => t?.dispose());

    const req = (a: typeof app, method: string, path: string, who: string, body?: unknown) =>
      a.request(path, {
        method,
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        },
        body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
      });

    let articleSuggestion = '';

    it('documenters capture an address; viewers may not; private addresses need the server’s consent', async () => {
      const url = `${base}/news`;
      assert.equal((await req(app, 'POST', `/api/cases/${caseId}/captures`, 'viewer', { url })).status, 403);
      const refused = await req(strict, 'POST', `/api/cases/${caseId}/captures`, 'documenter', { url });
      assert.equal(refused.status, 400);
      assert.match(
        ((await refused.json()) as { error: { message: string } }).error.message,
        /could not be fetched \(unreachable, or not a public address\)/,
      );
      const r = await req(app, 'POST', `/api/cases/${caseId}/captures`, 'documenter', { url });
      assert.equal(r.status, 201);
      const rep = (await r.json()) as {
        status: string;
        suggestions: { id: string; kind: string; text: string; value: string }[];
      };
      assert.equal(rep.status, 'new');
      // The protected name is replaced in what comes back to an uncleared documenter (as everywhere,
      // by the presenter's patterns: full names; a lone surname is not a name pattern).
      assert.ok(!JSON.stringify(rep).includes('Gabriela Torrealba'));
      assert.ok(
        rep.suggestions.some((s) => s.kind === 'person' && /^Persona /.test(s.value)),
        'pseudonym in its place',
      );
      articleSuggestion = rep.suggestions.find((s) => s.kind === 'place' && s.value === 'Barquisimeto')!.id;
      const again = await req(app, 'POST', `/api/cases/${caseId}/captures`, 'documenter', { url });
      assert.equal(again.status, 200);
      assert.equal(((await again.json()) as { status: string }).status, 'unchanged');
      const bad = await req(app, 'POST', `/api/cases/${caseId}/captures`, 'documenter', { nope: 1 });
      assert.equal(bad.status, 400);
    });

    it('an uploaded saved page with its comment thread', async () => {
      const form = new FormData();
      form.set('file', new File([fixture('comments-es.html')], 'hilo.html', { type: 'text/html' }));
      form.set('meta', JSON.stringify({ collector: 'Equipo de monitoreo' }));
      const r = await req(app, 'POST', `/api/cases/${caseId}/captures`, 'documenter', form);
      assert.equal(r.status, 201, await r.clone().text());
      const rep = (await r.json()) as { comments: number; evidenceId: string };
      assert.equal(rep.comments, 6);
      const ev = await t.store.require('evidence', rep.evidenceId);
      assert.equal(ev.body.acquisition.by, 'Equipo de monitoreo');
    });

    it('viewers list suggestions: those quoting restricted comments are withheld', async () => {
      const r = await req(app, 'GET', `/api/cases/${caseId}/suggestions?limit=1000`, 'viewer');
      assert.equal(r.status, 200);
      const body = (await r.json()) as {
        total: number;
        items: { protection: string; text: string; withheld?: boolean }[];
      };
      assert.equal(body.items.length, body.total);
      const pub = body.items.filter((i) => i.protection === 'public');
      const restricted = body.items.filter((i) => i.protection === 'restricted');
      assert.ok(pub.length > 0 && restricted.length > 0);
      assert.ok(pub.every((i) => i.text !== '[withheld]'));
      assert.ok(restricted.every((i) => i.text === '[withheld]' && i.withheld));
      // and the generic record routes present them the same way
      const items = (await (
        await req(app, 'GET', `/api/cases/${caseId}/records/information-items?limit=100`, 'viewer')
      ).json()) as {
        items: { itemType: string; text: string }[];
      };
      assert.ok(items.items.filter((i) => i.itemType === 'comment').every((i) => i.text === '[withheld]'));
    });

    it('documenters accept and reject; viewers may not; a decided suggestion stays decided', async () => {
      assert.equal(
        (await req(app, 'POST', `/api/cases/${caseId}/suggestions/${articleSuggestion}/accept`, 'viewer', {}))
          .status,
        403,
      );
      const ok = await req(
        app,
        'POST',
        `/api/cases/${caseId}/suggestions/${articleSuggestion}/accept`,
        'documenter',
        {},
      );
      assert.equal(ok.status, 200);
      const acc = (await ok.json()) as { status: string; createdRecordId: string };
      assert.equal(acc.status, 'accepted');
      assert.equal((await t.store.require('place', acc.createdRecordId)).body.name, 'Barquisimeto');
      assert.equal(
        (
          await req(
            app,
            'POST',
            `/api/cases/${caseId}/suggestions/${articleSuggestion}/reject`,
            'documenter',
            {},
          )
        ).status,
        409,
      );
      const pending = (await (
        await req(app, 'GET', `/api/cases/${caseId}/suggestions?status=pending&kind=date`, 'documenter')
      ).json()) as {
        items: { id: string }[];
      };
      const rej = await req(
        app,
        'POST',
        `/api/cases/${caseId}/suggestions/${pending.items[0]!.id}/reject`,
        'documenter',
        {
          note: 'irrelevant',
        },
      );
      assert.equal(rej.status, 200);
      assert.equal(((await rej.json()) as { note: string }).note, 'irrelevant');
      assert.equal(
        (
          await req(
            app,
            'POST',
            `/api/cases/${caseId}/suggestions/sug_00000000000000000000000000/accept`,
            'documenter',
            {},
          )
        ).status,
        404,
      );
    });

    // Issue 15, finding 5: a misspelled protected name must not come back as that person's id.
    it('person candidates only among persons the caller may see: no oracle for protected names', async () => {
      const upload = (who: string, name: string) => {
        const form = new FormData();
        const text = `Detenida activista\n\nGabriela Torrealva fue detenida ayer en Barquisimeto por la PNB.\n`;
        form.set('file', new File([text], name, { type: 'text/plain' }));
        return req(app, 'POST', `/api/cases/${caseId}/captures`, who, form);
      };
      const personOf = (rep: {
        suggestions: { kind: string; candidatePersonIds?: { personId: string }[] }[];
      }) => rep.suggestions.find((x) => x.kind === 'person');
      // A cleared documenter is offered the protected person (the comparators do match the misspelling)…
      const cleared = await upload('cleared', 'nota-1.txt');
      assert.equal(cleared.status, 201, await cleared.clone().text());
      const forCleared = (await cleared.json()) as Parameters<typeof personOf>[0];
      assert.deepEqual(
        personOf(forCleared)?.candidatePersonIds?.map((x) => x.personId),
        [protectedId],
      );
      // …an uncleared one is not, neither in the report nor when listing or deciding later.
      const plain = await upload('documenter', 'nota-2.txt');
      assert.equal(plain.status, 201);
      const rep = (await plain.json()) as Parameters<typeof personOf>[0];
      assert.ok(personOf(rep), 'the name is still suggested');
      assert.ok(!JSON.stringify(rep).includes(protectedId), 'no protected id in the report');
      const listed = await req(
        app,
        'GET',
        `/api/cases/${caseId}/suggestions?kind=person&limit=1000`,
        'documenter',
      );
      assert.ok(!(await listed.text()).includes(protectedId), 'no protected id in the list');
      const storedForCleared = personOf(forCleared) as unknown as { id: string };
      const decided = await req(
        app,
        'POST',
        `/api/cases/${caseId}/suggestions/${storedForCleared.id}/reject`,
        'documenter',
        { note: 'duplicate' },
      );
      assert.equal(decided.status, 200);
      assert.ok(!(await decided.text()).includes(protectedId), 'no protected id after a decision');
      const asCleared = await req(
        app,
        'GET',
        `/api/cases/${caseId}/suggestions?kind=person&limit=1000`,
        'cleared',
      );
      assert.ok((await asCleared.text()).includes(protectedId), 'the cleared documenter still sees it');
    });
  });
}
