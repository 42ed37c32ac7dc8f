/**
 * Accounts and API calls for the HTTP tests: members of a case file, one per [username, role,
 * cleared], each with a write token, and a request helper that calls the app as one of them.
 */
import type { Role } from '../security/policy.js';
import { Accounts } from '../services/accounts.js';
import type { CaseStore } from '../store/case-store.js';

/** The password of every test account (long enough for the password policy). */
export const TEST_PASSWORD = 'una contraseña larga de prueba';

export interface Members {
  /** username → write token */
  tokens: Record<string, string>;
  /** username → user id */
  users: Record<string, string>;
}

export async function addMembers(
  store: CaseStore,
  caseId: string,
  members: readonly (readonly [username: string, role: Role, cleared?: boolean])[],
  opts: { actor?: string; displayName?: (username: string) => string } = {},
): Promise<Members> {
  const actor = opts.actor ?? 'test';
  const accounts = new Accounts(store);
  const out: Members = { tokens: {}, users: {} };
  for (const [username, role, cleared] of members) {
    const u = await accounts.createUser(
      {
        username,
        password: TEST_PASSWORD,
        ...(opts.displayName ? { displayName: opts.displayName(username) } : {}),
      },
      actor,
    );
    out.users[username] = u.id;
    await accounts.setMember(caseId, u.id, role, actor);
    if (cleared) await accounts.setClearance(caseId, u.id, true, actor);
    out.tokens[username] = (await accounts.createToken(u.id, username, 'write', actor)).token;
  }
  return out;
}

/** Calls the app with a member's bearer token, and a JSON body if one is given. */
export async function requestAs(
  app: { request(path: string, init: RequestInit): Response | Promise<Response> },
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}
