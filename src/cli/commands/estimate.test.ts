import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Command } from 'commander';
import { formatIssue, InputError } from '../../domain/errors.js';
import { runCli } from '../../test-support/cli.js';
import { exitCodeFor } from '../errors.js';
import { registerEstimate } from './estimate.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'testigo-estimate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `testigo estimate …` in process; returns the error it fails with (as the CLI would print it). */
async function failure(args: string[]): Promise<{ code: number; text: string }> {
  const program = new Command().exitOverride();
  registerEstimate(program);
  try {
    await program.parseAsync(['estimate', ...args], { from: 'user' });
  } catch (err) {
    const issues = err instanceof InputError ? err.issues.map(formatIssue) : [];
    return { code: exitCodeFor(err), text: [(err as Error).message, ...issues].join('\n') };
  }
  assert.fail(`estimate ${args.join(' ')} should have failed`);
}

describe('testigo estimate: bad input exits 2 and says where', () => {
  it('non-0/1 list values, bad counts, rows on no list', async () => {
    let r = await failure([csv('values.csv', 'A,B,C\n1,0,1\n1,2,0\n0,1,yes\n')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /values\.csv, row 3, column B: "2" is not 0 or 1/);
    assert.match(r.text, /values\.csv, row 4, column C: "yes" is not 0 or 1/);
    r = await failure([csv('counts.csv', 'A,B,count\n1,0,5\n0,1,-2\n1,1,1.5\n')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /counts\.csv, row 3, column count: "-2" is not a non-negative whole number/);
    assert.match(r.text, /counts\.csv, row 4, column count: "1\.5" is not a non-negative whole number/);
    r = await failure([csv('zeros.csv', 'A,B\n1,1\n0,0\n')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /zeros\.csv, row 3: the row is on no list/);
  });

  it('fewer than 2 lists, unknown strata column, empty and header-only files, missing file', async () => {
    let r = await failure([csv('one.csv', 'A,count\n1,4\n')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /one\.csv: at least 2 list columns are needed, found 1 \(A\)/);
    // With --strata the strata column is not a list.
    r = await failure([csv('strata1.csv', 'A,state\n1,Zulia\n'), '--strata', 'state']);
    assert.match(r.text, /found 1 \(A\)/);
    r = await failure([csv('strata.csv', 'A,B\n1,1\n'), '--strata', 'region']);
    assert.equal(r.code, 2);
    assert.match(r.text, /strata\.csv: the strata column "region" is not in the file \(columns: A, B\)/);
    r = await failure([csv('empty.csv', '')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /empty\.csv is empty/);
    r = await failure([csv('header.csv', 'A,B,C\n')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /header\.csv has no data rows/);
    r = await failure([join(dir, 'nope.csv')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /nope\.csv: ENOENT: no such file/);
  });

  it('bad flags, lists that never overlap', async () => {
    const ok = csv('ok.csv', 'A,B,C,count\n1,0,0,10\n0,1,0,8\n1,1,0,3\n0,0,1,5\n1,0,1,2\n');
    for (const [args, re] of [
      [['--method', 'magic'], /--method must be loglinear, lcmcr or auto/],
      [['--format', 'xml'], /--format must be json or table/],
      [['--criterion', 'dic'], /--criterion must be aic or bic/],
      [['--iterations', '-5'], /--iterations must be a whole number ≥ 1/],
      [['--chains', '2.5'], /--chains must be a whole number ≥ 1/],
      [['--method', 'lcmcr', '--iterations', '20', '--thin', '10'], /keep too few draws/],
    ] as const) {
      const r = await failure([ok, ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.text, re);
    }
    const st = csv('st.csv', 'A,B,C,region\n1,1,0,x\n0,1,1,x\n1,0,1,y\n1,1,1,y\n');
    const sens = await failure([st, '--strata', 'region', '--sensitivity', '--method', 'loglinear']);
    assert.equal(sens.code, 2);
    assert.match(sens.text, /--sensitivity works on one table/);
    const r = await failure([csv('apart.csv', 'A,B,C,count\n1,0,0,10\n0,1,0,8\n0,0,1,5\n')]);
    assert.equal(r.code, 2);
    assert.match(r.text, /no one is on more than one list/);
    // Data no log-linear model fits (one list inside another): bad input in that file, and named (found by fuzzing).
    const nested = await failure([csv('nested.csv', 'A,B,C,count\n1,1,0,10\n0,1,0,8\n1,1,1,3\n')]);
    assert.equal(nested.code, 2);
    assert.match(nested.text, /^nested\.csv: no log-linear model can be fitted/);
  });
});

describe('testigo estimate: the command', () => {
  it('prints the contract as JSON and writes a plot', async () => {
    const file = csv(
      'h.csv',
      'A,B,C,count\n1,0,0,120\n0,1,0,100\n0,0,1,90\n1,1,0,30\n1,0,1,25\n0,1,1,20\n1,1,1,8\n',
    );
    const plot = join(dir, 'p.svg');
    const small = [
      '--iterations',
      '2000',
      '--burn-in',
      '500',
      '--chains',
      '2',
      '--seed',
      '9',
      '--allow-unconverged',
    ];
    const run = await runCli(['estimate', file, '--method', 'lcmcr', ...small, '--plot', plot]);
    assert.equal(run.code, 0, run.err);
    const out = JSON.parse(run.out);
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
    assert.equal(out.method, 'lcmcr');
    assert.equal(out.diagnostics.chains, 2);
    assert.equal(out.diagnostics.seed, 9);
    assert.equal(typeof out.converged, 'boolean');
    assert.ok(out.diagnostics.occupiedClasses >= 1 && out.diagnostics.occupiedClasses <= 10);
    assert.equal(out.draws, undefined, 'draws are not printed');
    assert.ok(out.interval[0] > 393 && out.interval[0] < out.estimate && out.estimate < out.interval[1]);
    const svg = readFileSync(plot, 'utf8');
    assert.match(svg, /^<svg/);
    assert.match(svg, /Posterior of the total/);
  });

  // One real process, on input that fails before any sampling: the entry point turns the error
  // into exit code 2 and a message on stderr. The other cases run in process (runCli): a process
  // per case recompiled the CLI with tsx each time (about 75 s of the unit tier).
  it('exits 2 on bad input with the row and column on stderr (real process)', () => {
    const bad = csv('bad.csv', 'A,B\n1,0\n0,x\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'estimate', bad], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.csv, row 3, column B: "x" is not 0 or 1/);
  });

  it('an unconverged LCMCR run says so and exits 1 unless --allow-unconverged', async () => {
    const file = csv(
      'u.csv',
      'A,B,C,count\n1,0,0,120\n0,1,0,100\n0,0,1,90\n1,1,0,30\n1,0,1,25\n0,1,1,20\n1,1,1,8\n',
    );
    // 12 iterations, thin 1, no extension: far too short for R-hat ≤ 1.01 and ESS ≥ 100 per chain.
    const short = ['--method', 'lcmcr', '--iterations', '12', '--max-iterations', '12', '--thin', '1'];
    const cli = ['estimate', file, ...short, '--burn-in', '0'];
    const run = await runCli([...cli, '--format', 'table']);
    assert.equal(run.code, 1, run.err);
    assert.match(run.out, /\tnot converged \(\d+\)\t/);
    assert.match(run.out, /NOT CONVERGED, R-hat/);
    assert.match(run.err, /not converged: the estimate; run longer/);
    const allowed = await runCli([...cli, '--allow-unconverged']);
    assert.equal(allowed.code, 0, allowed.err);
    const out = JSON.parse(allowed.out);
    assert.equal(out.converged, false);
    assert.equal(out.diagnostics.iterationsRun, 12);
    assert.ok(out.warnings.some((w: string) => /not converged|few effective draws/.test(w)));
  });
});
