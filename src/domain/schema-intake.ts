/**
 * Public submissions (issue 7): what anyone may send through the public form, kept in quarantine
 * until a documenter accepts it (it becomes a protected testimony) or rejects it. A submission is
 * always protected: the public never sees it, and neither the sender's address nor their browser is
 * stored.
 */
import { z } from 'zod';
import { ConsentScope, RecordId } from './schema.js';

const optText = (max: number) => z.string().trim().max(max).optional();

export const SUBMISSION_STATUSES = ['quarantined', 'accepted', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** What the public form sends (besides the anti-abuse fields, which are never stored). */
export const SubmissionInput = z
  .object({
    kind: z.enum(['testimony', 'information']),
    text: z.string().trim().min(20, 'at least 20 characters').max(50_000),
    language: z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 language code, e.g. es'),
    anonymous: z.boolean(),
    name: optText(300),
    contact: optText(300),
    when: optText(200),
    where: optText(300),
    consent: ConsentScope,
  })
  .strict()
  .refine((v) => !v.anonymous || (v.name === undefined && v.contact === undefined), {
    message: 'an anonymous submission carries no name or contact',
    path: ['anonymous'],
  });
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export const SubmissionBody = z.object({
  kind: z.enum(['testimony', 'information']),
  text: z.string().max(50_000),
  language: z.string().regex(/^[a-z]{2,3}$/),
  anonymous: z.boolean(),
  name: optText(300),
  contact: optText(300),
  when: optText(200),
  where: optText(300),
  consent: ConsentScope,
  /** A short code the sender can quote later; not a secret. */
  receipt: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  receivedAt: z.iso.datetime({ offset: true }),
  status: z.enum(SUBMISSION_STATUSES).default('quarantined'),
  /** The classifier's estimate when the submission arrived (0 = surely genuine, 1 = surely spam). */
  spamProbability: z.number().min(0).max(1),
  classifierExamples: z.number().int().nonnegative().optional(),
  decidedBy: optText(100),
  decidedAt: z.iso.datetime({ offset: true }).optional(),
  reason: optText(2000),
  testimonyId: RecordId.optional(),
  protection: z.literal('protected').default('protected'),
});
export type SubmissionBody = z.infer<typeof SubmissionBody>;
