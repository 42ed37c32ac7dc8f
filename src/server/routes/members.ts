/**
 * Members of a case file and their clearances (administrators only). A clearance is never granted
 * to oneself.
 */
import { z } from 'zod';
import { ForbiddenError } from '../../domain/errors.js';
import { canGrantClearance, ROLES, type Role } from '../../security/policy.js';
import type { Accounts } from '../../services/accounts.js';
import type { ApiRouter } from '../route.js';

export function memberRoutes(api: ApiRouter, accounts: Accounts): void {
  const r = api.tag('Members');
  r.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/members',
      summary: 'Members and roles (administrators)',
      allow: 'manage',
      responses: { 200: 'members' },
    },
    async (c) => {
      const caseId = c.req.param('caseId');
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
    },
  );

  r.route(
    {
      method: 'put',
      path: '/api/cases/:caseId/members/:userId',
      summary: "Set a member's role",
      allow: 'manage',
      body: z.object({ role: z.enum(ROLES) }),
      invalid: `role must be one of ${ROLES.join(', ')}`,
      responses: { 200: 'ok', 400: 'not a role' },
    },
    async (c, { body }) => {
      await accounts.setMember(
        c.req.param('caseId'),
        c.req.param('userId'),
        body.role as Role,
        c.get('actor'),
      );
      return c.json({ ok: true });
    },
  );

  r.route(
    {
      method: 'put',
      path: '/api/cases/:caseId/members/:userId/clearance',
      summary: 'Grant or revoke clearance for protected identities (case-wide or one person)',
      allow: 'manage',
      body: z.object({ cleared: z.boolean(), personId: z.string().optional() }),
      invalid: 'cleared (boolean) is required',
      responses: {
        200: 'ok',
        400: 'cleared (boolean) is required',
        403: 'role cannot be cleared, or one’s own clearance',
      },
    },
    async (c, { body }) => {
      const caseId = c.req.param('caseId');
      if (body.cleared && !canGrantClearance(c.get('principal'), caseId, c.req.param('userId')))
        throw new ForbiddenError('a clearance is granted by another administrator, never by oneself').because(
          'self_clearance',
        );
      await accounts.setClearance(caseId, c.req.param('userId'), body.cleared, c.get('actor'), body.personId);
      return c.json({ ok: true });
    },
  );
}
