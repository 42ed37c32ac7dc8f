import type { Principal } from '../security/policy.js';
import type { PendingStep } from '../services/accounts.js';

/** What every authenticated handler knows about the caller. */
export type AppEnv = {
  Variables: {
    principal: Principal;
    userId: string;
    /** `user:<id>` — how the caller appears in the audit log. */
    actor: string;
    via: 'session' | 'token';
    /** What the account must do first (first sign-in), read with the principal; none when absent. */
    pending: PendingStep | undefined;
    /** The query and body as the route's declaration parsed them (server/route.ts). */
    input: { query: unknown; body: unknown };
  };
};
