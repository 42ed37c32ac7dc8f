/**
 * SSRF matrix for server-side captures, against a local server on loopback only (no other address
 * is ever connected to: refused addresses are refused before any packet is sent). "Allowed" cases
 * use an injected resolver and the exact exception 127.0.0.1, so the real policy is what refuses
 * every other form of the same machine — IPv4-mapped, compatible, NAT64, 127.0.0.2, ::1 — directly
 * and behind redirects.
 */
import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchPage } from './fetch.js';

const HOSTS: Record<string, string[]> = {
  'public.test': ['127.0.0.1'],
  'rebind.test': ['127.0.0.1', '127.0.0.2'],
  'meta.test': ['169.254.169.254'],
  'ula.test': ['fd00::1'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'nat64.test': ['64:ff9b::a9fe:a9fe'],
  'linklocal.test': ['fe80::1'],
  'multicast.test': ['224.0.0.251'],
  'zero.test': ['0.0.0.0'],
};
const resolve = async (host: string): Promise<LookupAddress[]> => {
  const list = HOSTS[host];
  if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('capture fetch against SSRF', () => {
  let server: Server;
  let port: number;
  let closedPort: number;
  const hits: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
      if (to) {
        res.writeHead(302, { Location: to });
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body><p>secreto interno</p></body></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
  });
  after(() => server.close());

  const policy = { denyPrivate: true, resolve, allowAddresses: ['127.0.0.1'], timeoutMs: 3000 };
  const uniform = /could not be fetched \(unreachable, or not a public address\); nothing was stored$/;

  it('fetches through the allowed name (the injected resolver and exception work)', async () => {
    const r = await fetchPage(`http://public.test:${port}/ok`, policy);
    assert.equal(r.final.response.status, 200);
    assert.equal(r.final.remoteAddress, '127.0.0.1');
  });

  it('refuses every non-public form of an address, literal or resolved, before connecting', async () => {
    const before = hits.length;
    const refused = [
      `http://127.0.0.2:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      `http://[::127.0.0.1]:${port}/`,
      `http://[64:ff9b::7f00:1]:${port}/`,
      `http://[2002:7f00:1::1]:${port}/`,
      `http://0.0.0.0:${port}/`,
      `http://0x7f000002:${port}/`,
      `http://2130706434:${port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      ...Object.keys(HOSTS)
        .filter((h) => h !== 'public.test')
        .map((h) => `http://${h}:${port}/`),
    ];
    for (const url of refused) await assert.rejects(fetchPage(url, policy), uniform, url);
    assert.equal(hits.length, before, 'no refused address reached the server');
  });

  it('checks every redirect: a public first hop cannot bounce the fetch to the machine itself', async () => {
    const targets = [
      `http://[::ffff:127.0.0.1]:${port}/secret`,
      `http://127.0.0.2:${port}/secret`,
      `http://[::1]:${port}/secret`,
      `http://mapped.test:${port}/secret`,
      'http://meta.test/latest/meta-data/',
      `http://public.test:${port}/?to=${encodeURIComponent(`http://[::ffff:127.0.0.1]:${port}/secret`)}`,
    ];
    for (const to of targets) {
      const first = `http://public.test:${port}/?to=${encodeURIComponent(to)}`;
      await assert.rejects(fetchPage(first, policy), uniform, to);
    }
    assert.ok(!hits.includes('/secret'), 'no redirect reached the refused address');
  });

  it('gives one message for a closed port, an unknown name and a refused address (no oracle)', async () => {
    const messageOf = async (url: string) => {
      try {
        await fetchPage(url, policy);
        return 'fetched';
      } catch (e) {
        return (e as Error).message.replace(url, 'URL');
      }
    };
    const closed = await messageOf(`http://public.test:${closedPort}/`);
    const refusedOpen = await messageOf(`http://127.0.0.2:${port}/`);
    const refusedClosed = await messageOf(`http://127.0.0.2:${closedPort}/`);
    const unknown = await messageOf('http://nowhere.test/');
    assert.match(closed, uniform);
    assert.deepEqual(new Set([closed, refusedOpen, refusedClosed, unknown]).size, 1);
  });

  it('without the policy (the command line, a trusted user) loopback is fetched as before', async () => {
    const r = await fetchPage(`http://127.0.0.1:${port}/plain`, { resolve });
    assert.equal(r.final.response.status, 200);
  });
});
