/** The audit entry's hashed text, cut around what only the locked head knows, joins back exactly. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { canonicalJson } from '../domain/canonical-json.js';
import { entryHash, hashedText, hashedTextParts } from './audit.js';

describe('audit entry text for PostgreSQL', () => {
  it('joins back to the canonical JSON entryHash hashes, for awkward values', () => {
    const cases = [
      {
        actor: 'user:a',
        action: 'create',
        entity: 'persons',
        entityId: 'per_1',
        caseId: 'cas_1',
        before: null,
        after: '{"a":1}',
      },
      {
        actor: 'ü"\\\n',
        action: 'view',
        entity: 'protected-records',
        entityId: null,
        caseId: null,
        before: '{"x":"é\\u0000"}',
        after: null,
      },
      { actor: '𝄞 user', action: 'update', entity: 'e', entityId: '', caseId: 'c', before: '', after: '"}' },
    ];
    for (const f of cases) {
      const at = '2026-12-05T23:59:59.123Z';
      const prevHash = 'ab'.repeat(32);
      const seq = 4_294_967_296;
      const text = hashedText(hashedTextParts(f), at, prevHash, seq);
      assert.equal(text, canonicalJson({ ...f, at, prevHash, seq }));
      assert.equal(createHash('sha256').update(text).digest('hex'), entryHash({ ...f, at, prevHash, seq }));
    }
  });
});
