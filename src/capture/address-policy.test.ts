import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embeddedV4, isPublicAddress, v6Bytes } from './address-policy.js';

describe('address policy (what a server-side capture may connect to)', () => {
  it('refuses every special-purpose IPv4 block, including metadata and 0.0.0.0/8', () => {
    for (const a of [
      '0.0.0.0',
      '0.1.2.3',
      '10.0.0.1',
      '100.64.0.1',
      '100.127.255.254',
      '127.0.0.1',
      '127.255.255.254',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.0.0.8',
      '192.0.2.1',
      '192.88.99.1',
      '192.168.1.1',
      '198.18.0.1',
      '198.19.255.255',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.1',
      '239.255.255.250',
      '240.0.0.1',
      '255.255.255.255',
    ])
      assert.equal(isPublicAddress(a), false, a);
  });

  it('refuses IPv6 loopback, unspecified, link-local, ULA, multicast, documentation, Teredo', () => {
    for (const a of [
      '::',
      '::1',
      'fe80::1',
      'fe80::1%eth0',
      'febf::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      'ff05::1:3',
      '2001:db8::1',
      '2001::1',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
      '64:ff9b:1::1',
      '3fff::1',
      '100::1',
    ])
      assert.equal(isPublicAddress(a), false, a);
  });

  it('judges IPv6 forms that carry an IPv4 address by that address', () => {
    const cases: [string, string][] = [
      ['::ffff:127.0.0.1', '127.0.0.1'],
      ['::ffff:7f00:1', '127.0.0.1'],
      ['0:0:0:0:0:ffff:a9fe:a9fe', '169.254.169.254'],
      ['::127.0.0.1', '127.0.0.1'],
      ['::a00:1', '10.0.0.1'],
      ['64:ff9b::127.0.0.1', '127.0.0.1'],
      ['64:ff9b::a9fe:a9fe', '169.254.169.254'],
      ['2002:7f00:1::1', '127.0.0.1'],
      ['2002:c0a8:101::', '192.168.1.1'],
    ];
    for (const [v6, v4] of cases) {
      assert.equal(embeddedV4(v6), v4, v6);
      assert.equal(isPublicAddress(v6), false, v6);
    }
    // …and lets the same forms through when the address inside is public.
    for (const a of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])
      assert.ok(isPublicAddress(a), a);
  });

  it('accepts public unicast addresses', () => {
    for (const a of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '2a00:1450::1',
    ])
      assert.ok(isPublicAddress(a), a);
    for (const a of ['', 'localhost', 'example.org', '1.2.3']) assert.equal(isPublicAddress(a), false, a);
  });

  it('parses IPv6 text forms to the same bytes', () => {
    assert.deepEqual(v6Bytes('::ffff:127.0.0.1'), v6Bytes('0:0:0:0:0:ffff:7f00:0001'));
    assert.deepEqual(v6Bytes('1::'), v6Bytes('1:0:0:0:0:0:0:0'));
  });
});
