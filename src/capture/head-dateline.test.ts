import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headDateline } from './head-dateline.js';
import { extractPlainText } from './plain.js';

describe('headDateline', () => {
  it('reads the day a head line closes on, after a comma or "of"', () => {
    const day = (value: string) => ({ precision: 'day', value });
    assert.deepEqual(
      headDateline([
        'SUMMARY OF RULING',
        'Prepared by the legal office of the Families Committee (FC), 3 April 2026',
      ]),
      day('2026-04-03'),
    );
    assert.deepEqual(
      headDateline([
        'Record of the victims hearing, Tumaco, Nariño, 9 June 2025 (translation by the clinic)',
      ]),
      day('2025-06-09'),
    );
    assert.deepEqual(
      headDateline(['Kept by the Detainee Monitor (Amman), update of 12 May 2026']),
      day('2026-05-12'),
    );
    assert.deepEqual(
      headDateline(['Report to the Council (advance version, 2 July 2026)']),
      day('2026-07-02'),
    );
  });
  it('leaves a story day that runs on, a month alone, and lines past the fourth', () => {
    assert.equal(
      headDateline(['He was last seen on 2 February 2024, three weeks after the decree.']),
      undefined,
    );
    assert.equal(headDateline(['Quarterly list of the Observatory, March 2026']), undefined);
    assert.equal(headDateline(['A', 'B', 'C', 'D', 'Prepared by the office, 3 April 2026']), undefined);
    assert.equal(
      headDateline([
        'Cuartel del Batallón N.º 8 de la División Norte, Paso de los Toros, 8 de marzo de 1981',
      ]),
      undefined,
    );
  });
  it('dates a plain text whose head names no other day', () => {
    const ex = extractPlainText(
      'Transcript of the hearing, Pasto, 9 June 2025\n\nThe session resumed yesterday.',
    );
    assert.deepEqual(ex.published, { precision: 'day', value: '2025-06-09' });
  });
});
