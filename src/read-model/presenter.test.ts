import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { KIND_NAMES, KINDS, type KindSpec } from '../domain/kinds.js';
import type { Principal } from '../security/policy.js';
import { sqliteBackend, type TestStore } from '../test-support/stores.js';
import {
  buildViewContext,
  factReads,
  presentRecord,
  protectionOf,
  redactText,
  stampReads,
  type ViewContext,
} from './presenter.js';

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
    // What is read from testimonies, lists and hearings (persons are kept person by person: a case
    // with no person yet is read whole at its first person, which is nothing to read).
    const reads = () => ({
      lists: factReads.lists,
      testimonies: factReads.testimonies,
      hearings: factReads.hearings,
    });
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
    // Requests that arrive together after a write share one gathering (they queued up at 120/s and
    // each read every testimony again).
    await t.store.create(
      'testimony',
      id,
      { title: 'Otro', statement: 'y', language: 'es', consent: 'courts', protection: 'public' },
      'user:t',
    );
    r = reads();
    const stamps = stampReads.n;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => buildViewContext(t.store, analyst(`u${i}`, id), id)),
    );
    assert.deepEqual(reads(), { ...r, testimonies: r.testimonies + 1 }, 'eight requests, one read');
    // Having found the same audit head, they also join one read of the kinds' stamps (eight before),
    // or read none when the audit log's newest entries say what changed (audit-tail.ts).
    assert.ok(stampReads.n - stamps <= 1, 'eight requests at one head, at most one stamp read');
  });
});

describe('every kind’s withheld view (from its read rule in KINDS)', () => {
  const caseId = 'cas_kinds';
  const view = (principal: Principal): ViewContext => ({
    principal,
    caseId,
    salt: 'ab'.repeat(16),
    actor: `user:${principal.userId}`,
    facts: {
      persons: new Map(),
      listFiles: new Set(),
      hearingTestimonies: new Map(),
      evidenceCovers: new Map(),
    },
  });
  const cleared: Principal = {
    userId: 'u-admin',
    memberships: new Map([[caseId, { role: 'administrator', cleared: true }]]),
    personClearances: new Map(),
  };
  /** Every kind with identifying or sealed fields, as a protected, decided record holding a mark in each. */
  const guarded = KIND_NAMES.flatMap((kind) => {
    const spec: KindSpec = KINDS[kind];
    const fields = [...new Set([...spec.identifying, ...(spec.sealed?.fields ?? [])])];
    if (fields.length === 0) return [];
    const marks = Object.fromEntries(fields.map((f) => [f, `SECRET-${kind}-${f}`]));
    const body = {
      protection: 'protected',
      consent: 'internal',
      status: 'accepted',
      edition: 'confidential',
      ...marks,
    };
    const rec = {
      id: `x_${kind}`,
      caseId,
      kind,
      version: 1,
      createdAt: '',
      updatedAt: '',
      body: body as never,
    };
    return [{ kind, marks, rec }];
  });

  it('no identifying or sealed field reaches a member who may not see it; a cleared one reads them all', () => {
    for (const k of ['person', 'testimony', 'submission'])
      assert.ok(
        guarded.some((g) => g.kind === k),
        k,
      );
    for (const { kind, marks, rec } of guarded) {
      const hidden = JSON.stringify(presentRecord(rec, view(analyst('u-analyst', caseId))));
      const shown = JSON.stringify(presentRecord(rec, view(cleared)));
      for (const [field, mark] of Object.entries(marks)) {
        assert.ok(!hidden.includes(mark), `${kind}.${field} reached an uncleared analyst: ${hidden}`);
        assert.ok(shown.includes(mark), `${kind}.${field} withheld from a cleared administrator`);
      }
    }
  });
});
