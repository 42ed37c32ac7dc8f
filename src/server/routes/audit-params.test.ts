import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../domain/errors.js';
import { auditQuery } from './audit-params.js';

test('without order the first shape holds: oldest first after `after`', () => {
  assert.deepEqual(auditQuery('c1', { after: '5', limit: '10' }), {
    caseId: 'c1',
    order: 'asc',
    cursor: 5,
    limit: 10,
    actor: undefined,
    entity: undefined,
    action: undefined,
    from: undefined,
    to: undefined,
  });
});

test('newest first pages with before; filters pass through', () => {
  const q = auditQuery('c1', {
    order: 'desc',
    before: '40',
    actor: 'usr-1',
    entity: 'persons',
    action: 'update',
    from: '2026-01-01',
    to: '2026-02-01T04:00:00Z',
  });
  assert.equal(q.order, 'desc');
  assert.equal(q.cursor, 40);
  assert.equal(q.limit, 100);
  assert.equal(q.actor, 'usr-1');
  assert.equal(q.from, '2026-01-01');
  assert.equal(auditQuery('c1', { order: 'desc' }).cursor, undefined);
});

test('bad parameters are refused with the field named', () => {
  for (const [q, field] of [
    [{ order: 'sideways' }, 'order'],
    [{ before: '3' }, 'before'],
    [{ order: 'desc', after: '3' }, 'after'],
    [{ order: 'desc', before: '-1' }, 'before'],
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2026-13-45' }, 'to'],
    [{ limit: '5000' }, 'limit'],
    [{ actor: 'x'.repeat(201) }, 'actor'],
  ] as const)
    assert.throws(
      () => auditQuery('c1', q as Record<string, string>),
      (e: unknown) => e instanceof InputError && e.issues.some((i) => i.field === field),
      JSON.stringify(q),
    );
});
