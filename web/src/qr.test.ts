import assert from 'node:assert/strict';
import { test } from 'node:test';
import qrcode from 'qrcode-generator';
import { QUIET, qrMatrix, qrPath, qrSide } from './qr.js';

// What Accounts.beginTotp returns (a 32-character base32 secret, issuer and label).
const URI =
  'otpauth://totp/Testigo:ana.documentadora?issuer=Testigo&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30';

test('the matrix of an otpauth URI is the library’s QR code, a well-formed symbol', () => {
  const m = qrMatrix(URI);
  const ref = qrcode(0, 'M');
  ref.addData(URI, 'Byte');
  ref.make();
  const n = ref.getModuleCount();
  assert.equal(m.length, n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) assert.equal(m[r]![c], ref.isDark(r, c), `${r},${c}`);
  // 129 bytes in byte mode at level M need version 8 (capacity 152; version 7 holds 122): 49 × 49.
  assert.equal(URI.length, 129);
  assert.equal(n, 17 + 4 * 8);
  // Finder patterns in three corners: a dark 7×7 ring, a light ring, a dark 3×3 centre.
  for (const [r0, c0] of [
    [0, 0],
    [0, n - 7],
    [n - 7, 0],
  ] as const) {
    for (let r = 0; r < 7; r++)
      for (let c = 0; c < 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        assert.equal(m[r0 + r]![c0 + c], ring !== 2, `finder at ${r0},${c0}: ${r},${c}`);
      }
  }
  // Timing patterns alternate between the finders.
  for (let i = 8; i < n - 8; i++) {
    assert.equal(m[6]![i], i % 2 === 0);
    assert.equal(m[i]![6], i % 2 === 0);
  }
  // Another secret, another code.
  assert.notDeepEqual(qrMatrix(URI.replace('JBSWY3DP', 'KRUGS4ZA')), m);
});

test('the SVG path draws exactly the dark modules, inside a quiet zone', () => {
  const m = qrMatrix(URI);
  const path = qrPath(m);
  const squares = path.match(/M(\d+) (\d+)h1v1h-1z/g) ?? [];
  assert.equal(squares.length, m.flat().filter(Boolean).length);
  assert.equal(qrSide(m), 49 + 2 * QUIET);
  const xs = squares.map((s) => Number(s.slice(1).split(' ')[0]));
  assert.equal(Math.min(...xs), QUIET);
  assert.equal(Math.max(...xs), QUIET + 48);
  assert.ok(path.startsWith(`M${QUIET} ${QUIET}h1v1h-1z`), 'the top-left finder starts at the quiet zone');
});
