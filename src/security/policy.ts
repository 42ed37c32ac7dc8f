/**
 * Who may do what to which record: small pure functions, tested as a matrix (policy.test.ts).
 * Every adapter asks these functions; none decides on its own. Identity rules:
 *  - a protected person's identity is visible only to members explicitly cleared for the case
 *    or for that person (clearance can be granted to administrators, documenters and panelists,
 *    never to analysts or viewers);
 *  - a restricted identity is visible to every member except viewers;
 *  - viewers see public-level data only.
 */
import { KINDS, type KindSpec } from '../domain/kinds.js';

export const ROLES = ['administrator', 'documenter', 'analyst', 'panelist', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Action =
  | 'read'
  | 'list'
  | 'search'
  | 'export'
  /** A filtered list as CSV/XLSX: the list itself, as the caller sees it (not the whole case file). */
  | 'exportList'
  | 'write'
  | 'delete'
  | 'manage'
  | 'analyse'
  | 'review';

export interface Principal {
  userId: string;
  /** Per case file: the member's role and whether they are cleared for every protected identity in it. */
  memberships: ReadonlyMap<string, { role: Role; cleared: boolean }>;
  /** Per case file: persons this member is individually cleared for. */
  personClearances: ReadonlyMap<string, ReadonlySet<string>>;
  /** API tokens can be narrowed to reading. */
  readOnly?: boolean;
}

const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  administrator: new Set([
    'read',
    'list',
    'search',
    'export',
    'exportList',
    'write',
    'delete',
    'manage',
    'analyse',
    'review',
  ]),
  documenter: new Set(['read', 'list', 'search', 'exportList', 'write']),
  analyst: new Set(['read', 'list', 'search', 'export', 'exportList', 'analyse']),
  panelist: new Set(['read', 'list', 'search', 'review']),
  viewer: new Set(['read', 'list', 'search']),
};
const WRITES: ReadonlySet<Action> = new Set(['write', 'delete', 'manage', 'analyse', 'review']);

export function roleIn(p: Principal, caseId: string): Role | undefined {
  return p.memberships.get(caseId)?.role;
}

/** May `p` perform `action` on records of `caseId` at all? */
export function can(p: Principal, action: Action, caseId: string): boolean {
  const role = roleIn(p, caseId);
  if (!role) return false;
  if (p.readOnly && WRITES.has(action)) return false;
  return ALLOWED[role].has(action);
}

/** Roles that may hold a clearance for protected identities. */
export function clearable(role: Role): boolean {
  return role === 'administrator' || role === 'documenter' || role === 'panelist';
}

/** May `p` see the identifying fields of a person with this protection level? */
export function canSeeIdentity(
  p: Principal,
  caseId: string,
  protection: string | undefined,
  personId?: string,
): boolean {
  const m = p.memberships.get(caseId);
  if (!m) return false;
  if (protection === 'public') return true;
  if (m.role === 'viewer') return false;
  if (protection === 'restricted') return true;
  // protected (or unknown: treated as protected)
  if (!clearable(m.role)) return false;
  return m.cleared || (personId !== undefined && Boolean(p.personClearances.get(caseId)?.has(personId)));
}

/** The access tier of a principal in a case, for search: which token columns may match. */
export type Tier = 'public' | 'member' | 'cleared';
export function tierOf(p: Principal, caseId: string): Tier | undefined {
  const m = p.memberships.get(caseId);
  if (!m) return undefined;
  if (m.role === 'viewer') return 'public';
  return m.cleared && clearable(m.role) ? 'cleared' : 'member';
}

/** The tier a piece of text needs, from the protection level of what it reveals. */
export function tierFor(protection: string | undefined): Tier {
  return protection === 'public' ? 'public' : protection === 'restricted' ? 'member' : 'cleared';
}

/** May the testimony's words be shown? Public testimonies need public consent too. */
export function canSeeTestimony(
  p: Principal,
  caseId: string,
  t: { protection: string; consent: string; witnessId?: string },
): boolean {
  if (t.protection === 'public' && t.consent === 'public') return Boolean(p.memberships.get(caseId));
  return canSeeIdentity(p, caseId, t.protection === 'public' ? 'restricted' : t.protection, t.witnessId);
}

/** May this member change who is a member or who is cleared? */
export function canManageMembers(p: Principal, caseId: string): boolean {
  return can(p, 'manage', caseId);
}

/**
 * The action a write of a record kind needs through the generic records API: legal analysis is
 * analysts' work; the panel's own records are written only through the panel routes (which set
 * the author from the session), so nobody can comment, opine or sign in another's name. The
 * answer is each kind's `writeAction` in KINDS.
 */
export function writeActionFor(kindName: string): Action | undefined {
  if (!Object.hasOwn(KINDS, kindName)) return 'write';
  return (KINDS as Record<string, KindSpec>)[kindName]!.writeAction ?? undefined;
}

/**
 * Protection levels at which a viewer sees every record's identity. A filter or sort on a hidden
 * field (a surname) is applied only to records at these levels, so it cannot single out the others.
 */
export function visibleProtectionLevels(p: Principal, caseId: string): string[] {
  const m = p.memberships.get(caseId);
  if (!m) return [];
  if (m.role === 'viewer') return ['public'];
  return m.cleared && clearable(m.role) ? ['public', 'restricted', 'protected'] : ['public', 'restricted'];
}

/** Raw rows of organizations' lists (names, documents) are member-level data: never public. */
export function canReadListRows(p: Principal, caseId: string): boolean {
  return can(p, 'read', caseId) && roleIn(p, caseId) !== 'viewer';
}

/**
 * May `p` grant or withdraw a clearance for `userId`? Only case managers, and never for themselves:
 * another administrator must grant it (audited), so one uncleared administrator is a real boundary.
 */
export function canGrantClearance(p: Principal, caseId: string, userId: string): boolean {
  return canManageMembers(p, caseId) && p.userId !== userId;
}

/** The legal analysis (incidents, suspects, evidence per element) is for the case's working members. */
export function canReadAnalysis(p: Principal, caseId: string): boolean {
  return can(p, 'analyse', caseId) || can(p, 'review', caseId) || can(p, 'write', caseId);
}

/** The confidential edition of the report names protected persons: cleared members only. */
export function canReadConfidentialEdition(p: Principal, caseId: string): boolean {
  return tierOf(p, caseId) === 'cleared';
}

/** Does this member see every identity of the case (cleared for protected identities)? */
export function seesAllIdentities(p: Principal, caseId: string): boolean {
  return tierOf(p, caseId) === 'cleared';
}

/** Freezing a report version (what the panel signs) is panel work: members who may review. */
export function canFreezeReport(p: Principal, caseId: string): boolean {
  return can(p, 'review', caseId);
}

/**
 * May `p` write the report's authored sections (background, attack, methodology, limitations,
 * recommendations) of this edition? Panel work, like freezing: members who may review. The
 * confidential edition's text may name protected persons, so only members cleared for every
 * protected identity may write it (they must be able to read what they replace).
 */
export function canEditNarrative(p: Principal, caseId: string, edition: 'public' | 'confidential'): boolean {
  return can(p, 'review', caseId) && (edition === 'public' || canReadConfidentialEdition(p, caseId));
}

/** May `p` read the confidential edition's authored text? The same members as its PDF. */
export function canReadNarrative(p: Principal, caseId: string, edition: string): boolean {
  return can(p, 'read', caseId) && (edition === 'public' || canReadConfidentialEdition(p, caseId));
}
