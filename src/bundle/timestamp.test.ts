import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTimestampRequest, timestampRequest } from './timestamp.js';

const HASH = 'ab'.repeat(32);

describe('timestamp requests', () => {
  it('encode the nonce as a positive INTEGER in minimal DER, whatever random bytes it starts with', () => {
    for (const first of [0x00, 0x01, 0x7f, 0x80, 0xff]) {
      const nonce = Buffer.alloc(16, 0x42);
      nonce[0] = first;
      nonce[1] = 0x05; // below 0x80: a leading zero byte would be redundant, so non-minimal DER
      const der = timestampRequest(HASH, nonce);
      const { sha256, nonce: got } = parseTimestampRequest(der);
      assert.equal(sha256, HASH);
      // INTEGER tag 0x02, length 16, then the value: its first byte is neither 0x00 nor ≥ 0x80.
      const at = der.indexOf(Buffer.from([0x02, 0x10]));
      assert.ok(at > 0, `nonce INTEGER of 16 bytes in ${der.toString('hex')}`);
      const lead = der[at + 2]!;
      assert.ok(
        lead > 0 && lead < 0x80,
        `first byte ${lead.toString(16)} for random byte ${first.toString(16)}`,
      );
      assert.equal(got?.length, 32);
    }
  });
});
