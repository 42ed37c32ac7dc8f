/** A Spanish text with no date of its own: its yearless days are of the story it tells, not of the capture. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from './dates.js';

const undated = (text: string) => findDates(text, '2025-01-01', true).map((d) => d.value);

describe('Spanish yearless days in an undated text', () => {
  it('take the year of the last day or month written with its year', () => {
    assert.deepEqual(
      undated('Mi hija nació el 5 de febrero del 77. A su padre se lo llevaron el 30 de abril, de noche.'),
      ['1977-02-05', '1977-04-30'],
    );
    assert.deepEqual(
      undated('3 | Caal, Rosa | 30 | 14/06/1981 | Vista en la base de Cobán el 16 de junio. |'),
      ['1981-06-14', '1981-06-16'],
    );
  });
  it('a day so read dates the next one; a season with its year dates the story', () => {
    assert.deepEqual(
      undated('Fue en el verano del 39. Lo sacaron en agosto. El 9 de septiembre lo fusilaron.'),
      ['1939', '1939-08', '1939-09-09'],
    );
  });
  it('a story told over a new year goes on into it', () => {
    assert.deepEqual(undated('Nos soltaron en diciembre de 1983. En febrero volvimos al pueblo.'), [
      '1983-12',
      '1984-02',
    ]);
  });
  it('stays near the capture when dated, back in its own time, or when the weekday does not fit', () => {
    // 3 June 1982 was a Thursday.
    assert.ok(!undated('Lo detuvieron en mayo de 1982. El domingo 3 de junio salió.').includes('1982-06-03'));
    assert.deepEqual(
      undated('Lo detuvieron en mayo de 1982. Ayer me llamaron: la audiencia es el 3 de junio.'),
      ['1982-05', '2024-12-31', '2025-06-03'],
    );
    assert.deepEqual(undated('Lo detuvieron en mayo de 1982. Cada año, el 3 de junio, vamos a la fosa.'), [
      '1982-05',
      '2025-06-03',
    ]);
  });
});
