/**
 * `testigo synth` then `testigo link` at scale: about 10,000 records over five lists, linked
 * unsupervised with pairwise F1 ≥ 0.95 against the synth's truth. An accuracy check on large data
 * (full tier only: `*.slow.test.ts`); the link's behaviour and errors are in link.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pairwiseScores } from '../../linkage/evaluate.js';
import { runCli } from '../../test-support/cli.js';
import { plainCsvRows, SYNTH_FIELDS } from '../../test-support/synth-fields.js';

const dir = mkdtempSync(join(tmpdir(), 'testigo-link-synth-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `testigo …` in process; fails the test with the command's stderr when it does not exit 0. */
async function cli(args: string[]): Promise<void> {
  const r = await runCli(args);
  assert.equal(r.code, 0, r.err);
}

const rows = (path: string) => plainCsvRows(readFileSync(path, 'utf8'));

describe('testigo synth + link end to end', () => {
  const out = join(dir, 'synth');
  before(async () => {
    // ≈10,000 records over 5 lists.
    await cli(['synth', '--people', '6200', '--lists', '5', '--seed', '3', '--out', out]);
  });

  it('synth writes about 10,000 records, each named in the truth file (its format: link.test.ts)', () => {
    const truth = rows(join(out, 'truth.csv'));
    const records = [1, 2, 3, 4, 5].reduce((n, k) => n + rows(join(out, `list${k}.csv`)).length, 0);
    assert.equal(truth.length, records);
    assert.ok(records > 9000 && records < 11000, `${records} records`);
  });

  it('links 10,000 records with pairwise F1 ≥ 0.95 against the truth, unsupervised', async () => {
    const lists = [1, 2, 3, 4, 5].map((k) => join(out, `list${k}.csv`));
    const result = join(dir, 'clusters.csv');
    const review = join(dir, 'review.csv');
    await cli([
      'link',
      ...lists,
      '--id',
      'record_id',
      ...SYNTH_FIELDS.flatMap((f) => ['--field', f]),
      '--out',
      result,
      '--review',
      review,
      '--quiet',
    ]);
    const truth = new Map(rows(join(out, 'truth.csv')).map(([s, id, p]) => [`${s}|${id}`, p!]));
    const linked = rows(result);
    assert.equal(linked.length, truth.size, 'one output row per input record');
    const predicted = linked.map((r) => r[2]!);
    const actual = linked.map((r) => {
      const p = truth.get(`${r[0]}|${r[1]}`);
      assert.ok(p, `output names an unknown record ${r[0]} ${r[1]}`);
      return p;
    });
    const s = pairwiseScores(predicted, actual);
    process.stderr.write(
      `link 10k: precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)}, F1 ${s.f1.toFixed(4)}\n`,
    );
    assert.ok(s.f1 >= 0.95, `F1 ${s.f1}`);

    // The review file lists uncertain pairs side by side (deciding them: the column-roles tests below,
    // on a smaller set, so the 10,000-record link runs once).
    const header = readFileSync(review, 'utf8').split('\n')[0]!;
    assert.match(
      header,
      /^source_a,record_id_a,source_b,record_id_b,probability,status,given_names_a,given_names_b,.*,decision$/,
    );
    const pairs = rows(review).filter((r) => r[5]!.startsWith('uncertain; not linked'));
    assert.ok(pairs.length > 0, 'some uncertain pairs to review');
  });
});
