/**
 * The audit viewer's query string → an audit query, every parameter checked with a clear error.
 * Without `order`, entries come oldest first after `after` (the first shape of this endpoint);
 * `order=desc` gives newest first, paged with `before`.
 */

import { z } from 'zod';
import { InputError } from '../../domain/errors.js';
import type { AuditQuery } from '../../store/audit-query.js';
import { intParam } from '../authorize.js';
import { intQuery, optionalIntQuery } from '../query.js';

const MAX_SEQ = Number.MAX_SAFE_INTEGER;

const text = (description: string) => z.string().max(200).optional().meta({ description });
const isoInstant = z
  .string()
  .optional()
  .meta({ format: 'date-time', description: 'ISO 8601 date or instant' });

/** The query parameters of the audit log, as documented; auditQuery reads them (and their combinations). */
export const AuditParams = z.object({
  after: optionalIntQuery(0, MAX_SEQ),
  before: optionalIntQuery(1, MAX_SEQ),
  order: z.enum(['asc', 'desc']).optional(),
  actor: text('user:<id> or token:<id>'),
  entity: text('a kind name'),
  action: text('create, update, delete…'),
  from: isoInstant,
  to: isoInstant,
  limit: intQuery(100, 1, 1000),
});

function instant(v: string | undefined, name: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new InputError(`${name} must be an ISO 8601 date or instant (e.g. 2026-01-31T04:00:00Z)`, [
      { field: name, message: 'invalid' },
    ]);
  return v;
}

function word(v: string | undefined, name: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (v.length > 200) throw new InputError(`${name} is too long`, [{ field: name, message: 'invalid' }]);
  return v;
}

export function auditQuery(caseId: string, q: Record<string, string>): AuditQuery {
  const order = q.order ?? 'asc';
  if (order !== 'asc' && order !== 'desc')
    throw new InputError('order must be asc or desc', [{ field: 'order', message: 'invalid' }]);
  if (order === 'asc' && q.before !== undefined)
    throw new InputError('before pages newest-first results: use it with order=desc', [
      { field: 'before', message: 'invalid' },
    ]);
  if (order === 'desc' && q.after !== undefined)
    throw new InputError('after pages oldest-first results: use before with order=desc', [
      { field: 'after', message: 'invalid' },
    ]);
  const cursor =
    order === 'desc'
      ? q.before === undefined || q.before === ''
        ? undefined
        : intParam(q.before, 0, 1, MAX_SEQ, 'before')
      : intParam(q.after, 0, 0, MAX_SEQ, 'after');
  return {
    caseId,
    order,
    cursor,
    limit: intParam(q.limit, 100, 1, 1000, 'limit'),
    actor: word(q.actor, 'actor'),
    entity: word(q.entity, 'entity'),
    action: word(q.action, 'action'),
    from: instant(q.from, 'from'),
    to: instant(q.to, 'to'),
  };
}
