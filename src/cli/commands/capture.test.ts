/**
 * `testigo capture --format json` on saved files, run as the real command (a child process on a
 * real encrypted store): the output shape of DESIGN §4, offsets into the main text, exit code 2
 * for bad input with nothing stored, and the review commands on what it suggested.
 */
import assert from 'node:assert/strict';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../store/open.js';
import { runCli } from '../../test-support/cli.js';
import { FAST_SCRYPT, TEST_PASSPHRASE, tempDir } from '../../test-support/stores.js';

const FIX = new URL('../../capture/fixtures/', import.meta.url).pathname;
const data = tempDir('testigo-capture-cli-');
const files = tempDir('testigo-capture-files-');
after(() => {
  rmSync(data, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

/** In process (`main(argv)`); `status`, `stdout`, `stderr` as a spawned process would give. */
async function testigo(...args: string[]) {
  const r = await runCli(args, {
    TESTIGO_DATA: data,
    TESTIGO_PASSPHRASE: TEST_PASSPHRASE,
    TESTIGO_DATABASE_URL: '',
  });
  return { status: r.code, stdout: r.out, stderr: r.err };
}

describe('testigo capture (CLI)', () => {
  before(async () => {
    const store = await openStore({
      dataDir: data,
      key: { kind: 'passphrase', passphrase: TEST_PASSPHRASE },
      create: true,
      scrypt: FAST_SCRYPT,
    });
    await store.createCase({ title: 'Caso CLI' }, 'test');
    await store.close();
    copyFileSync(join(FIX, 'plain-es.txt'), join(files, 'liberan.txt'));
    copyFileSync(join(FIX, 'comments-es.html'), join(files, 'hilo.html'));
    writeFileSync(join(files, 'foto.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  let suggestionId = '';

  it('--format json prints the contract shape with offsets into the main text', async () => {
    const run = await testigo('capture', join(files, 'liberan.txt'), '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    for (const k of ['source', 'sha256', 'title', 'published', 'language', 'comments', 'suggestions'])
      assert.ok(k in out, `missing ${k}`);
    assert.equal(out.source, join(files, 'liberan.txt'));
    assert.match(out.sha256, /^[0-9a-f]{64}$/);
    assert.equal(out.title, 'Liberan a dos presos políticos en Táchira');
    assert.equal(out.published, '2024-08-09');
    assert.equal(out.language, 'es');
    assert.equal(out.comments, 0);
    assert.equal(out.status, 'new');
    const kinds = new Set(out.suggestions.map((s: { kind: string }) => s.kind));
    for (const k of ['person', 'organization', 'place', 'date', 'event'])
      assert.ok(kinds.has(k), `no ${k} suggestion`);
    const text = (
      JSON.parse((await testigo('suggestions', 'list', '--format', 'json')).stdout) as { text: string }[]
    ).length;
    assert.equal(text, out.suggestions.length);
    const ostos = out.suggestions.find((s: { value: string }) => s.value === 'Mariela Ostos');
    assert.deepEqual([ostos.kind, ostos.role, ostos.text], ['person', 'lawyer', 'Mariela Ostos']);
    assert.equal(typeof ostos.start, 'number');
    assert.equal(ostos.end - ostos.start, 'Mariela Ostos'.length);
    suggestionId = ostos.id;
  });

  it('several inputs: an array; a bad one exits 2, is named, and the good one is kept', async () => {
    const run = await testigo(
      'capture',
      join(files, 'hilo.html'),
      join(files, 'foto.png'),
      '--format',
      'json',
    );
    assert.equal(run.status, 2, run.stderr);
    assert.match(
      run.stderr,
      /foto\.png: only saved web pages \(\.html\) and plain-text files \(\.txt\) can be captured/,
    );
    const out = JSON.parse(run.stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0].comments, 6);
    const again = await testigo('capture', join(files, 'liberan.txt'));
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^unchanged /);
  });

  it('a single bad input exits 2 with the reason; usage errors exit 2', async () => {
    const run = await testigo('capture', join(files, 'nope.html'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /nope\.html: no such file/);
    assert.equal((await testigo('capture', join(files, 'liberan.txt'), '--format', 'xml')).status, 2);
  });

  it('suggestions accept creates the record, audited', async () => {
    const run = await testigo('suggestions', 'accept', suggestionId);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`accepted ${suggestionId} → per_`));
    const twice = await testigo('suggestions', 'accept', suggestionId);
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /already accepted/);
    const audit = await testigo('audit', 'verify');
    assert.equal(audit.status, 0, audit.stderr + audit.stdout);
  });
});
