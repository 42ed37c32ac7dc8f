/**
 * Members of a case file and their clearances (administrators only). A clearance is never granted
 * to oneself.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ForbiddenError, InputError } from '../../domain/errors.js';
import { canGrantClearance, ROLES, type Role } from '../../security/policy.js';
import type { Accounts } from '../../services/accounts.js';
import { requireCan } from '../authorize.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';

export function memberRoutes(app: Hono<AppEnv>, accounts: Accounts): void {
  app.get('/api/cases/:caseId/members', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'manage', caseId);
    const items = [];
    for (const m of await accounts.members(caseId)) {
      const u = await accounts.user(m.user_id);
      items.push({
        userId: m.user_id,
        username: u?.username ?? m.user_id,
        displayName: u?.displayName,
        role: m.role,
        cleared: Boolean(m.cleared),
        // Kept for API clients written against the first shape.
        user_id: m.user_id,
      });
    }
    return c.json({ items });
  });

  app.put('/api/cases/:caseId/members/:userId', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'manage', caseId);
    const body = z.object({ role: z.enum(ROLES) }).safeParse(await jsonBody(c));
    if (!body.success)
      throw new InputError(`role must be one of ${ROLES.join(', ')}`, [
        { field: 'role', message: 'invalid' },
      ]);
    await accounts.setMember(caseId, c.req.param('userId'), body.data.role as Role, c.get('actor'));
    return c.json({ ok: true });
  });

  app.put('/api/cases/:caseId/members/:userId/clearance', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'manage', caseId);
    const body = z
      .object({ cleared: z.boolean(), personId: z.string().optional() })
      .safeParse(await jsonBody(c));
    if (!body.success)
      throw new InputError('cleared (boolean) is required', [{ field: 'cleared', message: 'required' }]);
    if (body.data.cleared && !canGrantClearance(c.get('principal'), caseId, c.req.param('userId')))
      throw new ForbiddenError('a clearance is granted by another administrator, never by oneself').because(
        'self_clearance',
      );
    await accounts.setClearance(
      caseId,
      c.req.param('userId'),
      body.data.cleared,
      c.get('actor'),
      body.data.personId,
    );
    return c.json({ ok: true });
  });
}
