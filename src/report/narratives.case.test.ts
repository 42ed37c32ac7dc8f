/**
 * The report's authored sections on both engines: stored with revisions and audited; citations
 * resolved to titles and quoted passages through the read model, so the public edition never gets
 * a protected witness's name through a citation (while the confidential edition, which may, does —
 * so the check can fail); an unknown or deleted id refuses the freeze; the panel's recommendations
 * and declarations are part of the signed text; the victims sections suppress small cells.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listNarratives, saveNarrative } from '../review/narratives.js';
import { setPanel } from '../review/panel.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { prepareReport, reportHtml } from './build.js';
import { signedText } from './rendering.js';

const WITNESS = { givenNames: 'Zoraida', firstSurname: 'Quintero', secondSurname: 'Malavé' };
const NAME = 'Zoraida Quintero Malavé';
const day = (value: string) => ({ precision: 'day', value });

for (const backend of BACKENDS) {
  describe(`the report's authored sections (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await backend.open();
      const s = t.store;
      caseId = (await s.createCase({ title: 'Caso de prueba', country: 'VE' }, 'test')).id;
      ids.witness = (await s.create('person', caseId, { ...WITNESS, protection: 'protected' }, 'test')).id;
      const ev = await s.create('event', caseId, { title: 'Detención', date: day('2019-03-02') }, 'test');
      // Six adult women detained (one cell ≥ 5) and one girl raped (a cell of one: suppressed).
      for (let i = 0; i < 6; i++) {
        const v = await s.create(
          'person',
          caseId,
          {
            givenNames: `Víctima${i}`,
            sex: 'female',
            birthDate: day('1990-01-01'),
            protection: 'restricted',
          },
          'test',
        );
        const act = await s.create(
          'act',
          caseId,
          { eventId: ev.id, victimId: v.id, type: 'arbitrary_detention', date: day('2019-03-02') },
          'test',
        );
        await s.create(
          'detention',
          caseId,
          {
            personId: v.id,
            actId: act.id,
            status: 'detained',
            from: day('2019-03-02'),
            to: day(`2019-03-${String(10 + i).padStart(2, '0')}`),
          },
          'test',
        );
      }
      const girl = await s.create(
        'person',
        caseId,
        { givenNames: 'Niña', sex: 'female', birthDate: day('2005-05-05'), protection: 'protected' },
        'test',
      );
      await s.create(
        'act',
        caseId,
        { eventId: ev.id, victimId: girl.id, type: 'rape', date: day('2019-03-02') },
        'test',
      );
      ids.protectedTestimony = (
        await s.create(
          'testimony',
          caseId,
          {
            title: `Testimonio de ${NAME}`,
            witnessId: ids.witness,
            statement: `Yo, ${NAME}, vi la detención.`,
            language: 'es',
            consent: 'courts',
            protection: 'protected',
          },
          'test',
        )
      ).id;
      ids.publicTestimony = (
        await s.create(
          'testimony',
          caseId,
          {
            title: 'Declaración pública de un vecino',
            statement: 'Vi cómo se llevaban a seis mujeres.',
            language: 'es',
            consent: 'public',
            protection: 'public',
          },
          'test',
        )
      ).id;
      for (const [item, passage] of [
        [ids.protectedTestimony, `${NAME} vio a los funcionarios`],
        [ids.publicTestimony, 'se llevaban a seis mujeres en una camioneta'],
      ] as const)
        await s.create(
          'elementLink',
          caseId,
          { elementId: 'CTX.attack', eventId: ev.id, testimonyId: item, passage },
          'test',
        );
      await setPanel(
        t.store,
        caseId,
        {
          name: 'Panel',
          requiredSignatures: 1,
          members: [{ username: 'ana', name: 'Ana Experta', role: 'chair', assignments: [] }],
        },
        'admin',
      );
    });
    after(async () => t?.dispose());

    it('keeps one record per section, edition and language, with revisions, every write audited', async () => {
      const first = await saveNarrative(
        t.store,
        caseId,
        { section: 'background', edition: 'public', lang: 'es', text: 'Primera versión.' },
        'ana',
        'usr_ana',
      );
      const second = await saveNarrative(
        t.store,
        caseId,
        {
          section: 'background',
          edition: 'public',
          lang: 'es',
          text: `Según ${NAME} [@${ids.protectedTestimony}] y un vecino [@${ids.publicTestimony}], hubo detenciones.`,
        },
        'ana',
        'usr_ana',
      );
      assert.equal(second.id, first.id);
      assert.equal((second.body as { revision: number }).revision, 2);
      const audit = await t.store.auditEntries({ caseId, limit: 10_000 });
      const mine = audit.filter((e) => e.entityId === first.id);
      assert.equal(mine.length, 2, 'create and update are both in the audit log');
      await saveNarrative(
        t.store,
        caseId,
        {
          section: 'background',
          edition: 'confidential',
          lang: 'es',
          text: `Según ${NAME} [@${ids.protectedTestimony}].`,
        },
        'ana',
        'usr_ana',
      );
      assert.equal((await listNarratives(t.store, caseId)).length, 2);
    });

    it('a citation of a protected testimony in the public edition shows no name, title or passage; the confidential edition shows them', async () => {
      const r = await prepareReport(t.store, caseId, { actor: 'test' });
      const bg = (r.content.narratives ?? []).find((n) => n.section === 'background')!;
      assert.match(bg.text, /\[1\].*\[2\]/, 'citations become numbers');
      const [prot, pub] = bg.sources;
      assert.equal(prot!.id, ids.protectedTestimony);
      assert.equal(prot!.withheld, true);
      assert.equal(prot!.title, undefined);
      assert.deepEqual(prot!.passages, []);
      assert.equal(pub!.title, 'Declaración pública de un vecino');
      assert.deepEqual(pub!.passages, ['se llevaban a seis mujeres en una camioneta']);
      const publicHtml = reportHtml(r, 'public', 'es');
      const publicText = JSON.stringify(r.content) + publicHtml + signedText(r.content, 'public', 'en');
      for (const part of ['Zoraida', 'Quintero', 'Malavé'])
        assert.ok(!publicText.includes(part), `${part} in the public edition`);
      assert.ok(publicHtml.includes('se llevaban a seis mujeres'), 'the public passage is quoted');
      // The confidential text is only committed in the content; the annex carries it in full.
      assert.equal(r.content.confidentialNarratives?.length, 1);
      const conf = reportHtml(r, 'confidential', 'es');
      assert.ok(conf.includes(NAME), 'the confidential edition names the witness (so the check can fail)');
      assert.ok(conf.includes(`${NAME} vio a los funcionarios`), 'and quotes the protected passage');
    });

    it('refuses to freeze while a citation names an unknown or deleted item, saying where', async () => {
      const doomed = await t.store.create(
        'evidence',
        caseId,
        {
          title: 'Foto',
          kind: 'photo',
          sha256: 'a'.repeat(64),
          size: 1,
          mediaType: 'image/png',
          acquisition: { by: 'x', at: '2019-03-03T00:00:00Z', method: 'camera' },
        },
        'test',
      );
      await saveNarrative(
        t.store,
        caseId,
        {
          section: 'attack',
          edition: 'public',
          lang: 'en',
          text: `See [@${doomed.id}] and [@tes_NOSUCHITEM000] and [@typo].`,
        },
        'ana',
        'usr_ana',
      );
      await t.store.remove('evidence', doomed.id, 'test');
      await assert.rejects(prepareReport(t.store, caseId, { actor: 'test', freeze: true }), (e: Error) => {
        const issues = (e as unknown as { issues: { field: string; message: string }[] }).issues;
        assert.match(e.message, /cannot be frozen: 3 citations/);
        assert.deepEqual(
          issues.map((i) => i.field),
          ['narratives.attack.public.en', 'narratives.attack.public.en', 'narratives.attack.public.en'],
        );
        assert.match(issues[0]!.message, new RegExp(`\\[@${doomed.id}\\].*deleted`));
        return true;
      });
      // A draft still renders, marking the citation, so the author sees what to fix.
      const draft = await prepareReport(t.store, caseId, { actor: 'test' });
      assert.ok(reportHtml(draft, 'public', 'en').includes(`[unresolved citation: ${doomed.id}]`));
      await saveNarrative(
        t.store,
        caseId,
        { section: 'attack', edition: 'public', lang: 'en', text: 'Fixed.' },
        'ana',
        'usr_ana',
      );
      const frozen = await prepareReport(t.store, caseId, { actor: 'test', freeze: true });
      assert.ok(frozen.version);
    });

    it("the panel's recommendations and declarations are in the signed text of both languages", async () => {
      await saveNarrative(
        t.store,
        caseId,
        { section: 'recommendations', edition: 'public', lang: 'es', text: 'Remitir a la Fiscalía.' },
        'ana',
        'usr_ana',
      );
      await saveNarrative(
        t.store,
        caseId,
        { section: 'declaration', edition: 'public', lang: 'en', text: 'I have no conflict of interest.' },
        'ana',
        'usr_ana',
      );
      await assert.rejects(
        saveNarrative(
          t.store,
          caseId,
          { section: 'declaration', edition: 'public', lang: 'en', text: 'x' },
          'mallory',
          'usr_m',
        ),
        /not a member of the panel/,
      );
      const before = await prepareReport(t.store, caseId, { actor: 'test' });
      for (const lang of ['es', 'en'] as const) {
        const text = signedText(before.content, 'public', lang);
        assert.ok(text.includes('Remitir a la Fiscalía.'), `recommendations (${lang})`);
        assert.ok(text.includes('I have no conflict of interest.'), `declaration (${lang})`);
      }
      assert.ok(signedText(before.content, 'public', 'es').includes('Texto disponible solo en inglés'));
      // Changing a declaration changes what the panel signs.
      await saveNarrative(
        t.store,
        caseId,
        { section: 'declaration', edition: 'public', lang: 'en', text: 'I advised a party in 2015.' },
        'ana',
        'usr_ana',
      );
      const afterChange = await prepareReport(t.store, caseId, { actor: 'test' });
      assert.notEqual(afterChange.contentSha256, before.contentSha256);
    });

    it('counts victims by sex, age and act with cells under the threshold suppressed', async () => {
      const r = await prepareReport(t.store, caseId, { actor: 'test' });
      const v = r.content.victims!;
      assert.equal(v.threshold, 5);
      assert.equal(v.victims, 7);
      assert.deepEqual(v.bySex, [7, 0, 0]);
      assert.deepEqual(v.byAge, [null, null, 0], 'one child: suppressed, and the adults with it');
      assert.equal(v.sgbc.victims, null, 'one survivor of rape is not a publishable count');
      assert.equal(v.children.victims, null);
      assert.deepEqual(v.detention.bands, [0, 6, 0, 0, 0, 0]);
      assert.equal(v.detention.medianDays, 11);
      const html = reportHtml(r, 'public', 'en');
      assert.ok(html.includes('&lt; 5') || html.includes('< 5'));
    });
  });
}
