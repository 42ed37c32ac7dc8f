import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { formatIssue, InputError } from '../../domain/errors.js';
import { adversarialSet, COLUMNS } from '../../linkage/eval/adversarial.js';
import { subsetScores } from '../../linkage/eval/metrics.js';
import { plainCsvRows } from '../../test-support/synth-fields.js';
import { exitCodeFor } from '../errors.js';
import { registerLink } from './link.js';
import { registerSynth } from './synth.js';

const dir = mkdtempSync(join(tmpdir(), 'testigo-link-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerLink(program);
  registerSynth(program);
  await program.parseAsync(args, { from: 'user' });
}

/** Runs a command that must fail; returns its exit code and message (as the CLI prints them). */
async function failure(args: string[]): Promise<{ code: number; text: string }> {
  try {
    await run(args);
  } catch (err) {
    const issues = err instanceof InputError ? err.issues.map(formatIssue) : [];
    return { code: exitCodeFor(err), text: [(err as Error).message, ...issues].join('\n') };
  }
  assert.fail(`${args.join(' ')} should have failed`);
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const rows = (path: string) => plainCsvRows(readFileSync(path, 'utf8'));

describe('testigo synth', () => {
  // The 10,000-record run and the link's accuracy on it: link-synth.slow.test.ts (full tier).
  it('writes the fixed columns and a truth file naming every record', async () => {
    const out = join(dir, 'synth-small');
    await run(['synth', '--people', '300', '--lists', '5', '--seed', '3', '--out', out]);
    const header = readFileSync(join(out, 'list1.csv'), 'utf8').split('\n')[0];
    assert.equal(
      header,
      'record_id,given_names,first_surname,second_surname,sex,birth_date,document_id,state,municipality,event_date,act_type',
    );
    const truth = rows(join(out, 'truth.csv'));
    let records = 0;
    for (let k = 1; k <= 5; k++) records += rows(join(out, `list${k}.csv`)).length;
    assert.equal(truth.length, records);
    assert.ok(records > 300, `${records} records`);
    assert.deepEqual(new Set(truth.map((t) => t[0])), new Set([1, 2, 3, 4, 5].map((k) => `list${k}.csv`)));
  });
});

describe('testigo link: bad input exits 2 with a clear message', () => {
  const good = () => file('good.csv', 'id,name,born\n1,Ana Pérez,1980-01-02\n2,Luis Gómez,1975-03-04\n');

  it('a missing id column names the file and its columns', async () => {
    const r = await failure([
      'link',
      good(),
      '--id',
      'record_id',
      '--field',
      'name:name',
      '--out',
      join(dir, 'o.csv'),
    ]);
    assert.equal(r.code, 2);
    assert.match(r.text, /good\.csv has no column "record_id" \(its columns: id, name, born\)/);
  });

  it('duplicate ids name both rows', async () => {
    const f = file('dup.csv', 'id,name\n1,Ana\n2,Luis\n1,Rosa\n');
    const r = await failure(['link', f, '--id', 'id', '--field', 'name:name', '--out', join(dir, 'o.csv')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /dup\.csv row 4: record id "1" was already used in row 2/);
  });

  it('an unknown field type lists the known ones', async () => {
    const r = await failure([
      'link',
      good(),
      '--id',
      'id',
      '--field',
      'name:surname',
      '--out',
      join(dir, 'o.csv'),
    ]);
    assert.equal(r.code, 2);
    assert.match(
      r.text,
      /unknown field type "surname"; use one of name, fullname, date, id, text, place, exact, number/,
    );
  });

  it('invalid UTF-8 names the file and row', async () => {
    const f = file(
      'latin1.csv',
      Buffer.concat([Buffer.from('id,name\n1,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    const r = await failure(['link', f, '--id', 'id', '--field', 'name:name', '--out', join(dir, 'o.csv')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /latin1\.csv.*UTF-8/s);
  });

  it('an empty file and a header-only file', async () => {
    let r = await failure([
      'link',
      file('empty.csv', ''),
      '--id',
      'id',
      '--field',
      'name:name',
      '--out',
      join(dir, 'o.csv'),
    ]);
    assert.equal(r.code, 2);
    assert.match(r.text, /empty\.csv/);
    r = await failure([
      'link',
      file('header.csv', 'id,name\n'),
      '--id',
      'id',
      '--field',
      'name:name',
      '--out',
      join(dir, 'o.csv'),
    ]);
    assert.equal(r.code, 2);
    assert.match(r.text, /no records/);
  });

  it('ragged rows name the file and row', async () => {
    const f = file('ragged.csv', 'id,name,born\n1,Ana,1980\n2,Luis\n');
    const r = await failure(['link', f, '--id', 'id', '--field', 'name:name', '--out', join(dir, 'o.csv')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /ragged\.csv.*row 3/s);
  });

  it('no --field, a bad threshold, the same file name twice', async () => {
    let r = await failure(['link', good(), '--id', 'id', '--out', join(dir, 'o.csv')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /at least one --field/);
    r = await failure([
      'link',
      good(),
      '--id',
      'id',
      '--field',
      'name:name',
      '--threshold',
      '1.5',
      '--out',
      join(dir, 'o.csv'),
    ]);
    assert.equal(r.code, 2);
    assert.match(r.text, /--threshold must be a probability between 0 and 1/);
    r = await failure([
      'link',
      good(),
      good(),
      '--id',
      'id',
      '--field',
      'name:name',
      '--out',
      join(dir, 'o.csv'),
    ]);
    assert.equal(r.code, 2);
    assert.match(r.text, /same file/);
  });
});

describe('testigo link: column roles', () => {
  const csv = (cells: string[]) =>
    cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  const NAME_COLS = [COLUMNS.given, COLUMNS.surname1, COLUMNS.surname2];
  const OTHER = [COLUMNS.sex, COLUMNS.birth, COLUMNS.doc, COLUMNS.state];
  const set = adversarialSet('apellidos_nombres', { people: 1500, seed: 5 });
  const paths: string[] = [];
  before(() => {
    const bySource = new Map<string, string[]>();
    set.records.forEach((r) => {
      const full = r.values[COLUMNS.full] !== undefined;
      const cols = full ? [COLUMNS.full, ...OTHER] : [...NAME_COLS, ...OTHER];
      let lines = bySource.get(r.source);
      if (!lines) {
        lines = [csv(['id', ...cols])];
        bySource.set(r.source, lines);
      }
      lines.push(csv([r.id, ...cols.map((c) => r.values[c] ?? '')]));
    });
    for (const [s, lines] of bySource) paths.push(file(`${s}.csv`, `${lines.join('\n')}\n`));
  });
  const fields = [
    ...NAME_COLS.map((c) => `${c}:name`),
    `${COLUMNS.full}:fullname`,
    `${COLUMNS.sex}:exact`,
    `${COLUMNS.birth}:date`,
    `${COLUMNS.doc}:id`,
    `${COLUMNS.state}:place`,
  ].flatMap((f) => ['--field', f]);
  /**
   * `testigo link` over the lists written above, into `out`, with the options given. One worker
   * thread: each one loads the linkage modules afresh, and the split is not what these tests check.
   */
  const linkArgs = (out: string, ...options: string[]) => [
    'link',
    ...paths,
    '--id',
    'id',
    ...fields,
    '--out',
    out,
    '--workers',
    '1',
    ...options,
  ];
  const linkAll = (out: string, ...options: string[]) => run([...linkArgs(out, ...options), '--quiet']);

  it('a list with only "APELLIDOS, NOMBRES" in one column links to lists with split names', async () => {
    const out = join(dir, 'roles.csv');
    const report = join(dir, 'roles.json');
    const review = join(dir, 'roles-review.csv');
    await linkAll(out, '--report', report, '--review', review);
    const cluster = new Map(rows(out).map(([s, id, c]) => [`${s}|${id}`, c!]));
    const predicted = set.records.map((r) => cluster.get(`${r.source}.csv|${r.id}`)!);
    const s = subsetScores(predicted, set.person, set.affected);
    assert.ok(s.recall >= 0.95 && s.precision >= 0.98, `touched pairs: ${JSON.stringify(s)}`);
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    // Every report states the blocking's estimated recall and a calibration table.
    const est = rep.blocking.estimatedRecall;
    assert.ok(est.estimate > 0.9 && est.estimate <= 1, JSON.stringify(est));
    assert.ok(est.highConfidencePairs > 100);
    assert.deepEqual(
      rep.calibration.map((r: { from: number }) => r.from),
      [0, 0.2, 0.5, 0.8, 0.9, 0.99],
    );
    assert.ok(
      rep.repairs.some((x: string) => /whole name\(s\) split/.test(x)),
      JSON.stringify(rep.repairs),
    );
    // How each rule's EM ended (model.ts runEm): one entry per rule with an EM session.
    assert.ok(rep.model.em.length > 0, JSON.stringify(rep.model.em));
    for (const e of rep.model.em) {
      assert.equal(typeof e.rule, 'string');
      assert.equal(typeof e.converged, 'boolean');
      assert.ok(e.iterations > 0 && Number.isFinite(e.logLikelihoodGain), JSON.stringify(e));
    }
  });

  it('a "same" decision on a reviewed pair links it on the next run', async () => {
    const pairs = rows(join(dir, 'roles-review.csv')).filter((r) =>
      r[5]!.startsWith('uncertain; not linked'),
    );
    assert.ok(pairs.length > 0, 'some uncertain pairs to review');
    const first = new Map(rows(join(dir, 'roles.csv')).map(([s, id, c]) => [`${s}|${id}`, c]));
    const [sa, ida, sb, idb] = pairs[0]!;
    assert.notEqual(first.get(`${sa}|${ida}`), first.get(`${sb}|${idb}`), 'apart before the decision');
    const decisions = file(
      'decisions.csv',
      `source_a,record_id_a,source_b,record_id_b,decision\n${sa},${ida},${sb},${idb},same\n`,
    );
    const again = join(dir, 'roles2.csv');
    await linkAll(again, '--decisions', decisions);
    const clusterOf = new Map(rows(again).map(([s, id, c]) => [`${s}|${id}`, c]));
    assert.equal(clusterOf.get(`${sa}|${ida}`), clusterOf.get(`${sb}|${idb}`), 'must-link decision honoured');
  });

  it('the review file keeps earlier decisions, and --report estimates quality from them', async () => {
    const pairs = rows(join(dir, 'roles-review.csv')).filter((r) => r[5]!.startsWith('uncertain'));
    const [sa, ida, sb, idb] = pairs[0]!;
    const [sc, idc, sd, idd] = pairs[1]!;
    const decisions = file(
      'decisions2.csv',
      `source_a,record_id_a,source_b,record_id_b,decision\n${sa},${ida},${sb},${idb},same\n${sc},${idc},${sd},${idd},different\n`,
    );
    const review = join(dir, 'roles-review2.csv');
    const report = join(dir, 'roles2.json');
    await linkAll(join(dir, 'roles3.csv'), '--decisions', decisions, '--review', review, '--report', report);
    const decisionOf = new Map(rows(review).map((r) => [`${r[0]}|${r[1]}|${r[2]}|${r[3]}`, r[r.length - 1]]));
    assert.equal(decisionOf.get(`${sa}|${ida}|${sb}|${idb}`), 'same');
    assert.equal(decisionOf.get(`${sc}|${idc}|${sd}|${idd}`), 'different');
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    assert.ok(rep.quality.fromModel.precision > 0.9, JSON.stringify(rep.quality));
    assert.equal(rep.quality.fromDecisions.decided, 2);
    // With decisions, each rule's EM says whether it learned from them.
    assert.ok(
      rep.model.em.every(
        (e: { learnedFromDecisions?: boolean }) => typeof e.learnedFromDecisions === 'boolean',
      ),
    );
  });

  it('stderr, --report and the review file give the recall range and the calibration check', async () => {
    // The decisions of the test above: one pair found the same person, one not.
    const review = join(dir, 'roles-review4.csv');
    const report = join(dir, 'roles4.json');
    const said: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => {
      said.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await run(
        linkArgs(
          join(dir, 'roles4.csv'),
          '--decisions',
          join(dir, 'decisions2.csv'),
          '--review',
          review,
          '--report',
          report,
        ),
      );
    } finally {
      process.stderr.write = write;
    }
    const text = said.join('');
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    const [lo, hi] = rep.threshold.recallRange as [number, number];
    assert.ok(lo > 0.5 && lo <= hi && hi <= 1, JSON.stringify(rep.threshold));
    const range = `${lo.toFixed(3)}–${hi.toFixed(3)}`;
    assert.ok(text.includes(`(between ${range}; pairs, before clustering)`), text);
    // The calibration check: what the model predicted for the decided pairs against the decisions.
    assert.equal(rep.calibrationCheck.decided, 2);
    assert.equal(rep.calibrationCheck.observedSame, 1);
    assert.ok(rep.calibrationCheck.expectedSame > 0 && rep.calibrationCheck.expectedSame < 2);
    assert.match(
      text,
      /link: calibration on 2 decided pair\(s\): the model expected \d+\.\d same person, people found 1 \(\[/,
    );
    // The last columns (names before them may hold quoted commas): counted from the end.
    const header = readFileSync(review, 'utf8').split('\n')[0]!.split(',');
    const last = [
      'predicted_same_in_band',
      'observed_same_in_band',
      'blocking_recall',
      'model_recall_range',
      'decision',
    ];
    assert.deepEqual(header.slice(-last.length), last);
    const cell = (r: string[], name: string) => r[r.length - last.length + last.indexOf(name)]!;
    const body = rows(review);
    assert.ok(body.length > 0 && body.every((r) => cell(r, 'model_recall_range') === range));
    // Rows in a band with decisions show both sides of the check.
    const checked = body.filter((r) => cell(r, 'observed_same_in_band') !== '');
    assert.ok(checked.length > 0, 'some review rows fall in a decided band');
    for (const r of checked) assert.match(cell(r, 'predicted_same_in_band'), /^0\.\d{3}$|^1\.000$/);
  });

  it('without a fullname field, a list lacking the name columns is still an error', async () => {
    const f = await failure([
      'link',
      ...paths,
      '--id',
      'id',
      ...fields.slice(0, 6),
      ...fields.slice(8),
      '--out',
      join(dir, 'x.csv'),
    ]);
    assert.equal(f.code, 2);
    assert.match(f.text, /has no column "nombres"/);
  });
});
