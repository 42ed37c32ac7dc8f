/**
 * The interview service on both engines: drafts sealed and of any length, stale autosaves ignored,
 * drafts private to their author, a whole interview written in one transaction (witness distinct
 * from the victims, several victims and acts, perpetrators), a repeated finish writing nothing,
 * a failure part-way leaving nothing behind, and event titles that carry no person's name.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InputError, NotFoundError } from '../domain/errors.js';
import type { Principal } from '../security/policy.js';
import type { CaseStore } from '../store/case-store.js';
import { BACKENDS, type TestStore } from '../test-support/stores.js';
import { InterviewService, newDraftId } from './intake.js';

const OWNER = 'usr_owner';
const OTHER = 'usr_other';
const person = (key: string, givenNames: string, firstSurname: string) => ({
  key,
  givenNames,
  firstSurname,
  secondSurname: '',
  sex: '',
});

async function counts(store: CaseStore, caseId: string) {
  const kinds = ['person', 'event', 'act', 'involvement', 'testimony'] as const;
  const out: Record<string, number> = {};
  for (const k of kinds) out[k] = await store.count(k, caseId);
  out.audit = (await store.auditHead()).seq;
  return out;
}

for (const backend of BACKENDS) {
  describe(`interview service (${backend.name})`, () => {
    let t: TestStore;
    let caseId: string;
    let unitId: string;
    let placeId: string;
    let svc: InterviewService;
    const answers = () => ({
      consent: 'courts',
      protection: 'protected',
      language: 'es',
      interviewer: 'Documentadora',
      witness: person('witness', 'Carmen', 'Quintero'),
      witnessRelation: 'relative_of_victim',
      victims: [person('v1', 'Luis', 'Quintero'), person('v2', 'Ana', 'Berroterán')],
      date: '03/08/2017',
      placeId,
      acts: [
        { victimKey: 'v1', type: 'arbitrary_detention', methods: ['blindfolding'] },
        {
          victimKey: 'v1',
          type: 'torture',
          methods: ['electric_shock'],
          perpetrators: [{ kind: 'unknown' }],
        },
        {
          victimKey: 'v2',
          type: 'arbitrary_detention',
          perpetrators: [{ kind: 'unit', unitId, degree: 'directly_carried_out' }],
        },
      ],
      statement: 'Se llevaron a mi hijo Luis y a su novia Ana.',
      step: 'review',
    });

    before(async () => {
      t = await backend.open();
      caseId = (await t.store.createCase({ title: 'Caso de prueba' }, 'test')).id;
      unitId = (await t.store.create('unit', caseId, { name: 'Destacamento 99', kind: 'military' }, 'test'))
        .id;
      placeId = (await t.store.create('place', caseId, { name: 'Maracay', kind: 'city' }, 'test')).id;
      svc = new InterviewService(t.store);
    });
    after(async () => t?.dispose());
    /** The author as the policy sees them: a documenter of the case, cleared or not. */
    const author = (cleared = true): Principal => ({
      userId: OWNER,
      memberships: new Map([[caseId, { role: 'documenter', cleared }]]),
      personClearances: new Map(),
    });

    it('keeps a 200,000-character draft sealed, private to its author, and ignores stale saves', async () => {
      const id = newDraftId();
      const statement = `${'Ella contó lo que vio en el comando. '.repeat(5500)}`.slice(0, 200_000);
      const a = { ...answers(), statement, step: 'statement' };
      assert.equal((await svc.saveDraft(caseId, OWNER, id, a, 2)).stale, false);
      // A retried or overtaken autosave (older seq) changes nothing.
      assert.equal((await svc.saveDraft(caseId, OWNER, id, { ...a, statement: 'viejo' }, 1)).stale, true);
      const back = await svc.draft(caseId, OWNER, id);
      assert.equal(back.answers.statement.length, 200_000);
      assert.equal(back.answers.statement, statement);
      assert.equal(back.answers.step, 'statement');
      const raw = await t.store.sqlHandle.get<{ data: string }>(
        'SELECT data FROM interview_draft WHERE id = ?',
        [id],
      );
      assert.ok(!raw!.data.includes('Quintero') && !raw!.data.includes('comando'), 'sealed at rest');
      await assert.rejects(svc.draft(caseId, OTHER, id), NotFoundError);
      await assert.rejects(
        svc.saveDraft(caseId, OTHER, id, a, 9),
        NotFoundError,
        'no overwriting another’s draft',
      );
      assert.deepEqual(
        (await svc.drafts(caseId, OWNER)).map((d) => d.id),
        [id],
      );
      assert.deepEqual(await svc.drafts(caseId, OTHER), []);
      await svc.discard(caseId, OWNER, id);
      assert.deepEqual(await svc.drafts(caseId, OWNER), []);
      const gone = await t.store.sqlHandle.get<{ data: string }>(
        'SELECT data FROM interview_draft WHERE id = ?',
        [id],
      );
      assert.equal(gone!.data, '', 'a discarded draft’s answers are erased');
    });

    it('writes the whole interview in one transaction; finishing again writes nothing', async () => {
      const id = newDraftId();
      await svc.saveDraft(caseId, OWNER, id, answers(), 1);
      const before = await counts(t.store, caseId);
      const r = await svc.finish(caseId, author(), id, answers());
      assert.equal(r.repeated, false);
      const mid = await counts(t.store, caseId);
      assert.deepEqual(
        [
          mid.person - before.person,
          mid.event - before.event,
          mid.act - before.act,
          mid.involvement - before.involvement,
          mid.testimony - before.testimony,
        ],
        [3, 1, 3, 1, 1],
      );
      const tes = (await t.store.get('testimony', r.testimonyId))!.body;
      assert.equal(tes.witnessId, r.personIds.witness);
      assert.equal(tes.witnessRelation, 'relative_of_victim');
      assert.equal(tes.draft, false);
      assert.deepEqual(tes.supports.actIds, r.actIds);
      assert.equal(tes.supports.personIds.length, 3);
      const acts = await Promise.all(r.actIds.map(async (a) => (await t.store.get('act', a))!.body));
      assert.deepEqual(
        acts.map((a) => [a.victimId, a.type]),
        [
          [r.personIds.v1, 'arbitrary_detention'],
          [r.personIds.v1, 'torture'],
          [r.personIds.v2, 'arbitrary_detention'],
        ],
      );
      assert.ok(
        !r.personIds.witness ||
          !Object.entries(r.personIds).some(([k, v]) => k !== 'witness' && v === r.personIds.witness),
      );
      assert.deepEqual(acts[0]!.date, { precision: 'day', value: '2017-08-03' });
      // Issue 15 finding 13: the event title is stored in clear, so it names no person.
      const event = (await t.store.get('event', r.eventId))!.body;
      assert.equal(event.title, 'Detención arbitraria, Tortura · 2017-08-03 · Maracay');
      for (const name of ['Carmen', 'Quintero', 'Luis', 'Ana', 'Berroterán'])
        assert.ok(!event.title.includes(name), `event title without ${name}`);
      // The finished draft keeps only the ids it produced.
      const row = await t.store.sqlHandle.get<{ data: string }>(
        'SELECT data FROM interview_draft WHERE id = ?',
        [id],
      );
      assert.equal(row!.data, '');
      // A retry after a lost response: same ids, nothing written.
      const again = await svc.finish(caseId, author(), id, answers());
      assert.equal(again.repeated, true);
      assert.equal(again.testimonyId, r.testimonyId);
      assert.deepEqual(await counts(t.store, caseId), mid);
      await assert.rejects(svc.saveDraft(caseId, OWNER, id, answers(), 5), /already finished/);
    });

    it('leaves nothing behind when a write fails part-way', async () => {
      const id = newDraftId();
      const bad = answers();
      // The third act's unit does not exist: persons, the event and two acts are written first.
      bad.acts[2]!.perpetrators = [{ kind: 'unit', unitId: 'uni_doesnotexist0000', degree: 'suspected' }];
      await svc.saveDraft(caseId, OWNER, id, bad, 1);
      const before = await counts(t.store, caseId);
      await assert.rejects(svc.finish(caseId, author(), id, bad));
      assert.deepEqual(await counts(t.store, caseId), before);
      const d = await svc.draft(caseId, OWNER, id);
      assert.equal(d.answers.statement, bad.statement, 'the draft is still there to fix and finish');
      // Fixed, it finishes.
      const r = await svc.finish(caseId, author(), id, answers());
      assert.equal(r.actIds.length, 3);
    });

    it('names what is missing instead of writing an incomplete interview', async () => {
      const a = { ...answers(), statement: '', date: '31/02/2017' };
      const before = await counts(t.store, caseId);
      await assert.rejects(svc.finish(caseId, author(), newDraftId(), a), (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.deepEqual(e.issues.map((i) => i.field).sort(), ['date', 'statement']);
        return true;
      });
      assert.deepEqual(await counts(t.store, caseId), before);
    });

    it('links persons already in the case instead of creating duplicates; refuses one from another case', async () => {
      const witness = await t.store.create(
        'person',
        caseId,
        { givenNames: 'Carmen', firstSurname: 'Quintero', protection: 'protected' },
        'test',
      );
      const victim = await t.store.create(
        'person',
        caseId,
        { givenNames: 'Luis', firstSurname: 'Quintero' },
        'test',
      );
      const a = {
        ...answers(),
        witness: { key: 'witness', personId: witness.id, linkedLabel: 'Persona P-1' },
        victims: [{ key: 'v1', personId: victim.id }, person('v2', 'Ana', 'Berroterán')],
      };
      const id = newDraftId();
      await svc.saveDraft(caseId, OWNER, id, a, 1);
      assert.equal((await svc.draft(caseId, OWNER, id)).answers.witness.linkedLabel, 'Persona P-1');
      const before = await counts(t.store, caseId);
      const r = await svc.finish(caseId, author(), id, a);
      const mid = await counts(t.store, caseId);
      assert.equal(mid.person - before.person, 1, 'only the new victim is created');
      assert.equal(r.personIds.witness, witness.id);
      assert.equal(r.personIds.v1, victim.id);
      const tes = (await t.store.get('testimony', r.testimonyId))!.body as { witnessId: string };
      assert.equal(tes.witnessId, witness.id);
      // The display label is the author's, for the draft: it is written to no record.
      assert.equal(
        ((await t.store.get('person', witness.id))!.body as { givenNames: string }).givenNames,
        'Carmen',
      );

      const otherCase = (await t.store.createCase({ title: 'Otro caso' }, 'test')).id;
      const stranger = await t.store.create('person', otherCase, { givenNames: 'Nadie' }, 'test');
      const bad = { ...a, witness: { key: 'witness', personId: stranger.id } };
      const id2 = newDraftId();
      await svc.saveDraft(caseId, OWNER, id2, bad, 1);
      const before2 = await counts(t.store, caseId);
      await assert.rejects(
        svc.finish(caseId, author(), id2, bad),
        (e: InputError) => e instanceof InputError && e.issues[0]?.code === 'not_in_case',
      );
      assert.deepEqual(await counts(t.store, caseId), before2, 'nothing written');
    });

    it('refuses to link a person the author may not see, exactly as one that does not exist', async () => {
      const hidden = await t.store.create(
        'person',
        caseId,
        { givenNames: 'Testigo', firstSurname: 'Reservada', protection: 'protected' },
        'test',
      );
      const open = await t.store.create(
        'person',
        caseId,
        { givenNames: 'Pedro', firstSurname: 'Público', protection: 'restricted' },
        'test',
      );
      const refusal = async (personId: string) => {
        const a = { ...answers(), witness: { key: 'witness', personId } };
        const id = newDraftId();
        await svc.saveDraft(caseId, OWNER, id, a, 1);
        const before = await counts(t.store, caseId);
        let err: InputError | undefined;
        await svc.finish(caseId, author(false), id, a).catch((e: InputError) => {
          err = e;
        });
        assert.deepEqual(await counts(t.store, caseId), before, 'nothing written');
        return err && { name: err.name, message: err.message, issues: err.issues };
      };
      // An uncleared documenter: the protected person is refused with the answer a made-up id gets.
      const forHidden = await refusal(hidden.id);
      assert.equal(forHidden?.issues[0]?.code, 'not_in_case');
      assert.deepEqual(forHidden, await refusal('per_doesnotexist000000000000'));
      // A cleared documenter, or one cleared for that person, may link them; anyone may link a
      // restricted person (members see restricted identities).
      const a = { ...answers(), witness: { key: 'witness', personId: hidden.id } };
      const ok = await svc.finish(caseId, author(true), newDraftId(), a);
      assert.equal(ok.personIds.witness, hidden.id);
      const forOne: Principal = {
        ...author(false),
        personClearances: new Map([[caseId, new Set([hidden.id])]]),
      };
      assert.equal((await svc.finish(caseId, forOne, newDraftId(), a)).personIds.witness, hidden.id);
      const b = { ...answers(), witness: { key: 'witness', personId: open.id } };
      assert.equal((await svc.finish(caseId, author(false), newDraftId(), b)).personIds.witness, open.id);
    });
  });
}
