import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editionHead } from './edition-head.js';
import { datedByText } from './html.js';

describe('editionHead', () => {
  it('reads the edition line of a report, day or month', () => {
    assert.deepEqual(editionHead(['Report, published in Kara and Lomé, 9 May 2026 — Chapter 2 (extract)']), {
      precision: 'day',
      value: '2026-05-09',
    });
    assert.deepEqual(editionHead(['Informe, Bogotá, marzo de 2026 — Capítulo 4 de 7']), {
      precision: 'month',
      value: '2026-03',
    });
  });
  it('leaves a title naming its events and a sentence', () => {
    assert.equal(editionHead(['Report on the killings of 4 May 2024 in Kano']), undefined);
    assert.equal(editionHead(['"Nobody came": the siege of Kara, March–May 2021']), undefined);
  });
  it('dates a report by its edition, not by a numbered section under it', () => {
    const text = [
      'LAKES DOCUMENTATION NETWORK',
      'The siege of Kara, 2021–2026',
      'Report, published in Kara and Lomé, 9 May 2026 — Chapter 2 (extract)',
      '2.1 From 12 March 2021. Shelling began at dawn and went on for days.',
    ].join('\n');
    assert.deepEqual(datedByText(text), { precision: 'day', value: '2026-05-09' });
  });
});
