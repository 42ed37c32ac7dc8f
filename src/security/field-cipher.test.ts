/**
 * The field envelope: round trips, binds the ciphertext to its case, record and key version, and
 * rejects every tampered string (any character changed, cut or appended) with an integrity or key
 * error — never altered plaintext, never another error. Case counts are printed.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IntegrityError, KeyError } from '../domain/errors.js';
import { DataKey, parseSealed } from './field-cipher.js';

const RUNS = Number(process.env.TESTIGO_FUZZ_RUNS ?? 300);
const raw = randomBytes(32);
const key = new DataKey('cas_1', 'k1', raw);

describe('field-level envelope (AES-256-GCM, per-case data key)', () => {
  it('round-trips and carries its algorithm and key version in the header', () => {
    const s = key.seal('{"givenNames":"Yusleidy"}', 'person:per_1');
    assert.match(s, /^tgf1\.k1\.[A-Za-z0-9_-]+$/);
    assert.equal(parseSealed(s).version, 'k1');
    assert.equal(key.open(s, 'person:per_1'), '{"givenNames":"Yusleidy"}');
    assert.notEqual(key.seal('x', 'p'), key.seal('x', 'p'), 'random nonce: equal plaintexts look different');
  });

  it('does not open in another record, another case or under another key', () => {
    const s = key.seal('secreto', 'person:per_1');
    assert.throws(() => key.open(s, 'person:per_2'), IntegrityError);
    assert.throws(() => new DataKey('cas_2', 'k1', raw).open(s, 'person:per_1'), IntegrityError);
    assert.throws(() => new DataKey('cas_1', 'k2', raw).open(s, 'person:per_1'), KeyError);
    assert.throws(() => new DataKey('cas_1', 'k1', randomBytes(32)).open(s, 'person:per_1'), IntegrityError);
  });

  it('blind indexes are deterministic per key and say nothing across keys', () => {
    assert.equal(key.blind('surname', 'perez'), key.blind('surname', 'perez'));
    assert.notEqual(key.blind('surname', 'perez'), key.blind('name', 'perez'), 'purposes are separated');
    assert.notEqual(
      key.blind('surname', 'perez'),
      new DataKey('cas_1', 'k2', randomBytes(32)).blind('surname', 'perez'),
    );
  });

  it('rejects every tampered ciphertext', (t) => {
    let cases = 0;
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.nat(),
        fc.oneof(
          fc.record({ kind: fc.constant('change' as const), c: fc.constantFrom(...'AZaz09-_.xk1') }),
          fc.record({ kind: fc.constant('cut' as const) }),
          fc.record({
            kind: fc.constant('append' as const),
            extra: fc.string({ minLength: 1, maxLength: 8 }),
          }),
        ),
        (plain, at, m) => {
          const s = key.seal(plain, 'testimony:tes_1');
          const i = at % s.length;
          const bad =
            m.kind === 'change'
              ? s.slice(0, i) + m.c + s.slice(i + 1)
              : m.kind === 'cut'
                ? s.slice(0, i)
                : s + m.extra;
          cases++;
          if (bad === s) return true;
          try {
            const out = key.open(bad, 'testimony:tes_1');
            // base64url has spare bits in its last character: a change there can decode to the same bytes.
            return (
              out === plain &&
              Buffer.from(bad.split('.')[2] ?? '', 'base64url').equals(
                Buffer.from(s.split('.')[2]!, 'base64url'),
              )
            );
          } catch (e) {
            return e instanceof IntegrityError || e instanceof KeyError;
          }
        },
      ),
      { numRuns: RUNS },
    );
    t.diagnostic(`tampered field ciphertexts: ${cases} cases, all rejected`);
  });
});
