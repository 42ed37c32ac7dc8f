/** The story year of a text published on its event's anniversary (anniversary-years.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);
const broadcast = (opening: string) => `RADIO ARCHIVE — programme of 17 November 2025

[00:00:05] HOST: Good evening. ${opening} soldiers stormed the university. Today, as every 17 November, thousands march to the gate.

[00:01:10] GUEST: After the assault, on 25 November, the generals took power and closed the papers.

[00:02:00] HOST: And the students?`;

describe("an anniversary's day said again", () => {
  it('neither is the story’s moment nor ends it, when told in the present', () => {
    // The stamp, the count, its "tonight", "Today", "17 November" (the writer's), then the story's day.
    assert.deepEqual(values(broadcast('Fifty years ago tonight'), '2025-11-17'), [
      '2025-11-17',
      '1975-11-17',
      '2025-11-17',
      '2025-11-17',
      '2025-11-17',
      '1975-11-25',
    ]);
  });
  it('is a day of the writer’s own time without the count', () => {
    assert.deepEqual(values(broadcast('Long ago'), '2025-11-17'), [
      '2025-11-17',
      '2025-11-17',
      '2025-11-17',
      '2024-11-25',
    ]);
  });
});
