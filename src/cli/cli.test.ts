import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Random } from '../estimate/random.js';
import { runCli } from '../test-support/cli.js';
import { sqliteBackend, TEST_PASSPHRASE, type TestStore } from '../test-support/stores.js';

async function testigo(args: string[], env: Record<string, string | undefined> = {}) {
  const r = await runCli(args, { TESTIGO_PASSPHRASE: undefined, TESTIGO_KEY_FILE: undefined, ...env });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

describe('testigo CLI', () => {
  let t: TestStore;
  let env: Record<string, string>;
  before(async () => {
    t = await sqliteBackend.open();
    await t.store.createCase({ title: 'CLI' }, 'user:test');
    await t.store.close();
    env = { TESTIGO_DATA: t.dataDir, TESTIGO_PASSPHRASE: TEST_PASSPHRASE };
  });
  after(async () => t?.dispose());

  it('lists its commands', async () => {
    const r = await testigo(['--help']);
    assert.equal(r.code, 0);
    for (const c of [
      'serve',
      'init',
      'demo',
      'import',
      'export',
      'evidence',
      'audit',
      'users',
      'token',
      'estimate',
    ])
      assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
  });

  it('never blocks on a prompt without a terminal: a missing key is a clear error, exit 2', async () => {
    const r = await testigo(['audit', 'verify'], { TESTIGO_DATA: t.dataDir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no key: set TESTIGO_PASSPHRASE or TESTIGO_KEY_FILE/);
  });

  it('refuses a wrong passphrase with exit 2', async () => {
    const r = await testigo(['audit', 'verify'], { ...env, TESTIGO_PASSPHRASE: 'definitely not it' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /wrong passphrase/);
  });

  it('imports, reports bad rows with exit 2, verifies the audit log and exports', async () => {
    const good = join(t.dataDir, 'p.csv');
    writeFileSync(good, 'Nombre,Apellido,Cédula\nAna,Rojas,V-11111111\nLuis,Paz,V-22222222\n');
    let r = await testigo(
      [
        'import',
        good,
        '--kind',
        'persons',
        '--map',
        'Nombre=givenNames',
        '--map',
        'Apellido=firstSurname',
        '--map',
        'Cédula=document',
        '--format',
        'json',
      ],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).created.person, 2);

    const bad = join(t.dataDir, 'bad.csv');
    writeFileSync(bad, 'givenNames,birthDate\nAna,1990-01-01\nLuis,32/13/1990\n');
    r = await testigo(['import', bad, '--kind', 'persons'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.csv, row 3, column birthDate: "32\/13\/1990" is not a date/);

    r = await testigo(['audit', 'verify'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /audit log intact: \d+ entries/);

    const cp = join(t.dataDir, 'checkpoint.json');
    r = await testigo(['audit', 'checkpoint', '--out', cp], env);
    assert.equal(r.code, 0, r.stderr);
    r = await testigo(['audit', 'verify', '--checkpoint', cp], env);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /consistent with the checkpoint/);
    const forged = JSON.parse(readFileSync(cp, 'utf8'));
    forged.treeSize += 5;
    writeFileSync(cp, JSON.stringify(forged));
    r = await testigo(['audit', 'verify', '--checkpoint', cp], env);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /FAILS the checkpoint[\s\S]*signature is invalid[\s\S]*truncated or rolled back/);
    writeFileSync(cp, '{"format": "other"}');
    r = await testigo(['audit', 'verify', '--checkpoint', cp], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /checkpoint\.json is not a Testigo audit checkpoint/);

    const out = join(t.dataDir, 'case.json');
    r = await testigo(['export', '--out', out], env);
    assert.equal(r.code, 0, r.stderr);
    r = await testigo(['import', out], {
      TESTIGO_DATA: join(t.dataDir, 'other'),
      TESTIGO_PASSPHRASE: TEST_PASSPHRASE,
    });
    assert.equal(r.code, 2, 'the other store does not exist yet');
    assert.match(r.stderr, /no Testigo store/);
  });

  it('stores evidence, verifies every file and names a corrupted one', async () => {
    const file = join(t.dataDir, 'acta.txt');
    writeFileSync(file, 'Acta de detención (ficticia)');
    let r = await testigo(['evidence', 'add', file, '--title', 'Acta', '--by', 'Documentadora'], env);
    assert.equal(r.code, 0, r.stderr);
    const [id, sha] = r.stdout.trim().split(' ');
    assert.match(sha!, /^[0-9a-f]{64}$/);
    r = await testigo(['evidence', 'verify'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 evidence file\(s\) intact, 0 failed/);
    const blob = join(t.dataDir, 'blobs', sha!.slice(0, 2), `${sha}.blob`);
    const bytes = readFileSync(blob);
    bytes[bytes.length - 3]! ^= 0xff;
    writeFileSync(blob, bytes);
    r = await testigo(['evidence', 'verify'], env);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`FAILED ${id}: evidence file ${sha} is corrupted`));
    r = await testigo(['evidence', 'custody', id!], env);
    assert.match(r.stdout, /collected\tDocumentadora/);
  });

  it('estimates the total from capture histories, per contract, and refuses bad input', async () => {
    const file = join(t.dataDir, 'histories.csv');
    writeFileSync(
      file,
      'A,B,C,count,state\n1,0,0,120,Zulia\n0,1,0,100,Zulia\n0,0,1,90,Zulia\n1,1,0,30,Zulia\n1,0,1,25,Zulia\n0,1,1,20,Zulia\n1,1,1,8,Zulia\n1,0,0,60,Lara\n0,1,0,50,Lara\n0,0,1,40,Lara\n1,1,0,15,Lara\n1,0,1,12,Lara\n0,1,1,10,Lara\n1,1,1,4,Lara\n',
    );
    const single = join(t.dataDir, 'single.csv');
    writeFileSync(
      single,
      'A,B,C,count\n1,0,0,120\n0,1,0,100\n0,0,1,90\n1,1,0,30\n1,0,1,25\n0,1,1,20\n1,1,1,8\n',
    );
    let r = await testigo(['estimate', single, '--method', 'loglinear', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out).slice(0, 7), [
      'observed',
      'estimate',
      'interval',
      'level',
      'method',
      'model',
      'lists',
    ]);
    assert.equal(out.observed, 393);
    assert.equal(out.level, 0.95);
    assert.deepEqual(out.lists, ['A', 'B', 'C']);
    assert.ok(out.interval[0] <= out.estimate && out.estimate <= out.interval[1] && out.interval[0] >= 393);
    // A short seeded LCMCR run by stratum, twice: the same seed gives the same output.
    const stratified = [
      'estimate',
      file,
      ...['--strata', 'state', '--method', 'lcmcr', '--iterations', '500', '--burn-in', '200'],
      ...['--chains', '2', '--seed', '3', '--allow-unconverged'],
    ];
    r = await testigo(stratified);
    assert.equal(r.code, 0, r.stderr);
    const strata = JSON.parse(r.stdout);
    assert.deepEqual(
      strata.map((s: { stratum: string }) => s.stratum),
      ['Lara', 'Zulia', '(all)'],
    );
    const again = await testigo(stratified);
    assert.equal(again.stdout, r.stdout, 'seeded runs are reproducible');
    r = await testigo(['estimate', single, '--format', 'table']);
    assert.match(r.stdout, /observed\testimate/);
    const bad = join(t.dataDir, 'bad.csv');
    writeFileSync(bad, 'A,B\n1,0\n0,0\n1,x\n');
    r = await testigo(['estimate', bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.csv, row 3: the row is on no list/);
    assert.match(r.stderr, /bad\.csv, row 4, column B: "x" is not 0 or 1/);
    r = await testigo(['estimate', single, '--strata', 'region']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /strata column "region"/);
  });

  it('estimates from the linked lists of a case file and stores the result with its input hash', async () => {
    const s = await t.reopen();
    try {
      const caseId = await s.resolveCaseId();
      const person = async () =>
        (await s.create('person', caseId, { givenNames: 'X', protection: 'restricted' }, 'user:test')).id;
      const rng = new Random(5);
      const people = [];
      for (let i = 0; i < 60; i++) people.push(await person());
      const lists = [];
      for (const [name, share] of [
        ['Lista A', 0.6],
        ['Lista B', 0.5],
        ['Lista C', 0.4],
      ] as const) {
        const members = people.filter(() => rng.uniform() < share);
        const res = await s.importSourceList(
          caseId,
          { name, columns: ['state'], rowCount: 0 },
          members.map((_, i) => ({
            rowNo: i + 2,
            recordId: `${name}-${i}`,
            values: [i % 2 ? 'Zulia' : 'Lara'],
          })),
          'user:test',
        );
        lists.push({ id: res.list.id, members });
      }
      const r = await testigo(['estimate', '--case', '--method', 'loglinear'], env);
      assert.equal(r.code, 2, 'unlinked records are refused');
      assert.match(r.stderr, /not linked to a person yet/);
      for (const l of lists)
        await s.assignSourceRecords(
          caseId,
          l.members.map((p, i) => ({ listId: l.id, rowNo: i + 2, personId: p })),
          'user:test',
        );
    } finally {
      await s.close();
    }
    const r = await testigo(['estimate', '--case', '--method', 'loglinear', '--format', 'json'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /stored as ana_\w+ \(inputs SHA-256 [0-9a-f]{64}\)/);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.lists, ['Lista A', 'Lista B', 'Lista C']);
    const s2 = await t.reopen();
    try {
      const stored = await s2.analyses(await s2.resolveCaseId(), 'estimate');
      assert.equal(stored.length, 1);
    } finally {
      await s2.close();
    }
  });

  it('an account created or reset from the command line changes its password at first sign-in', async () => {
    const pw = { ...env, TESTIGO_NEW_PASSWORD: 'a long enough passphrase 7' };
    assert.equal((await testigo(['users', 'add', 'ana.cli', '--role', 'documenter'], pw)).code, 0);
    assert.equal((await testigo(['users', 'add', 'operador.cli', '--admin', '--own-password'], pw)).code, 0);
    const flags = async () => {
      const r = await testigo(['users', 'list'], env);
      assert.equal(r.code, 0, r.stderr);
      return Object.fromEntries(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => l.split('\t'))
          .map((c) => [c[1], c[5] === 'must-change-password']),
      );
    };
    assert.deepEqual([(await flags())['ana.cli'], (await flags())['operador.cli']], [true, false]);
    assert.equal((await testigo(['users', 'reset-password', 'operador.cli'], pw)).code, 0);
    assert.equal((await flags())['operador.cli'], true);
  });

  it('shows and rotates the data keys; the store reads the same afterwards, also from a backup', async () => {
    // A store of its own: an earlier test corrupts an evidence file on purpose (backup refuses it).
    const k = await sqliteBackend.open();
    await k.store.createCase({ title: 'Keys' }, 'user:test');
    await k.store.close();
    const env = { TESTIGO_DATA: k.dataDir, TESTIGO_PASSPHRASE: TEST_PASSPHRASE };
    const t = k;
    const csv = join(t.dataDir, 'k.csv');
    writeFileSync(csv, 'Nombre,Apellido\nZulay,Mendible\n');
    assert.equal(
      (
        await testigo(
          [
            'import',
            csv,
            '--kind',
            'persons',
            '--map',
            'Nombre=givenNames',
            '--map',
            'Apellido=firstSurname',
          ],
          env,
        )
      ).code,
      0,
    );
    let r = await testigo(['keys', 'status', '--format', 'json'], env);
    assert.equal(r.code, 0, r.stderr);
    const before = JSON.parse(r.stdout) as { keys: { version: string }[]; records: Record<string, number> };
    assert.ok(before.records.k1 && before.records.k1 >= 1);
    r = await testigo(['keys', 'rotate'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /new data key k2 \(retired: k1\); re-encrypted \d+ records/);
    const after = JSON.parse(
      (await testigo(['keys', 'status', '--format', 'json'], env)).stdout,
    ) as typeof before;
    assert.deepEqual(Object.keys(after.records), ['k2']);
    assert.equal(after.records.k2, before.records.k1);
    r = await testigo(['export', '--no-files', '--out', join(t.dataDir, 'after-rotation.json')], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(t.dataDir, 'after-rotation.json'), 'utf8'), /Mendible/);
    assert.equal((await testigo(['audit', 'verify'], env)).code, 0);
    // A backup after the rotation restores with both keys: current data and sealed history read.
    const archive = join(t.dataDir, 'rotated.backup');
    r = await testigo(['backup', '--out', archive], env);
    assert.equal(r.code, 0, r.stderr);
    const restored = { ...env, TESTIGO_DATA: join(t.dataDir, 'restored') };
    r = await testigo(['restore', archive], restored);
    assert.equal(r.code, 0, r.stderr);
    const st = JSON.parse(
      (await testigo(['keys', 'status', '--format', 'json'], restored)).stdout,
    ) as typeof before;
    assert.deepEqual(
      st.keys.map((k) => k.version),
      ['k1', 'k2'],
    );
    r = await testigo(['export', '--no-files', '--out', join(t.dataDir, 'restored.json')], restored);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(t.dataDir, 'restored.json'), 'utf8'), /Mendible/);
    await k.dispose();
  });

  it('exits 2 on bad usage', async () => {
    const r = await testigo(['import', 'nope.csv'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--kind/);
  });
});
