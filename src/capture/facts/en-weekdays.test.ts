/** An English weekday after "by", "until", "after", "from" or "this": the next such day, or the last when told in the past. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

// 2025-11-05 is a Wednesday.
describe('an English weekday after by, until, after, from or this', () => {
  it("is the writer's next such day in a plan or a present", () => {
    assert.deepEqual(
      values('I am exporting this chat, tell me by Friday if you want your name removed.', '2025-11-05'),
      ['2025-11-07'],
    );
    assert.deepEqual(values('The tribunal will hold readings until Wednesday.', '2025-11-03'), [
      '2025-11-05',
    ]);
    assert.deepEqual(values('The memorial reading is this Sunday at the park.', '2025-11-05'), [
      '2025-11-09',
    ]);
    assert.deepEqual(values('He told us yesterday that "after Friday we come in."', '2025-11-05'), [
      '2025-11-04',
      '2025-11-07',
    ]);
  });
  it('a deadline asked or promised is ahead of whoever set it', () => {
    assert.deepEqual(values('ASF asked for the text by Monday.', '2025-11-05'), ['2025-11-10']);
  });
  it('told in the past, the last such day', () => {
    assert.deepEqual(values('The ministry did not answer our questions by Monday evening.', '2025-11-05'), [
      '2025-11-03',
    ]);
    assert.deepEqual(values('From Monday the soldiers searched every house.', '2025-11-05'), ['2025-11-03']);
  });
  it('not before a day number or a name', () => {
    assert.deepEqual(values('until Friday 7 November', '2025-11-05'), ['2025-11-07']);
    assert.deepEqual(values('since Bloody Sunday, by Sunday Times count', '2025-11-05'), []);
  });
});

describe('a passive after a modal', () => {
  it('is no past: "will be held on Saturday" is ahead', () => {
    assert.deepEqual(values('A vigil for both men will be held in Washington on Saturday.', '2023-04-10'), [
      '2023-04-15',
    ]);
    assert.deepEqual(values('A vigil for both men was held in Washington on Saturday.', '2023-04-10'), [
      '2023-04-08',
    ]);
  });
});

describe('a weekday said of every week', () => {
  it('is a habit, no date', () => {
    assert.deepEqual(
      values('Families can go to its office, or call on Saturday mornings.', '2025-07-24'),
      [],
    );
    assert.deepEqual(values('Visits at Nakkhu are on Saturday only.', '2025-07-24'), []);
    assert.deepEqual(values('He went to the palace on Saturday morning.', '2025-07-24'), ['2025-07-19']);
  });
});

describe('a weekday said after a day without its year', () => {
  it('gives the day the year written before whose same day falls on it', () => {
    assert.deepEqual(
      values(
        'In the summer of 2021 it began. A colleague called me on 16 July, a Friday, and asked me to come.',
        '2026-03-22',
      ),
      ['2021', '2021-07-16'],
    );
    assert.deepEqual(values('In 2021 it began. She called on 17 July, a Saturday.', '2026-03-22'), [
      '2021',
      '2021-07-17',
    ]);
    assert.deepEqual(values('In 2021 it began. She called on 18 July, a Friday.', '2026-03-22'), [
      '2021',
      '2025-07-18',
    ]);
  });
});

describe("an English chat export's relative day separators", () => {
  it('count from the day the head says it was copied, not from the first separator', () => {
    const chat =
      'Signal — "Case desk"\nCopied on 12 May 2018 by Hodan for the case file\n\n——— 9 May 2018 ———\n' +
      '[08:02] Hodan: Morning.\n\n——— Yesterday ———\n[11:15] Hodan: No news.\n\n——— Today ———\n[08:03] Ali: ok';
    assert.deepEqual(
      findDates(chat, '2018-05-09').map((d) => d.value),
      ['2018-05-12', '2018-05-09', '2018-05-11', '2018-05-12'],
    );
    const exported =
      'Exported on 10/03/2021 by a member.\n\n——— 3 March 2021 ———\n[09:00] A: hi\n——— Yesterday ———\n[10:05] L: ok';
    assert.deepEqual(
      findDates(exported, '2021-03-03').map((d) => d.value),
      ['2021-03-10', '2021-03-03', '2021-03-09'],
    );
  });
});

// 2026-02-25 is a Wednesday.
describe('an English weekend', () => {
  it('ahead of the writer is no date', () => {
    assert.deepEqual(
      values('Do not wait. I will draft the appeal this weekend and send it to you.', '2026-02-25'),
      [],
    );
    assert.deepEqual(values("She'll write to the foundation this weekend.", '2026-02-25'), []);
  });
  it('just past is still the weekend before', () => {
    assert.deepEqual(values('The families met this weekend at the cemetery.', '2026-02-25'), [
      '2026-02-21/2026-02-22',
    ]);
  });
});

// 2026-10-12 is a Monday.
describe('an English weekday given its hour', () => {
  it('in a present is the next such day', () => {
    assert.deepEqual(values('The families meet outside the courthouse on Saturday at ten.', '2026-10-12'), [
      '2026-10-17',
    ]);
  });
  it('told in the past is the last', () => {
    assert.deepEqual(
      values('The families gathered outside the courthouse on Saturday at ten.', '2026-10-12'),
      ['2026-10-10'],
    );
  });
});
