import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatFuzzy, formatTime } from './format.js';

test('sizes in KB and MB, with the decimal mark of the language', () => {
  assert.equal(formatBytes(512, 'en'), '512 B');
  assert.equal(formatBytes(1536, 'en'), '1.5 KB');
  assert.equal(formatBytes(1536, 'es'), '1,5 KB');
  assert.equal(formatBytes(20 * 1024 * 1024, 'en'), '20 MB');
  assert.equal(formatBytes(-1, 'en'), '—');
});

test('times are local and not the raw ISO string', () => {
  const s = formatTime('2026-03-01T12:00:00.000Z', 'en');
  assert.doesNotMatch(s, /T12:00:00/);
  assert.match(s, /2026/);
  assert.equal(formatTime(undefined, 'es'), '—');
  assert.equal(formatTime('not a time', 'es'), 'not a time');
});

test('case-file dates as readers write them, never the day before', () => {
  assert.equal(formatFuzzy({ precision: 'day', value: '2017-05-03' }, 'en'), '3 May 2017');
  assert.match(formatFuzzy({ precision: 'day', value: '2017-05-03' }, 'es'), /^3 may\.? 2017$/);
  assert.equal(formatFuzzy({ precision: 'day', value: '2017-01-01' }, 'en'), '1 Jan 2017');
  assert.match(formatFuzzy({ precision: 'month', value: '2017-03' }, 'es'), /^marzo de 2017$/);
  assert.equal(formatFuzzy({ precision: 'year', value: '2017' }, 'es'), '2017');
  assert.equal(
    formatFuzzy({ precision: 'range', from: '2017-03-01', to: '2017-03-05' }, 'en'),
    '1 Mar 2017 – 5 Mar 2017',
  );
  assert.equal(formatFuzzy({ precision: 'unknown' }, 'es'), '?');
  assert.equal(formatFuzzy(undefined, 'es'), '—');
});
