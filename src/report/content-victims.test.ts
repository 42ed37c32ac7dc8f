/** Victims, SGBC and children counts: small-cell suppression and what the section never carries (pure). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseSnapshot } from '../analysis/types.js';
import { suppress, victimsContent } from './content-victims.js';

const day = (value: string) => ({ precision: 'day' as const, value });

function snapshot(): CaseSnapshot {
  const persons = [];
  const acts = [];
  for (let i = 0; i < 8; i++) {
    const id = `per_${String(i).padStart(10, '0')}`;
    persons.push({ id, body: { sex: i < 6 ? 'male' : 'female', birthDate: day('1980-01-01') } });
    // Rape recorded as the act for one man, as a method of torture for two women: one form.
    const type = i === 0 ? 'rape' : 'torture';
    const methods = i >= 6 ? ['rape'] : [];
    acts.push({
      id: `act_${String(i).padStart(10, '0')}`,
      body: {
        victimId: id,
        eventId: 'evt_0000000001',
        type,
        methods,
        date: day('2017-05-03'),
        placeId: 'pla_0000000001',
      },
    });
  }
  return { persons, acts, detentions: [] } as unknown as CaseSnapshot;
}

describe('victims sections', () => {
  it('suppresses cells of 1 to k−1, and one more when a group would hide only one', () => {
    assert.deepEqual(suppress([12, 3, 0], 5), [null, null, 0], 'the 12 would give the 3 away from the total');
    assert.deepEqual(suppress([12, 3, 2, 9], 5), [12, null, null, 9], 'two hidden: enough');
    assert.deepEqual(suppress([12, 7, 0], 5), [12, 7, 0]);
    assert.deepEqual(suppress([4, 0, 0], 5), [null, 0, 0], 'nothing else to hide');
  });

  it('counts a form of sexual violence once whether recorded as the act or as a method, and holds no id, date or place', () => {
    const v = victimsContent(snapshot());
    assert.deepEqual(
      v.sgbc.byForm.map((r) => r.key),
      ['rape'],
    );
    assert.equal(v.sgbc.victims, null, '3 survivors: fewer than 5, not published');
    assert.deepEqual(v.bySex, [null, null, 0], '2 women hidden, and the 6 men with them (total known)');
    const json = JSON.stringify(v);
    for (const leak of ['per_', 'act_', 'pla_', 'evt_', '2017', '1980'])
      assert.ok(!json.includes(leak), `${leak} in the victims content`);
  });

  it('classes a victim as a child only when under 18 on every day the dates allow', () => {
    const s = snapshot();
    (s.persons[0]!.body as { birthDate: unknown }).birthDate = day('2000-05-04');
    (s.persons[1]!.body as { birthDate: unknown }).birthDate = { precision: 'year', value: '1999' };
    const v = victimsContent(s, 1);
    // per_0: 16 at the act → child; per_1: born in 1999, 17 or 18 on 2017-05-03 → unknown.
    assert.deepEqual(v.byAge, [1, 6, 1]);
    assert.equal(v.children.victims, 1);
  });
});
