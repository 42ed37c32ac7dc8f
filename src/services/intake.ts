/**
 * The testimony interview as one application operation, shared by the HTTP API and the CLI.
 *
 * Drafts: the answers so far, sealed under the case's data key (AES-256-GCM, bound to the draft's
 * id) in `interview_draft`, visible to their author only. Autosaves carry a client sequence number
 * so a late or repeated save never overwrites a newer one. Drafts are working state, not evidence:
 * they are not audited (an autosave every few seconds of a 200,000-character statement would fill
 * the log); what they become is.
 *
 * Finishing: in ONE store transaction, the witness and victims (created or linked), the event
 * (titled by act types, date and place — never by a name), the acts, their perpetrators
 * (involvements) and the testimony; the draft is marked finished with the ids it produced and its
 * sealed answers are emptied (the testimony now holds them). Finishing again with the same draft id
 * (a retry after a lost response) returns those ids and writes nothing.
 */
import { randomBytes } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '../domain/errors.js';
import {
  eventTitle,
  type InterviewAnswers,
  InterviewAnswers as InterviewAnswersSchema,
  planInterview,
} from '../domain/interview.js';
import { issuesFrom } from '../domain/issues.js';
import { isSealed, parseSealed } from '../security/field-cipher.js';
import { canSeeIdentity, type Principal } from '../security/policy.js';
import type { CaseStore } from '../store/case-store.js';
import type { DraftRow as Row } from '../store/repos/interview-drafts.js';
import { draftPlace, openDraft } from '../store/sealing.js';

/** Client-generated draft ids: random, unguessable, URL-safe. */
const DRAFT_ID = /^[A-Za-z0-9_-]{16,64}$/;

export interface InterviewResult {
  testimonyId: string;
  eventId: string;
  actIds: string[];
  /** Person record per wizard key (witness, victims). */
  personIds: Record<string, string>;
}
export interface InterviewDraft {
  id: string;
  seq: number;
  createdAt: string;
  updatedAt: string;
  answers: InterviewAnswers;
}

export function newDraftId(): string {
  return randomBytes(18).toString('base64url');
}

function parseAnswers(input: unknown): InterviewAnswers {
  const r = InterviewAnswersSchema.safeParse(input);
  if (!r.success) throw new InputError('the interview answers are not valid', issuesFrom(r.error, 'answers'));
  return r.data;
}

function checkId(id: string): void {
  if (!DRAFT_ID.test(id))
    throw new InputError('not a draft id', [
      { field: 'id', message: 'expected 16–64 letters, digits, - or _' },
    ]);
}

export class InterviewService {
  constructor(private readonly store: CaseStore) {}

  private async row(s: CaseStore, caseId: string, ownerId: string, id: string): Promise<Row | undefined> {
    const r = await s.interviewDrafts.byId(id);
    // Someone else's draft (or another case file's) does not exist for this caller.
    if (!r || r.case_id !== caseId || r.owner_id !== ownerId || r.discarded_at) return undefined;
    return r;
  }

  private async open(caseId: string, r: Row): Promise<InterviewDraft> {
    const keys = await this.store.keySet(caseId, isSealed(r.data) ? [parseSealed(r.data).version] : []);
    return {
      id: r.id,
      seq: Number(r.seq),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      answers: parseAnswers(JSON.parse(openDraft(keys, caseId, r.id, r.data))),
    };
  }

  /**
   * Saves the answers so far (creates the draft on its first save). A save whose `seq` is not newer
   * than the stored one changes nothing (a retry, or an autosave overtaken by a later one).
   */
  async saveDraft(
    caseId: string,
    ownerId: string,
    id: string,
    input: unknown,
    seq: number,
  ): Promise<{ id: string; seq: number; updatedAt: string; stale: boolean }> {
    checkId(id);
    if (!Number.isSafeInteger(seq) || seq < 0)
      throw new InputError('seq must be a non-negative integer', [{ field: 'seq', message: 'invalid' }]);
    const answers = parseAnswers(input);
    return this.store.transaction(async (s) => {
      if (!(await s.getCase(caseId))) throw new NotFoundError('no such case file');
      const any = await s.interviewDrafts.byId(id);
      if (any && (any.case_id !== caseId || any.owner_id !== ownerId || any.discarded_at))
        throw new NotFoundError('no such draft');
      if (any?.finished_at) throw new ConflictError('this interview was already finished');
      if (any && Number(any.seq) >= seq)
        return { id, seq: Number(any.seq), updatedAt: any.updated_at, stale: true };
      const keys = await s.keySet(caseId);
      const data = keys.current.seal(JSON.stringify(answers), draftPlace(caseId, id));
      const at = new Date().toISOString();
      if (any) await s.interviewDrafts.save(id, data, seq, at);
      else await s.interviewDrafts.insert({ id, caseId, ownerId, data, seq, at });
      return { id, seq, updatedAt: at, stale: false };
    });
  }

  /** The caller's open drafts in a case file, most recently saved first. */
  async drafts(caseId: string, ownerId: string): Promise<InterviewDraft[]> {
    const rows = await this.store.interviewDrafts.openDrafts(caseId, ownerId);
    return Promise.all(rows.map((r) => this.open(caseId, r)));
  }

  async draft(caseId: string, ownerId: string, id: string): Promise<InterviewDraft> {
    checkId(id);
    const r = await this.row(this.store, caseId, ownerId, id);
    if (!r || r.finished_at) throw new NotFoundError('no such draft');
    return this.open(caseId, r);
  }

  /** Discards a draft: its sealed answers are erased, not merely hidden. */
  async discard(caseId: string, ownerId: string, id: string): Promise<void> {
    checkId(id);
    await this.store.transaction(async (s) => {
      const r = await this.row(s, caseId, ownerId, id);
      if (!r || r.finished_at) throw new NotFoundError('no such draft');
      await s.interviewDrafts.discard(id, new Date().toISOString());
    });
  }

  /**
   * Writes the whole interview in one transaction; idempotent on the draft id. `who` is the author
   * (the draft's owner): a person can be linked only if `who` may see that person's identity.
   */
  async finish(
    caseId: string,
    who: Principal,
    id: string,
    input: unknown,
    actor = `user:${who.userId}`,
  ): Promise<InterviewResult & { repeated: boolean }> {
    const ownerId = who.userId;
    checkId(id);
    const answers = parseAnswers(input);
    const { plan, issues } = planInterview(answers);
    return this.store.transaction(async (s) => {
      if (!(await s.getCase(caseId))) throw new NotFoundError('no such case file');
      const existing = await s.interviewDrafts.byId(id);
      if (existing && (existing.case_id !== caseId || existing.owner_id !== ownerId || existing.discarded_at))
        throw new NotFoundError('no such draft');
      if (existing?.finished_at && existing.result)
        return { ...(JSON.parse(existing.result) as InterviewResult), repeated: true };
      if (!plan) throw new InputError('the interview is not complete', issues);
      const at = new Date().toISOString();
      if (!existing) await s.interviewDrafts.insert({ id, caseId, ownerId, data: '', seq: 0, at });
      // Claim the draft first: a concurrent finish of the same draft waits here, then finds it done.
      if (!(await s.interviewDrafts.claimFinish(id, at))) {
        const done = await s.interviewDrafts.byId(id);
        if (done?.result) return { ...(JSON.parse(done.result) as InterviewResult), repeated: true };
        throw new ConflictError('this interview is being finished by another request; try again');
      }

      const personIds: Record<string, string> = {};
      for (const p of plan.persons) {
        if (p.personId) {
          const rec = await s.get('person', p.personId);
          // A person the author may not see is refused exactly like one that does not exist: the
          // answer tells nothing about which ids are protected persons of the case.
          if (
            !rec ||
            rec.caseId !== caseId ||
            !canSeeIdentity(who, caseId, (rec.body as { protection?: string }).protection, rec.id)
          )
            throw new InputError('a linked person does not exist in this case file', [
              {
                field: p.key === plan.witnessKey ? 'witness.personId' : 'victims.personId',
                message: 'no such person in this case file',
                code: 'not_in_case',
              },
            ]);
          personIds[p.key] = rec.id;
        } else {
          personIds[p.key] = (await s.create('person', caseId, p.body, actor)).id;
        }
      }
      let placeName: string | undefined;
      if (plan.placeId) {
        const pl = await s.get('place', plan.placeId);
        if (!pl || pl.caseId !== caseId)
          throw new InputError('the place does not exist in this case file', [
            { field: 'placeId', message: 'no such place in this case file', code: 'not_in_case' },
          ]);
        placeName = pl.body.name;
      }
      const when = plan.date ? { date: plan.date } : {};
      const where = plan.placeId ? { placeId: plan.placeId } : {};
      const event = await s.create(
        'event',
        caseId,
        {
          title: eventTitle(
            plan.acts.map((a) => a.type),
            plan.date,
            placeName,
          ),
          ...when,
          ...where,
        },
        actor,
      );
      const actIds: string[] = [];
      for (const a of plan.acts) {
        const act = await s.create(
          'act',
          caseId,
          {
            eventId: event.id,
            victimId: personIds[a.victimKey],
            type: a.type,
            methods: a.methods,
            ...when,
            ...where,
          },
          actor,
        );
        actIds.push(act.id);
        for (const p of a.perpetrators) await s.create('involvement', caseId, { actId: act.id, ...p }, actor);
      }
      const today = at.slice(0, 10);
      const testimony = await s.create(
        'testimony',
        caseId,
        {
          ...plan.testimony,
          title: `Testimonio ${today} — ${event.body.title}`.slice(0, 500),
          witnessId: personIds[plan.witnessKey],
          date: { precision: 'day', value: today },
          materialType: 'testimony',
          draft: false,
          supports: { eventIds: [event.id], actIds, personIds: [...new Set(Object.values(personIds))] },
        },
        actor,
      );
      const result: InterviewResult = { testimonyId: testimony.id, eventId: event.id, actIds, personIds };
      // The testimony now holds the answers: the draft keeps only the ids it produced.
      await s.interviewDrafts.setResult(id, JSON.stringify(result), at);
      return { ...result, repeated: false };
    });
  }
}
