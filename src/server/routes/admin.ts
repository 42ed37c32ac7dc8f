/**
 * Administration of accounts (global administrators only): list, create, disable and enable
 * users. Roles per case file and clearances are managed under /api/cases/:caseId/members.
 * Stored analyses (estimates) are listed for members of the case.
 */
import { z } from 'zod';
import { InputError } from '../../domain/errors.js';
import type { Accounts } from '../../services/accounts.js';
import type { CaseStore } from '../../store/case-store.js';
import type { ApiRouter } from '../route.js';

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

export function adminRoutes(api: ApiRouter, store: CaseStore, accounts: Accounts): void {
  const r = api.tag('Accounts');
  r.route(
    {
      method: 'get',
      path: '/api/users',
      summary: 'Accounts (global administrators)',
      allow: 'administrator',
      responses: { 200: 'users', 403: 'not an administrator' },
    },
    async (c) => c.json({ items: await accounts.listUsers() }),
  );

  r.route(
    {
      method: 'post',
      path: '/api/users',
      summary: 'Create an account (global administrators; a write-scoped token or a session)',
      allow: 'administrator',
      body: NewUser,
      invalid: 'invalid user',
      responses: { 201: 'the new user', 400: 'invalid user', 403: 'not an administrator or a read token' },
    },
    async (c, { body }) => {
      const user = await accounts.createUser(
        {
          username: body.username,
          password: body.password,
          displayName: body.displayName ?? body.username,
          // The administrator knows this password: the person replaces it at first sign-in.
          mustChangePassword: true,
          require2fa: body.require2fa ?? false,
        },
        c.get('actor'),
      );
      return c.json(user, 201);
    },
  );

  r.route(
    {
      method: 'post',
      path: '/api/users/:id/:verb{disable|enable}',
      summary: 'Disable an account and end its sessions, or enable it again (global administrators)',
      allow: 'administrator',
      body: 'none',
      responses: { 200: 'ok', 400: 'one’s own account' },
    },
    async (c) => {
      if (c.req.param('id') === c.get('userId'))
        throw new InputError('you cannot disable yourself').because('self_disable');
      await accounts.setDisabled(c.req.param('id'), c.req.param('verb') === 'disable', c.get('actor'));
      return c.json({ ok: true });
    },
  );

  // For someone who lost their authenticator: they sign in with the password and enrol again.
  r.route(
    {
      method: 'post',
      path: '/api/users/:id/reset-2fa',
      summary:
        'Turn off two-step verification of another account that lost its authenticator; its sessions end and it is notified (global administrators)',
      allow: 'administrator',
      body: 'none',
      responses: { 200: 'ok', 400: 'one’s own account: use the settings' },
    },
    async (c) => {
      if (c.req.param('id') === c.get('userId'))
        throw new InputError('change your own two-step verification in the settings').because('self_reset');
      await accounts.resetTotp(c.req.param('id'), c.get('actor'));
      return c.json({ ok: true });
    },
  );

  // A forgotten password: the administrator sets a temporary one, changed at the next sign-in.
  r.route(
    {
      method: 'post',
      path: '/api/users/:id/password',
      summary:
        'Set a temporary password for another account (global administrators); its sessions end and it must change the password at the next sign-in',
      allow: 'administrator',
      body: NewPassword,
      invalid: 'invalid password',
      responses: { 200: 'ok', 400: 'a weak password, or one’s own account' },
    },
    async (c, { body }) => {
      if (c.req.param('id') === c.get('userId'))
        throw new InputError('change your own password in the settings').because('self_reset');
      await accounts.setPassword(c.req.param('id'), body.password, c.get('actor'), { mustChange: true });
      return c.json({ ok: true });
    },
  );

  const cases = api.tag('Case files');
  cases.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/two-step',
      summary: 'Whether members of the case file must use two-step verification',
      allow: 'read',
      responses: { 200: '{required}' },
    },
    async (c) => c.json({ required: await accounts.caseRequires2fa(c.req.param('caseId')) }),
  );
  // Every member of the case file must then use two-step verification (enrolment is forced).
  cases.route(
    {
      method: 'put',
      path: '/api/cases/:caseId/two-step',
      summary:
        'Require two-step verification of every member (global administrators): members without it must enrol before any other call (403 reason twofa_enrolment_required)',
      allow: 'administrator',
      body: TwoStepPolicy,
      invalid: 'required must be true or false',
      responses: { 200: '{required}', 403: 'not an administrator' },
    },
    async (c, { body }) => {
      await accounts.setCaseRequires2fa(c.req.param('caseId'), body.required, c.get('actor'));
      return c.json({ required: body.required });
    },
  );

  cases.route(
    {
      method: 'get',
      path: '/api/cases/:caseId/analyses',
      summary:
        'Stored analyses of the case (members): estimates with their results; linkage runs with their settings and inputs hash only (their record-level pairs stay in the store)',
      allow: 'read',
      query: z.object({ kind: z.enum(['estimate', 'linkage']).default('estimate') }),
      invalid: 'kind must be estimate or linkage',
      responses: { 200: 'analyses', 400: 'kind must be estimate or linkage' },
    },
    async (c, { query: { kind } }) => {
      const caseId = c.req.param('caseId');
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
    },
  );
}
