/**
 * `testigo verify` on a real case's bundle (SQLite store; the bundle is checked offline, so the
 * engine does not matter to verify): an intact bundle passes only with its signer pinned; a
 * forged one (an evidence file changed, every manifest hash recomputed, re-signed with a fresh
 * key), one whose custody log disagrees with a file, and one from an unknown signer all exit 1
 * naming why; the panel's sign-off is reported, never a bare OK.
 */
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeCaseBundle } from '../../bundle/case-bundle.js';
import { keyFingerprint, type Manifest } from '../../bundle/manifest.js';
import { capture } from '../../capture/service.js';
import { canonicalJson } from '../../domain/canonical-json.js';
import { BUNDLE_KEY_PURPOSE, prepareReport } from '../../report/build.js';
import { setPanel, signVersion } from '../../review/panel.js';
import { runCli } from '../../test-support/cli.js';
import { sqliteBackend, type TestStore, tempDir } from '../../test-support/stores.js';
import { readZip, writeZip, type ZipItem } from '../../test-support/zip.js';

const pem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const get = (items: ZipItem[], name: string) => items.find(([n]) => n === name)![1];

/** The bundle with `edit` applied to its files, every manifest hash recomputed and signed by `key`. */
async function reforged(
  items: ZipItem[],
  out: string,
  edit: (name: string, data: Buffer) => Buffer,
  key: { privateKey: KeyObject; publicKey: KeyObject },
): Promise<string> {
  const files = items.map(
    ([n, d]): ZipItem => [n, n === 'manifest.json' || n === 'manifest.sig' ? d : edit(n, d)],
  );
  const m = JSON.parse(get(items, 'manifest.json').toString('utf8')) as Manifest;
  for (const f of m.files) {
    const data = get(files, f.path);
    f.sha256 = sha256(data);
    f.size = data.length;
  }
  m.signer = { publicKeyPem: pem(key.publicKey), fingerprint: keyFingerprint(key.publicKey) };
  const bytes = Buffer.from(canonicalJson(m), 'utf8');
  const sig = Buffer.from(`${sign(null, bytes, key.privateKey).toString('base64')}\n`);
  return writeZip(
    out,
    files.map(([n, d]) => [n, n === 'manifest.json' ? bytes : n === 'manifest.sig' ? sig : d]),
  );
}

describe('testigo verify', () => {
  let t: TestStore;
  let work: string;
  let caseId: string;
  let bundle: string;
  let items: ZipItem[];
  let caseKey: { privateKey: KeyObject; publicKey: KeyObject };
  let fp: string;
  let photoPath: string;
  const experts = [generateKeyPairSync('ed25519'), generateKeyPairSync('ed25519')];
  let publicBundle: string;
  let publicItems: ZipItem[];
  let testimonyId: string;
  let captureItemId: string;
  const STATEMENT = 'Me llevaron al sótano de la sede y me interrogaron durante dos días.';

  before(async () => {
    t = await sqliteBackend.open();
    work = tempDir('testigo-verify-');
    caseId = (await t.store.createCase({ title: 'Verificación' }, 'test')).id;
    const acquisition = {
      by: 'documentalista',
      at: '2024-05-01T10:00:00Z',
      method: 'fotografía en el lugar',
      tool: 'cámara del teléfono',
    };
    const photo = await t.store.addEvidence(
      caseId,
      Buffer.from('foto de la fachada del centro de detención'),
      {
        title: 'Fachada',
        kind: 'photo',
        mediaType: 'image/jpeg',
        fileName: 'fachada.jpg',
        acquisition: { ...acquisition, from: 'calle Bolívar 12' },
        consent: 'public',
        protection: 'public',
      } as never,
      'test',
    );
    await t.store.addEvidence(
      caseId,
      Buffer.from('acta de detención'),
      {
        title: 'Acta',
        kind: 'document',
        mediaType: 'text/plain',
        fileName: 'acta.txt',
        acquisition,
        consent: 'courts',
        protection: 'restricted',
      } as never,
      'test',
    );
    // A protected testimony (never in the public edition, hashed in the annex) and a web capture
    // consented for courts (in the confidential bundle as its WARC).
    testimonyId = (
      await t.store.create(
        'testimony',
        caseId,
        { title: 'Testimonio de T-1', statement: STATEMENT, language: 'es', consent: 'courts' },
        'test',
      )
    ).id;
    const cap = await capture(
      t.store,
      caseId,
      {
        kind: 'file',
        fileName: 'nota.txt',
        bytes: Buffer.from('Nota de prensa: detenciones en la sede de la policía el 3 de mayo de 2024.\n'),
        mediaType: 'text/plain',
      },
      { actor: 'test' },
    );
    captureItemId = cap.itemId;
    const warcRec = (await t.store.get('evidence', cap.evidenceId))!;
    await t.store.update('evidence', cap.evidenceId, { ...warcRec.body, consent: 'courts' }, 'test');
    await setPanel(
      t.store,
      caseId,
      {
        name: 'Panel',
        requiredSignatures: 2,
        members: experts.map((k, i) => ({
          username: `experta${i}`,
          name: `Experta ${i}`,
          role: 'member' as const,
          publicKeyPem: pem(k.publicKey),
          assignments: [],
        })),
      },
      'test',
    );
    const r = await prepareReport(t.store, caseId, { actor: 'test', freeze: true });
    const signature = sign(null, Buffer.from(r.contentSha256, 'utf8'), experts[0]!.privateKey).toString(
      'base64',
    );
    await signVersion(t.store, caseId, r.version!.id, 'experta0', signature);
    bundle = join(work, 'confidential.zip');
    await writeCaseBundle(t.store, caseId, 'confidential', bundle, 'test', 'testigo test');
    items = await readZip(bundle);
    publicBundle = join(work, 'public.zip');
    await writeCaseBundle(t.store, caseId, 'public', publicBundle, 'test', 'testigo test');
    publicItems = await readZip(publicBundle);
    caseKey = t.store.sealer.signingKey(BUNDLE_KEY_PURPOSE);
    fp = keyFingerprint(caseKey.publicKey);
    photoPath = items.find(([n]) => n.startsWith(`evidence/${photo.id}`))![0];
  });
  after(async () => {
    await t?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the report names the case key; an intact bundle passes with that key pinned, --trust in any position', async () => {
    const content = JSON.parse(get(items, 'report/content.json').toString('utf8')) as {
      caseKeyFingerprint: string;
    };
    assert.equal(content.caseKeyFingerprint, fp);
    assert.ok(get(items, 'report/report-confidential-en.html').toString('utf8').includes(fp));
    for (const args of [
      ['verify', bundle, '--trust', fp],
      ['verify', '--trust', fp, bundle],
      ['verify', '--trust', fp.replace(/(..)(?!$)/g, '$1:').toUpperCase(), bundle],
    ]) {
      const r = await runCli(args);
      assert.equal(r.code, 0, `${args.join(' ')}\n${r.err}`);
      assert.match(r.out, new RegExp(`^OK: .*signed by ${fp}, key pinned by --trust`));
      assert.match(r.out, /Panel: partially signed: 1 of 2 panel signatures/);
    }
    // A trust file of known case keys (given, or from TESTIGO_TRUST_FILE); a PEM key file.
    const trustFile = join(work, 'trusted-keys.txt');
    writeFileSync(
      trustFile,
      `# keys of the cases we receive\n${'0'.repeat(64)} cas_OTHER\n${fp} ${caseId} Verificación\n`,
    );
    const viaFile = await runCli(['verify', bundle, '--trust', trustFile]);
    assert.equal(viaFile.code, 0, viaFile.err);
    assert.match(viaFile.out, /pinned by .*trusted-keys\.txt:3 \(Verificación\)/);
    assert.equal((await runCli(['verify', bundle], { TESTIGO_TRUST_FILE: trustFile })).code, 0);
    const pemFile = join(work, 'case.pub.pem');
    writeFileSync(pemFile, pem(caseKey.publicKey));
    assert.equal((await runCli(['verify', '--trust', pemFile, bundle])).code, 0);
  });

  it('without a pin: "signature valid but signer unknown", exit 1; a key pinned for another case does not count', async () => {
    const r = await runCli(['verify', bundle], { TESTIGO_TRUST_FILE: undefined });
    assert.equal(r.code, 1);
    assert.match(r.err, /signature valid but signer unknown/);
    const otherCase = join(work, 'other-case.txt');
    writeFileSync(otherCase, `${fp} cas_SOMETHINGELSE\n`);
    const r2 = await runCli(['verify', bundle, '--trust', otherCase]);
    assert.equal(r2.code, 1);
    assert.match(r2.err, /not among the trusted keys for case/);
  });

  it('--require-signed fails a partially signed report', async () => {
    const r = await runCli(['verify', bundle, '--trust', fp, '--require-signed']);
    assert.equal(r.code, 1);
    assert.match(r.out, /partially signed: 1 of 2/);
  });

  it('a forged bundle (evidence changed, every manifest hash recomputed, re-signed with a fresh key) fails', async () => {
    const fresh = generateKeyPairSync('ed25519');
    const forged = await reforged(
      items,
      join(work, 'forged.zip'),
      (n, d) => (n === photoPath ? Buffer.from('otra foto') : d),
      fresh,
    );
    const unpinned = await runCli(['verify', forged]);
    assert.equal(unpinned.code, 1);
    assert.match(
      unpinned.err,
      new RegExp(`FAIL evidence/custody.json: custody entry 1 of .* but ${photoPath} has`),
    );
    assert.match(unpinned.err, /FAIL report\/content.json: the report's annex states SHA-256/);
    assert.match(unpinned.err, /FAIL report\/content.json: the report names the case's signing key/);
    assert.match(
      unpinned.err,
      /FAIL report\/report-confidential-es.html: the report does not show the SHA-256/,
    );
    const pinned = await runCli(['verify', forged, '--trust', fp]);
    assert.equal(pinned.code, 1);
    assert.match(
      pinned.err,
      /FAIL manifest.sig: signed by [0-9a-f]{64}, which is not among the trusted keys/,
    );
    // Even pinning the forger's key does not make the forgery pass: the stated hashes disagree.
    assert.equal((await runCli(['verify', forged, '--trust', keyFingerprint(fresh.publicKey)])).code, 1);
  });

  it('a bundle whose custody log disagrees with a file fails, even signed by the case key', async () => {
    const custody = JSON.parse(get(items, 'evidence/custody.json').toString('utf8')) as Record<
      string,
      { sha256?: string }[]
    >;
    const [id, log] = Object.entries(custody)[0]!;
    log[0]!.sha256 = 'f'.repeat(64);
    const bad = await reforged(
      items,
      join(work, 'custody.zip'),
      (n, d) => (n === 'evidence/custody.json' ? Buffer.from(JSON.stringify(custody)) : d),
      caseKey,
    );
    const r = await runCli(['verify', bad, '--trust', fp]);
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      new RegExp(`FAIL evidence/custody.json: custody entry 1 of ${id} .* states SHA-256 f{64}`),
    );
    assert.match(r.err, /1 failure\(s\)/);
  });

  it('an unknown signer fails, a bad --trust value is a usage error', async () => {
    const stranger = generateKeyPairSync('ed25519');
    const r = await runCli(['verify', bundle, '--trust', keyFingerprint(stranger.publicKey)]);
    assert.equal(r.code, 1);
    assert.match(r.err, /not among the trusted keys/);
    const bad = await runCli(['verify', bundle, '--trust', join(work, 'no-such-file')]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /neither a key fingerprint/);
  });

  it('court-grade contents: acquisition records, custody recorders, testimony hashes, WARC captures, audit checkpoint', async () => {
    const manifest = (its: ZipItem[]) => JSON.parse(get(its, 'manifest.json').toString('utf8')) as Manifest;
    const conf = manifest(items);
    const pub = manifest(publicItems);
    // The record of collection: when/how/tool in both editions; who and from where only in the confidential one.
    const photoConf = conf.files.find((f) => f.path === photoPath)!.meta!;
    assert.deepEqual(
      [
        photoConf.acquiredAt,
        photoConf.acquisitionMethod,
        photoConf.acquisitionTool,
        photoConf.acquiredBy,
        photoConf.acquiredFrom,
      ],
      [
        '2024-05-01T10:00:00Z',
        'fotografía en el lugar',
        'cámara del teléfono',
        'documentalista',
        'calle Bolívar 12',
      ],
    );
    const photoPub = pub.files.find((f) => f.path === photoPath)!.meta!;
    assert.equal(photoPub.acquisitionMethod, 'fotografía en el lugar');
    assert.equal(photoPub.acquiredBy, undefined);
    assert.equal(photoPub.acquiredFrom, undefined);
    assert.doesNotMatch(get(publicItems, 'manifest.json').toString('utf8'), /documentalista|Bolívar/);
    // Custody: the recording account and the server's time in the confidential edition only.
    const custody = (its: ZipItem[]) =>
      Object.values(
        JSON.parse(get(its, 'evidence/custody.json').toString('utf8')) as Record<
          string,
          Record<string, unknown>[]
        >,
      )[0]![0]!;
    assert.equal(custody(items).recordedBy, 'test');
    assert.match(String(custody(items).recordedAt), /^\d{4}-\d\d-\d\dT/);
    assert.equal(custody(publicItems).recordedBy, undefined);
    assert.equal(custody(publicItems).actor, undefined);
    // The withheld testimony: its hash in the public annex, never its words.
    const content = JSON.parse(get(publicItems, 'report/content.json').toString('utf8')) as {
      annex: { id: string; sha256?: string; withheld: boolean; title?: string }[];
    };
    const tAnnex = content.annex.find((a) => a.id === testimonyId)!;
    assert.equal(tAnnex.withheld, true);
    assert.equal(tAnnex.title, undefined);
    const rec = (await t.store.get('testimony', testimonyId))!;
    assert.equal(tAnnex.sha256, sha256(Buffer.from(canonicalJson(rec.body), 'utf8')));
    for (const [name, data] of publicItems)
      assert.ok(!data.toString('utf8').includes('sótano de la sede'), `${name} holds the testimony's words`);
    assert.ok(get(publicItems, 'report/report-public-es.html').toString('utf8').includes(tAnnex.sha256!));
    // The web capture as its WARC, tied to the information item it preserves.
    const warc = conf.files.find((f) => f.meta?.mediaType === 'application/warc')!;
    assert.match(warc.path, /\.warc$/);
    assert.equal(warc.meta!.captureOf, captureItemId);
    assert.match(get(items, warc.path).subarray(0, 9).toString(), /^WARC\/1\.1/);
    assert.equal(
      pub.files.find((f) => f.meta?.mediaType === 'application/warc'),
      undefined,
      'consent: courts only',
    );
    // The audit log's signed checkpoint, covering the head the manifest states.
    const cp = JSON.parse(get(items, 'audit/checkpoint.json').toString('utf8')) as {
      treeSize: number;
      headHash: string;
    };
    assert.deepEqual(conf.meta.auditHead, { seq: cp.treeSize, hash: cp.headHash });
    const ok = await runCli(['verify', bundle, '--trust', fp]);
    assert.match(ok.out, new RegExp(`Audit log: signed checkpoint of ${cp.treeSize} entries`));
    const bad = await reforged(
      items,
      join(work, 'checkpoint.zip'),
      (n, d) =>
        n === 'audit/checkpoint.json'
          ? Buffer.from(
              d
                .toString('utf8')
                .replace(/"rootHash": "(.)/, (_, c: string) => `"rootHash": "${c === '0' ? '1' : '0'}`),
            )
          : d,
      caseKey,
    );
    const r = await runCli(['verify', bad, '--trust', fp]);
    assert.equal(r.code, 1);
    assert.match(r.err, /FAIL audit\/checkpoint.json: the checkpoint signature is invalid/);
  });

  it('the panel signs what people read: the rendered text is in the signed content; an edited HTML report fails', async () => {
    const content = JSON.parse(get(items, 'report/content.json').toString('utf8')) as {
      renderings: { format: string; sha256: Record<string, string> };
    };
    assert.equal(content.renderings.format, 'testigo-text/1');
    assert.deepEqual(Object.keys(content.renderings.sha256).sort(), [
      'confidential-en',
      'confidential-es',
      'public-en',
      'public-es',
    ]);
    // One word of the English report changed, every hash recomputed, signed again with the case key.
    const html = 'report/report-confidential-en.html';
    const edited = await reforged(
      items,
      join(work, 'edited-html.zip'),
      (n, d) =>
        n === html ? Buffer.from(d.toString('utf8').replace('Executive summary', 'Executive summery')) : d,
      caseKey,
    );
    const r = await runCli(['verify', edited, '--trust', fp]);
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      /FAIL report\/report-confidential-en.html: this HTML report is not the rendering of the signed content/,
    );
    assert.match(r.err, /1 failure\(s\)/);
  });
});
