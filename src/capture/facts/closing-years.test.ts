/** A year closing a phrase after a comma: a reference, a note, an inscription. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a year closing a phrase after a comma', () => {
  it('a reference, a note, a place and year', () => {
    assert.deepEqual(values('Comisión de la Verdad, Informe final, tomo II, 2011.', '2025-06-01'), ['2011']);
    assert.deepEqual(
      values('Sentencia del Tribunal de Concepción: dos condenados (12 años), 2019.', '2026-07-15'),
      ['2019'],
    );
    assert.deepEqual(values('Una medalla con la inscripción "Tito, 1977".', '2026-10-05'), ['1977']);
    assert.deepEqual(values('Vicente Ayala (Comayagua, 1986 – 12 de mayo de 2011)', '2026-10-05'), [
      '1986',
      '2011-05-12',
    ]);
  });
  it("not a day's year, a span of years, a labels line or a count", () => {
    assert.deepEqual(values('Expediente 14, 2019.', '2025-09-21'), []);
    assert.deepEqual(
      values('Report on detention in Egypt, 2019–2026. A report by the Nile group.', '2026-07-15'),
      [],
    );
    assert.deepEqual(values('Publicado a las 21:14 · Etiquetas: Ayerbe, familia, 1936', '2026-07-15'), []);
    assert.deepEqual(values('Firmaron Ana, Luis, 1500 personas más.', '2026-07-15'), []);
  });
  it('a year right after a word, closing its clause (stop 48)', () => {
    assert.deepEqual(
      values('Her cousin, born in Lira, moved to Gulu 2004. Nobody wrote it down.', '2026-07-15'),
      ['2004'],
    );
    assert.deepEqual(values('Exhumation requested 2016; the family still waits.', '2026-07-15'), ['2016']);
    assert.deepEqual(values('Sentence: 12 years (reported 2021)', '2026-07-15'), ['2021']);
    assert.deepEqual(
      values('Ortiz, M. Voces del río. Lima: Editorial Andina, 2011, pp. 3–9.', '2026-07-15'),
      ['2011'],
    );
  });
  it("not a day's year, a law's or a name's, a tab's, nor a title's line end", () => {
    assert.deepEqual(values('Detained under the Public Order Act 1967.', '2026-07-15'), []);
    assert.deepEqual(values('Lo juzgó el Tribunal Popular Internacional 1980.', '2026-07-15'), []);
    assert.deepEqual(values('Copiado de la hoja (pestaña: Cerro 1981) por la oficina.', '2026-07-15'), []);
    assert.deepEqual(values('Chat de WhatsApp con Familias del Cerro 1999\nHola a todos.', '2026-07-15'), []);
  });
});
