/**
 * RFC 3161 timestamps against a local authority made in the test with a real, independent
 * implementation (`openssl ts -reply`, OpenSSL 3): the request Testigo writes is one OpenSSL
 * reads; the authority's response is accepted, stored next to the bundle and verified offline;
 * a response for another manifest, for another request (nonce), by an authority that is not
 * pinned, or with a flipped byte is refused. Skipped only where the openssl command is missing.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeBundle } from '../../bundle/bundle.js';
import { keyFingerprint } from '../../bundle/manifest.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { runCli } from '../../test-support/cli.js';
import { tempDir } from '../../test-support/stores.js';
import { readZip } from '../../test-support/zip.js';

const haveOpenssl = (() => {
  try {
    execFileSync('openssl', ['ts', '-help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const TSA_CONFIG = `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ./serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
other_policies = 1.3.6.1.4.1.99999.2
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/** A local time-stamping authority: a CA and a TSA certificate it issued (P-256, OpenSSL). */
function makeAuthority(dir: string, name: string) {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    `${name}-ca.key`,
    '-out',
    `${name}-ca.crt`,
    '-subj',
    `/CN=${name} CA`,
    '-days',
    '2',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  run('req', ...ec, '-keyout', `${name}-tsa.key`, '-out', `${name}-tsa.csr`, '-subj', `/CN=${name} TSA`);
  writeFileSync(
    join(dir, `${name}-ext.cnf`),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
  );
  run(
    'x509',
    '-req',
    '-in',
    `${name}-tsa.csr`,
    '-CA',
    `${name}-ca.crt`,
    '-CAkey',
    `${name}-ca.key`,
    '-CAcreateserial',
    '-out',
    `${name}-tsa.crt`,
    '-days',
    '2',
    '-extfile',
    `${name}-ext.cnf`,
  );
  writeFileSync(join(dir, 'tsa.cnf'), TSA_CONFIG);
  if (!existsSync(join(dir, 'serial'))) writeFileSync(join(dir, 'serial'), '01\n');
  return {
    ca: join(dir, `${name}-ca.crt`),
    /** Answers a request file with `openssl ts -reply`; returns the response's path. */
    reply(query: string, out: string): string {
      run(
        'ts',
        '-reply',
        '-config',
        'tsa.cnf',
        '-queryfile',
        query,
        '-inkey',
        `${name}-tsa.key`,
        '-signer',
        `${name}-tsa.crt`,
        '-out',
        out,
      );
      return join(dir, out);
    },
  };
}

describe('testigo timestamp (RFC 3161, local OpenSSL authority)', { skip: !haveOpenssl }, () => {
  let dir: string;
  let bundle: string;
  let other: string;
  let fp: string;
  let manifestSha: string;
  let authority: ReturnType<typeof makeAuthority>;
  let stranger: ReturnType<typeof makeAuthority>;

  async function makeBundle(path: string, text: string) {
    const content = Buffer.from(canonicalJson({ title: text }), 'utf8');
    const signer = generateKeyPairSync('ed25519');
    await writeBundle(
      path,
      [
        { path: 'report/content.json', source: content, role: 'report-content' },
        { path: 'evidence/a.txt', source: Buffer.from(text), role: 'evidence' },
      ],
      {
        caseId: 'cas_TS',
        caseTitle: 'Sello',
        edition: 'public',
        createdAt: '2025-01-01T00:00:00.000Z',
        tool: 'test',
        auditHead: null,
        reportHash: createHash('sha256').update(content).digest('hex'),
        panelSignatures: [],
      },
      signer,
    );
    return keyFingerprint(signer.publicKey);
  }

  before(async () => {
    dir = tempDir('testigo-tsa-');
    authority = makeAuthority(dir, 'local');
    stranger = makeAuthority(dir, 'stranger');
    bundle = join(dir, 'bundle.zip');
    other = join(dir, 'other.zip');
    fp = await makeBundle(bundle, 'uno');
    await makeBundle(other, 'dos');
    const manifest = (await readZip(bundle)).find(([n]) => n === 'manifest.json')![1];
    manifestSha = createHash('sha256').update(manifest).digest('hex');
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes a request OpenSSL reads: SHA-256 of manifest.json, a nonce, the certificate asked for', async () => {
    const r = await runCli(['timestamp', 'request', bundle]);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.includes(manifestSha));
    const text = execFileSync('openssl', ['ts', '-query', '-in', `${bundle}.tsq`, '-text'], {
      encoding: 'utf8',
    });
    assert.match(text, /Hash Algorithm: sha256/);
    assert.match(text, /Certificate required: yes/);
    assert.match(text, /Nonce: 0x[0-9A-F]+/);
    const hexDump = [...text.matchAll(/^\s+[0-9a-f]{4} - ([0-9a-f -]+?)\s{2,}/gm)]
      .map((m) => m[1]!.replace(/[ -]/g, ''))
      .join('');
    assert.equal(hexDump, manifestSha);
  });

  it('accepts the authority response, stores it next to the bundle, and verify reports the pinned time', async () => {
    const resp = authority.reply(`${bundle}.tsq`, 'resp.tsr');
    const a = await runCli(['timestamp', 'accept', bundle, resp, '--tsa-cert', authority.ca]);
    assert.equal(a.code, 0, a.err);
    assert.match(a.out, /existed at \d{4}-\d\d-\d\dT.* according to CN=local TSA \(pinned authority\)/);
    assert.ok(readFileSync(`${bundle}.tsr`).equals(readFileSync(resp)));
    const v = await runCli(['verify', bundle, '--trust', fp, '--tsa-cert', authority.ca]);
    assert.equal(v.code, 0, v.err);
    assert.match(v.out, /RFC 3161 timestamp: the manifest existed at .* \(authority CN=local TSA, pinned\)/);
    // The CA in a trust file pins it too.
    const trustFile = join(dir, 'trust.txt');
    writeFileSync(trustFile, `${fp}\n${readFileSync(authority.ca, 'utf8')}`);
    const viaFile = await runCli(['verify', bundle, '--trust', trustFile]);
    assert.equal(viaFile.code, 0, viaFile.err);
    assert.match(viaFile.out, /pinned\)/);
    // No TSA pinned: the timestamp proves no time and says so.
    const unpinned = await runCli(['verify', bundle, '--trust', fp]);
    assert.equal(unpinned.code, 0, unpinned.err);
    assert.match(unpinned.out, /valid but from an unknown authority \(CN=local TSA\): it proves no time/);
  });

  it('refuses a response for another manifest, for another request, from an unpinned authority, or altered', async () => {
    // Another bundle's manifest.
    assert.equal((await runCli(['timestamp', 'request', other])).code, 0);
    const wrong = authority.reply(`${other}.tsq`, 'other.tsr');
    const a = await runCli([
      'timestamp',
      'accept',
      bundle,
      wrong,
      '--tsa-cert',
      authority.ca,
      '--request',
      join(dir, 'none.tsq'),
    ]);
    assert.equal(a.code, 2, 'an unreadable request file is a usage error');
    const b = await runCli([
      'timestamp',
      'accept',
      bundle,
      wrong,
      '--tsa-cert',
      authority.ca,
      '--request',
      `${other}.tsq`,
    ]);
    assert.equal(b.code, 1);
    assert.match(b.err, new RegExp(`not this manifest's SHA-256 ${manifestSha}`));
    assert.match(b.err, /NOT stored/);
    const v = await runCli(['verify', bundle, '--trust', fp, '--timestamp', wrong]);
    assert.equal(v.code, 1);
    assert.match(v.err, /FAIL: the token timestamps/);
    // Same hash, another request: the nonce differs.
    const first = readFileSync(`${bundle}.tsq`);
    assert.equal((await runCli(['timestamp', 'request', bundle, '--out', join(dir, 'second.tsq')])).code, 0);
    const replay = authority.reply(join(dir, 'second.tsq'), 'second.tsr');
    writeFileSync(join(dir, 'first.tsq'), first);
    const n = await runCli([
      'timestamp',
      'accept',
      bundle,
      replay,
      '--tsa-cert',
      authority.ca,
      '--request',
      join(dir, 'first.tsq'),
    ]);
    assert.equal(n.code, 1);
    assert.match(n.err, /nonce is not the request's/);
    // Signed by another authority than the pinned one.
    const foreign = stranger.reply(`${bundle}.tsq`, 'foreign.tsr');
    const f = await runCli([
      'verify',
      bundle,
      '--trust',
      fp,
      '--timestamp',
      foreign,
      '--tsa-cert',
      authority.ca,
    ]);
    assert.equal(f.code, 1);
    assert.match(f.err, /signed by CN=stranger TSA that is none of the pinned TSA certificates/);
    // One byte flipped in the signed token.
    const bytes = readFileSync(authority.reply(`${bundle}.tsq`, 'flip.tsr'));
    bytes[bytes.length - 40]! ^= 0x01;
    writeFileSync(join(dir, 'flipped.tsr'), bytes);
    const t = await runCli([
      'verify',
      bundle,
      '--trust',
      fp,
      '--timestamp',
      join(dir, 'flipped.tsr'),
      '--tsa-cert',
      authority.ca,
    ]);
    assert.equal(t.code, 1);
    assert.match(t.err, /FAIL: /);
  });
});
