/** The story year of a text published on its event's anniversary (anniversary-years.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe("an anniversary's day said again", () => {
  const blog = (opening: string) =>
    `${opening} the editor was found dead in his car on a road near the coast. He had spent the evening of 3 February with friends in the hills and never came home. The police said they opened a file. His family waited. Nobody was charged. The judge who took the case was moved to another court. His sister kept the car keys.`;
  it('in a blog told in the past, is the event’s day, not the writer’s', () => {
    // The count, its "today", and the day said again.
    assert.deepEqual(values(blog('Five years ago today'), '2026-02-03'), [
      '2021-02-03',
      '2026-02-03',
      '2021-02-03',
    ]);
    // Without the count, the day is the writer's (one past stretch is not told).
    assert.deepEqual(values(blog('Some time ago'), '2026-02-03'), ['2026-02-03']);
  });
  it('in a broadcast, neither is the story’s moment nor ends it when told in the present', () => {
    const text = `RADIO ARCHIVE — programme of 17 November 2025

[00:00:05] HOST: Good evening. Fifty years ago tonight soldiers stormed the university. Today, as every 17 November, thousands march to the gate.

[00:01:10] GUEST: After the assault, on 25 November, the generals took power and closed the papers.

[00:02:00] HOST: And the students?`;
    // The stamp, the count, its "tonight", "Today", "17 November" (the writer's), then the story's day.
    assert.deepEqual(values(text, '2025-11-17'), [
      '2025-11-17',
      '1975-11-17',
      '2025-11-17',
      '2025-11-17',
      '2025-11-17',
      '1975-11-25',
    ]);
  });
});
