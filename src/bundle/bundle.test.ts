/**
 * The evidence bundle: an intact bundle verifies; every way of altering one — a byte of any file,
 * a removed file, an added file, an edited manifest, a forged panel signature, unsafe or repeated
 * names in the zip — is caught and names the file; writing refuses bad input and leaves nothing.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { canonicalJson } from '../domain/canonical-json.js';
import { InputError } from '../domain/errors.js';
import { readZip, writeZip, type ZipItem } from '../test-support/zip.js';
import { type BundleEntry, type BundleMeta, type Manifest, writeBundle } from './bundle.js';
import { formatVerifyResult, type VerifyResult, verifyBundle } from './verify.js';

const work = mkdtempSync(join(tmpdir(), 'testigo-bundle-'));
after(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const tmp = (name: string) => join(work, `${++n}-${name}`);

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const pem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();

const signer = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const experts = [
  generateKeyPairSync('ed25519'),
  generateKeyPairSync('ed25519'),
  generateKeyPairSync('ed25519'),
];

const reportContent = Buffer.from(
  canonicalJson({ title: 'Informe', findings: ['detención arbitraria'] }),
  'utf8',
);
const reportHash = sha256(reportContent);
const photo = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 31 + 7) % 251));
const panelSig = (k: KeyObject, over: string) => sign(null, Buffer.from(over, 'utf8'), k).toString('base64');

function baseMeta(): BundleMeta {
  return {
    caseId: 'case_01TEST',
    caseTitle: 'Expediente de prueba',
    edition: 'confidential',
    createdAt: '2025-03-01T12:00:00.000Z',
    tool: 'testigo 0.1.0',
    auditHead: { seq: 42, hash: 'a'.repeat(64) },
    reportHash,
    panelSignatures: [
      {
        signer: 'Experta Uno',
        publicKeyPem: pem(experts[0]!.publicKey),
        signature: panelSig(experts[0]!.privateKey, reportHash),
        signedAt: '2025-02-28T10:00:00Z',
      },
      {
        signer: 'Experto Dos',
        publicKeyPem: pem(experts[1]!.publicKey),
        signature: panelSig(experts[1]!.privateKey, reportHash),
        signedAt: '2025-02-28T11:00:00Z',
      },
      // Void, and made over another hash: listed, never checked.
      {
        signer: 'Experto Tres',
        publicKeyPem: pem(experts[2]!.publicKey),
        signature: panelSig(experts[2]!.privateKey, 'f'.repeat(64)),
        signedAt: '2025-02-27T09:00:00Z',
        void: true,
      },
    ],
  };
}

function baseEntries(): BundleEntry[] {
  return [
    { path: 'report/report.pdf', source: Buffer.from('%PDF-1.7 fictional report'), role: 'report-pdf' },
    {
      path: 'report/report.html',
      source: Buffer.from('<!doctype html><h1>Informe</h1>'),
      role: 'report-html',
    },
    { path: 'report/content.json', source: reportContent, role: 'report-content' },
    {
      path: 'evidence/evi_01A-photo.jpg',
      source: () => Readable.from([photo.subarray(0, 20_000), photo.subarray(20_000)]),
      sha256: sha256(photo),
      role: 'evidence',
      meta: { evidenceId: 'evi_01A', title: 'Fotografía', mediaType: 'image/jpeg' },
    },
    {
      path: 'evidence/evi_01B-acta.txt',
      source: new Uint8Array(Buffer.from('Acta de detención, 3 de marzo')),
      sha256: sha256('Acta de detención, 3 de marzo'),
      role: 'evidence',
      meta: { evidenceId: 'evi_01B' },
    },
    { path: 'audit/head.json', source: Buffer.from('{"seq":42}'), role: 'audit-head' },
  ];
}

const get = (items: ZipItem[], name: string) => items.find(([n]) => n === name)![1];
const set = (items: ZipItem[], name: string, data: Buffer): ZipItem[] =>
  items.map(([n, d]) => [n, n === name ? data : d]);

/** Rebuilds the zip with an edited manifest, signed again by `key` (the bundle's own key by default). */
async function resigned(
  items: ZipItem[],
  edit: (m: Manifest) => void,
  key = signer.privateKey,
): Promise<string> {
  const m = JSON.parse(get(items, 'manifest.json').toString('utf8')) as Manifest;
  edit(m);
  const bytes = Buffer.from(canonicalJson(m), 'utf8');
  const sig = Buffer.from(sign(null, bytes, key).toString('base64'));
  return writeZip(tmp('resigned.zip'), set(set(items, 'manifest.json', bytes), 'manifest.sig', sig));
}

/** Offset of the first data byte of the entry `name` in a zip (from its local file header). */
function localDataOffset(raw: Buffer, name: string): number {
  for (
    let i = raw.indexOf('PK\x03\x04', 0, 'latin1');
    i >= 0;
    i = raw.indexOf('PK\x03\x04', i + 4, 'latin1')
  ) {
    const nameLen = raw.readUInt16LE(i + 26);
    const extraLen = raw.readUInt16LE(i + 28);
    if (raw.toString('utf8', i + 30, i + 30 + nameLen) === name) return i + 30 + nameLen + extraLen;
  }
  throw new Error(`${name} not in the zip`);
}

const codes = (r: VerifyResult) => r.failures.map((f) => `${f.code}:${f.file ?? ''}`).sort();

describe('evidence bundle', () => {
  let intact: string;
  let items: ZipItem[];
  let manifest: Manifest;
  before(async () => {
    intact = tmp('bundle.zip');
    const res = await writeBundle(intact, baseEntries(), baseMeta(), signer);
    manifest = res.manifest;
    assert.ok(res.bytes > 50_000);
    items = await readZip(intact);
  });

  it('writes every file, a README and the signed manifest; the intact bundle verifies', async () => {
    assert.deepEqual(items.map(([name]) => name).sort(), [
      'README.txt',
      'audit/head.json',
      'evidence/evi_01A-photo.jpg',
      'evidence/evi_01B-acta.txt',
      'manifest.json',
      'manifest.sig',
      'report/content.json',
      'report/report.html',
      'report/report.pdf',
    ]);
    assert.equal(manifest.files.length, 7);
    assert.equal(manifest.files.find((f) => f.path === 'evidence/evi_01A-photo.jpg')!.sha256, sha256(photo));
    assert.deepEqual(manifest.files.find((f) => f.path === 'evidence/evi_01A-photo.jpg')!.meta, {
      evidenceId: 'evi_01A',
      title: 'Fotografía',
      mediaType: 'image/jpeg',
    });
    assert.equal(manifest.files.find((f) => f.path === 'README.txt')!.role, 'readme');
    // The manifest is stored exactly as canonical JSON: sorted keys, the bytes the signature covers.
    const stored = get(items, 'manifest.json').toString('utf8');
    assert.equal(stored, canonicalJson(JSON.parse(stored)));
    assert.match(get(items, 'README.txt').toString('utf8'), /testigo verify/);
    assert.match(get(items, 'README.txt').toString('utf8'), new RegExp(manifest.signer.fingerprint));

    // Intact, but nobody pinned the signer: not verified.
    const unpinned = await verifyBundle(intact);
    assert.deepEqual(unpinned.failures, []);
    assert.equal(unpinned.intact, true);
    assert.equal(unpinned.ok, false);
    assert.match(formatVerifyResult(unpinned)[0]!, /^UNKNOWN SIGNER: signature valid but signer unknown/);
    const fp = manifest.signer.fingerprint;
    const r = await verifyBundle(intact, { trust: [{ fingerprint: fp, source: 'test' }] });
    assert.deepEqual(r.failures, []);
    assert.equal(r.ok, true);
    assert.equal(r.checkedFiles, 7);
    assert.equal(r.manifest?.meta.caseId, 'case_01TEST');
    assert.deepEqual(r.panel, { status: 'signed', valid: 2, required: null });
    assert.deepEqual(formatVerifyResult(r), [
      `OK: 7 files and every stated hash verified; signed by ${fp}, key pinned by test`,
      'Panel: signed by the panel (2 signatures)',
    ]);
    assert.deepEqual(formatVerifyResult(r, 'es'), [
      `OK: 7 archivos y todos los hashes declarados verificados; firmado por ${fp}, clave fijada por test`,
      'Panel: firmado por el panel (2 firmas)',
    ]);
    // A key pinned for another case file does not pin this one.
    const other = await verifyBundle(intact, {
      trust: [{ fingerprint: fp, caseId: 'case_OTHER', source: 't' }],
    });
    assert.deepEqual(codes(other), ['untrusted-signer:manifest.sig']);
    assert.equal(existsSync(`${intact}.partial`), false);
  });

  it('gives the same bytes for the same inputs (deterministic signature and entry times)', async () => {
    const again = tmp('again.zip');
    await writeBundle(again, baseEntries(), baseMeta(), signer);
    assert.ok(readFileSync(again).equals(readFileSync(intact)));
  });

  it('names exactly the file in which one byte was flipped, for every file', async () => {
    for (const f of manifest.files) {
      const data = Buffer.from(get(items, f.path));
      data[Math.floor(data.length / 2)]! ^= 0x01;
      const r = await verifyBundle(await writeZip(tmp('flipped.zip'), set(items, f.path, data)));
      assert.equal(r.ok, false, f.path);
      assert.deepEqual(codes(r), [`hash-mismatch:${f.path}`], f.path);
      assert.deepEqual(formatVerifyResult(r)[0]!.startsWith(`FAIL ${f.path}: `), true);
    }
  });

  it('names the file when a byte of its stored or deflated data is flipped in the zip itself', async () => {
    const raw = readFileSync(intact);
    // The photo is stored as is (already compressed format); the HTML is deflated.
    for (const name of ['evidence/evi_01A-photo.jpg', 'report/report.html']) {
      const at = localDataOffset(raw, name);
      const damaged = Buffer.from(raw);
      damaged[at + 3]! ^= 0x10;
      const path = tmp('rawflip.zip');
      writeFileSync(path, damaged);
      const r = await verifyBundle(path);
      assert.deepEqual(codes(r), [`hash-mismatch:${name}`], name);
    }
  });

  it('names every file that was removed', async () => {
    for (const f of manifest.files) {
      const r = await verifyBundle(
        await writeZip(
          tmp('removed.zip'),
          items.filter(([name]) => name !== f.path),
        ),
      );
      assert.deepEqual(codes(r), [`missing:${f.path}`], f.path);
      assert.equal(r.checkedFiles, 6);
    }
  });

  it('catches an edited manifest: a hash changed, a byte of the metadata changed, a flipped signature', async () => {
    const photoPath = 'evidence/evi_01A-photo.jpg';
    const m = get(items, 'manifest.json').toString('utf8');
    const otherHash = m.replace(sha256(photo), sha256('another photo'));
    let r = await verifyBundle(
      await writeZip(tmp('edited.zip'), set(items, 'manifest.json', Buffer.from(otherHash))),
    );
    assert.deepEqual(codes(r), [
      'hash-mismatch:evidence/evi_01A-photo.jpg',
      'manifest-signature:manifest.json',
    ]);
    assert.match(r.failures.find((f) => f.file === photoPath)!.message, /altered/);

    const retitled = m.replace('Expediente de prueba', 'Expediente de pruebA');
    r = await verifyBundle(
      await writeZip(tmp('edited.zip'), set(items, 'manifest.json', Buffer.from(retitled))),
    );
    assert.deepEqual(codes(r), ['manifest-signature:manifest.json']);

    const sig = Buffer.from(get(items, 'manifest.sig').toString().trim(), 'base64');
    sig[10]! ^= 0x80;
    r = await verifyBundle(
      await writeZip(tmp('sig.zip'), set(items, 'manifest.sig', Buffer.from(sig.toString('base64')))),
    );
    assert.deepEqual(codes(r), ['manifest-signature:manifest.json']);
  });

  it('a manifest re-signed by another key is intact but never verified: unknown signer, or untrusted', async () => {
    const forged = await resigned(
      items,
      (m) => {
        m.signer = {
          publicKeyPem: pem(stranger.publicKey),
          fingerprint: sha256(stranger.publicKey.export({ type: 'spki', format: 'der' })),
        };
      },
      stranger.privateKey,
    );
    const unpinned = await verifyBundle(forged);
    assert.equal(unpinned.intact, true);
    assert.equal(unpinned.ok, false, 'a valid signature by an unknown key is not a verified bundle');
    const r = await verifyBundle(forged, { trustedPublicKeysPem: [pem(signer.publicKey)] });
    assert.deepEqual(codes(r), ['untrusted-signer:manifest.sig']);
    assert.equal(
      (await verifyBundle(intact, { trustedPublicKeysPem: [pem(stranger.publicKey), pem(signer.publicKey)] }))
        .ok,
      true,
    );
    await assert.rejects(verifyBundle(intact, { trustedPublicKeysPem: ['not a key'] }), InputError);
  });

  it('names a file added to the zip', async () => {
    const r = await verifyBundle(
      await writeZip(tmp('extra.zip'), [...items, ['evidence/planted.jpg', Buffer.from('planted')]]),
    );
    assert.deepEqual(codes(r), ['unlisted:evidence/planted.jpg']);
  });

  it('reports every failure at once, not only the first', async () => {
    const pdf = Buffer.from(get(items, 'report/report.pdf'));
    pdf[0]! ^= 0xff;
    const tampered = set(items, 'report/report.pdf', pdf).filter(([name]) => name !== 'audit/head.json');
    const r = await verifyBundle(await writeZip(tmp('many.zip'), [...tampered, ['x.txt', Buffer.from('x')]]));
    assert.deepEqual(codes(r), [
      'hash-mismatch:report/report.pdf',
      'missing:audit/head.json',
      'unlisted:x.txt',
    ]);
    const lines = formatVerifyResult(r, 'es');
    assert.equal(lines.length, 4);
    assert.ok(lines.slice(0, 3).every((l) => l.startsWith('FALLO ')));
  });

  it('names the signer of a panel signature made over another hash; a void one is not checked', async () => {
    const forged = await resigned(items, (m) => {
      m.meta.panelSignatures[1]!.signature = panelSig(experts[1]!.privateKey, 'e'.repeat(64));
    });
    const r = await verifyBundle(forged);
    assert.deepEqual(codes(r), ['panel-signature:manifest.json']);
    assert.match(r.failures[0]!.message, /Experto Dos/);
    // The same bad signature, voided: fine.
    const voided = await resigned(items, (m) => {
      m.meta.panelSignatures[1]!.signature = panelSig(experts[1]!.privateKey, 'e'.repeat(64));
      m.meta.panelSignatures[1]!.void = true;
    });
    assert.equal((await verifyBundle(voided)).intact, true);
  });

  it('checks that reportHash is the hash of the report content', async () => {
    const r = await verifyBundle(
      await resigned(items, (m) => {
        m.meta.reportHash = sha256('another report');
        m.meta.panelSignatures = [];
      }),
    );
    assert.deepEqual(codes(r), ['report-hash:report/content.json']);
    const none = await verifyBundle(
      await resigned(items, (m) => {
        m.files.find((f) => f.role === 'report-content')!.role = 'other';
      }),
    );
    assert.deepEqual(codes(none), ['report-hash:manifest.json']);
  });

  it('names unsafe (zip-slip) and duplicated names in the zip', async () => {
    // yazl refuses to write such names, as it should; so write harmless ones of the same length and patch the bytes.
    const path = await writeZip(tmp('slip.zip'), [
      ...items,
      ['xx/evil.sh', Buffer.from('#!/bin/sh')],
      ['yyyyyyy.sh', Buffer.from('#!/bin/sh')],
      ['zzzzzzzzzz', Buffer.from('\\')],
      ['evidence/evi_01B-acta.txt', get(items, 'evidence/evi_01B-acta.txt')],
    ]);
    let raw = readFileSync(path).toString('latin1');
    raw = raw
      .replaceAll('xx/evil.sh', '../evil.sh')
      .replaceAll('yyyyyyy.sh', '/etc/xx.sh')
      .replaceAll('zzzzzzzzzz', 'dirr\\x.txt');
    writeFileSync(path, Buffer.from(raw, 'latin1'));
    const r = await verifyBundle(path);
    assert.deepEqual(codes(r), [
      'duplicate:evidence/evi_01B-acta.txt',
      'unsafe-path:../evil.sh',
      'unsafe-path:/etc/xx.sh',
      'unsafe-path:dirr\\x.txt',
    ]);
    const caseClash = await verifyBundle(
      await writeZip(tmp('case.zip'), [...items, ['README.TXT', Buffer.from('x')]]),
    );
    assert.deepEqual(codes(caseClash), ['duplicate:README.TXT', 'unlisted:README.TXT']);
  });

  it('refuses what is not a bundle: not a zip, no manifest, no signature, a manifest that is not JSON', async () => {
    const junk = tmp('junk.zip');
    writeFileSync(junk, 'not a zip at all');
    let r = await verifyBundle(junk);
    assert.deepEqual(
      r.failures.map((f) => f.code),
      ['unreadable'],
    );
    assert.equal(r.ok, false);
    assert.match(formatVerifyResult(r)[0]!, /^FAIL .*junk\.zip: not a readable zip file/);
    r = await verifyBundle(join(work, 'does-not-exist.zip'));
    assert.deepEqual(
      r.failures.map((f) => f.code),
      ['unreadable'],
    );

    r = await verifyBundle(
      await writeZip(
        tmp('nomanifest.zip'),
        items.filter(([name]) => name !== 'manifest.json'),
      ),
    );
    assert.deepEqual(codes(r), ['manifest:manifest.json']);
    r = await verifyBundle(
      await writeZip(
        tmp('nosig.zip'),
        items.filter(([name]) => name !== 'manifest.sig'),
      ),
    );
    assert.deepEqual(codes(r), ['manifest:manifest.sig']);
    r = await verifyBundle(
      await writeZip(tmp('badjson.zip'), set(items, 'manifest.json', Buffer.from('{"format":'))),
    );
    assert.deepEqual(codes(r), ['manifest:manifest.json']);
    r = await verifyBundle(
      await resigned(items, (m) => {
        (m as { format: string }).format = 'testigo-bundle/9';
      }),
    );
    assert.deepEqual(codes(r), ['manifest:manifest.json']);
    assert.match(r.failures[0]!.message, /format/);
  });

  it('refuses a wrong expected SHA-256 at write time and leaves no file behind', async () => {
    for (const source of [
      Buffer.from('the real bytes'),
      () => Readable.from([Buffer.from('the real bytes')]),
    ]) {
      const out = tmp('wrong.zip');
      const entries = [
        ...baseEntries(),
        { path: 'evidence/x.txt', source, sha256: sha256('other bytes'), role: 'evidence' },
      ];
      await assert.rejects(writeBundle(out, entries, baseMeta(), signer), (e: Error) => {
        assert.ok(e instanceof InputError);
        assert.match(e.message, /evidence\/x\.txt: its bytes have SHA-256 .*not the expected/);
        return true;
      });
      assert.equal(existsSync(out), false);
      assert.equal(existsSync(`${out}.partial`), false);
    }
  });

  it('stops and leaves nothing when a source stream fails', async () => {
    const out = tmp('broken.zip');
    async function* broken() {
      yield Buffer.alloc(1000);
      throw new Error('disk unplugged');
    }
    await assert.rejects(
      writeBundle(
        out,
        [...baseEntries(), { path: 'evidence/y.bin', source: broken, role: 'evidence' }],
        baseMeta(),
        signer,
      ),
      /disk unplugged/,
    );
    assert.equal(existsSync(out), false);
    assert.equal(existsSync(`${out}.partial`), false);
  });

  it('refuses unsafe, repeated and reserved paths, a bad report hash or panel signature, a mismatched key', async () => {
    const tries: [BundleEntry[], BundleMeta, RegExp][] = [
      [
        [...baseEntries(), { path: '../x', source: Buffer.from('x'), role: 'evidence' }],
        baseMeta(),
        /\.\.\/x: unsafe path/,
      ],
      [
        [...baseEntries(), { path: '/abs', source: Buffer.from('x'), role: 'evidence' }],
        baseMeta(),
        /absolute/,
      ],
      [
        [...baseEntries(), { path: 'a\\b', source: Buffer.from('x'), role: 'evidence' }],
        baseMeta(),
        /backslash/,
      ],
      [
        [...baseEntries(), { path: 'report/REPORT.pdf', source: Buffer.from('x'), role: 'x' }],
        baseMeta(),
        /given twice/,
      ],
      [
        [...baseEntries(), { path: 'manifest.json', source: Buffer.from('x'), role: 'x' }],
        baseMeta(),
        /reserved/,
      ],
      [
        baseEntries().filter((e) => e.role !== 'report-content'),
        baseMeta(),
        /exactly one file with role "report-content"/,
      ],
      [baseEntries(), { ...baseMeta(), reportHash: 'abc' }, /meta\.reportHash/],
      [
        baseEntries(),
        {
          ...baseMeta(),
          panelSignatures: [
            {
              ...baseMeta().panelSignatures[0]!,
              signature: panelSig(experts[0]!.privateKey, 'e'.repeat(64)),
            },
          ],
        },
        /panel signature of Experta Uno does not verify/,
      ],
    ];
    for (const [entries, meta, expected] of tries) {
      const out = tmp('refused.zip');
      await assert.rejects(
        writeBundle(out, entries, meta, signer),
        (e: Error) => e instanceof InputError && expected.test(e.message),
      );
      assert.equal(existsSync(out), false);
    }
    const out = tmp('keys.zip');
    await assert.rejects(
      writeBundle(out, baseEntries(), baseMeta(), {
        privateKey: signer.privateKey,
        publicKey: stranger.publicKey,
      }),
      /does not belong/,
    );
    assert.equal(existsSync(out), false);
  });

  it('streams a 10 MiB generated source; its hash in the manifest is the hash of the bytes', async () => {
    const chunk = 64 * 1024;
    const total = 10 * 1024 * 1024;
    const expected = createHash('sha256');
    async function* generate() {
      let x = 12345;
      for (let off = 0; off < total; off += chunk) {
        const b = Buffer.alloc(chunk);
        for (let i = 0; i < chunk; i += 4) {
          x = (Math.imul(x, 1103515245) + 12345) | 0;
          b.writeInt32LE(x, i);
        }
        expected.update(b);
        yield b;
      }
    }
    const out = tmp('large.zip');
    const entries = [
      ...baseEntries(),
      { path: 'evidence/evi_01C-video.mp4', source: generate, role: 'evidence' },
    ];
    const { manifest: m, bytes } = await writeBundle(out, entries, baseMeta(), signer);
    const f = m.files.find((x) => x.path === 'evidence/evi_01C-video.mp4')!;
    assert.equal(f.size, total);
    assert.equal(f.sha256, expected.digest('hex'));
    assert.ok(bytes > total, 'video formats are stored, not deflated');
    const r = await verifyBundle(out);
    assert.deepEqual(r.failures, []);
    assert.equal(r.checkedFiles, 8);
  });

  const haveTools = (() => {
    try {
      execFileSync(
        'sh',
        ['-c', 'command -v unzip && command -v jq && command -v openssl && command -v sha256sum'],
        { stdio: 'ignore' },
      );
      return true;
    } catch {
      return false;
    }
  })();
  it('the manual recipe in README.txt works with unzip, jq, sha256sum and openssl', {
    skip: !haveTools,
  }, () => {
    const dir = tmp('manual');
    mkdirSync(join(dir, 'bundle'), { recursive: true });
    const readme = get(items, 'README.txt').toString('utf8');
    const recipe = readme
      .slice(readme.indexOf('  mkdir bundle'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('mkdir'));
    const panel = recipe.filter((l) => /panel-N|report-hash\.txt/.test(l));
    const main = recipe.filter((l) => !panel.includes(l));
    const script = [
      'set -euo pipefail',
      `cd ${JSON.stringify(join(dir, 'bundle'))}`,
      `unzip -q ${JSON.stringify(intact)}`,
      ...main,
      ...[0, 1].flatMap((i) => panel.map((l) => l.replaceAll('[N]', `[${i}]`).replaceAll('-N.', `-${i}.`))),
    ].join('\n');
    const outText = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
    assert.equal(outText.match(/Signature Verified Successfully/g)?.length, 3, outText);
    assert.ok(outText.includes(manifest.signer.fingerprint), outText);
    assert.equal(outText.match(/: OK$/gm)?.length, 7, outText);
    assert.equal(outText.split(reportHash).length - 1, 2, outText);
  });
});

describe('the confidential authored text in the identity annex', () => {
  // What the panel signs holds only the SHA-256 of the confidential edition's authored sections; their
  // text travels in the identity annex. A server that alters that text after sign-off and re-signs
  // the bundle with its own key must still fail verify.
  const section = {
    section: 'background',
    lang: 'es',
    revision: 2,
    text: 'Antecedentes: el testimonio [1] describe la detención.',
    sources: [],
  };
  const bundleWith = async (annexSection: typeof section) => {
    const content = Buffer.from(
      canonicalJson({
        title: 'Informe',
        confidentialNarratives: [
          { section: 'background', lang: 'es', sha256: sha256(canonicalJson(section)) },
        ],
      }),
      'utf8',
    );
    const file = tmp('annex.zip');
    const entries = baseEntries().map((e) =>
      e.path === 'report/content.json' ? { ...e, source: content } : e,
    );
    entries.push({
      path: 'report/identity-annex.json',
      source: Buffer.from(JSON.stringify({ persons: {}, items: {}, narratives: [annexSection] })),
      role: 'identity-annex',
    });
    await writeBundle(file, entries, baseMeta(), signer);
    return verifyBundle(file);
  };
  const annexFailures = (r: VerifyResult) =>
    r.failures.filter((f) => f.file === 'report/identity-annex.json').map((f) => f.message);

  it('the committed text verifies', async () => {
    assert.deepEqual(annexFailures(await bundleWith(section)), []);
  });

  it('an altered text in a bundle signed again fails, naming the section', async () => {
    const r = await bundleWith({ ...section, text: `${section.text} (añadido después de la firma)` });
    assert.equal(r.ok, false);
    assert.match(
      annexFailures(r).join('\n'),
      /background\/es: the annex text is not the one the signed content commits to/,
    );
  });
});
