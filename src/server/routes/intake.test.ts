/**
 * The public form and its quarantine on both engines: a genuine submission goes through challenge,
 * proof of work and quarantine, and becomes a protected testimony when accepted; every abuse path
 * (honeypot, reused / forged / expired challenge, unsolved work, flooding, a case without a public
 * form) is refused and stores nothing; only documenters see the queue and only cleared ones see
 * who sent it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { leadingZeroBits, powDigest, solvePow } from '../../intake/pow.js';
import type { Role } from '../../security/policy.js';
import { Accounts } from '../../services/accounts.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

const PW = 'una contraseña larga de prueba';
const BITS = 8;
const TEXT =
  'Mi hermano fue detenido el 12 de marzo por funcionarios encapuchados que no mostraron ninguna orden. Durante quince días no supimos dónde estaba.';

for (const backend of BACKENDS) {
  describe(`public intake (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    let closedCaseId: string;
    let now = Date.now();
    const tokens: Record<string, string> = {};

    before(async () => {
      t = await backend.open();
      caseId = (
        await t.store.createCase(
          { title: 'Caso', publicIntake: { enabled: true, title: 'Cuéntenos' } },
          'test',
        )
      ).id;
      closedCaseId = (await t.store.createCase({ title: 'Cerrado' }, 'test')).id;
      const accounts = new Accounts(t.store);
      const roles: [string, Role, boolean][] = [
        ['doc', 'documenter', false],
        ['cleared', 'documenter', true],
        ['viewer', 'viewer', false],
        ['analyst', 'analyst', false],
      ];
      for (const [name, role, cl] of roles) {
        const u = await accounts.createUser({ username: name, password: PW }, 'test');
        await accounts.setMember(caseId, u.id, role, 'test');
        if (cl) await accounts.setClearance(caseId, u.id, true, 'test');
        tokens[name] = (await accounts.createToken(u.id, name, 'write', 'test')).token;
      }
      app = createApp(t.store, { intake: { powBits: BITS, perAddress: 10, now: () => now } });
    });
    after(async () => t?.dispose());

    const call = (method: string, path: string, body?: unknown, who?: string) =>
      app.request(path, {
        method,
        headers: {
          ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    const challenge = async (id = caseId) => {
      const r = await call('POST', '/api/public/challenge', { caseId: id });
      assert.equal(r.status, 200);
      return (await r.json()) as { challenge: string; difficulty: number };
    };
    const form = (over: Record<string, unknown> = {}) => ({
      website: '',
      kind: 'testimony',
      text: TEXT,
      language: 'es',
      anonymous: true,
      consent: 'courts',
      ...over,
    });
    const submit = async (over: Record<string, unknown> = {}, ch?: { challenge: string }) => {
      const c = ch ?? (await challenge());
      return call('POST', `/api/public/cases/${caseId}/submissions`, {
        challenge: c.challenge,
        nonce: solvePow(c.challenge, BITS),
        ...form(over),
      });
    };
    const counts = async () => ({
      submissions: await t.store.count('submission', caseId, {}),
      audit: (await t.store.auditHead()).seq,
    });

    it('describes only cases with the public form on, and nothing else', async () => {
      const r = await call('GET', `/api/public/cases/${caseId}`);
      assert.equal(r.status, 200);
      assert.deepEqual(await r.json(), {
        caseId,
        title: 'Cuéntenos',
        languages: ['es', 'en'],
        difficulty: BITS,
      });
      const closed = await call('GET', `/api/public/cases/${closedCaseId}`);
      const unknown = await call('GET', '/api/public/cases/cas_nonexistent');
      assert.equal(closed.status, 404);
      assert.equal(unknown.status, 404);
      assert.deepEqual(
        await closed.json(),
        await unknown.json(),
        'no way to tell a closed case from no case',
      );
      assert.equal((await call('POST', '/api/public/challenge', { caseId: closedCaseId })).status, 404);
    });

    it('quarantines a solved submission; documenters accept it into a protected testimony', async () => {
      const r = await submit({
        anonymous: false,
        name: 'Ana Pérez',
        contact: 'ana@example.org',
        where: 'Caracas',
      });
      assert.equal(r.status, 202);
      const { id, receipt, status } = (await r.json()) as { id: string; receipt: string; status: string };
      assert.equal(status, 'quarantined');
      assert.match(receipt, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const stored = await t.store.get('submission', id);
      assert.equal(stored?.createdBy, 'public-intake');
      assert.equal(stored?.body.protection, 'protected');
      assert.ok(!JSON.stringify(stored).match(/127\.0\.0\.1|user-agent/i), 'no address or browser stored');

      // The queue: documenters only; the sender's identity only for the cleared one.
      for (const who of ['viewer', 'analyst']) {
        assert.equal((await call('GET', `/api/cases/${caseId}/submissions`, undefined, who)).status, 403);
      }
      assert.equal((await call('GET', `/api/public/cases/${caseId}/submissions`)).status, 401);
      // Not through the generic record routes either.
      assert.equal(
        (await call('GET', `/api/cases/${caseId}/records/submissions`, undefined, 'cleared')).status,
        403,
      );
      const plain = (await (
        await call('GET', `/api/cases/${caseId}/submissions`, undefined, 'doc')
      ).json()) as {
        items: Record<string, unknown>[];
      };
      const mine = plain.items.find((s) => s.id === id)!;
      assert.equal(mine.text, TEXT);
      assert.equal(mine.name, undefined);
      assert.equal(mine.identityWithheld, true);
      const full = (await (
        await call('GET', `/api/cases/${caseId}/submissions`, undefined, 'cleared')
      ).json()) as {
        items: Record<string, unknown>[];
      };
      assert.equal(full.items.find((s) => s.id === id)?.name, 'Ana Pérez');

      const d = await call(
        'POST',
        `/api/cases/${caseId}/submissions/${id}/decision`,
        { decision: 'accept' },
        'doc',
      );
      assert.equal(d.status, 200);
      const { testimonyId, submission } = (await d.json()) as {
        testimonyId: string;
        submission: { status: string; decidedBy: string };
      };
      assert.equal(submission.status, 'accepted');
      assert.match(submission.decidedBy, /^user:usr_/);
      const tes = await t.store.get('testimony', testimonyId);
      assert.equal(tes?.body.statement, TEXT);
      assert.equal(tes?.body.protection, 'protected');
      assert.match(tes?.body.notes ?? '', /Ana Pérez/);
      // Written in the sender's language, like the statement it accompanies.
      assert.match(tes?.body.title ?? '', /^Testimonio público /);
      assert.match(tes?.body.notes ?? '', /^Envío público .* recibido el /);
      // A second decision is refused.
      assert.equal(
        (await call('POST', `/api/cases/${caseId}/submissions/${id}/decision`, { decision: 'reject' }, 'doc'))
          .status,
        409,
      );
      const rej = await submit({
        text: 'Compra viagra barato sin receta en www.farmacia.ru envío discreto hoy mismo',
      });
      const rid = ((await rej.json()) as { id: string }).id;
      const rd = await call(
        'POST',
        `/api/cases/${caseId}/submissions/${rid}/decision`,
        { decision: 'reject', reason: 'spam' },
        'doc',
      );
      assert.equal(rd.status, 200);
      assert.equal((await t.store.get('submission', rid))?.body.status, 'rejected');
    });

    it('refuses abuse and stores nothing: honeypot, bad or reused challenge, unsolved work, identity when anonymous', async () => {
      now += 11 * 60_000; // a fresh rate-limit window
      const before = await counts();
      const expect400 = async (r: Response, re: RegExp) => {
        assert.equal(r.status, 400);
        assert.match(((await r.json()) as { error: { message: string } }).error.message, re);
      };
      await expect400(await submit({ website: 'http://spam.example' }), /submission refused/);
      const ch = await challenge();
      const ok = await submit({}, ch);
      assert.equal(ok.status, 202);
      await expect400(await submit({}, ch), /already used/);
      const ch2 = await challenge();
      // A nonce below the difficulty.
      let n = 0;
      while (leadingZeroBits(powDigest(ch2.challenge, `n${n}`)) >= BITS) n++;
      await expect400(
        await call('POST', `/api/public/cases/${caseId}/submissions`, {
          challenge: ch2.challenge,
          nonce: `n${n}`,
          ...form(),
        }),
        /proof of work/,
      );
      await expect400(await submit({ challengeX: 1 }), /invalid submission/);
      await expect400(await submit({ anonymous: true, name: 'X' }), /invalid submission/);
      await expect400(await submit({ text: 'corto' }), /invalid submission/);
      const late = await challenge();
      now += 11 * 60_000;
      await expect400(await submit({}, late), /expired/);
      const after = await counts();
      assert.equal(after.submissions, before.submissions + 1, 'only the one valid submission stored');
    });

    it('rate-limits one address', async () => {
      now += 11 * 60_000;
      let limited = 0;
      let accepted = 0;
      for (let i = 0; i < 15 && !limited; i++) {
        const r = await submit();
        if (r.status === 429) {
          limited++;
          assert.ok(Number(r.headers.get('retry-after')) > 0);
        } else if (r.status === 202) accepted++;
      }
      assert.equal(limited, 1);
      assert.equal(accepted, 10);
    });

    it('a flood of 200 empty requests from 40 addresses does not block a genuine solved submission', async () => {
      // Default quotas (5 per address, 200 per case): the flood alone would have used them all up.
      const fresh = createApp(t.store, { intake: { powBits: BITS, now: () => now } });
      const from = (ip: string, body: unknown) =>
        fresh.request(`/api/public/cases/${caseId}/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify(body),
        });
      process.env.TESTIGO_TRUST_PROXY = '1';
      try {
        const before = await counts();
        for (let a = 0; a < 40; a++)
          for (let i = 0; i < 5; i++) assert.equal((await from(`203.0.113.${a}`, {})).status, 400);
        assert.deepEqual(await counts(), before, 'the flood stored nothing');
        const ch = (await (
          await fresh.request('/api/public/challenge', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.50' },
            body: JSON.stringify({ caseId }),
          })
        ).json()) as { challenge: string };
        const genuine = await from('198.51.100.50', {
          challenge: ch.challenge,
          nonce: solvePow(ch.challenge, BITS),
          ...form(),
        });
        assert.equal(genuine.status, 202, 'the genuine sender gets through');
      } finally {
        delete process.env.TESTIGO_TRUST_PROXY;
      }
    });
  });
}
