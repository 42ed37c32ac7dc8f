/** A year inside a quoted report, exhibition, sheet or tab title is a name's, not a date. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a year inside a quoted title', () => {
  it('is no date', () => {
    assert.deepEqual(
      values(
        'El observatorio presentó el informe «Sin tregua: defensores en Arauca, 2022–2023».',
        '2025-01-10',
      ),
      [],
    );
    assert.deepEqual(
      values('Pegado desde la hoja "Detenidos 1976-1978", pestaña "Resumen".', '2025-01-10'),
      [],
    );
    assert.deepEqual(
      values('Inaugura la exposición «La marcha de 1959», con fotos del archivo.', '2025-01-10'),
      [],
    );
  });
  it('the same year written outside the title still counts', () => {
    const v = values(
      'El informe «Arauca, 2022» cuenta 40 casos. En 2022 mataron a nueve líderes.',
      '2025-01-10',
    );
    assert.deepEqual(v, ['2022']);
  });
  it('a quoted sentence is no title', () => {
    assert.deepEqual(values('Dijo: "Mi madre murió en 2019 sin saber nada".', '2025-01-10'), ['2019']);
  });
});
