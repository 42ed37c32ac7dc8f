/**
 * Two server instances over one PostgreSQL database, as two processes (or two machines behind a
 * load balancer) would run: each has its own store object, caches, person directory and limits.
 * What one instance learns the other must know at once — a person made protected through A is
 * redacted by B on the next request (even when A's clock is behind B's), failed sign-ins on A
 * count on B, a session made on A works on B and ends on B when signed out on A, and a public-form
 * challenge issued by A is accepted once, by either. The analysis summary is computed by one of
 * them at a time and read by the other.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { solvePow } from '../intake/pow.js';
import { Accounts } from '../services/accounts.js';
import type { CaseStore } from '../store/case-store.js';
import { openStore } from '../store/open.js';
import { createPgDatabase, FAST_SCRYPT, TEST_PASSPHRASE, tempDir } from '../test-support/stores.js';
import { AnalysisCache } from './analysis-cache.js';
import { createApp } from './app.js';

const PW = 'una contraseña larga de prueba';
const KEY = { kind: 'passphrase' as const, passphrase: TEST_PASSPHRASE };
const BITS = 6;

describe('two server instances over one PostgreSQL', () => {
  let drop: () => Promise<void>;
  let storeA: CaseStore;
  let storeB: CaseStore;
  let A: ReturnType<typeof createApp>;
  let B: ReturnType<typeof createApp>;
  let caseId: string;
  const tokens: Record<string, string> = {};

  before(async () => {
    const db = await createPgDatabase();
    drop = db.drop;
    const dataDir = tempDir();
    storeA = await openStore({ dataDir, databaseUrl: db.url, key: KEY, create: true, scrypt: FAST_SCRYPT });
    storeB = await openStore({ dataDir, databaseUrl: db.url, key: KEY });
    caseId = (
      await storeA.createCase(
        { title: 'Caso compartido', publicIntake: { enabled: true, title: 'Cuéntenos' } },
        'test',
      )
    ).id;
    const accounts = new Accounts(storeA);
    for (const [name, cleared] of [
      ['coord', true],
      ['doc', false],
    ] as const) {
      const u = await accounts.createUser({ username: name, password: PW }, 'test');
      await accounts.setMember(caseId, u.id, 'documenter', 'test');
      if (cleared) await accounts.setClearance(caseId, u.id, true, 'test');
      tokens[name] = (await accounts.createToken(u.id, name, 'write', 'test')).token;
    }
    const opts = { loginAttempts: 6, landingHtml: '<p>x</p>', intake: { powBits: BITS } };
    A = createApp(storeA, opts);
    B = createApp(storeB, opts);
    process.env.TESTIGO_TRUST_PROXY = '1';
  });
  after(async () => {
    delete process.env.TESTIGO_TRUST_PROXY;
    await storeA?.close();
    await storeB?.close();
    await drop?.();
  });

  const call = (app: typeof A, method: string, path: string, body?: unknown, who?: string) =>
    app.request(path, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const eventText = async (app: typeof A, id: string) => {
    const r = await call(app, 'GET', `/api/cases/${caseId}/records/events/${id}`, undefined, 'doc');
    assert.equal(r.status, 200);
    return JSON.stringify(await r.json());
  };

  it('a person made protected through A is redacted by B at once, even with A’s clock behind', async () => {
    const made = await call(
      A,
      'POST',
      `/api/cases/${caseId}/records/persons`,
      { givenNames: 'Maribel', firstSurname: 'Quintero', secondSurname: 'Salas', protection: 'public' },
      'coord',
    );
    assert.equal(made.status, 201, await made.clone().text());
    const person = (await made.json()) as { id: string };
    const ev = await storeA.create(
      'event',
      caseId,
      {
        title: 'Detención',
        description: 'Maribel Quintero Salas y Rosalba Itriago fueron vistas en el retén.',
      },
      'test',
    );
    // B has read it (its caches are warm): the public name shows.
    assert.match(await eventText(B, ev.id), /Maribel Quintero Salas/);
    assert.match(await eventText(B, ev.id), /Rosalba Itriago/);
    assert.match(await eventText(A, ev.id), /Rosalba Itriago/);
    // A new protected person, created through A.
    const r2 = await call(
      A,
      'POST',
      `/api/cases/${caseId}/records/persons`,
      { givenNames: 'Rosalba', firstSurname: 'Itriago', protection: 'protected' },
      'coord',
    );
    assert.equal(r2.status, 201);
    // The very next request, in either process (both update their matchers from the change).
    assert.doesNotMatch(await eventText(B, ev.id), /Itriago/);
    assert.doesNotMatch(await eventText(A, ev.id), /Itriago/);
    // Maribel becomes protected through A, whose clock is a minute behind B's: the write carries
    // an older time than the newest B has seen.
    const up = await call(
      A,
      'PUT',
      `/api/cases/${caseId}/records/persons/${person.id}`,
      { givenNames: 'Maribel', firstSurname: 'Quintero', secondSurname: 'Salas', protection: 'protected' },
      'coord',
    );
    assert.equal(up.status, 200, await up.clone().text());
    await storeA.sqlHandle.run('UPDATE person SET updated_at = ? WHERE id = ?', [
      new Date(Date.now() - 60_000).toISOString(),
      person.id,
    ]);
    for (const app of [B, A]) {
      const seen = await eventText(app, ev.id);
      assert.doesNotMatch(seen, /Quintero/);
      assert.doesNotMatch(seen, /Maribel/);
    }
    // And B's person list does not name her either.
    const list = await call(B, 'GET', `/api/cases/${caseId}/records/persons`, undefined, 'doc');
    assert.doesNotMatch(await list.text(), /Quintero|Itriago/);
  });

  const login = (app: typeof A, username: string, password: string, ip: string) =>
    app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ username, password }),
    });

  it('failed sign-ins on A count on B (account + address back-off, and the address cap)', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 4; i++) assert.equal((await login(A, 'doc', 'wrong password guess', ip)).status, 401);
    const r = await login(B, 'doc', PW, ip);
    assert.equal(r.status, 429, 'the fourth failure on A makes the next attempt on B wait');
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
    // Spraying one address over many accounts, alternating instances: the cap (6) holds overall.
    const sprayer = '203.0.113.8';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await login(i % 2 ? A : B, `someone${i}`, 'guess guess guess', sprayer)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 401, 429, 429]);
  });

  it('a session made on A is valid on B, and signing out on A ends it on B', async () => {
    const r = await login(A, 'coord', PW, '198.51.100.20');
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const { csrf } = (await r.json()) as { csrf: string };
    const me = (app: typeof A) => app.request('/api/auth/me', { headers: { cookie } });
    assert.equal((await me(B)).status, 200);
    const out = await A.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    });
    assert.equal(out.status, 200);
    assert.equal((await me(B)).status, 401);
    assert.equal((await me(A)).status, 401);
  });

  it('a public-form challenge issued by A is accepted by B once, and refused when replayed on A', async () => {
    const ch = (await (await call(A, 'POST', '/api/public/challenge', { caseId })).json()) as {
      challenge: string;
    };
    const body = {
      challenge: ch.challenge,
      nonce: solvePow(ch.challenge, BITS),
      website: '',
      kind: 'testimony',
      text: 'Mi hermano fue detenido el 12 de marzo por funcionarios encapuchados que no mostraron ninguna orden.',
      language: 'es',
      anonymous: true,
      consent: 'courts',
    };
    const first = await call(B, 'POST', `/api/public/cases/${caseId}/submissions`, body);
    assert.equal(first.status, 202, await first.clone().text());
    const again = await call(A, 'POST', `/api/public/cases/${caseId}/submissions`, body);
    assert.equal(again.status, 400);
    assert.match(await again.text(), /already used/);
    assert.equal(await storeA.count('submission', caseId, {}), 1);
  });

  it('one instance computes the analysis summary and the other reads it; fresh, and a lapsed computer, compute', async () => {
    const person = (s: CaseStore) =>
      s.create('person', caseId, { givenNames: 'Ana', protection: 'public' }, 'test');
    const head = async () => (await storeA.auditHead()).seq;
    const a = new AnalysisCache(storeA, { maxAgeMs: 60_000 });
    const b = new AnalysisCache(storeB, { maxAgeMs: 60_000 });
    const sa = await a.get(caseId);
    const sb = await b.get(caseId);
    assert.equal(a.computed, 1);
    assert.equal(b.computed, 0, 'B read the summary A published');
    assert.deepEqual(sb.summary, sa.summary);
    assert.equal(sb.asOf.auditSeq, sa.asOf.auditSeq);
    await person(storeB);
    assert.equal(
      (await b.get(caseId)).asOf.auditSeq,
      sa.asOf.auditSeq,
      'within the allowance: the owner refreshes',
    );
    const fb = await b.get(caseId, { fresh: true });
    assert.equal(b.computed, 1, 'fresh: B computes');
    assert.equal(fb.asOf.auditSeq, await head());
    assert.equal((await a.get(caseId, { fresh: true })).asOf.auditSeq, await head());
    assert.equal(a.computed, 1, 'and A, asked for a fresh one, reads it');

    // With no allowance, both asked after a write: one computation for the two.
    const c = new AnalysisCache(storeA, { maxAgeMs: 0 });
    const d = new AnalysisCache(storeB, { maxAgeMs: 0 });
    await person(storeA);
    const [x, y] = await Promise.all([c.get(caseId), d.get(caseId)]);
    assert.equal(c.computed + d.computed, 1, 'computed once for the deployment');
    assert.deepEqual(x.summary, y.summary);
    assert.equal(x.asOf.auditSeq, await head());

    // A process that claimed the computation and stopped: its lease runs out and another computes.
    await person(storeA);
    assert.ok(await storeA.analysisShare.claim(caseId, 'a stopped process', Date.now(), Date.now() + 300));
    const before = d.computed;
    const z = await d.get(caseId);
    assert.equal(d.computed, before + 1);
    assert.equal(z.asOf.auditSeq, await head());
  });
});
