import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossListScores, febrlPerson, parseFebrl } from './febrl.js';

describe('FEBRL files and cross-list scores', () => {
  it('reads the ", "-separated format, empty fields as missing, the person from rec_id', () => {
    const f = parseFebrl(
      'rec_id, given_name, surname, date_of_birth\nrec-561-dup-0, elton, , 19651013\nrec-1070-org, michaela, neumann, \n',
      'b',
    );
    assert.deepEqual(f.columns, ['rec_id', 'given_name', 'surname', 'date_of_birth']);
    assert.deepEqual(f.records[0], {
      source: 'b',
      id: 'rec-561-dup-0',
      values: { given_name: 'elton', date_of_birth: '19651013' },
    });
    assert.deepEqual(f.person, ['rec-561', 'rec-1070']);
  });

  it('says which row is malformed', () => {
    assert.throws(
      () => parseFebrl('rec_id, a\nrec-1-org, x, y\n', 'a'),
      /a row 2: 3 fields, the header has 2/,
    );
    assert.throws(() => febrlPerson('rec-x', 'a row 5'), /a row 5: rec_id "rec-x"/);
  });

  it('scores pairs across the lists only, and counts links within a list apart', () => {
    // Persons p1, p2, p3 in lists a and b. Clusters: p1's pair together (right), p2's apart
    // (missed), p3's b record with p2's a record (wrong), and the two a records of p2/p3 together.
    const source = ['a', 'b', 'a', 'b', 'a', 'b'];
    const person = ['p1', 'p1', 'p2', 'p2', 'p3', 'p3'];
    const cluster = ['c1', 'c1', 'c2', 'c3', 'c2', 'c2'];
    const s = crossListScores(cluster, source, person, 'a');
    // Cross pairs predicted: c1 1·1, c2 2 a × 1 b = 2; true positives: p1, p3 (c2 holds p3's a and b).
    assert.equal(s.predicted, 3);
    assert.equal(s.truePositives, 2);
    assert.equal(s.truePairs, 3);
    assert.equal(s.withinList, 1);
    assert.ok(Math.abs(s.precision - 2 / 3) < 1e-12 && Math.abs(s.recall - 2 / 3) < 1e-12);
  });
});
