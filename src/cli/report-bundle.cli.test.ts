/**
 * End to end through the `testigo` command on the demo store: three experts make their keys,
 * give opinions (one dissents) and sign; the report comes out as PDF and HTML; bundles of both
 * editions verify; every kind of tampering with a real bundle fails `testigo verify` naming
 * what failed; a change after sign-off voids the signatures.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyBundle } from '../bundle/verify.js';
import { runCli } from '../test-support/cli.js';
import { tempDir } from '../test-support/stores.js';
import { readZip, writeZip } from '../test-support/zip.js';
import { DEMO_PASSPHRASE } from './store-env.js';

let env: Record<string, string> = {};

async function testigo(...args: string[]) {
  const r = await runCli(args, { TESTIGO_KEY_FILE: undefined, ...env });
  return { code: r.code, stdout: r.out, stderr: r.err };
}
async function ok(...args: string[]) {
  const r = await testigo(...args);
  assert.equal(r.code, 0, `testigo ${args.join(' ')}\n${r.stderr}`);
  return r;
}

describe('testigo panel, report, bundle and verify (demo store)', () => {
  let dir: string;
  let work: string;
  before(async () => {
    dir = tempDir('testigo-demo-');
    work = tempDir('testigo-work-');
    rmSync(dir, { recursive: true, force: true });
    env = { TESTIGO_DATA: dir, TESTIGO_PASSPHRASE: DEMO_PASSPHRASE };
    await ok('demo', '--out', dir);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('three experts register keys, opine (one dissents) and sign the frozen content', async () => {
    await ok('panel', 'setup', '--name', 'Panel de expertos independientes (ficticio)');
    for (const u of ['ana', 'ben', 'carla']) {
      await ok('panel', 'keygen', '--out', join(work, `${u}.pem`));
      await ok(
        'panel',
        'add-member',
        '--username',
        u,
        '--name',
        `Experta ${u}`,
        '--public-key',
        join(work, `${u}.pem.pub`),
      );
    }
    assert.equal(
      (await testigo('panel', 'keygen', '--out', join(work, 'ana.pem'))).code,
      2,
      'never overwrites a key',
    );
    await ok('panel', 'opinion', '--as', 'ana', '--target', 'CAH.7-1-f', '--position', 'agree');
    assert.equal(
      (await testigo('panel', 'opinion', '--as', 'ben', '--target', 'CTX.policy', '--position', 'disagree'))
        .code,
      2,
    );
    await ok(
      'panel',
      'opinion',
      '--as',
      'ben',
      '--target',
      'CTX.policy',
      '--position',
      'disagree',
      '--reasons',
      'Una orden no basta.',
    );
    await ok(
      'panel',
      'comment',
      '--as',
      'carla',
      '--target',
      'CTX.policy',
      'Pidamos la segunda orden a la fuente.',
    );
    // Signing someone else's name with your key fails.
    assert.notEqual((await testigo('panel', 'sign', '--as', 'ben', '--key', join(work, 'ana.pem'))).code, 0);
    for (const u of ['ana', 'ben', 'carla'])
      await ok('panel', 'sign', '--as', u, '--key', join(work, `${u}.pem`));
    const st = JSON.parse((await ok('panel', 'status', '--format', 'json')).stdout) as {
      signatures: { valid: boolean }[];
      dissents: number;
    };
    assert.equal(st.signatures.filter((s) => s.valid).length, 3);
    assert.equal(st.dissents, 1);
  });

  it('writes the report as PDF and HTML in both languages', async () => {
    await ok('report', '--edition', 'public', '--lang', 'es', '--out', join(work, 'informe.pdf'));
    await ok('report', '--edition', 'confidential', '--lang', 'en', '--out', join(work, 'report.html'));
    assert.equal(readFileSync(join(work, 'informe.pdf')).subarray(0, 5).toString(), '%PDF-');
    const html = readFileSync(join(work, 'report.html'), 'utf8');
    assert.match(html, /Executive summary/);
    assert.match(html, /Una orden no basta/, 'the dissent and its reasons are in the report');
    assert.doesNotMatch(html, /DRAFT/, 'three valid signatures: not a draft');
    assert.equal((await testigo('report', '--out', join(work, 'x.docx'))).code, 2);
    assert.equal((await testigo('report', '--lang', 'fr', '--out', join(work, 'x.pdf'))).code, 2);
  });

  it('bundles verify; every tampering fails naming what failed', async () => {
    const pub = join(work, 'public.zip');
    const conf = join(work, 'confidential.zip');
    const made = await ok('bundle', '--edition', 'public', '--out', pub);
    await ok('bundle', '--edition', 'confidential', '--out', conf);
    const fp = /signed by ([0-9a-f]{64})/.exec(made.stderr)![1]!;
    // Intact but not pinned: not verified.
    const unpinned = await testigo('verify', pub);
    assert.equal(unpinned.code, 1);
    assert.match(unpinned.stderr, /signature valid but signer unknown/);
    assert.match(
      (await ok('verify', pub, '--trust', fp)).stdout,
      /^OK.*\nPanel: signed by the panel \(3 of 3 signatures\)/,
    );
    assert.match((await ok('verify', '--trust', fp, conf)).stdout, /^OK/);
    const pubItems = await readZip(pub);
    const confItems = await readZip(conf);
    assert.ok(
      !pubItems.some(([n]) => n.includes('identity-annex')),
      'no identity annex in the public bundle',
    );
    assert.ok(confItems.some(([n]) => n === 'report/identity-annex.json'));
    assert.ok(
      confItems.filter(([n]) => n.startsWith('evidence/')).length >
        pubItems.filter(([n]) => n.startsWith('evidence/')).length,
      'the public bundle carries fewer evidence files (consent)',
    );
    const manifest = JSON.parse(pubItems.find(([n]) => n === 'manifest.json')![1].toString('utf8')) as {
      meta: { panelSignatures: unknown[] };
    };
    assert.equal(manifest.meta.panelSignatures.length, 3);

    // One byte changed in each file in turn.
    let cases = 0;
    for (const [name, data] of pubItems) {
      if (data.length === 0) continue;
      const flipped = Buffer.from(data);
      flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
      const path = await writeZip(
        join(work, 'tampered.zip'),
        pubItems.map(([n, d]) => [n, n === name ? flipped : d]),
      );
      const r = await verifyBundle(path);
      assert.equal(r.ok, false, name);
      const named = name === 'manifest.sig' ? 'manifest.json' : name;
      assert.ok(
        r.failures.some((f) => f.file === named || f.file === name),
        `${name}: ${JSON.stringify(r.failures)}`,
      );
      cases++;
    }
    assert.ok(cases >= 8);
    // Through the command: a file removed, the manifest edited.
    const victim = pubItems.find(([n]) => n.startsWith('report/') && n.endsWith('.pdf'))![0];
    const removed = await writeZip(
      join(work, 'removed.zip'),
      pubItems.filter(([n]) => n !== victim),
    );
    const r1 = await testigo('verify', removed);
    assert.equal(r1.code, 1);
    assert.ok(r1.stderr.includes(victim), r1.stderr);
    const m = pubItems
      .find(([n]) => n === 'manifest.json')![1]
      .toString('utf8')
      .replace('"edition":"public"', '"edition":"confidential"');
    const edited = await writeZip(
      join(work, 'edited.zip'),
      pubItems.map(([n, d]) => [n, n === 'manifest.json' ? Buffer.from(m) : d]),
    );
    const r2 = await testigo('verify', edited);
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /manifest/);
  });

  it('a change after sign-off makes a new version and voids the signatures', async () => {
    await ok('panel', 'opinion', '--as', 'carla', '--target', 'CTX.policy', '--position', 'abstain');
    const st = JSON.parse((await ok('panel', 'status', '--format', 'json')).stdout) as {
      current: { number: number };
      signatures: { valid: boolean; voidReason?: string }[];
    };
    assert.equal(st.current.number, 2);
    assert.equal(st.signatures.filter((s) => s.valid).length, 0);
    assert.ok(st.signatures.every((s) => /superseded by version 2/.test(s.voidReason ?? '')));
    await ok('report', '--edition', 'public', '--lang', 'en', '--out', join(work, 'draft.html'));
    assert.match(readFileSync(join(work, 'draft.html'), 'utf8'), /DRAFT/);
  });
});
