/**
 * The audit viewer's query string → an audit query, every parameter checked with a clear error.
 * Without `order`, entries come oldest first after `after` (the first shape of this endpoint);
 * `order=desc` gives newest first, paged with `before`.
 */
import { z } from 'zod';
import { InputError } from '../../domain/errors.js';
import { fieldIssues } from '../../domain/issues.js';
import type { AuditQuery } from '../../store/audit-query.js';
import { intQuery, optionalIntQuery } from '../query.js';

const MAX_SEQ = Number.MAX_SAFE_INTEGER;
const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** Empty is absent (a form sends every field). */
const blank = (v: unknown) => (v === '' ? undefined : v);
const text = (description: string) =>
  z.preprocess(blank, z.string().max(200, 'is too long').optional()).meta({ description });
const instant = z
  .preprocess(
    blank,
    z
      .string()
      .refine((v) => ISO.test(v) && !Number.isNaN(Date.parse(v)), {
        message: 'must be an ISO 8601 date or instant (e.g. 2026-01-31T04:00:00Z)',
      })
      .optional(),
  )
  .meta({ format: 'date-time', description: 'ISO 8601 date or instant' });

/** The query parameters of the audit log; auditQuery checks how they combine. */
export const AuditParams = z.object({
  after: optionalIntQuery(0, MAX_SEQ),
  before: optionalIntQuery(1, MAX_SEQ),
  order: z.enum(['asc', 'desc']).default('asc'),
  actor: text('user:<id> or token:<id>'),
  entity: text('a kind name'),
  action: text('create, update, delete…'),
  from: instant,
  to: instant,
  limit: intQuery(100, 1, 1000),
});

/** The audit query of parsed parameters: `before` pages newest-first results, `after` oldest-first. */
export function auditQueryOf(caseId: string, q: z.output<typeof AuditParams>): AuditQuery {
  if (q.order === 'asc' && q.before !== undefined)
    throw new InputError('before pages newest-first results: use it with order=desc', [
      { field: 'before', message: 'invalid' },
    ]);
  if (q.order === 'desc' && q.after !== undefined)
    throw new InputError('after pages oldest-first results: use before with order=desc', [
      { field: 'after', message: 'invalid' },
    ]);
  return {
    caseId,
    order: q.order,
    cursor: q.order === 'desc' ? q.before : (q.after ?? 0),
    limit: q.limit,
    actor: q.actor,
    entity: q.entity,
    action: q.action,
    from: q.from,
    to: q.to,
  };
}

/** The audit viewer's query string → an audit query (400 naming the parameter). */
export function auditQuery(caseId: string, raw: Record<string, string>): AuditQuery {
  const r = AuditParams.safeParse(raw);
  if (!r.success) throw new InputError('invalid audit query', fieldIssues(r.error));
  return auditQueryOf(caseId, r.data);
}
