/**
 * Accounts, case membership, clearances, sessions and API tokens. Passwords are hashed with
 * Argon2id; TOTP seeds are sealed under the master key; recovery codes, session ids and tokens
 * are stored only as SHA-256 of high-entropy secrets. Nothing secret is ever logged or audited:
 * audit entries name the user and the action, never the secret.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import { AuthError, ConflictError, ForbiddenError, InputError, NotFoundError } from '../domain/errors.js';
import { sha256Hex } from '../domain/hashing.js';
import { checkPassword } from '../security/password-policy.js';
import { clearable, type Principal, ROLES, type Role } from '../security/policy.js';
import type { CaseStore } from '../store/case-store.js';
import { newId } from '../store/ids.js';
import { PENDING_BITS, type UserRow } from '../store/repos/accounts.js';

/** Argon2id: 64 MiB, 3 passes (above OWASP's 19 MiB / 2 minimum). */
const ARGON = { algorithm: 2, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;
let argon: { algorithm: 2; memoryCost: number; timeCost: number; parallelism: number } = { ...ARGON };

/**
 * Test suites only (architecture.test.ts: nothing outside src/test-support calls it): a cheap Argon2id
 * cost, so suites that create many accounts do not spend 64 MiB × 3 passes on each password. A hash
 * carries its own parameters, so verification is unchanged and production hashes are never affected.
 */
export function cheapArgonCostForTests(): void {
  argon = { ...ARGON, memoryCost: 1024, timeCost: 1 };
}
/** What the README promises: a session unused for 15 minutes is over (the web app signs out too). */
export const SESSION_IDLE_MINUTES = 15;
export const SESSION_MAX_HOURS = 12;

const sha256 = sha256Hex;
const now = () => new Date().toISOString();
const plus = (ms: number) => new Date(Date.now() + ms).toISOString();

export interface UserInfo {
  id: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
  totpEnabled: boolean;
  disabled: boolean;
  /** The password was set by an administrator: the owner changes it before anything else. */
  mustChangePassword: boolean;
  /** The account must have two-step verification on (its own policy; a case file can require it too). */
  require2fa: boolean;
}

/** What an account must do before using the API (first sign-in policy), if anything. */
export type PendingStep = 'password_change_required' | 'twofa_enrolment_required';

const info = (r: UserRow): UserInfo => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  isAdmin: Boolean(Number(r.is_admin)),
  totpEnabled: Boolean(Number(r.totp_enabled)),
  disabled: Boolean(r.disabled_at),
  mustChangePassword: Boolean(Number(r.must_change_password)),
  require2fa: Boolean(Number(r.require_2fa)),
});

/** Notices an account receives about its own security (shown to its owner). */
export type NoticeKind =
  | '2fa-enabled'
  | '2fa-changed'
  | '2fa-disabled'
  | 'password-changed'
  | 'password-reset';

/**
 * What proves the person at the keyboard is the account's owner before a security setting changes:
 * the password, and when two-step verification is on, a current code or an unused recovery code.
 */
export interface Reauth {
  password: string;
  totp?: string;
  recoveryCode?: string;
}

// A real Argon2id hash of a random password: verifying against it when the user does not exist keeps
// the response time the same, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
const dummy = () => {
  dummyHash ??= argonHash(randomBytes(16).toString('hex'), argon);
  return dummyHash;
};

export class Accounts {
  constructor(private readonly store: CaseStore) {}

  async createUser(
    input: {
      username: string;
      displayName?: string;
      password: string;
      isAdmin?: boolean;
      /** Set by an administrator for someone else: changed at first sign-in. */
      mustChangePassword?: boolean;
      require2fa?: boolean;
    },
    by: string,
  ): Promise<UserInfo> {
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
      throw new InputError('usernames are 2–64 characters: letters, digits, dot, dash, underscore', [
        { field: 'username', message: 'invalid' },
      ]);
    }
    checkPassword(input.password, { username });
    const id = newId('usr');
    const hash = await argonHash(input.password, argon);
    await this.store.transaction(async (s) => {
      if (await s.accounts.userByName(username))
        throw new ConflictError(`the username ${username} is taken`).because('username_taken');
      await s.accounts.insertUser({
        id,
        username,
        displayName: input.displayName?.trim() || username,
        passwordHash: hash,
        isAdmin: Boolean(input.isAdmin),
        mustChangePassword: Boolean(input.mustChangePassword),
        require2fa: Boolean(input.require2fa),
        at: now(),
      });
      await s.audit({
        actor: by,
        action: 'create',
        entity: 'users',
        entityId: id,
        after: {
          username,
          isAdmin: Boolean(input.isAdmin),
          mustChangePassword: Boolean(input.mustChangePassword),
          require2fa: Boolean(input.require2fa),
        },
      });
    });
    return (await this.user(id))!;
  }

  async user(id: string): Promise<UserInfo | undefined> {
    const r = await this.store.accounts.userById(id);
    return r ? info(r) : undefined;
  }

  async userByName(username: string): Promise<UserInfo | undefined> {
    const r = await this.store.accounts.userByName(username.trim().toLowerCase());
    return r ? info(r) : undefined;
  }

  async listUsers(): Promise<UserInfo[]> {
    return (await this.store.accounts.allUsers()).map(info);
  }

  async setDisabled(id: string, disabled: boolean, by: string): Promise<void> {
    await this.store.transaction(async (s) => {
      const n = await s.accounts.setDisabledAt(id, disabled ? now() : null, now());
      if (!n) throw new NotFoundError(`no user ${id}`);
      if (disabled) await s.sessions.revokeAllOf(id, now());
      await s.audit({ actor: by, action: disabled ? 'disable' : 'enable', entity: 'users', entityId: id });
    });
  }

  /**
   * Sets a password without the current one (an administrator's reset, or the CLI). With
   * `mustChange` the owner has to change it at the next sign-in before doing anything else, and the
   * account's sessions end: whoever set it knows it.
   */
  async setPassword(
    id: string,
    password: string,
    by: string,
    opts: { mustChange?: boolean } = {},
  ): Promise<void> {
    checkPassword(password, { username: (await this.user(id))?.username });
    const hash = await argonHash(password, argon);
    await this.store.transaction(async (s) => {
      if (!(await s.accounts.resetPasswordHash(id, hash, Boolean(opts.mustChange), now()))) {
        throw new NotFoundError(`no user ${id}`);
      }
      if (opts.mustChange) {
        await endOtherSessions(s, id);
        await notice(s, id, 'password-reset');
      }
      await s.audit({
        actor: by,
        action: 'set-password',
        entity: 'users',
        entityId: id,
        after: { mustChange: Boolean(opts.mustChange) },
      });
    });
  }

  /** Whether members of a case file must use two-step verification (global administrators set it). */
  async setCaseRequires2fa(caseId: string, required: boolean, by: string): Promise<void> {
    await this.store.transaction(async (s) => {
      await s.resolveCaseId(caseId);
      await s.accounts.setCaseRequires2fa(caseId, required);
      await s.audit({
        actor: by,
        action: 'set-case-2fa-policy',
        entity: 'cases',
        entityId: caseId,
        caseId,
        after: { require2fa: required },
      });
    });
  }

  async caseRequires2fa(caseId: string): Promise<boolean> {
    return this.store.accounts.caseRequires2fa(caseId);
  }

  /**
   * Checks username, password and (when enabled) a TOTP code or a recovery code. Every failure —
   * unknown user, disabled account, wrong password, wrong code — gives the same message after the
   * same Argon2id work, so neither the answer nor its time tells which accounts exist. Accounts are
   * never locked here: a stranger could lock anyone out. Throttling is per account and address, in
   * the server (login-throttle.ts).
   */
  async authenticate(
    username: string,
    password: string,
    second?: { totp?: string; recoveryCode?: string },
  ): Promise<UserInfo> {
    const fail = new AuthError('wrong username, password or code').because('bad_credentials');
    const r = await this.store.accounts.userByName(username.trim().toLowerCase());
    if (!r || r.disabled_at) {
      await argonVerify(r?.password_hash ?? (await dummy()), password).catch(() => false);
      throw fail;
    }
    const proof = await this.checkSecondFactor(r, password, second);
    await this.store.transaction(async (s) => {
      let ok = proof.ok;
      // A TOTP code is good once (RFC 6238 §5.2): one seen over the shoulder or in a proxy log
      // cannot be replayed within its window. Claimed atomically, so two racing sign-ins cannot both use it.
      if (ok && proof.totpStep !== undefined && !(await claimTotpStep(s, r.id, proof.totpStep))) ok = false;
      if (ok && proof.usedRecovery) ok = await spendRecoveryCode(s, r, proof.usedRecovery);
      proof.ok = ok;
      await s.audit({
        actor: `user:${r.id}`,
        action: !ok ? 'login-failed' : proof.usedRecovery ? 'login-recovery-code' : 'login',
        entity: 'users',
        entityId: r.id,
      });
    });
    if (!proof.ok) throw fail;
    return info(r);
  }

  /** Password, then (when 2FA is on) a TOTP code or a recovery code; nothing is written here. */
  private async checkSecondFactor(
    r: UserRow,
    password: string,
    second?: { totp?: string; recoveryCode?: string },
  ): Promise<{ ok: boolean; totpStep?: number; usedRecovery?: string }> {
    const ok = await argonVerify(r.password_hash, password).catch(() => false);
    if (!ok) return { ok };
    if (!Number(r.totp_enabled)) return { ok };
    if (second?.totp) {
      const totpStep = this.checkTotp(r.totp_secret, r, second.totp);
      return { ok: totpStep !== undefined, totpStep };
    }
    if (second?.recoveryCode) {
      const codes: string[] = JSON.parse(r.recovery_codes ?? '[]');
      const h = sha256(second.recoveryCode.replace(/[\s-]/g, '').toLowerCase());
      const usedRecovery = codes.find(
        (c) => c.length === h.length && timingSafeEqual(Buffer.from(c), Buffer.from(h)),
      );
      return { ok: Boolean(usedRecovery), usedRecovery };
    }
    return { ok: false };
  }

  /**
   * Changes the owner's password: the current password (and a code when 2FA is on) is required,
   * every other session of the account is ended, and the change is audited and noticed.
   */
  async changePassword(
    userId: string,
    proof: Reauth,
    newPassword: string,
    keepSessionId?: string,
  ): Promise<void> {
    const current = await this.user(userId);
    if (!current) throw new NotFoundError(`no user ${userId}`);
    checkPassword(newPassword, { username: current.username }, 'newPassword');
    // A password an administrator set (and so knows) is replaced by one only the owner knows.
    if (current.mustChangePassword && newPassword === proof.password)
      throw new InputError('choose a password different from the one you were given', [
        { field: 'newPassword', message: 'same as the current password', code: 'password_same' },
      ]);
    const hash = await argonHash(newPassword, argon);
    await this.asOwner(userId, proof, 'change-password', async (s) => {
      // The owner chose it: a password an administrator set is no longer in force.
      await s.accounts.setPasswordHash(userId, hash, now());
      await endOtherSessions(s, userId, keepSessionId);
      await s.audit({
        actor: `user:${userId}`,
        action: 'change-password',
        entity: 'users',
        entityId: userId,
      });
      await notice(s, userId, 'password-changed');
    });
  }

  /**
   * Runs a security change only after the signed-in owner proved it is them: the password and, when
   * 2FA is on, a current code or an unused recovery code (spent here). Argon2id runs outside the
   * transaction; the code is claimed inside it, with the change, so a code serves once. A refusal
   * is audited in its own transaction before the error reaches the caller.
   */
  private async asOwner(
    userId: string,
    proof: Reauth,
    action: string,
    change: (s: CaseStore, r: UserRow) => Promise<void>,
  ): Promise<void> {
    const r = await this.store.accounts.userById(userId);
    if (!r) throw new NotFoundError(`no user ${userId}`);
    const p = await this.checkSecondFactor(r, proof.password, proof);
    try {
      await this.store.transaction(async (s) => {
        let ok = p.ok;
        if (ok && p.totpStep !== undefined) ok = await claimTotpStep(s, r.id, p.totpStep);
        if (ok && p.usedRecovery) ok = await spendRecoveryCode(s, r, p.usedRecovery);
        if (!ok) throw new ReauthError(Number(r.totp_enabled) === 1);
        await change(s, r);
      });
    } catch (e) {
      if (e instanceof ReauthError)
        await this.store.audit({
          actor: `user:${userId}`,
          action: `${action}-refused`,
          entity: 'users',
          entityId: userId,
        });
      throw e;
    }
  }

  /** The time step (30 s) of a valid code, or undefined. */
  private checkTotp(sealed: string | null, r: UserRow, code: string): number | undefined {
    if (!sealed) return undefined;
    const secret = this.store.sealer.open(sealed, `totp:${r.id}`);
    const totp = new TOTP({
      issuer: 'Testigo',
      label: r.username,
      secret: Secret.fromBase32(secret),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    // One clock reading for both: a boundary passed between them would claim the wrong step.
    const now = Date.now();
    const delta = totp.validate({ token: code.replace(/\s/g, ''), window: 1, timestamp: now });
    return delta === null ? undefined : Math.floor(now / 30_000) + delta;
  }

  /**
   * Starts TOTP enrolment (or a change of authenticator): needs the password, and when 2FA is
   * already on, a current code or a recovery code. The new secret waits as pending; the active one
   * stays in force until the new one is confirmed with a code from it.
   */
  async beginTotp(userId: string, proof: Reauth): Promise<{ secret: string; uri: string }> {
    const secret = new Secret({ size: 20 });
    let uri = '';
    await this.asOwner(userId, proof, 'begin-2fa', async (s, r) => {
      uri = new TOTP({
        issuer: 'Testigo',
        label: r.username,
        secret,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      }).toString();
      await s.accounts.setTotpPending(userId, this.store.sealer.seal(secret.base32, `totp:${userId}`));
      await s.audit({ actor: `user:${userId}`, action: 'begin-2fa', entity: 'users', entityId: userId });
    });
    return { secret: secret.base32, uri };
  }

  /**
   * Confirms the pending secret with a first code from it: it becomes the active one, with ten new
   * recovery codes (shown once, stored hashed). Audited, and the account is notified.
   */
  async confirmTotp(userId: string, code: string, keepSessionId?: string): Promise<string[]> {
    const r = await this.store.accounts.userById(userId);
    if (!r?.totp_pending)
      throw new ConflictError('no two-step verification change is pending: begin first').because(
        'no_pending_2fa',
      );
    const step = this.checkTotp(r.totp_pending, r, code);
    if (step === undefined)
      throw new InputError('the code does not match: type the current code of the new key', [
        { field: 'code', message: 'does not match' },
      ]);
    const codes = Array.from({ length: 10 }, () => randomBytes(6).toString('hex'));
    const wasOn = Number(r.totp_enabled) === 1;
    await this.store.transaction(async (s) => {
      if (!(await claimTotpStep(s, userId, step)))
        throw new InputError('the code was already used: wait for the next one', [
          { field: 'code', message: 'already used' },
        ]);
      await s.accounts.activateTotpPending(userId, JSON.stringify(codes.map((c) => sha256(c))));
      await s.audit({
        actor: `user:${userId}`,
        action: wasOn ? 'change-2fa' : 'enable-2fa',
        entity: 'users',
        entityId: userId,
      });
      await endOtherSessions(s, userId, keepSessionId);
      await notice(s, userId, wasOn ? '2fa-changed' : '2fa-enabled');
    });
    return codes.map((c) => `${c.slice(0, 6)}-${c.slice(6)}`);
  }

  /** Switches two-step verification off: password and a current code (or a recovery code). */
  async disableTotp(userId: string, proof: Reauth, keepSessionId?: string): Promise<void> {
    await this.asOwner(userId, proof, 'disable-2fa', async (s, r) => {
      if (!Number(r.totp_enabled))
        throw new ConflictError('two-step verification is not on').because('2fa_off');
      await s.accounts.clearTotp(userId);
      await s.audit({ actor: `user:${userId}`, action: 'disable-2fa', entity: 'users', entityId: userId });
      await endOtherSessions(s, userId, keepSessionId);
      await notice(s, userId, '2fa-disabled');
    });
  }

  /** The account's own security notices, newest first. */
  async notices(userId: string): Promise<{ id: string; kind: NoticeKind; at: string; seen: boolean }[]> {
    const rows = await this.store.accounts.notices(userId);
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind as NoticeKind,
      at: n.created_at,
      seen: Boolean(n.seen_at),
    }));
  }

  async markNoticesSeen(userId: string): Promise<void> {
    await this.store.accounts.markNoticesSeen(userId, now());
  }

  async resetTotp(userId: string, by: string): Promise<void> {
    await this.store.transaction(async (s) => {
      if (!(await s.accounts.clearTotp(userId))) {
        throw new NotFoundError(`no user ${userId}`);
      }
      await notice(s, userId, '2fa-disabled');
      await s.sessions.revokeAllOf(userId, now());
      await s.audit({ actor: by, action: 'reset-2fa', entity: 'users', entityId: userId });
    });
  }

  // ── Membership and clearances ──────────────────────────────────────────────────────────
  async setMember(caseId: string, userId: string, role: Role, by: string): Promise<void> {
    if (!ROLES.includes(role)) throw new InputError(`unknown role ${role} (${ROLES.join(', ')})`);
    await this.store.transaction(async (s) => {
      if (!(await this.user(userId))) throw new NotFoundError(`no user ${userId}`);
      await s.resolveCaseId(caseId);
      const prev = await s.accounts.memberRole(caseId, userId);
      // A role that cannot hold a clearance loses it.
      if (prev) await s.accounts.updateMember(caseId, userId, role, clearable(role));
      else await s.accounts.insertMember(caseId, userId, role, now(), by);
      if (!clearable(role)) await s.accounts.deletePersonClearances(caseId, userId);
      await s.audit({
        actor: by,
        action: 'set-member',
        entity: 'case-members',
        entityId: userId,
        caseId,
        before: prev ?? undefined,
        after: { role },
      });
    });
  }

  async removeMember(caseId: string, userId: string, by: string): Promise<void> {
    await this.store.transaction(async (s) => {
      await s.accounts.deleteMember(caseId, userId);
      await s.accounts.deletePersonClearances(caseId, userId);
      await s.audit({ actor: by, action: 'remove-member', entity: 'case-members', entityId: userId, caseId });
    });
  }

  /** Clears (or un-clears) a member for every protected identity of the case, or for one person. */
  async setClearance(
    caseId: string,
    userId: string,
    cleared: boolean,
    by: string,
    personId?: string,
  ): Promise<void> {
    await this.store.transaction(async (s) => {
      const m = (await s.accounts.memberRole(caseId, userId)) as { role: Role } | undefined;
      if (!m) throw new NotFoundError('not a member of this case file');
      if (cleared && !clearable(m.role))
        throw new ForbiddenError(`a ${m.role} cannot be cleared for protected identities`).because(
          'not_clearable',
          {
            role: m.role,
          },
        );
      if (personId) {
        if (cleared) {
          const p = await s.get('person', personId);
          if (!p || p.caseId !== caseId) throw new NotFoundError(`no person ${personId} in this case file`);
          await s.accounts.deletePersonClearances(caseId, userId, personId);
          await s.accounts.insertPersonClearance(caseId, userId, personId, now(), by);
        } else await s.accounts.deletePersonClearances(caseId, userId, personId);
      } else await s.accounts.setMemberCleared(caseId, userId, cleared);
      await s.audit({
        actor: by,
        action: cleared ? 'grant-clearance' : 'revoke-clearance',
        entity: 'case-members',
        entityId: userId,
        caseId,
        after: { personId },
      });
    });
  }

  async members(caseId: string) {
    return this.store.accounts.members<Role>(caseId);
  }

  /**
   * Everything the policy functions need to decide for this user (the principal), and the
   * first-sign-in step still pending, in one round trip:
   * every authenticated request needs both.
   */
  async access(
    userId: string,
    opts: { readOnly?: boolean } = {},
  ): Promise<{ principal: Principal; pending: PendingStep | undefined }> {
    const rows = await this.store.accounts.accessOf(userId);
    const state = rows.find((r) => r.k === 'pending');
    const bits = Number(state?.n ?? 0);
    const has = (b: number) => (bits & b) !== 0;
    const pending = state
      ? stepOf({
          mustChangePassword: has(PENDING_BITS.mustChangePassword),
          totpEnabled: has(PENDING_BITS.totpEnabled),
          require2fa: has(PENDING_BITS.require2fa),
          case2fa: has(PENDING_BITS.case2fa),
        })
      : undefined;
    const ms = rows.filter((r) => r.k === 'member').map((r) => ({ ...r, cleared: r.n, role: r.v as Role }));
    const pcs = rows.filter((r) => r.k === 'clearance').map((r) => ({ case_id: r.case_id, person_id: r.v }));
    const personClearances = new Map<string, Set<string>>();
    for (const pc of pcs) {
      const set = personClearances.get(pc.case_id) ?? new Set<string>();
      set.add(pc.person_id);
      personClearances.set(pc.case_id, set);
    }
    const memberships = new Map(
      ms.map((m) => [m.case_id, { role: m.role, cleared: Boolean(Number(m.cleared)) && clearable(m.role) }]),
    );
    const principal: Principal = {
      userId,
      memberships,
      personClearances,
      readOnly: opts.readOnly,
    };
    return { principal, pending };
  }

  // ── Sessions ───────────────────────────────────────────────────────────────────────────
  async createSession(userId: string): Promise<{ sessionId: string; csrf: string; expiresAt: string }> {
    const sessionId = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const expiresAt = plus(SESSION_MAX_HOURS * 3600_000);
    await this.store.sessions.insert({
      idHash: sha256(sessionId),
      userId,
      csrfHash: sha256(csrf),
      at: now(),
      expiresAt,
    });
    return { sessionId, csrf, expiresAt };
  }

  /** The session's user, if the session is live (not revoked, not idle too long, not too old). */
  async sessionUser(sessionId: string): Promise<{ userId: string; csrfHash: string } | undefined> {
    const r = await this.store.sessions.byIdHash(sha256(sessionId));
    if (!r || r.revoked_at || r.disabled_at || r.expires_at < now()) return undefined;
    if (Date.parse(r.last_seen_at) + SESSION_IDLE_MINUTES * 60_000 < Date.now()) return undefined;
    await this.store.sessions.touch(sha256(sessionId), now());
    return { userId: r.user_id, csrfHash: r.csrf };
  }

  /** The account's live sessions count (for tests and the account screen). */
  async liveSessions(userId: string): Promise<number> {
    return this.store.sessions.liveCount(userId);
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.store.sessions.revoke(sha256(sessionId), now());
  }

  // ── API tokens ─────────────────────────────────────────────────────────────────────────
  async createToken(
    userId: string,
    name: string,
    scope: 'read' | 'write',
    by: string,
  ): Promise<{ id: string; token: string }> {
    if (!['read', 'write'].includes(scope))
      throw new InputError(`unknown token scope ${scope} (read or write)`);
    if (!(await this.user(userId))) throw new NotFoundError(`no user ${userId}`);
    const token = `tg_${randomBytes(32).toString('base64url')}`;
    const id = newId('tok');
    await this.store.transaction(async (s) => {
      await s.accounts.insertToken({ id, tokenHash: sha256(token), name, userId, scope, at: now() });
      await s.audit({
        actor: by,
        action: 'create',
        entity: 'api-tokens',
        entityId: id,
        after: { userId, name, scope },
      });
    });
    return { id, token };
  }

  async tokenUser(
    token: string,
  ): Promise<{ userId: string; scope: 'read' | 'write'; tokenId: string } | undefined> {
    if (!/^tg_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const r = await this.store.accounts.tokenByHash(sha256(token));
    if (!r?.user_id || r.revoked_at || r.disabled_at || (r.expires_at && r.expires_at < now()))
      return undefined;
    return { userId: r.user_id, scope: r.scope === 'write' ? 'write' : 'read', tokenId: r.id };
  }

  async revokeToken(id: string, by: string): Promise<boolean> {
    return this.store.transaction(async (s) => {
      const n = await s.accounts.revokeToken(id, now());
      if (n) await s.audit({ actor: by, action: 'revoke', entity: 'api-tokens', entityId: id });
      return n > 0;
    });
  }
}

export const sessionDigest = sha256;

/** Records a TOTP step as used; false when it (or a later one) was used already. */
function claimTotpStep(s: CaseStore, userId: string, step: number): Promise<boolean> {
  return s.accounts.claimTotpStep(userId, step);
}

/**
 * A failed re-authentication before a security change (the message says what is needed). 403, not
 * 401: the caller is signed in, and a client must not take a mistyped password for a lost session.
 */
export class ReauthError extends ForbiddenError {
  constructor(needsCode: boolean) {
    super(
      needsCode
        ? 'confirm with your password and a current code from your authenticator (or a recovery code)'
        : 'confirm with your current password',
    );
    this.because(needsCode ? 'reauth_code' : 'reauth_password');
  }
}

/** Removes a used recovery code; false when another request changed the codes first (it was spent). */
async function spendRecoveryCode(s: CaseStore, r: UserRow, used: string): Promise<boolean> {
  const codes: string[] = JSON.parse(r.recovery_codes ?? '[]');
  return s.accounts.replaceRecoveryCodes(
    r.id,
    JSON.stringify(codes.filter((c) => c !== used)),
    r.recovery_codes,
  );
}

async function notice(s: CaseStore, userId: string, kind: NoticeKind): Promise<void> {
  await s.accounts.addNotice(newId('ntc'), userId, kind, now());
}

/** A change to how the account signs in ends every session but the one that made it. */
async function endOtherSessions(s: CaseStore, userId: string, keepSessionId?: string): Promise<void> {
  await s.sessions.revokeAllOf(userId, now(), keepSessionId ? sha256(keepSessionId) : '');
}

/** The first-sign-in step an account's state leaves pending: a set password first, then 2FA. */
/**
 * What the account must do before anything else: change a password an administrator set, then
 * turn on two-step verification when its own policy or any of its case files requires it.
 */
function stepOf(s: {
  mustChangePassword: boolean;
  totpEnabled: boolean;
  require2fa: boolean;
  case2fa: boolean;
}): PendingStep | undefined {
  if (s.mustChangePassword) return 'password_change_required';
  if (!s.totpEnabled && (s.require2fa || s.case2fa)) return 'twofa_enrolment_required';
  return undefined;
}
