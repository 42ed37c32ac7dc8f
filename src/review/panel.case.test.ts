/**
 * The panel's review on both engines: threaded comments, opinions with dissent kept, sign-off by
 * Ed25519 over the frozen content hash, and a change after sign-off making a new version that
 * voids the signatures (kept, marked void).
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { SignatureBody } from '../domain/schema-law.js';
import { prepareReport } from '../report/build.js';
import { openDemoCase } from '../test-support/demo-case.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import {
  acknowledgeVoidNotices,
  addComment,
  panelState,
  setOpinion,
  setPanel,
  signVersion,
  voidNotices,
} from './panel.js';

const experts = ['ana', 'ben', 'carla'].map((username) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { username, privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
});
const signHash = (k: (typeof experts)[number], hash: string) =>
  sign(null, Buffer.from(hash, 'utf8'), k.privateKey).toString('base64');

for (const backend of BACKENDS) {
  describe(`panel review (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    before(async () => {
      ({ t, caseId } = await openDemoCase(backend, 'imported'));
      await setPanel(
        t.store,
        caseId,
        {
          name: 'Panel de prueba',
          requiredSignatures: 3,
          members: experts.map((e, i) => ({
            username: e.username,
            name: `Experta ${i + 1}`,
            role: i === 0 ? 'chair' : 'member',
            publicKeyPem: e.publicKeyPem,
            assignments: [],
          })),
        },
        'admin',
      );
    });
    after(async () => t?.dispose());

    it('keeps threaded comments about one finding', async () => {
      const c1 = await addComment(
        t.store,
        caseId,
        { target: 'CAH.7-1-f.E2', text: '¿Hay registro de custodia?' },
        'ana',
      );
      const c2 = await addComment(
        t.store,
        caseId,
        { target: 'CAH.7-1-f.E2', parentId: c1.id, text: 'Sí: el acta policial.' },
        'ben',
      );
      assert.equal((c2.body as { parentId: string }).parentId, c1.id);
      await assert.rejects(
        addComment(t.store, caseId, { target: 'CTX.policy', parentId: c1.id, text: 'x' }, 'ben'),
        /same finding/,
      );
      await assert.rejects(
        addComment(t.store, caseId, { target: 'not a target', text: 'x' }, 'ben'),
        /invalid/i,
      );
    });

    it('records opinions, one per member and finding, and a dissent needs reasons', async () => {
      await setOpinion(t.store, caseId, { target: 'CTX.policy', position: 'agree' }, 'ana');
      await setOpinion(t.store, caseId, { target: 'CTX.policy', position: 'abstain' }, 'ana');
      await assert.rejects(
        setOpinion(t.store, caseId, { target: 'CTX.policy', position: 'disagree' }, 'ben'),
        /invalid/i,
      );
      await setOpinion(
        t.store,
        caseId,
        {
          target: 'CTX.policy',
          position: 'disagree',
          reasons: 'Una sola orden no basta para inferir una política.',
        },
        'ben',
      );
      await assert.rejects(
        setOpinion(t.store, caseId, { target: 'CTX.policy', position: 'agree' }, 'mallory'),
        /not a member/,
      );
      const st = await panelState(t.store, caseId);
      assert.equal(st.opinions.length, 2);
      const r = await prepareReport(t.store, caseId, { actor: 'test' });
      assert.deepEqual(
        r.content.panel.opinions.map((o) => [o.member, o.position]),
        [
          ['ana', 'abstain'],
          ['ben', 'disagree'],
        ],
        'the dissent is in the report',
      );
    });

    it('signs the frozen content; a change after sign-off makes a new version and voids the signatures', async () => {
      const v1 = await prepareReport(t.store, caseId, { actor: 'test', freeze: true });
      for (const e of experts)
        await signVersion(t.store, caseId, v1.version!.id, e.username, signHash(e, v1.contentSha256));
      const signed = await prepareReport(t.store, caseId, { actor: 'test', freeze: true });
      assert.equal(signed.version?.id, v1.version?.id);
      assert.equal(signed.signatures.filter((s) => s.valid).length, 3);

      // Wrong key, non-member, a signature over another hash: refused.
      await assert.rejects(
        signVersion(t.store, caseId, v1.version!.id, 'ana', signHash(experts[1]!, v1.contentSha256)),
        /does not verify/,
      );
      await assert.rejects(
        signVersion(t.store, caseId, v1.version!.id, 'mallory', signHash(experts[0]!, v1.contentSha256)),
        /not a member/,
      );

      // The content changes: a new opinion.
      await setOpinion(t.store, caseId, { target: 'CAH.7-1-e', position: 'agree' }, 'carla');
      const v2 = await prepareReport(t.store, caseId, { actor: 'test', freeze: true });
      assert.notEqual(v2.contentSha256, v1.contentSha256);
      assert.equal(v2.version?.number, 2);
      assert.equal(v2.signatures.length, 0);
      const st = await panelState(t.store, caseId);
      assert.equal(st.signatures.length, 3, 'old signatures stay recorded');
      for (const s of st.signatures)
        assert.match((s.body as SignatureBody).voidReason ?? '', /superseded by version 2/);
      await assert.rejects(
        signVersion(t.store, caseId, v1.version!.id, 'ana', signHash(experts[0]!, v1.contentSha256)),
        /superseded/,
      );
      await signVersion(t.store, caseId, v2.version!.id, 'ana', signHash(experts[0]!, v2.contentSha256));
      const after2 = await prepareReport(t.store, caseId, { actor: 'test' });
      assert.equal(after2.signatures.filter((s) => s.valid).length, 1);
      // Every step is in the audit log, the voiding with whose signatures it voided.
      const audit = await t.store.auditEntries({ caseId, limit: 100_000 });
      assert.ok(JSON.stringify(audit).includes('signatures'));
      const voiding = audit.filter((e) => e.action === 'void-signatures');
      assert.equal(voiding.length, 1);
      assert.deepEqual(JSON.parse(String(voiding[0]!.after)), {
        members: ['ana', 'ben', 'carla'],
        version: 1,
        supersededBy: 2,
      });

      // Each member whose signature was voided is told, until they acknowledge it.
      for (const e of experts) {
        const n = await voidNotices(t.store, caseId, e.username);
        assert.deepEqual(
          n.map((x) => [x.voidedVersion, x.newVersion]),
          [[1, 2]],
          e.username,
        );
      }
      assert.deepEqual(await voidNotices(t.store, caseId, 'mallory'), []);
      assert.equal(await acknowledgeVoidNotices(t.store, caseId, 'ana', 'user:usr_ana'), 1);
      assert.deepEqual(await voidNotices(t.store, caseId, 'ana'), []);
      assert.equal((await voidNotices(t.store, caseId, 'ben')).length, 1, 'only her own');
      const ack = (await t.store.auditEntries({ caseId, limit: 100_000 })).filter(
        (e) => e.action === 'acknowledge-void-notices',
      );
      assert.equal(ack.length, 1);
      assert.equal(ack[0]!.actor, 'user:usr_ana');
      // A later change voids only the signatures still in force (ana's on version 2): one new notice.
      await setOpinion(t.store, caseId, { target: 'CAH.7-1-e', position: 'abstain' }, 'carla');
      await prepareReport(t.store, caseId, { actor: 'test', freeze: true });
      assert.deepEqual(
        (await voidNotices(t.store, caseId, 'ana')).map((x) => [x.voidedVersion, x.newVersion]),
        [[2, 3]],
      );
      assert.equal((await voidNotices(t.store, caseId, 'ben')).length, 1);
    });
  });
}
