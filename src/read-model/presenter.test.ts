import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Principal } from '../security/policy.js';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';
import { buildViewContext, factReads, protectionOf, redactText } from './presenter.js';

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

  it('re-reads only the kind a write changed to derive protection, and derives it as before', async () => {
    const t = await sqliteBackend.open();
    opened.push(t);
    const id = (await t.store.createCase({ title: 'Hechos' }, 'user:t')).id;
    const h = await t.store.create(
      'hearing',
      id,
      { title: 'Audiencia', date: { value: '2018-01-10', precision: 'day' }, protection: 'public' },
      'user:t',
    );
    const view = () => buildViewContext(t.store, analyst('u1', id), id);
    const hearingLevel = async () => protectionOf(await view(), 'hearing', h.id, h.body);
    assert.equal(await hearingLevel(), 'public');
    const reads = () => ({ ...factReads });
    let r = reads();
    await t.store.create(
      'person',
      id,
      { givenNames: 'Ana', firstSurname: 'Ortiz', protection: 'public' },
      'user:t',
    );
    await view();
    assert.deepEqual(reads(), r, 'a person write reads no testimonies, lists or hearings');
    r = reads();
    await t.store.create(
      'testimony',
      id,
      {
        title: 'Relato',
        statement: 'x',
        language: 'es',
        consent: 'courts',
        protection: 'protected',
        hearingId: h.id,
      },
      'user:t',
    );
    assert.equal(await hearingLevel(), 'protected', 'a protected testimony given in the hearing protects it');
    assert.deepEqual(reads(), { ...r, testimonies: r.testimonies + 1 }, 'only testimonies were read again');
  });
});
