import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUpload, sniff } from './sniff.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('upload type sniffing', () => {
  it('recognises common evidence formats from their bytes', () => {
    assert.equal(sniff(PNG), 'image/png');
    assert.equal(sniff(Buffer.from('%PDF-1.7 ...')), 'application/pdf');
    assert.equal(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniff(Buffer.from('hola')), undefined);
  });
  it('refuses files whose bytes contradict the declared type', () => {
    assert.deepEqual(checkUpload('image/png', PNG), { ok: true, type: 'image/png' });
    assert.equal(checkUpload('image/png', Buffer.from('<html><script>alert(1)</script>')).ok, false);
    assert.equal(checkUpload('text/plain', PNG).ok, false);
    assert.equal(checkUpload('text/plain', Buffer.from([0x00, 0x01, 0x02])).ok, false);
    assert.deepEqual(checkUpload('text/plain; charset=utf-8', Buffer.from('Acta')), {
      ok: true,
      type: 'text/plain',
    });
  });
});
