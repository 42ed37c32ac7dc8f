import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const values = (text: string, ref: string) => findDates(text, ref).map((d) => d.value);

describe('a Spanish year in words on its own', () => {
  it('a full year with its last part, or after "año"', () => {
    assert.deepEqual(values('Que en dos mil once volvieron los peritos a la finca.', '2025-06-02'), ['2011']);
    assert.deepEqual(values('Pidió el informe pericial de mil novecientos noventa y ocho.', '2025-06-02'), [
      '1998',
    ]);
    assert.deepEqual(values('Desde el año dos mil no ha vuelto.', '2025-06-02'), ['2000']);
  });
  it('a two-digit year in words after "año" or a month\'s "del"', () => {
    assert.deepEqual(values('Se quedó en el refugio hasta el año ochenta y cinco.', '2025-06-02'), ['1985']);
    assert.deepEqual(values('Mi hijo nació en marzo del setenta y nueve.', '2025-06-02'), ['1979-03']);
  });
  it('not a count, nor a decade, nor a two-digit number alone', () => {
    assert.deepEqual(values('Llegaron dos mil personas a la plaza.', '2025-06-02'), []);
    assert.deepEqual(values('Marcharon hasta dos mil quinientas personas.', '2025-06-02'), []);
    assert.deepEqual(values('En los ochenta la represión fue dura.', '2025-06-02'), []);
    assert.deepEqual(values('El ochenta por ciento no volvió.', '2025-06-02'), []);
  });
});
