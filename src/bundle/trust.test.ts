/** Trust anchors: fingerprints, PEM keys and trust files parse; anything else is refused by line. */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { InputError } from '../domain/errors.js';
import { keyFingerprint } from './manifest.js';
import { findAnchor, normalizeFingerprint, parseTrustFile, parseTrustValue } from './trust.js';

const key = generateKeyPairSync('ed25519').publicKey;
const pem = key.export({ type: 'spki', format: 'pem' }).toString();
const fp = keyFingerprint(key);
const noFile = () => undefined;

describe('trust anchors', () => {
  it('a fingerprint with or without separators, a PEM key, a trust file', () => {
    assert.equal(normalizeFingerprint(fp.toUpperCase().replace(/(....)/g, '$1 ')), fp);
    assert.equal(normalizeFingerprint(fp.slice(1)), null);
    assert.deepEqual(parseTrustValue(fp, noFile), [{ fingerprint: fp, source: '--trust' }]);
    assert.equal(parseTrustValue(pem, noFile)[0]!.fingerprint, fp);
    const text = `# known case keys\n\n${fp} cas_A Caso A  # from the report\n${pem}${'a'.repeat(64)}\n`;
    const anchors = parseTrustValue('keys.txt', (p) => (p === 'keys.txt' ? text : undefined));
    assert.deepEqual(
      anchors.map((a) => [a.fingerprint.slice(0, 4), a.caseId, a.label, a.source]),
      [
        [fp.slice(0, 4), undefined, undefined, 'keys.txt'],
        [fp.slice(0, 4), 'cas_A', 'Caso A', 'keys.txt:3'],
        ['aaaa', undefined, undefined, 'keys.txt:7'],
      ],
    );
  });

  it('a case-bound anchor pins only that case', () => {
    const anchors = parseTrustFile(`${fp} cas_A\n`, 't');
    assert.ok(findAnchor(anchors, fp, 'cas_A'));
    assert.equal(findAnchor(anchors, fp, 'cas_B'), undefined);
    assert.ok(findAnchor(parseTrustFile(`${fp}\n`, 't'), fp, 'cas_B'));
  });

  it('refuses a line that is not an anchor, an empty file, a value that is nothing', () => {
    assert.throws(() => parseTrustFile(`${fp}\nnot-a-key cas_A\n`, 'keys.txt'), /keys\.txt:2: expected/);
    assert.throws(() => parseTrustFile('# nothing\n', 'keys.txt'), /holds no trusted key/);
    assert.throws(
      () => parseTrustFile('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', 'k.pem'),
      (e: Error) => e instanceof InputError && /not a public key/.test(e.message),
    );
    assert.throws(() => parseTrustValue('missing.txt', noFile), /neither a key fingerprint/);
  });
});
