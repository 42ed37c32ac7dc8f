import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EvidenceCovers } from './evidence-covers.js';

test('an evidence item is covered at the most protected level of what shows it, kept as contributors change', () => {
  const c = new EvidenceCovers();
  c.set('person:a', ['ev1', 'ev2'], 'restricted');
  c.set('person:b', ['ev1'], 'protected');
  assert.equal(c.levels.get('ev1'), 'protected');
  assert.equal(c.levels.get('ev2'), 'restricted');
  // b's protection lowered: ev1 falls back to a's level, not to nothing.
  c.set('person:b', ['ev1'], 'public');
  assert.equal(c.levels.get('ev1'), 'restricted');
  // a no longer shows ev1: only b covers it.
  c.set('person:a', ['ev2'], 'restricted');
  assert.equal(c.levels.get('ev1'), 'public');
  c.remove('person:b');
  assert.equal(c.levels.has('ev1'), false);
  assert.equal(c.levels.get('ev2'), 'restricted');
  c.set('hearing:h', ['ev3'], 'protected');
  c.removeAll('person:');
  assert.deepEqual([...c.levels], [['ev3', 'protected']]);
});

test('a level left unset counts as public, as the protection facts always read it', () => {
  const c = new EvidenceCovers();
  c.set('person:a', ['ev1', 'ev1', '', 7], undefined);
  assert.deepEqual([...c.levels], [['ev1', 'public']]);
});
