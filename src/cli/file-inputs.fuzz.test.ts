/**
 * The CLI commands that read files, given mutated files: CSV / XLSX / JSON imports, `link FILE`,
 * `estimate FILE`, `verify BUNDLE`, `restore ARCHIVE` and `audit verify --checkpoint FILE`. Each
 * seed is a valid file of its kind; fast-check flips, cuts, inserts and duplicates bytes and lines.
 * Every run must end with the command's documented exit code (0 success; 1 the work found a
 * problem — a bundle, archive or checkpoint that fails verification; 2 bad input) and, when it
 * fails, an error whose first line names the file — never a stack trace nor an "unexpected failure".
 * Most cases run in process through `main()` (the same code path as the binary, minus process
 * start-up); a few run the real binary to check what a person sees. TESTIGO_FUZZ_RUNS scales the
 * in-process counts; they are printed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import writeXlsxFile from 'write-excel-file/node';
import { backupStore } from '../backup/backup.js';
import { writeBundle } from '../bundle/bundle.js';
import { keyFingerprint } from '../bundle/manifest.js';
import { canonicalJson } from '../domain/canonical-json.js';
import { exportCase } from '../ingest/case-json.js';
import { createCheckpoint } from '../store/audit-checkpoint.js';
import { type CliOutcome, HUNG, runCli } from '../test-support/cli.js';
import { sqliteBackend, TEST_PASSPHRASE, type TestStore } from '../test-support/stores.js';

const RUNS = Number(process.env.TESTIGO_FUZZ_RUNS ?? 300);
const PER_COMMAND = Math.max(12, Math.floor(RUNS / 12));
const root = mkdtempSync(join(tmpdir(), 'testigo-cli-fuzz-'));
after(() => rmSync(root, { recursive: true, force: true }));

// Generous: a loaded shared machine can take seconds to start the linkage worker pool; a real hang
// (a promise that never settles) is caught all the same.
const HANG_MS = 30_000;
type Outcome = CliOutcome;

/** Runs `testigo ARGS` in this process with the given environment, capturing its output. */
const cli = (args: string[], env: Record<string, string>): Promise<Outcome> => runCli(args, env, HANG_MS);

/** The contract every run must keep. `failCodes` are the codes the command documents for failure. */
function assertClean(o: Outcome, file: string, failCodes: number[], what: string): void {
  const all = `${o.out}\n${o.err}`;
  assert.doesNotMatch(all, /^\s+at .+:\d+:\d+\)?$/m, `${what}: a stack trace was printed:\n${all}`);
  assert.doesNotMatch(all, /unexpected failure/, `${what}: not a known error:\n${all}`);
  assert.doesNotMatch(all, /TypeError|RangeError|ReferenceError/, `${what}:\n${all}`);
  if (o.code === 0) return;
  assert.ok(
    failCodes.includes(o.code),
    `${what}: exit code ${o.code}, expected 0 or ${failCodes.join('/')}:\n${all}`,
  );
  // Verification failures print their report (naming the failing parts) to stdout or stderr;
  // errors print one line, "testigo: …", naming the file.
  const error = errorLine(o);
  // A verification report names the failing part ("FAIL report/report.pdf: …"); an error the file.
  if (error?.startsWith('FAIL ')) assert.equal(o.code, 1, `${what}: a failed verification exits 1`);
  else if (error)
    assert.ok(error.includes(basename(file)), `${what}: the error does not name ${basename(file)}: ${error}`);
  else assert.ok(o.code === 1, `${what}: exit ${o.code} without an error line:\n${all}`);
}

/** The error line: "testigo: …", or a verification report's "FAIL …" line. */
function errorLine(o: Outcome): string | undefined {
  return `${o.err}\n${o.out}`.split('\n').find((l) => l.startsWith('testigo:') || l.startsWith('FAIL '));
}

/** Mutations of a file's bytes; text files also get line-level edits. */
const mutation = fc.oneof(
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bits: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ op: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }),
  }),
  fc.record({
    op: fc.constant('text' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    s: fc.constantFrom(
      '"',
      ',',
      '\n',
      '{',
      '}',
      '\u0000',
      '\uFFFD',
      'ñ',
      '\r\n',
      '""',
      ';',
      '99999999999999999999',
    ),
  }),
  fc.record({ op: fc.constant('dupLine' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('dropLine' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, ms: Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of ms) {
    const pos = Math.min(b.length, Math.floor(m.at * b.length));
    if (m.op === 'flip') {
      if (b.length === 0) continue;
      b[Math.min(pos, b.length - 1)]! ^= m.bits;
    } else if (m.op === 'cut') b = b.subarray(0, pos);
    else if (m.op === 'insert')
      b = Buffer.concat([b.subarray(0, pos), Buffer.from(m.bytes), b.subarray(pos)]);
    else if (m.op === 'text') b = Buffer.concat([b.subarray(0, pos), Buffer.from(m.s), b.subarray(pos)]);
    else {
      const lines = b.toString('latin1').split('\n');
      const i = Math.min(lines.length - 1, Math.floor(m.at * lines.length));
      if (m.op === 'dupLine') lines.splice(i, 0, lines[i]!);
      else lines.splice(i, 1);
      b = Buffer.from(lines.join('\n'), 'latin1');
    }
  }
  return b;
}

interface Target {
  name: string;
  ext: string;
  seed: Buffer;
  /** The argv for a file path, and the environment for one run (fresh directories when needed). */
  argv: (file: string, n: number) => { args: string[]; env: Record<string, string> };
  failCodes: number[];
}

describe('CLI commands given mutated files', () => {
  let t: TestStore;
  let jsonStore: TestStore;
  let caseId: string;
  const targets: Target[] = [];
  const counts: Record<string, { runs: number; ok: number; failed: number }> = {};

  before(async () => {
    t = await sqliteBackend.open();
    jsonStore = await sqliteBackend.open();
    caseId = (await t.store.createCase({ title: 'Fuzz CLI' }, 'test')).id;
    for (let i = 0; i < 3; i++)
      await t.store.create('person', caseId, { givenNames: `Persona ${i}`, firstSurname: 'Prueba' }, 'test');
    await t.store.addEvidence(
      caseId,
      Buffer.from('Acta'),
      {
        title: 'Acta',
        kind: 'document',
        mediaType: 'text/plain',
        acquisition: { by: 'Documentadora', at: '2019-03-01T10:00:00Z', method: 'entregado' },
      } as never,
      'test',
    );
    const store = { TESTIGO_DATA: t.dataDir, TESTIGO_PASSPHRASE: TEST_PASSPHRASE };
    const csv = Buffer.from(
      'givenNames,firstSurname,birthDate,sex\nMaría José,Pérez,1990-05-03,F\nLuis,Gómez,1985,M\n"Ana, la ""Negra""",Rangel,,\n',
    );
    targets.push({
      name: 'import CSV',
      ext: 'csv',
      seed: csv,
      argv: (f) => ({ args: ['import', f, '--kind', 'persons', '--case', caseId, '--dry-run'], env: store }),
      failCodes: [2],
    });
    const xlsx = await writeXlsxFile([
      [{ value: 'givenNames' }, { value: 'firstSurname' }, { value: 'birthDate' }],
      [
        { value: 'María' },
        { value: 'Pérez' },
        { value: new Date(Date.UTC(1990, 4, 3)), type: Date, format: 'dd/mm/yyyy' },
      ],
      [{ value: 'Luis' }, { value: 'Gómez' }, { value: 1985, type: Number }],
    ] as never).toBuffer();
    targets.push({
      name: 'import XLSX',
      ext: 'xlsx',
      seed: xlsx,
      argv: (f) => ({ args: ['import', f, '--kind', 'persons', '--case', caseId], env: store }),
      failCodes: [2],
    });
    const doc = await exportCase(t.store, caseId);
    targets.push({
      name: 'import case-file JSON',
      ext: 'json',
      seed: Buffer.from(JSON.stringify(doc, null, 1)),
      // Into a store of its own (a clean document imports as a new case file; a second copy
      // is refused as already there — exit 1, a conflict, not bad input).
      argv: (f) => ({
        args: ['import', f, '--dry-run'],
        env: { TESTIGO_DATA: jsonStore.dataDir, TESTIGO_PASSPHRASE: TEST_PASSPHRASE },
      }),
      failCodes: [1, 2],
    });
    const list = Buffer.from(
      'id,name,birth\n1,María José Pérez,1990-05-03\n2,Maria Jose Perez,1990-05-03\n3,Luis Gómez,1985\n4,Ana Rangel,\n',
    );
    targets.push({
      name: 'link',
      ext: 'csv',
      seed: list,
      argv: (f, n) => ({
        args: [
          'link',
          f,
          '--id',
          'id',
          '--field',
          'name:name',
          '--field',
          'birth:date',
          '--out',
          join(root, `link-${n}.csv`),
        ],
        env: {},
      }),
      failCodes: [2],
    });
    targets.push({
      name: 'estimate',
      ext: 'csv',
      seed: Buffer.from('A,B,C,count\n1,0,0,40\n0,1,0,35\n0,0,1,30\n1,1,0,12\n1,0,1,9\n0,1,1,8\n1,1,1,4\n'),
      argv: (f) => ({ args: ['estimate', f, '--method', 'loglinear', '--format', 'json'], env: {} }),
      failCodes: [1, 2],
    });
    const signer = generateKeyPairSync('ed25519');
    const content = Buffer.from(canonicalJson({ title: 'Informe' }));
    const bundle = join(root, 'seed-bundle.zip');
    await writeBundle(
      bundle,
      [
        { path: 'report/content.json', source: content, role: 'report-content' },
        {
          path: 'evidence/evi_1-acta.txt',
          source: Buffer.from('Acta de detención'),
          role: 'evidence',
          meta: { evidenceId: 'evi_1' },
        },
        { path: 'audit/head.json', source: Buffer.from('{"seq":3}'), role: 'audit-head' },
      ] as never,
      {
        caseId: 'case_01FUZZ',
        caseTitle: 'Fuzz',
        edition: 'confidential',
        createdAt: '2025-03-01T12:00:00.000Z',
        tool: 'testigo 0.1.0',
        auditHead: { seq: 3, hash: 'a'.repeat(64) },
        reportHash: createHash('sha256').update(content).digest('hex'),
        panelSignatures: [],
      } as never,
      signer,
    );
    targets.push({
      name: 'verify bundle',
      ext: 'zip',
      seed: readFileSync(bundle),
      // The seed's signer pinned, so an intact seed verifies (exit 0) and only mutations fail.
      argv: (f) => ({ args: ['verify', f, '--trust', keyFingerprint(signer.publicKey)], env: {} }),
      failCodes: [1, 2],
    });
    const archive = join(root, 'seed.backup');
    await backupStore(t.store, t.dataDir, archive);
    targets.push({
      name: 'restore',
      ext: 'backup',
      seed: readFileSync(archive),
      argv: (_f, n) => ({
        args: ['restore', _f],
        env: { TESTIGO_DATA: join(root, `restore-${n}`), TESTIGO_PASSPHRASE: TEST_PASSPHRASE },
      }),
      failCodes: [1, 2],
    });
    const cp = await createCheckpoint(t.store);
    targets.push({
      name: 'audit verify --checkpoint',
      ext: 'json',
      seed: Buffer.from(JSON.stringify(cp, null, 2)),
      argv: (f) => ({ args: ['audit', 'verify', '--checkpoint', f], env: store }),
      failCodes: [1, 2],
    });
  });
  after(async () => {
    await t?.dispose();
    await jsonStore?.dispose();
    process.stderr.write(
      `fuzz: CLI file inputs, in process: ${Object.entries(counts)
        .map(([k, c]) => `${k} ${c.runs} (${c.ok} ok, ${c.failed} refused)`)
        .join('; ')}\n`,
    );
  });

  it('each seed file is accepted as it is', async () => {
    for (const target of targets) {
      const file = join(root, `seed-${target.name.replaceAll(/\W+/g, '-')}.${target.ext}`);
      writeFileSync(file, target.seed);
      const { args, env } = target.argv(file, 0);
      const o = await cli(args, env);
      assert.equal(o.code, 0, `${target.name}: ${o.err}`);
    }
  });

  it('mutated files: documented exit code, one error line naming the file, no stack trace', async () => {
    for (const target of targets) {
      const c = { runs: 0, ok: 0, failed: 0 };
      counts[target.name] = c;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
          const n = ++c.runs;
          const d = join(root, `m${n}-${target.name.replaceAll(/\W+/g, '-')}`);
          mkdirSync(d, { recursive: true });
          const file = join(d, `fuzz-input.${target.ext}`);
          writeFileSync(file, mutate(target.seed, ms));
          const { args, env } = target.argv(file, n);
          const o = await cli(args, env);
          assert.notEqual(o.code, HUNG, `${target.name}: the command never finished`);
          assertClean(o, file, target.failCodes, target.name);
          if (o.code === 0) c.ok++;
          else c.failed++;
        }),
        { numRuns: PER_COMMAND },
      );
    }
  });

  // Found by this fuzzing: read-excel-file never settled on this zip and `testigo import` exited 0
  // silently; tabular.ts now re-packs the workbook through its central directory first.
  it('a damaged XLSX whose zip tail is duplicated finishes: imported from its central directory, or refused', async () => {
    const xlsx = targets.find((x) => x.name === 'import XLSX')!;
    const file = join(root, 'dup-tail.xlsx');
    writeFileSync(file, mutate(xlsx.seed, [{ op: 'dupLine', at: 0.9999999999999996 }]));
    const o = await cli(xlsx.argv(file, 0).args, xlsx.argv(file, 0).env);
    assert.notEqual(o.code, HUNG, 'the import must finish');
    assertClean(o, file, [2], 'dup-tail.xlsx');
    // The entries are intact (only bytes after the archive were duplicated): the rows are read.
    if (o.code === 0) assert.match(o.out, /\d+ /, `the import says what it imported:\n${o.out}`);
  });

  it('the real binary: one line naming the file, exit 2, no stack trace', () => {
    // One process per command kind (about a second each): what a person at a terminal sees.
    const cases: [string, string[], string, number[]][] = [
      ['bad.csv', ['import', 'FILE', '--kind', 'persons', '--case', caseId], 'a,a\n1,2\n', [2]],
      [
        'bad.xlsx',
        ['import', 'FILE', '--kind', 'persons', '--case', caseId],
        'PK\u0003\u0004 not really',
        [2],
      ],
      ['bad.json', ['import', 'FILE'], '{"format": "testigo-case-file", ', [2]],
      [
        'bad-link.csv',
        ['link', 'FILE', '--id', 'id', '--field', 'name:name', '--out', join(root, 'o.csv')],
        'id,name\n1\n',
        [2],
      ],
      ['bad-estimate.csv', ['estimate', 'FILE'], 'A,B\n1,2\n', [2]],
      ['bad.zip', ['verify', 'FILE'], 'PK\u0005\u0006', [1, 2]],
      ['bad.backup', ['restore', 'FILE'], 'not a zip', [2]],
      ['bad-cp.json', ['audit', 'verify', '--checkpoint', 'FILE'], '{"size": -1}', [2]],
    ];
    for (const [name, argv, content, codes] of cases) {
      const file = join(root, name);
      writeFileSync(file, content);
      const args = argv.map((a) => (a === 'FILE' ? file : a));
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
        env: {
          ...process.env,
          TESTIGO_DATA: name === 'bad.backup' ? join(root, 'spawn-restore') : t.dataDir,
          TESTIGO_PASSPHRASE: TEST_PASSPHRASE,
        },
        encoding: 'utf8',
      });
      const o = { code: res.status ?? -1, out: res.stdout, err: res.stderr };
      assert.ok(codes.includes(o.code), `${name}: exit ${o.code}\n${o.err}`);
      assertClean(o, file, codes, `binary ${name}`);
      assert.ok(errorLine(o)?.includes(name), `${name}: ${o.err}`);
    }
  });
});
