import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseSnapshot } from '../analysis/types.js';
import { DeltaReceiver, DeltaSender } from './snapshot-delta.js';

const snapshot = (persons: { id: string; body: object }[], acts: { id: string; body: object }[] = []) =>
  ({
    caseId: 'cas_1',
    caseFile: { title: 'Caso' },
    persons,
    units: [],
    memberships: [],
    places: [],
    events: [],
    acts,
    involvements: [],
    detentions: [],
    sources: [],
    testimonies: [],
    evidence: [],
    informationItems: [],
    hearings: [],
    elementLinks: [],
    proceedings: [],
  }) as unknown as CaseSnapshot;

describe('snapshots sent to the analysis thread as what changed', () => {
  it('the receiver rebuilds each snapshot exactly, from only the records that changed', () => {
    const tx = new DeltaSender();
    const rx = new DeltaReceiver();
    const ana = { id: 'per_a', body: { givenNames: 'Ana' } };
    const beto = { id: 'per_b', body: { givenNames: 'Beto' } };
    const act = { id: 'act_1', body: { type: 'arrest' } };
    const s1 = snapshot([beto, ana], [act]);
    const d1 = tx.delta('f', s1);
    assert.equal(d1.full, true);
    assert.deepEqual(rx.apply(d1), { ...s1, persons: [ana, beto] }, 'in id order');

    // Beto changed (a new body object), Carla added, Ana the same object: one put per change.
    const beto2 = { id: 'per_b', body: { givenNames: 'Beto', protection: 'protected' } };
    const carla = { id: 'per_c', body: { givenNames: 'Carla' } };
    const s2 = snapshot([ana, beto2, carla], [act]);
    const d2 = tx.delta('f', s2);
    assert.equal(d2.full, false);
    assert.deepEqual(
      d2.arrays.persons?.put.map((r) => r.id),
      ['per_b', 'per_c'],
    );
    assert.equal(d2.arrays.acts, undefined, 'acts unchanged: not sent');
    assert.deepEqual(rx.apply(d2), s2);

    // Ana deleted, the act changed; an estimate appears.
    const s3 = {
      ...snapshot([beto2, carla], [{ id: 'act_1', body: { type: 'torture' } }]),
      estimate: { n: 1 },
    };
    const d3 = tx.delta('f', s3 as unknown as CaseSnapshot);
    assert.deepEqual(d3.arrays.persons, { put: [], gone: ['per_a'] });
    assert.deepEqual(rx.apply(d3), s3);

    // Another feed is apart; a forgotten feed is sent whole again.
    assert.equal(tx.delta('g', s1).full, true);
    tx.forget('f');
    const d4 = tx.delta('f', s2);
    assert.equal(d4.full, true);
    assert.deepEqual(rx.apply(d4), s2, 'a full delta replaces what the receiver held');
  });
});
