/**
 * Public intake (unauthenticated) and its quarantine queue (documenters).
 *
 * Anyone may send a testimony or information to a case whose managers turned the public form on.
 * Abuse is filtered here without any third-party service: a honeypot field people never see, a
 * proof-of-work challenge, rate limits per address and per case (counted only for requests that
 * passed both), and a classifier trained on the case's own decisions. Nothing sent is ever shown publicly; it waits in quarantine until a documenter
 * accepts it (it becomes a protected testimony) or rejects it. The sender's address and browser are
 * never stored (the limiter keeps only hashes, in memory).
 */
import { randomInt } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { InputError, NotFoundError } from '../../domain/errors.js';
import { issuesFrom } from '../../domain/issues.js';
import { SUBMISSION_STATUSES, type SubmissionBody, SubmissionInput } from '../../domain/schema-intake.js';
import { type Model, spamProbability, train } from '../../intake/classifier.js';
import { DEFAULT_POW_BITS, PowGuard } from '../../intake/pow.js';
import { buildViewContext, presentSubmissionBody } from '../../read-model/presenter.js';
import { decideSubmission } from '../../services/submissions.js';
import type { CaseStore, StoredRecord } from '../../store/case-store.js';
import type { AppEnv } from '../context.js';
import { pageQuery } from '../query.js';
import type { ApiRouter } from '../route.js';
import { type Quota, sharedLimits } from '../shared-limits.js';
import { clientAddress } from './auth.js';

export const PUBLIC_ACTOR = 'public-intake';

export interface IntakeOptions {
  /** Proof-of-work difficulty in leading zero bits (default 16, or TESTIGO_INTAKE_POW_BITS). */
  powBits?: number;
  /** Submissions with a solved challenge per address per 10 minutes (default 5). */
  perAddress?: number;
  /** Submissions with a solved challenge per case per hour (default 200). */
  perCase?: number;
  /** Any submission attempts per address per 10 minutes, solved or not (default 60): bounds the work. */
  attemptsPerAddress?: number;
  now?: () => number;
}

const Envelope = z.object({
  challenge: z.string().max(400),
  nonce: z.string().max(64),
  website: z.string().max(1000).optional(),
});

/** The classifier per case, retrained when a decision changes what it learns from. */
class Classifiers {
  private readonly models = new Map<string, Model>();
  constructor(private readonly store: CaseStore) {}

  async forCase(caseId: string): Promise<{ model: Model; examples: number }> {
    let m = this.models.get(caseId);
    if (!m) {
      const decided = async (status: 'accepted' | 'rejected') =>
        (
          await this.store.list('submission', caseId, {
            where: { status },
            limit: 10_000,
            sort: 'created',
            desc: true,
          })
        ).map((r) => ({ text: r.body.text, spam: status === 'rejected' }));
      m = train([...(await decided('accepted')), ...(await decided('rejected'))]);
      this.models.set(caseId, m);
    }
    return { model: m, examples: m.docs.ham + m.docs.spam };
  }

  invalidate(caseId: string) {
    this.models.delete(caseId);
  }
}

function receiptCode(): string {
  const A = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud over a phone
  const part = () => Array.from({ length: 4 }, () => A[randomInt(A.length)]).join('');
  return `${part()}-${part()}`;
}

async function intakeCase(store: CaseStore, caseId: string) {
  const k = caseId.length <= 64 ? await store.getCase(caseId) : undefined;
  // Same answer for an unknown case and a case without a public form: no way to probe case ids.
  if (!k || k.deletedAt || !k.body.publicIntake?.enabled) throw new NotFoundError('not found');
  return k;
}

function refused(message: string): never {
  throw new InputError(message);
}

const Challenge = z.object({ caseId: z.string().max(64) });

export function publicIntakeRoutes(api: ApiRouter, store: CaseStore, opts: IntakeOptions = {}): void {
  const r = api.tag('Public intake');
  const now = opts.now ?? Date.now;
  const bits = opts.powBits ?? (Number(process.env.TESTIGO_INTAKE_POW_BITS) || DEFAULT_POW_BITS);
  // Several processes (PostgreSQL) share quotas, spent challenges and the challenge key.
  const limits = sharedLimits(store);
  const pow = new PowGuard(bits, now, limits.shared ? store.sealer.secret('intake-pow-v1') : undefined);
  const challenges = limits.quota('intake-challenge', 30, 10 * 60_000);
  const attempts = limits.quota('intake-attempt', opts.attemptsPerAddress ?? 60, 10 * 60_000);
  const perAddress = limits.quota('intake-address', opts.perAddress ?? 5, 10 * 60_000);
  const perCase = limits.quota('intake-case', opts.perCase ?? 200, 60 * 60_000);
  const redeem = async (challenge: string, nonce: string, caseId: string) => {
    if (!limits.spendOnce) return pow.redeem(challenge, nonce, caseId);
    const checked = pow.check(challenge, nonce, caseId);
    if (!checked.ok) return checked;
    return (await limits.spendOnce(checked.tag, checked.expires))
      ? { ok: true as const }
      : { ok: false as const, reason: 'challenge already used' };
  };
  const classifiers = new Classifiers(store);
  intakeState.set(store, classifiers);

  const limited = async (c: Context, limiter: Quota, key: string) => {
    if (await limiter.take(key, now())) return undefined;
    return c.json(
      { error: { code: 'rate_limited', message: 'too many submissions: please try again later' } },
      429,
      { 'Retry-After': String(await limiter.retryAfterSeconds(key, now())) },
    );
  };

  r.route(
    {
      method: 'get',
      path: '/api/public/cases/:caseId',
      summary:
        'Public form of a case (no authentication): title and proof-of-work difficulty; 404 unless the case has public intake enabled',
      allow: 'public',
      responses: { 200: 'form settings', 404: 'no such public form' },
    },
    async (c) => {
      const k = await intakeCase(store, c.req.param('caseId'));
      return c.json({
        caseId: k.id,
        title: k.body.publicIntake?.title ?? k.body.title,
        languages: ['es', 'en'],
        difficulty: bits,
      });
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/public/challenge',
      summary:
        'A signed, single-use, 10-minute proof-of-work challenge {challenge, difficulty, expiresAt}: find a nonce so that SHA-256(challenge + ":" + nonce) has `difficulty` leading zero bits',
      allow: 'public',
      // A malformed body is refused before the rate limit counts it.
      body: Challenge,
      invalid: 'a caseId is required',
      responses: { 200: 'challenge', 400: 'a caseId is required', 429: 'too many challenges' },
    },
    async (c, { body }) => {
      const tooMany = await limited(c, challenges, `ch:${clientAddress(c)}`);
      if (tooMany) return tooMany;
      await intakeCase(store, body.caseId);
      return c.json(pow.issue(body.caseId));
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/public/cases/:caseId/submissions',
      summary:
        'Send a testimony or information (no authentication): {challenge, nonce, website (must be empty), kind, text, language, anonymous, name?, contact?, when?, where?, consent}; lands in quarantine, never shown publicly',
      allow: 'public',
      // The rate limit, the case and the honeypot come before the fields: checked in the handler.
      body: {
        json: z.intersection(Envelope, SubmissionInput),
        checkedBy: 'the handler, after the rate limit',
      },
      responses: {
        202: '{id, receipt, status: "quarantined"}',
        400: 'invalid fields, challenge not accepted, or refused',
        429: 'rate limited (per address and per case)',
      },
    },
    async (c, { body: sent }) => {
      const caseId = c.req.param('caseId');
      const address = clientAddress(c);
      // Attempts are bounded per address only: a flood from many addresses spends nothing shared.
      const flooding = await limited(c, attempts, `try:${address}`);
      if (flooding) return flooding;
      await intakeCase(store, caseId);
      const raw = sent as Record<string, unknown> | undefined;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) refused('the body must be a JSON object');
      const env = Envelope.safeParse(raw);
      if (!env.success) refused('a solved challenge is required');
      // The honeypot: a field hidden from people. Whatever fills it is a program; say nothing more.
      if (env.data.website) refused('submission refused');
      const { challenge: _c, nonce: _n, website: _w, ...fields } = raw;
      const input = SubmissionInput.safeParse(fields);
      if (!input.success) throw new InputError('invalid submission', issuesFrom(input.error));
      const spent = await redeem(env.data.challenge, env.data.nonce, caseId);
      if (!spent.ok) refused(`challenge not accepted (${spent.reason}): please send the form again`);
      // Only a request that passed the honeypot and did the work counts against the quotas, so
      // empty or forged requests cannot use up the case's hourly quota and block genuine senders.
      const tooMany =
        (await limited(c, perAddress, `sub:${address}`)) ?? (await limited(c, perCase, `case:${caseId}`));
      if (tooMany) return tooMany;

      const { model, examples } = await classifiers.forCase(caseId);
      const body: SubmissionBody = {
        ...input.data,
        receipt: receiptCode(),
        receivedAt: new Date(now()).toISOString(),
        status: 'quarantined',
        spamProbability: Math.round(spamProbability(model, input.data.text) * 1000) / 1000,
        classifierExamples: examples,
        protection: 'protected',
      };
      const rec = await store.create('submission', caseId, body, PUBLIC_ACTOR);
      return c.json({ id: rec.id, receipt: body.receipt, status: 'quarantined' }, 202);
    },
  );
}

/** The classifier cache of each store, shared by the public and the documenters' routes. */
const intakeState = new WeakMap<CaseStore, Classifiers>();

const Decision = z.object({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().trim().max(2000).optional(),
});

export function submissionRoutes(api: ApiRouter, store: CaseStore): void {
  const r = api.tag('Public intake');
  // One definition of what in a submission is sensitive: the read model's.
  const present = async (c: Context<AppEnv>, r: StoredRecord<'submission'>) => ({
    id: r.id,
    ...presentSubmissionBody(await buildViewContext(store, c.get('principal'), r.caseId), r.body),
  });

  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/submissions',
      summary:
        'The quarantine queue (documenters): ?status=quarantined|accepted|rejected, newest first, with the classifier’s spam probability; sender identity only for cleared members',
      allow: 'write',
      query: pageQuery({ default: 50, max: 200 }, Number.MAX_SAFE_INTEGER).extend({
        status: z.enum(SUBMISSION_STATUSES).default('quarantined'),
      }),
      responses: { 200: '{total, items}', 400: 'bad parameter', 403: 'not a documenter' },
    },
    async (c, { query: { status, limit, offset } }) => {
      const caseId = c.req.param('caseId');
      const where = { status };
      const [items, total] = await Promise.all([
        store.list('submission', caseId, { where, limit, offset, sort: 'created', desc: true }),
        store.count('submission', caseId, { where }),
      ]);
      await store.audit({
        actor: c.get('actor'),
        action: 'view-list',
        entity: 'submissions',
        caseId,
        after: { status, ids: items.map((r) => r.id) },
      });
      return c.json({ total, limit, offset, items: await Promise.all(items.map((r) => present(c, r))) });
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/cases/:caseId/submissions/:id/decision',
      summary:
        'Accept (creates a protected testimony) or reject {decision, reason?}; audited; retrains the case’s classifier',
      allow: 'write',
      body: Decision,
      invalid: 'invalid decision',
      responses: { 200: '{submission, testimonyId?}', 400: 'invalid decision', 409: 'already decided' },
    },
    async (c, { body: { decision, reason } }) => {
      const caseId = c.req.param('caseId');
      const actor = c.get('actor');
      const result = await decideSubmission(store, caseId, c.req.param('id'), { decision, reason }, actor);
      intakeState.get(store)?.invalidate(caseId);
      return c.json({
        submission: await present(c, result.updated),
        ...(result.testimonyId ? { testimonyId: result.testimonyId } : {}),
      });
    },
  );
}
