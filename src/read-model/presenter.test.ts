import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Principal } from '../security/policy.js';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';
import { buildViewContext, redactText } from './presenter.js';

const analyst = (userId: string, caseId: string): Principal => ({
  userId,
  memberships: new Map([[caseId, { role: 'analyst', cleared: false }]]),
  personClearances: new Map(),
});

describe('read model', () => {
  const opened: TestStore[] = [];
  after(async () => {
    for (const t of opened) await t.dispose();
  });

  it('keeps each store’s matcher and pseudonyms apart, even for the same case id (finding 14)', async () => {
    const a = await sqliteBackend.open();
    const b = await sqliteBackend.open();
    opened.push(a, b);
    const id = 'cas_same';
    await a.store.createCase({ title: 'A' }, 'user:t', { id });
    await b.store.createCase({ title: 'B' }, 'user:t', { id });
    await a.store.create(
      'person',
      id,
      { givenNames: 'Ana', firstSurname: 'Zambrano', protection: 'protected' },
      'user:t',
    );
    await b.store.create(
      'person',
      id,
      { givenNames: 'Beto', firstSurname: 'Yépez', protection: 'protected' },
      'user:t',
    );
    const ctxA = await buildViewContext(a.store, analyst('u1', id), id);
    const ctxB = await buildViewContext(b.store, analyst('u1', id), id);
    assert.notEqual(redactText(ctxA, 'Ana Zambrano'), 'Ana Zambrano');
    assert.equal(redactText(ctxA, 'Beto Yépez'), 'Beto Yépez');
    assert.notEqual(redactText(ctxB, 'Beto Yépez'), 'Beto Yépez');
    assert.equal(redactText(ctxB, 'Ana Zambrano'), 'Ana Zambrano');
    assert.notEqual(ctxA.salt, ctxB.salt);
  });
});
