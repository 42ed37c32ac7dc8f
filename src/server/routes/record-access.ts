/**
 * What the record routes share: the kind named in the path, who may change a record, and the
 * audit of protected views. The policy decides; these ask it. Who may write a kind is declared on the
 * route (`allow: 'kind-write'`, server/route.ts).
 */
import type { Context } from 'hono';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { type Kind, kindByName } from '../../domain/kinds.js';
import { canReadInFull, protectedViews, type ViewContext } from '../../read-model/presenter.js';
import type { CaseStore, StoredRecord } from '../../store/case-store.js';
import type { AppEnv } from '../context.js';

type C = Context<AppEnv>;

export function kindParam(c: C): Kind {
  const kind = kindByName(c.req.param('kind') ?? '');
  if (!kind) throw new NotFoundError(`no record kind ${c.req.param('kind')}`);
  // Public submissions are quarantined: only their own routes (documenters) read or decide them.
  if (kind === 'submission')
    throw new ForbiddenError('public submissions are read through /api/cases/{caseId}/submissions');
  return kind;
}

/** A record the caller may not read in full is not theirs to change or delete either. */
export function requireFullRead(ctx: ViewContext, rec: StoredRecord<Kind>): void {
  if (!canReadInFull(ctx, rec))
    throw new ForbiddenError(
      'this record is withheld at your access level: it cannot be changed by you',
    ).because('withheld');
}

/** Views of protected identities are audited like writes (who saw which protected record). */
export async function auditViews(
  store: CaseStore,
  c: C,
  ctx: ViewContext,
  recs: StoredRecord<Kind>[],
  action: string,
) {
  const seen = protectedViews(ctx, recs);
  if (seen.length)
    await store.audit({
      actor: c.get('actor'),
      action,
      entity: 'protected-records',
      caseId: ctx.caseId,
      after: { ids: seen },
    });
}
