import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Action,
  can,
  canEditNarrative,
  canReadNarrative,
  canSeeIdentity,
  canSeeTestimony,
  type Principal,
  ROLES,
  type Role,
  tierOf,
} from './policy.js';

const CASE = 'cas_1';
const principal = (role: Role, cleared = false, persons: string[] = [], readOnly = false): Principal => ({
  userId: 'usr_1',
  memberships: new Map([[CASE, { role, cleared }]]),
  personClearances: new Map([[CASE, new Set(persons)]]),
  readOnly,
});

describe('authorization policy (matrix)', () => {
  const ACTIONS: Action[] = [
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
  ];
  const EXPECTED: Record<Role, Action[]> = {
    administrator: ACTIONS,
    documenter: ['read', 'list', 'search', 'exportList', 'write'],
    analyst: ['read', 'list', 'search', 'export', 'exportList', 'analyse'],
    panelist: ['read', 'list', 'search', 'review'],
    viewer: ['read', 'list', 'search'],
  };

  it('allows exactly the actions of each role, and nothing to non-members', () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        assert.equal(
          can(principal(role), action, CASE),
          EXPECTED[role].includes(action),
          `${role} ${action}`,
        );
        assert.equal(can(principal(role), action, 'cas_other'), false, `${role} ${action} elsewhere`);
      }
    }
  });

  it('read-only tokens never write', () => {
    for (const a of ['write', 'delete', 'manage', 'analyse', 'review'] as Action[])
      assert.equal(can(principal('administrator', true, [], true), a, CASE), false);
    assert.equal(can(principal('administrator', true, [], true), 'read', CASE), true);
  });

  it('shows identities by protection level, role and clearance', () => {
    const cell = (role: Role, cleared: boolean, protection: string, persons: string[] = []) =>
      canSeeIdentity(principal(role, cleared, persons), CASE, protection, 'per_x');
    for (const role of ROLES) {
      assert.equal(cell(role, false, 'public'), true, `${role} public`);
      assert.equal(cell(role, false, 'restricted'), role !== 'viewer', `${role} restricted`);
      assert.equal(cell(role, false, 'protected'), false, `${role} protected, not cleared`);
      const clearable = role === 'administrator' || role === 'documenter' || role === 'panelist';
      assert.equal(cell(role, true, 'protected'), clearable, `${role} protected, case clearance`);
      assert.equal(
        cell(role, false, 'protected', ['per_x']),
        clearable,
        `${role} protected, person clearance`,
      );
      assert.equal(cell(role, false, 'protected', ['per_y']), false, `${role} cleared for someone else`);
    }
    assert.equal(
      canSeeIdentity(principal('administrator', true), 'cas_other', 'public'),
      false,
      'non-members see nothing',
    );
  });

  it('withholds testimonies unless public with public consent, or the viewer may see the witness', () => {
    const t = (protection: string, consent: string) => ({ protection, consent, witnessId: 'per_w' });
    assert.equal(canSeeTestimony(principal('viewer'), CASE, t('public', 'public')), true);
    assert.equal(canSeeTestimony(principal('viewer'), CASE, t('public', 'courts')), false);
    assert.equal(canSeeTestimony(principal('analyst'), CASE, t('restricted', 'courts')), true);
    assert.equal(canSeeTestimony(principal('analyst'), CASE, t('protected', 'courts')), false);
    assert.equal(
      canSeeTestimony(principal('documenter', false, ['per_w']), CASE, t('protected', 'internal')),
      true,
    );
  });

  it('maps principals to search tiers', () => {
    assert.equal(tierOf(principal('viewer', true), CASE), 'public');
    assert.equal(tierOf(principal('analyst', true), CASE), 'member', 'analysts are never cleared');
    assert.equal(tierOf(principal('documenter', true), CASE), 'cleared');
    assert.equal(tierOf(principal('documenter'), 'nope'), undefined);
  });

  it("lets members who may review write the report's authored text; the confidential edition's only when cleared", () => {
    const cells: [Role, boolean, boolean, boolean][] = [
      // role, cleared, public edition, confidential edition
      ['administrator', true, true, true],
      ['administrator', false, true, false],
      ['panelist', true, true, true],
      ['panelist', false, true, false],
      ['documenter', true, false, false],
      ['analyst', false, false, false],
      ['viewer', false, false, false],
    ];
    for (const [role, cleared, pub, conf] of cells) {
      assert.equal(canEditNarrative(principal(role, cleared), CASE, 'public'), pub, `${role} public`);
      assert.equal(canEditNarrative(principal(role, cleared), CASE, 'confidential'), conf, `${role} conf.`);
    }
    assert.equal(canEditNarrative(principal('panelist', true, [], true), CASE, 'public'), false, 'read-only');
    assert.equal(canReadNarrative(principal('viewer'), CASE, 'public'), true);
    assert.equal(canReadNarrative(principal('panelist'), CASE, 'confidential'), false);
    assert.equal(canReadNarrative(principal('documenter', true), CASE, 'confidential'), true);
    assert.equal(canReadNarrative(principal('documenter', true), 'cas_other', 'public'), false);
  });
});
