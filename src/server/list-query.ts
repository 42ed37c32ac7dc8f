/**
 * The filters, order and page of a list request, shared by the list and its export so that an
 * exported file holds exactly the rows the list shows. Filters on identity fields and name orders
 * are narrowed for viewers who do not see every identity (read-model/visibility.ts says which).
 */
import { z } from 'zod';
import { ForbiddenError, InputError } from '../domain/errors.js';
import type { Kind } from '../domain/kinds.js';
import { fullyVisibleLevels, type ViewContext } from '../read-model/presenter.js';
import { HIDDEN_FILTER_FIELDS, NAME_SORTED_KINDS } from '../read-model/visibility.js';
import { seesAllIdentities } from '../security/policy.js';
import type { ListOptions } from '../store/case-store.js';
import { pageQuery } from './query.js';

/** The order of a list and of its export (any other query parameter is an equality filter). */
export const ListOrder = z.object({
  sort: z.enum(['default', 'created', 'updated']).optional(),
  // Anything but desc is ascending, as it always was.
  order: z.enum(['asc', 'desc']).optional().catch(undefined),
});

/** A page of a list: at most 500 rows (50 by default), in the list's order. */
export const ListQuery = pageQuery({ default: 50, max: 500 }, 10_000_000).extend(ListOrder.shape);

/** Query parameters that are not equality filters. */
const CONTROL = new Set(['limit', 'offset', 'sort', 'order', 'format', 'lang', 'expand']);

export function listOptions(
  ctx: ViewContext,
  kind: Kind,
  q: Record<string, string>,
): Omit<ListOptions, 'limit' | 'offset'> & { where: Record<string, string | string[]> } {
  const sort = q.sort ?? 'default';
  if (!['default', 'created', 'updated'].includes(sort))
    throw new InputError('sort must be default, created or updated', [{ field: 'sort', message: 'invalid' }]);
  const where: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (!CONTROL.has(k)) where[k] = v;
  const fullView = seesAllIdentities(ctx.principal, ctx.caseId);
  // Filtering by protection level only for those who may see protected identities: for others,
  // counts per level would tell how many protected persons match a filter.
  if ('protection' in where && !fullView)
    throw new ForbiddenError('filtering by protection level needs clearance');
  const filter: Record<string, string | string[]> = { ...where };
  // A filter on a field that is hidden for some records (a surname) matches only the records the
  // viewer sees in full: otherwise the result would single out a protected person (an oracle).
  if (!fullView && (HIDDEN_FILTER_FIELDS[kind] ?? []).some((f) => f in where))
    filter.protection = fullyVisibleLevels(ctx);
  // Kinds ordered by names or titles: for a viewer who does not see every one, that order would
  // tell where hidden names fall in the alphabet, so they get the order of creation instead.
  const effective = NAME_SORTED_KINDS.has(kind) && sort === 'default' && !fullView ? 'created' : sort;
  return { where: filter, sort: effective as ListOptions['sort'], desc: q.order === 'desc' };
}
