/**
 * Which network addresses a server-side capture may connect to: public unicast only. Everything
 * in the IANA special-purpose registries is refused — loopback, private, CGNAT, link-local (and
 * with it the 169.254.169.254 cloud metadata service), "this network" 0.0.0.0/8, benchmarking,
 * documentation, multicast, reserved, broadcast — and IPv6 addresses that carry an IPv4 address
 * (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are
 * judged by the IPv4 address inside them. For IPv6 only global unicast 2000::/3 is public, minus
 * its special blocks (Teredo, documentation, ORCHID, benchmarking …). Pure: no I/O.
 */
import { isIP } from 'node:net';

/** [first address, prefix length] of IPv4 blocks that are not public. */
const V4_DENY: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.31.196.0', 24], // AS112
  ['192.52.193.0', 24], // AMT
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['192.175.48.0', 24], // AS112
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
];

/** Special blocks inside 2000::/3 (global unicast) that are not public. */
const V6_DENY: [string, number][] = [
  ['2001::', 23], // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID …
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: judged by its embedded IPv4 address instead (below)
  ['3fff::', 20], // documentation (RFC 9637)
];

function v4ToInt(a: string): number {
  return a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function inV4(n: number, [base, bits]: [string, number]): boolean {
  const size = 2 ** (32 - bits);
  const start = v4ToInt(base);
  return n >= start && n < start + size;
}

/** The 16 bytes of an IPv6 address (also with an embedded dotted IPv4 tail and a zone id). */
export function v6Bytes(address: string): Uint8Array {
  let s = address.toLowerCase().replace(/%.*$/, '');
  const tail = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const n = v4ToInt(tail[1]!);
    s = `${s.slice(0, -tail[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, rest] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const r = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const groups = rest === undefined ? h : [...h, ...Array(8 - h.length - r.length).fill('0'), ...r];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = Number.parseInt(g || '0', 16);
    out[i * 2] = v >> 8;
    out[i * 2 + 1] = v & 0xff;
  });
  return out;
}

function inV6(b: Uint8Array, [base, bits]: [string, number]): boolean {
  const p = v6Bytes(base);
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8);
    if ((b[i >> 3]! & mask) !== (p[i >> 3]! & mask)) return false;
  }
  return true;
}

const v4Of = (b: Uint8Array, at: number) => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
const zero = (b: Uint8Array, from: number, to: number) => b.slice(from, to).every((x) => x === 0);

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
export function embeddedV4(address: string): string | undefined {
  const b = v6Bytes(address);
  if (zero(b, 0, 10) && b[10] === 0xff && b[11] === 0xff) return v4Of(b, 12); // ::ffff:a.b.c.d
  if (zero(b, 0, 12) && !zero(b, 12, 16)) return v4Of(b, 12); // ::a.b.c.d (deprecated "compatible")
  if (inV6(b, ['64:ff9b::', 96])) return v4Of(b, 12); // NAT64 well-known prefix
  if (inV6(b, ['2002::', 16])) return v4Of(b, 2); // 6to4
  return undefined;
}

/** True only for a public unicast address a server may fetch from. */
export function isPublicAddress(address: string): boolean {
  const v = isIP(address.replace(/%.*$/, ''));
  if (v === 4) {
    const n = v4ToInt(address);
    return !V4_DENY.some((block) => inV4(n, block));
  }
  if (v === 6) {
    const inner = embeddedV4(address);
    if (inner !== undefined) return isPublicAddress(inner);
    const b = v6Bytes(address);
    // Only global unicast 2000::/3; that excludes ::, ::1, fe80::/10, fc00::/7 (ULA), ff00::/8
    // (multicast), 64:ff9b:1::/48 (local NAT64) and everything else unassigned.
    if ((b[0]! & 0xe0) !== 0x20) return false;
    return !V6_DENY.some((block) => inV6(b, block));
  }
  return false;
}
