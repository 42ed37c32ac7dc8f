/**
 * Deciding a public submission, as one application operation: accepting it creates a protected
 * testimony from what the sender wrote and marks the submission accepted (with the testimony's id);
 * rejecting it only marks it. Both in one store transaction, so a submission is never accepted
 * without its testimony nor turned into two; deciding one already decided is a conflict.
 */
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { SubmissionBody } from '../domain/schema-intake.js';
import type { CaseStore, StoredRecord } from '../store/case-store.js';

export interface SubmissionDecision {
  decision: 'accept' | 'reject';
  reason?: string;
}

/** Words of the testimony made from a submission, in the sender's language (Spanish or English). */
const WORDS = {
  es: {
    testimony: 'Testimonio público',
    information: 'Información pública',
    received: (r: string, at: string, anon: boolean) =>
      `Envío público ${r} recibido el ${at}${anon ? ' (anónimo)' : ''}.`,
    when: 'Cuándo',
    where: 'Dónde',
    sender: 'Remitente',
  },
  en: {
    testimony: 'Public testimony',
    information: 'Public information',
    received: (r: string, at: string, anon: boolean) =>
      `Public submission ${r} received ${at}${anon ? ' (anonymous)' : ''}.`,
    when: 'When',
    where: 'Where',
    sender: 'Sender',
  },
};

/** The testimony's title and notes: where it came from and what the form said beside the statement. */
function provenance(b: SubmissionBody): { title: string; notes: string } {
  const w = b.language === 'es' ? WORDS.es : WORDS.en;
  return {
    title: `${b.kind === 'testimony' ? w.testimony : w.information} ${b.receipt}`,
    notes: [
      w.received(b.receipt, b.receivedAt, Boolean(b.anonymous)),
      b.when ? `${w.when}: ${b.when}` : '',
      b.where ? `${w.where}: ${b.where}` : '',
      !b.anonymous && (b.name || b.contact)
        ? `${w.sender}: ${[b.name, b.contact].filter(Boolean).join(', ')}`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

export async function decideSubmission(
  store: CaseStore,
  caseId: string,
  id: string,
  { decision, reason }: SubmissionDecision,
  actor: string,
): Promise<{ updated: StoredRecord<'submission'>; testimonyId?: string }> {
  return store.transaction(async (s) => {
    const sub = await s.get('submission', id);
    if (!sub || sub.caseId !== caseId) throw new NotFoundError('no such submission');
    if (sub.body.status !== 'quarantined')
      throw new ConflictError(`submission ${sub.id} was already ${sub.body.status}`);
    const b = sub.body;
    let testimonyId: string | undefined;
    if (decision === 'accept') {
      const t = await s.create(
        'testimony',
        caseId,
        {
          title: provenance(b).title,
          statement: b.text,
          language: b.language,
          consent: b.consent,
          materialType: b.kind === 'testimony' ? 'testimony' : 'other',
          credibility: '6',
          protection: 'protected',
          notes: provenance(b).notes,
        },
        actor,
      );
      testimonyId = t.id;
    }
    const updated = await s.update(
      'submission',
      sub.id,
      {
        ...b,
        status: decision === 'accept' ? 'accepted' : 'rejected',
        decidedBy: actor,
        decidedAt: new Date().toISOString(),
        ...(reason ? { reason } : {}),
        ...(testimonyId ? { testimonyId } : {}),
      },
      actor,
      { expectedVersion: sub.version },
    );
    return { updated, ...(testimonyId ? { testimonyId } : {}) };
  });
}
