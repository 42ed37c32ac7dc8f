/**
 * The legal analysis, the panel and the report over HTTP on both engines: who may see and do
 * what, the author of a comment or opinion is always the caller, a signature made in the
 * member's own key is verified, and the confidential report only reaches cleared members.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Accounts } from '../../services/accounts.js';
import { openDemoCase } from '../../test-support/demo-case.js';
import { addMembers, requestAs } from '../../test-support/members.js';
import { BACKENDS, type TestStore } from '../../test-support/stores.js';
import { createApp } from '../app.js';

for (const backend of BACKENDS) {
  describe(`legal analysis, panel and report API (${backend.name})`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>;
    let caseId: string;
    const tokens: Record<string, string> = {};
    const key = generateKeyPairSync('ed25519');

    before(async () => {
      ({ t, caseId } = await openDemoCase(backend, 'imported'));
      const members = await addMembers(t.store, caseId, [
        ['admin', 'administrator', true],
        ['analyst', 'analyst', false],
        ['documenter', 'documenter', false],
        ['viewer', 'viewer', false],
        ['expert', 'panelist', true],
        ['expert2', 'panelist', false],
      ]);
      Object.assign(tokens, members.tokens);
      app = createApp(t.store);
    });
    after(async () => t?.dispose());

    const req = (method: string, path: string, who: string, body?: unknown) =>
      requestAs(app, tokens[who], method, path, body);

    it('serves the analysis to those who work on the case, with names only where the caller may see them', async () => {
      assert.equal((await req('GET', `/api/cases/${caseId}/analysis`, 'viewer')).status, 403);
      const r = await req('GET', `/api/cases/${caseId}/analysis`, 'analyst');
      assert.equal(r.status, 200);
      const a = (await r.json()) as { crimes: { crimeId: string }[]; persons: Record<string, string> };
      assert.ok(a.crimes.some((c) => c.crimeId === 'CAH.7-1-f'));
      const analystNames = Object.values(a.persons);
      const admin = (await (await req('GET', `/api/cases/${caseId}/analysis`, 'admin')).json()) as typeof a;
      const pseudonymsForAnalyst = analystNames.filter((n) => n.startsWith('Persona ')).length;
      const pseudonymsForAdmin = Object.values(admin.persons).filter((n) => n.startsWith('Persona ')).length;
      assert.ok(
        pseudonymsForAnalyst > pseudonymsForAdmin,
        'protected persons are pseudonyms for the analyst, names for the cleared admin',
      );
    });

    it('element links are analysts’ work; panel records cannot be written through the generic API', async () => {
      const acts = (await (
        await req('GET', `/api/cases/${caseId}/records/acts?limit=1`, 'analyst')
      ).json()) as {
        items: { id: string }[];
      };
      const tes = (await (
        await req('GET', `/api/cases/${caseId}/records/testimonies?limit=1`, 'analyst')
      ).json()) as {
        items: { id: string }[];
      };
      const link = { elementId: 'CAH.7-1-e.E1', actId: acts.items[0]!.id, testimonyId: tes.items[0]!.id };
      assert.equal(
        (await req('POST', `/api/cases/${caseId}/records/element-links`, 'documenter', link)).status,
        403,
      );
      assert.equal(
        (await req('POST', `/api/cases/${caseId}/records/element-links`, 'analyst', link)).status,
        201,
      );
      const bad = await req('POST', `/api/cases/${caseId}/records/element-links`, 'analyst', {
        ...link,
        elementId: 'nonsense',
      });
      assert.equal(bad.status, 400);
      const forged = { target: 'CTX.policy', member: 'expert2', position: 'agree' };
      assert.equal((await req('POST', `/api/cases/${caseId}/records/opinions`, 'admin', forged)).status, 403);
    });

    it('panel: administrators set it up; members comment, opine and sign as themselves', async () => {
      const panel = {
        name: 'Panel',
        requiredSignatures: 2,
        members: [
          {
            username: 'expert',
            name: 'Experta Uno',
            role: 'chair',
            publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          },
          { username: 'expert2', name: 'Experto Dos' },
        ],
      };
      assert.equal((await req('PUT', `/api/cases/${caseId}/panel`, 'expert', panel)).status, 403);
      assert.equal((await req('PUT', `/api/cases/${caseId}/panel`, 'admin', panel)).status, 200);
      assert.equal(
        (
          await req('POST', `/api/cases/${caseId}/panel/comments`, 'analyst', {
            target: 'CTX.policy',
            text: 'x',
          })
        ).status,
        403,
      );
      const cm = await req('POST', `/api/cases/${caseId}/panel/comments`, 'expert', {
        target: 'CTX.policy',
        text: '¿Otra orden?',
      });
      assert.equal(cm.status, 201);
      assert.equal(((await cm.json()) as { author: string }).author, 'expert');
      const op = await req('POST', `/api/cases/${caseId}/panel/opinions`, 'expert2', {
        target: 'CTX.policy',
        position: 'disagree',
        reasons: 'Insuficiente.',
      });
      assert.equal(op.status, 201);
      assert.equal(((await op.json()) as { member: string }).member, 'expert2');

      const v = (await (await req('POST', `/api/cases/${caseId}/panel/versions`, 'expert')).json()) as {
        version: { id: string; number: number };
        contentSha256: string;
      };
      const signature = sign(null, Buffer.from(v.contentSha256, 'utf8'), key.privateKey).toString('base64');
      assert.equal(
        (
          await req('POST', `/api/cases/${caseId}/panel/signatures`, 'expert2', {
            versionId: v.version.id,
            signature,
          })
        ).status,
        400,
        'expert2 has no key registered; expert’s signature is not theirs',
      );
      assert.equal(
        (
          await req('POST', `/api/cases/${caseId}/panel/signatures`, 'expert', {
            versionId: v.version.id,
            signature,
          })
        ).status,
        201,
      );
      const st = (await (await req('GET', `/api/cases/${caseId}/panel`, 'viewer')).json()) as {
        signatures: { member: string; valid: boolean }[];
        opinions: { position: string }[];
      };
      assert.deepEqual(
        st.signatures.map((s) => [s.member, s.valid]),
        [['expert', true]],
      );
      assert.equal(st.opinions[0]?.position, 'disagree');
    });

    it('the public report for members, the confidential one only for cleared members', async () => {
      const pub = await req(
        'GET',
        `/api/cases/${caseId}/report?edition=public&lang=en&format=html`,
        'viewer',
      );
      assert.equal(pub.status, 200);
      assert.match(await pub.text(), /Executive summary/);
      assert.equal(
        (await req('GET', `/api/cases/${caseId}/report?edition=confidential`, 'analyst')).status,
        403,
      );
      const conf = await req('GET', `/api/cases/${caseId}/report?edition=confidential&format=pdf`, 'admin');
      assert.equal(conf.status, 200);
      assert.equal(conf.headers.get('content-type'), 'application/pdf');
      assert.equal(
        Buffer.from(await conf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
        '%PDF-',
      );
      assert.equal((await req('GET', `/api/cases/${caseId}/report?edition=secret`, 'admin')).status, 400);
    });

    it('reading the report freezes no version unless the caller may review (not a viewer, not a read token)', async () => {
      const versions = async () => (await t.store.list('reportVersion', caseId, { limit: 1000 })).length;
      // Change the content so a download by a reviewer would freeze a new version.
      await t.store.create(
        'event',
        caseId,
        { title: 'Hecho nuevo', date: { precision: 'day', value: '2019-01-01' } },
        'test',
      );
      const accounts = new Accounts(t.store);
      const adminId = (await accounts.userByName('admin'))!.id;
      tokens.adminRead = (await accounts.createToken(adminId, 'read', 'read', 'test')).token;
      const n = await versions();
      const html = `/api/cases/${caseId}/report?edition=public&lang=es&format=html`;
      for (const who of ['viewer', 'analyst', 'documenter', 'adminRead']) {
        assert.equal((await req('GET', html, who)).status, 200, who);
        assert.equal(await versions(), n, `a download by ${who} freezes no version`);
      }
      assert.equal((await req('GET', html, 'admin')).status, 200);
      assert.equal(await versions(), n + 1, 'a member who may review freezes the current content');
    });

    it("the report's authored text: written by members who may review, the confidential edition only by cleared ones, never through the generic API", async () => {
      const url = `/api/cases/${caseId}/narratives`;
      const conf = {
        section: 'attack',
        edition: 'confidential',
        lang: 'es',
        text: 'Texto reservado del ataque.',
      };
      assert.equal((await req('PUT', url, 'expert2', conf)).status, 403, 'uncleared panelist');
      assert.equal((await req('PUT', url, 'documenter', conf)).status, 403, 'documenters do not review');
      assert.equal((await req('PUT', url, 'viewer', { ...conf, edition: 'public' })).status, 403);
      const saved = await req('PUT', url, 'expert', conf);
      assert.equal(saved.status, 200);
      assert.equal(((await saved.json()) as { revision: number }).revision, 1);
      const pub = { section: 'attack', edition: 'public', lang: 'es', text: 'Texto público.' };
      assert.equal((await req('PUT', url, 'expert2', pub)).status, 200, 'uncleared panelist, public edition');
      const bad = await req('PUT', url, 'expert', { ...pub, section: 'prologue' });
      assert.equal(bad.status, 400);
      // The confidential text reaches no one who may not read that edition, by any read route.
      for (const who of ['expert2', 'analyst', 'viewer']) {
        const list = await (await req('GET', url, who)).text();
        const generic = await (
          await req('GET', `/api/cases/${caseId}/records/narratives?limit=100`, who)
        ).text();
        assert.ok(!list.includes('Texto reservado') && !generic.includes('Texto reservado'), who);
        assert.ok(list.includes('Texto público.'), `${who} reads the public text`);
      }
      assert.ok((await (await req('GET', url, 'admin')).text()).includes('Texto reservado'));
      const direct = await req('POST', `/api/cases/${caseId}/records/narratives`, 'admin', {
        ...pub,
        revision: 1,
        author: 'admin',
      });
      assert.equal(direct.status, 403, 'authored text is written only through its route');
    });
  });
}
