/** A day without its year a month or less from the writer on one side (near-side.ts, through findDates). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';
import { nearSide } from './near-side.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('the near side of a day without its year', () => {
  it('a plan a week ahead, whatever past stands in its sentence', () => {
    assert.deepEqual(
      values(
        'The registry, which took over the files, has listed the appeal for a hearing on 4 March.',
        '2026-02-25',
      ),
      ['2026-03-04'],
    );
    assert.deepEqual(
      values('La comisión por fin contestó a lo de Marta: entrevista el 6 de abril.', '2026-03-27'),
      ['2026-04-06'],
    );
  });
  it('a day just past, whatever future stands in its sentence', () => {
    assert.deepEqual(
      values('The kitchen will be in the parish hall behind the market, same as 14 November.', '2026-11-17'),
      ['2026-11-14'],
    );
  });
  it('a month alone eleven months ahead is the one that ended weeks ago', () => {
    assert.deepEqual(
      values(
        'Our source says "the last week of December", I will not write a day we cannot source.',
        '2026-01-09',
      ),
      ['2025-12'],
    );
    assert.deepEqual(
      values('The lawyers will gather in Nairobi next June for the anniversary.', '2026-06-20'),
      ['2027-06'],
    );
  });
  it('keeps the far side when the writer asks for it', () => {
    assert.deepEqual(
      values('Nos quitaron las pancartas, pero el próximo 8 de marzo volveremos.', '2026-03-10'),
      ['2027-03-08'],
    );
    assert.deepEqual(values('He has been held without charge since 20 November.', '2026-11-15'), [
      '2025-11-20',
    ]);
  });
  it('keeps a reading a season away either side', () => {
    const ref = new Date('2026-06-01T00:00:00Z');
    assert.equal(nearSide(ref, '2025-07-20', '2026-07-20', false), undefined);
    assert.equal(nearSide(ref, '2025-06-20', '2026-06-20', false), '2026-06-20');
    assert.equal(nearSide(ref, '2026-05-20', '2027-05-20', true), '2026-05-20');
  });
});
