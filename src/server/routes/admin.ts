/**
 * Administration of accounts (global administrators only): list, create, disable and enable
 * users. Roles per case file and clearances are managed under /api/cases/:caseId/members.
 * Stored analyses (estimates) are listed for members of the case.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ForbiddenError, InputError } from '../../domain/errors.js';
import { fieldIssues } from '../../domain/issues.js';
import type { Accounts } from '../../services/accounts.js';
import type { CaseStore } from '../../store/case-store.js';
import { requireCan } from '../authorize.js';
import { jsonBody } from '../body.js';
import type { AppEnv } from '../context.js';

const NewUser = z.object({
  username: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, dot, dash, underscore (2–64)'),
  displayName: z.string().trim().max(200).optional(),
  password: z.string().min(12, 'at least 12 characters').max(512),
  require2fa: z.boolean().optional(),
});
const NewPassword = z.object({ password: z.string().min(12, 'at least 12 characters').max(512) });
const TwoStepPolicy = z.object({ required: z.boolean() });

export function adminRoutes(app: Hono<AppEnv>, store: CaseStore, accounts: Accounts): void {
  const requireAdmin = async (userId: string) => {
    if (!(await accounts.user(userId))?.isAdmin)
      throw new ForbiddenError('only administrators manage accounts').because('admin_only');
  };

  app.get('/api/users', async (c) => {
    await requireAdmin(c.get('userId'));
    return c.json({ items: await accounts.listUsers() });
  });

  app.post('/api/users', async (c) => {
    await requireAdmin(c.get('userId'));
    const r = NewUser.safeParse(await jsonBody(c));
    if (!r.success) throw new InputError('invalid user', fieldIssues(r.error));
    const user = await accounts.createUser(
      {
        username: r.data.username,
        password: r.data.password,
        displayName: r.data.displayName ?? r.data.username,
        // The administrator knows this password: the person replaces it at first sign-in.
        mustChangePassword: true,
        require2fa: r.data.require2fa ?? false,
      },
      c.get('actor'),
    );
    return c.json(user, 201);
  });

  app.post('/api/users/:id/:verb{disable|enable}', async (c) => {
    await requireAdmin(c.get('userId'));
    if (c.req.param('id') === c.get('userId'))
      throw new InputError('you cannot disable yourself').because('self_disable');
    await accounts.setDisabled(c.req.param('id'), c.req.param('verb') === 'disable', c.get('actor'));
    return c.json({ ok: true });
  });

  // For someone who lost their authenticator: they sign in with the password and enrol again.
  app.post('/api/users/:id/reset-2fa', async (c) => {
    await requireAdmin(c.get('userId'));
    if (c.req.param('id') === c.get('userId'))
      throw new InputError('change your own two-step verification in the settings').because('self_reset');
    await accounts.resetTotp(c.req.param('id'), c.get('actor'));
    return c.json({ ok: true });
  });

  // A forgotten password: the administrator sets a temporary one, changed at the next sign-in.
  app.post('/api/users/:id/password', async (c) => {
    await requireAdmin(c.get('userId'));
    if (c.req.param('id') === c.get('userId'))
      throw new InputError('change your own password in the settings').because('self_reset');
    const r = NewPassword.safeParse(await jsonBody(c));
    if (!r.success) throw new InputError('invalid password', fieldIssues(r.error));
    await accounts.setPassword(c.req.param('id'), r.data.password, c.get('actor'), { mustChange: true });
    return c.json({ ok: true });
  });

  app.get('/api/cases/:caseId/two-step', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    return c.json({ required: await accounts.caseRequires2fa(caseId) });
  });
  // Every member of the case file must then use two-step verification (enrolment is forced).
  app.put('/api/cases/:caseId/two-step', async (c) => {
    await requireAdmin(c.get('userId'));
    const r = TwoStepPolicy.safeParse(await jsonBody(c));
    if (!r.success) throw new InputError('required must be true or false', fieldIssues(r.error));
    await accounts.setCaseRequires2fa(c.req.param('caseId'), r.data.required, c.get('actor'));
    return c.json({ required: r.data.required });
  });

  app.get('/api/cases/:caseId/analyses', async (c) => {
    const caseId = c.req.param('caseId');
    requireCan(c, 'read', caseId);
    const kind = c.req.query('kind') ?? 'estimate';
    if (!['estimate', 'linkage'].includes(kind)) throw new InputError('kind must be estimate or linkage');
    const items = (await store.analyses(caseId, kind)).map((a) => ({
      id: a.id,
      kind: a.kind,
      createdAt: a.createdAt,
      inputsSha256: a.inputsSha256,
      settings: a.settings,
      // Linkage results hold record-level pairs: only their summary leaves here.
      result: kind === 'estimate' ? a.result : undefined,
    }));
    return c.json({ items });
  });
}
