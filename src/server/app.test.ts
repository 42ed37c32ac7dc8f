/**
 * The HTTP API end to end on both engines: the authorization matrix (role × protection level ×
 * endpoint family), a scan of every response for protected identities, 2FA, token revocation,
 * CSRF, the sign-in limiter, and search with accent folding, stemming and facets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Role } from '../security/policy.js';
import { Accounts } from '../services/accounts.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { createApp } from './app.js';

const PW = 'una contraseña larga de prueba';
const SECRET_WORDS = ['Carrasquel', 'Yusleidy', '18765432', '0414-5550000'];
const day = (value: string) => ({ precision: 'day' as const, value });

for (const backend of BACKENDS) {
  describe(`HTTP API (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    let ids: Record<string, string>;
    const tokens: Record<string, string> = {};
    const actorIds: Record<string, string> = {};

    before(async () => {
      t = await backend.open();
      const s = t.store;
      caseId = (await s.createCase({ title: 'API' }, 'user:test')).id;
      const per = async (b: object) => (await s.create('person', caseId, b, 'user:test')).id;
      const P = await per({
        givenNames: 'Yusleidy',
        firstSurname: 'Carrasquel',
        documents: [{ type: 'cedula_venezolana', number: '18765432' }],
        contact: '0414-5550000',
        occupation: 'periodista',
        protection: 'protected',
      });
      const R = await per({ givenNames: 'Wilmer', firstSurname: 'Restrepo', protection: 'restricted' });
      const U = await per({ givenNames: 'Leopoldo', firstSurname: 'González', protection: 'public' });
      const place = (
        await s.create('place', caseId, { name: 'Miranda', kind: 'state', stateCode: 'VE-M' }, 'user:test')
      ).id;
      const ev = (
        await s.create(
          'event',
          caseId,
          { title: 'Allanamiento en Los Teques', date: day('2017-05-03'), placeId: place },
          'user:test',
        )
      ).id;
      const act = (
        await s.create(
          'act',
          caseId,
          {
            eventId: ev,
            victimId: P,
            type: 'torture',
            methods: ['electric_shock'],
            date: day('2017-05-03'),
            placeId: place,
          },
          'user:test',
        )
      ).id;
      await s.create(
        'act',
        caseId,
        { eventId: ev, victimId: U, type: 'arbitrary_detention', date: day('2017-05-03'), placeId: place },
        'user:test',
      );
      const tP = (
        await s.create(
          'testimony',
          caseId,
          {
            title: 'Relato de Yusleidy',
            statement: 'Yusleidy Carrasquel fue torturada con descargas.',
            language: 'es',
            consent: 'courts',
            protection: 'protected',
            witnessId: P,
          },
          'user:test',
        )
      ).id;
      const tR = (
        await s.create(
          'testimony',
          caseId,
          {
            title: 'Testigo vecino',
            statement: 'Vi cuando se llevaron a Yusleidy Carrasquel; la habían torturado.',
            language: 'es',
            consent: 'courts',
            protection: 'restricted',
          },
          'user:test',
        )
      ).id;
      ids = { P, R, U, ev, act, tP, tR };

      const accounts = new Accounts(s);
      const roles: [string, Role, boolean][] = [
        ['admin', 'administrator', true],
        ['admin-uncleared', 'administrator', false],
        ['documenter', 'documenter', false],
        ['cleared-doc', 'documenter', true],
        ['analyst', 'analyst', false],
        ['panelist', 'panelist', false],
        ['viewer', 'viewer', false],
        ['outsider', 'viewer', false],
      ];
      for (const [name, role, cleared] of roles) {
        const u = await accounts.createUser({ username: name, password: PW }, 'user:test');
        actorIds[name] = u.id;
        if (name !== 'outsider') await accounts.setMember(caseId, u.id, role, 'user:test');
        if (cleared) await accounts.setClearance(caseId, u.id, true, 'user:test');
        tokens[name] = (await accounts.createToken(u.id, name, 'write', 'user:test')).token;
      }
      app = createApp(s, { loginAttempts: 10 });
    });
    after(async () => t?.dispose());

    const req = (
      method: string,
      path: string,
      who?: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      app.request(path, {
        method,
        headers: {
          ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
      });

    it('answers health and serves its OpenAPI 3.1 document and docs without authentication', async () => {
      const h = await req('GET', '/api/health');
      assert.deepEqual(await h.json(), { status: 'ok', version: '0.1.0' });
      assert.ok(h.headers.get('x-content-type-options'));
      const doc = (await (await req('GET', '/api/openapi.json')).json()) as {
        openapi: string;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(
        doc.components.schemas.Person?.properties?.firstSurname,
        'schemas come from the domain model',
      );
      assert.equal((await req('GET', '/api/docs')).status, 200);
      for (const path of [
        '/api/cases',
        `/api/cases/${caseId}`,
        `/api/cases/${caseId}/records/persons`,
        '/api/vocabularies',
      ]) {
        assert.equal((await req('GET', path)).status, 401, path);
      }
    });

    it('enforces the authorization matrix: role × protection level × endpoint family', async () => {
      const families = {
        read: (who: string, person: string) =>
          req('GET', `/api/cases/${caseId}/records/persons/${person}`, who),
        list: (who: string) => req('GET', `/api/cases/${caseId}/records/persons`, who),
        search: (who: string) => req('GET', `/api/cases/${caseId}/search?q=periodista`, who),
        export: (who: string) => req('GET', `/api/cases/${caseId}/export`, who),
        write: (who: string) =>
          req('POST', `/api/cases/${caseId}/records/persons`, who, {
            givenNames: 'Nuevo',
            protection: 'restricted',
          }),
      };
      const allowed: Record<string, string[]> = {
        admin: ['read', 'list', 'search', 'export', 'write'],
        documenter: ['read', 'list', 'search', 'write'],
        'cleared-doc': ['read', 'list', 'search', 'write'],
        analyst: ['read', 'list', 'search', 'export'],
        panelist: ['read', 'list', 'search'],
        viewer: ['read', 'list', 'search'],
        outsider: [],
      };
      // Identity visible? per protection level (P protected, R restricted, U public).
      const seesIdentity: Record<string, Record<string, boolean>> = {
        admin: { P: true, R: true, U: true },
        documenter: { P: false, R: true, U: true },
        'cleared-doc': { P: true, R: true, U: true },
        analyst: { P: false, R: true, U: true },
        panelist: { P: false, R: true, U: true },
        viewer: { P: false, R: false, U: true },
        outsider: { P: false, R: false, U: false },
      };
      for (const who of Object.keys(allowed)) {
        for (const [fam, call] of Object.entries(families)) {
          const res = await call(who, ids.P!);
          const ok = allowed[who]!.includes(fam);
          assert.equal(res.status === 200 || res.status === 201, ok, `${who} ${fam}: ${res.status}`);
          if (!ok)
            assert.ok(
              [403, 404].includes(res.status),
              `${who} ${fam} denied with 403/404, got ${res.status}`,
            );
        }
        for (const level of ['P', 'R', 'U']) {
          const res = await families.read(who, ids[level]!);
          if (who === 'outsider') {
            assert.equal(res.status, 404);
            continue;
          }
          const body = (await res.json()) as { pseudonymised: boolean; displayName: string };
          assert.equal(!body.pseudonymised, seesIdentity[who]![level], `${who} sees identity of ${level}`);
        }
      }
    });

    it('never shows a protected identity to anyone not cleared, in any response', async () => {
      for (const who of ['documenter', 'analyst', 'panelist', 'viewer', 'outsider']) {
        const bodies: string[] = [];
        const paths = [
          `/api/cases/${caseId}/records/persons`,
          `/api/cases/${caseId}/records/persons/${ids.P}`,
          `/api/cases/${caseId}/records/testimonies`,
          `/api/cases/${caseId}/records/testimonies/${ids.tR}`,
          `/api/cases/${caseId}/records/acts`,
          `/api/cases/${caseId}/search?q=Carrasquel`,
          `/api/cases/${caseId}/search?q=Yusleidy%20torturada`,
          `/api/cases/${caseId}/search?q=torturado`,
          `/api/cases/${caseId}/search?q=18765432`,
          `/api/cases/${caseId}/export`,
          `/api/cases/${caseId}/records/persons?protection=protected`,
          `/api/cases/${caseId}/records/persons/${ids.P}/nope`,
        ];
        for (const p of paths) bodies.push(await (await req('GET', p, who)).text());
        bodies.push(
          await (
            await req('PUT', `/api/cases/${caseId}/records/persons/${ids.P}`, who, { givenNames: 'X' })
          ).text(),
        );
        const all = bodies.join('\n');
        for (const w of SECRET_WORDS) assert.ok(!all.includes(w), `${who} saw "${w}"`);
      }
      // The cleared see it, and the view is audited.
      const full = await (await req('GET', `/api/cases/${caseId}/records/persons/${ids.P}`, 'admin')).text();
      assert.match(full, /Carrasquel/);
      const audit = (await (await req('GET', `/api/cases/${caseId}/audit?limit=1000`, 'admin')).json()) as {
        items: { action: string; after: string }[];
      };
      assert.ok(
        audit.items.some((e) => e.action === 'view' && e.after.includes(ids.P!)),
        'views of protected records are audited',
      );
      // The audit log holds the sealed form; it opens only for administrators cleared for identities.
      const created = async (who: string) => {
        const a = (await (await req('GET', `/api/cases/${caseId}/audit?limit=1000`, who)).json()) as {
          items: { action: string; entityId: string; after: string }[];
        };
        return a.items.find((e) => e.action === 'create' && e.entityId === ids.P)!.after;
      };
      assert.match(await created('admin'), /Carrasquel/);
      const sealed = await created('admin-uncleared');
      assert.match(sealed, /"\$sealed":"tgf1\./);
      for (const w of SECRET_WORDS) assert.ok(!sealed.includes(w), `the uncleared administrator saw "${w}"`);
    });

    it('orders persons by name only for those who see every name (the order would leak hidden names)', async () => {
      const order = async (who: string) =>
        (
          (await (await req('GET', `/api/cases/${caseId}/records/persons`, who)).json()) as {
            items: { id: string }[];
          }
        ).items
          .map((x) => x.id)
          .filter((id) => [ids.P, ids.R, ids.U].includes(id));
      // Names: Carrasquel (protected), González, Restrepo; created in the order P, R, U.
      assert.deepEqual(await order('admin'), [ids.P, ids.U, ids.R]);
      assert.deepEqual(await order('viewer'), [ids.P, ids.R, ids.U]);
      assert.deepEqual(await order('documenter'), [ids.P, ids.R, ids.U]);
    });

    it('searches accent- and case-insensitively, with Spanish and English stemming and facets', async () => {
      const s = async (who: string, q: string) =>
        (await (await req('GET', `/api/cases/${caseId}/search?q=${encodeURIComponent(q)}`, who)).json()) as {
          total: number;
          items: { kind: string; snippet: string; record: { id: string } }[];
          facets: Record<string, { value: string; count: number }[]>;
        };
      const g = await s('analyst', 'gonzalez');
      assert.ok(
        g.items.some((i) => i.record.id === ids.U),
        '"gonzalez" finds "González"',
      );
      const tort = await s('admin', 'torturado');
      assert.ok(
        tort.items.some((i) => i.record.id === ids.act),
        '"torturado" finds the act of torture',
      );
      assert.match(tort.items.find((i) => i.record.id === ids.act)!.snippet, /<mark>Tortura<\/mark>/);
      assert.ok(tort.items.some((i) => i.record.id === ids.tP));
      assert.ok(tort.items.find((i) => i.record.id === ids.tP)!.snippet.includes('<mark>torturada</mark>'));
      const en = await s('analyst', 'tortured');
      assert.ok(
        en.items.some((i) => i.record.id === ids.act),
        'English stemming',
      );
      // Facets count only what this viewer matched.
      const kinds = Object.fromEntries(tort.facets.kind!.map((f) => [f.value, f.count]));
      assert.equal(kinds.act, 1);
      assert.equal(tort.total, tort.items.length);
      const forAnalyst = await s('analyst', 'torturado');
      assert.ok(
        !forAnalyst.items.some((i) => i.record.id === ids.tP),
        'protected testimony is not matched for an analyst',
      );
      assert.equal(forAnalyst.facets.protection, undefined, 'no protection facet without clearance');
      const hidden = await s('analyst', 'Carrasquel');
      assert.equal(hidden.total, 0);
      assert.ok(Object.values(hidden.facets).every((f) => f.length === 0));
      const viewer = await s('viewer', 'Restrepo');
      assert.equal(viewer.total, 0, 'restricted names are not searchable for viewers');
      const facetFiltered = await s('admin', 'torturado&kind=acts');
      assert.ok(facetFiltered.items.every((i) => i.kind === 'act'));
    });

    it('signs in with 2FA, honours recovery codes once, and requires CSRF tokens for sessions', async () => {
      const accounts = new Accounts(t.store);
      const u = await accounts.createUser({ username: 'twofa', password: PW }, 'user:test');
      await accounts.setMember(caseId, u.id, 'analyst', 'user:test');
      const login = async (body: object) =>
        app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
          body: JSON.stringify(body),
        });
      const r1 = await login({ username: 'twofa', password: PW });
      assert.equal(r1.status, 200);
      const cookie = r1.headers.get('set-cookie')!.split(';')[0]!;
      assert.match(r1.headers.get('set-cookie')!, /HttpOnly/i);
      assert.match(r1.headers.get('set-cookie')!, /SameSite=Strict/i);
      const { csrf } = (await r1.json()) as { csrf: string };
      const noCsrf = await app.request('/api/auth/2fa/begin', { method: 'POST', headers: { cookie } });
      assert.equal(noCsrf.status, 403);
      const begin = (await (
        await app.request('/api/auth/2fa/begin', {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ password: PW }),
        })
      ).json()) as { secret: string };
      const totp = new TOTP({
        secret: Secret.fromBase32(begin.secret),
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
      });
      const t0 = Date.now();
      const conf = await app.request('/api/auth/2fa/confirm', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ code: totp.generate({ timestamp: t0 }) }),
      });
      const { recoveryCodes } = (await conf.json()) as { recoveryCodes: string[] };
      assert.equal(recoveryCodes.length, 10);
      assert.equal(
        (await login({ username: 'twofa', password: PW })).status,
        401,
        'password alone no longer suffices',
      );
      // The confirmation code itself is spent: signing in needs the next code (one step later).
      assert.equal(
        (await login({ username: 'twofa', password: PW, totp: totp.generate({ timestamp: t0 }) })).status,
        401,
      );
      const next = totp.generate({ timestamp: t0 + 30_000 });
      assert.equal((await login({ username: 'twofa', password: PW, totp: next })).status, 200);
      assert.equal(
        (await login({ username: 'twofa', password: PW, totp: next })).status,
        401,
        'a TOTP code works once (no replay within its window)',
      );
      assert.equal(
        (await login({ username: 'twofa', password: PW, recoveryCode: recoveryCodes[0] })).status,
        200,
      );
      assert.equal(
        (await login({ username: 'twofa', password: PW, recoveryCode: recoveryCodes[0] })).status,
        401,
        'a recovery code works once',
      );
      const me = await app.request('/api/auth/me', { headers: { cookie } });
      assert.equal(me.status, 200);
      await app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
      assert.equal((await app.request('/api/auth/me', { headers: { cookie } })).status, 401, 'signed out');
      const audit = JSON.stringify(await t.store.auditEntries({ limit: 10_000 }));
      for (const c of recoveryCodes)
        assert.ok(!audit.includes(c), 'recovery codes never reach the audit log');
      assert.ok(!audit.includes(begin.secret), 'TOTP seeds never reach the audit log');
    });

    it('revokes tokens, trips the sign-in limiter, and does not let failures elsewhere lock an account', async () => {
      const accounts = new Accounts(t.store);
      const tok = await accounts.createToken(actorIds.viewer!, 'temp', 'read', 'user:test');
      const use = () => app.request('/api/cases', { headers: { authorization: `Bearer ${tok.token}` } });
      assert.equal((await use()).status, 200);
      assert.equal(
        (
          await app.request(`/api/cases/${caseId}/records/persons`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tok.token}`, 'content-type': 'application/json' },
            body: '{}',
          })
        ).status,
        403,
        'read tokens cannot write',
      );
      await accounts.revokeToken(tok.id, 'user:test');
      assert.equal((await use()).status, 401);

      const login = (username: string, ip: string) =>
        app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ username, password: 'wrong password here' }),
        });
      process.env.TESTIGO_TRUST_PROXY = '1';
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) statuses.push((await login(`nobody${i}`, '10.1.1.1')).status);
        assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
        assert.equal(statuses[10], 429, 'the limiter trips after 10 attempts from one address');
        for (let i = 0; i < 5; i++) await login('panelist', `10.2.2.${i}`);
        const locked = await app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.3.3.3' },
          body: JSON.stringify({ username: 'panelist', password: PW }),
        });
        assert.equal(locked.status, 200, 'failures from other addresses never lock the owner out');
      } finally {
        delete process.env.TESTIGO_TRUST_PROXY;
      }
    });

    it('uploads evidence with type sniffing, and downloads it verified and audited', async () => {
      const form = new FormData();
      form.set(
        'file',
        new File([Buffer.from('%PDF-1.7 acta ficticia')], 'acta.pdf', { type: 'application/pdf' }),
      );
      form.set(
        'meta',
        JSON.stringify({ title: 'Acta', kind: 'document', protection: 'restricted', consent: 'courts' }),
      );
      const up = await app.request(`/api/cases/${caseId}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.documenter}` },
        body: form,
      });
      assert.equal(up.status, 201, await up.clone().text());
      const ev = (await up.json()) as { id: string; sha256: string };
      const bad = new FormData();
      bad.set(
        'file',
        new File([Buffer.from('<html><script>alert(1)</script>')], 'x.png', { type: 'image/png' }),
      );
      bad.set('meta', JSON.stringify({ title: 'x', kind: 'photo' }));
      assert.equal(
        (
          await app.request(`/api/cases/${caseId}/evidence`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens.documenter}` },
            body: bad,
          })
        ).status,
        400,
      );
      const down = await req('GET', `/api/cases/${caseId}/evidence/${ev.id}/content`, 'analyst');
      assert.equal(down.status, 200);
      assert.equal(down.headers.get('content-disposition'), 'attachment; filename="acta.pdf"');
      assert.equal(Buffer.from(await down.arrayBuffer()).toString(), '%PDF-1.7 acta ficticia');
      assert.equal(
        (await req('GET', `/api/cases/${caseId}/evidence/${ev.id}/content`, 'viewer')).status,
        403,
      );
      const custody = (await (
        await req('GET', `/api/cases/${caseId}/evidence/${ev.id}/custody`, 'admin')
      ).json()) as { items: { action: string }[] };
      assert.deepEqual(
        custody.items.map((i) => i.action),
        ['collected', 'accessed'],
      );
    });

    it('takes an organization list by upload and withholds rows of persons the caller may not see', async () => {
      const form = new FormData();
      form.set(
        'file',
        new File(
          [Buffer.from('id,nombre,cedula\nA1,Yusleidy Carrasquel,18765432\nA2,Otra Persona,11111111\n')],
          'lista.csv',
          { type: 'text/csv' },
        ),
      );
      form.set('name', 'Lista ONG');
      form.set('idColumn', 'id');
      const up = await app.request(`/api/cases/${caseId}/source-lists`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.documenter}` },
        body: form,
      });
      assert.equal(up.status, 201, await up.clone().text());
      const { listId } = (await up.json()) as { listId: string };
      await t.store.assignSourceRecords(caseId, [{ listId, rowNo: 2, personId: ids.P! }], 'user:test');
      const rows = async (who: string) =>
        (await req('GET', `/api/cases/${caseId}/source-lists/${listId}/records`, who)).text();
      assert.match(await rows('admin'), /Carrasquel/);
      const analyst = await rows('analyst');
      assert.doesNotMatch(analyst, /Carrasquel|18765432/);
      assert.match(analyst, /Otra Persona/);
      assert.equal(
        (await req('GET', `/api/cases/${caseId}/source-lists/${listId}/records`, 'viewer')).status,
        403,
      );
    });

    it('edits with optimistic versions and gives uniform errors with no stack traces', async () => {
      const created = (await (
        await req('POST', `/api/cases/${caseId}/records/events`, 'documenter', { title: 'Evento nuevo' })
      ).json()) as { id: string; version: number };
      const ok = await req(
        'PUT',
        `/api/cases/${caseId}/records/events/${created.id}`,
        'documenter',
        { title: 'Evento editado' },
        { 'if-match': '"1"' },
      );
      assert.equal(ok.status, 200);
      const stale = await req(
        'PUT',
        `/api/cases/${caseId}/records/events/${created.id}`,
        'documenter',
        { title: 'Otra' },
        { 'if-match': '"1"' },
      );
      assert.equal(stale.status, 409);
      const invalid = await req('POST', `/api/cases/${caseId}/records/acts`, 'documenter', {
        eventId: created.id,
        type: 'nonsense',
      });
      assert.equal(invalid.status, 400);
      const body = (await invalid.json()) as { error: { code: string; issues: { field: string }[] } };
      assert.equal(body.error.code, 'invalid');
      assert.ok(body.error.issues.some((i) => i.field === 'type'));
      assert.doesNotMatch(JSON.stringify(body), /\.ts:\d+/);
      assert.equal(
        (await req('DELETE', `/api/cases/${caseId}/records/events/${created.id}`, 'documenter')).status,
        403,
        'documenters do not delete',
      );
      assert.equal(
        (await req('DELETE', `/api/cases/${caseId}/records/events/${created.id}`, 'admin')).status,
        200,
      );
      assert.equal((await req('GET', `/api/cases/${caseId}/records/persons?limit=0`, 'admin')).status, 400);
      const sorted = (await (
        await req('GET', `/api/cases/${caseId}/records/persons?sort=created&order=desc&limit=2`, 'admin')
      ).json()) as { items: unknown[]; total: number };
      assert.equal(sorted.items.length, 2);
    });
  });
}
