import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayNumber, formatPacked, parseDate } from './dates.js';
import {
  isPlaceholder,
  normalizeDocumentId,
  normalizePlace,
  normalizeText,
  parseNumber,
} from './normalize.js';
import { jaroWinkler, osaDistance } from './similarity.js';
import { canonicalTokens, fold, nameTokens, normalizeName, phoneticName, phoneticToken } from './text.js';

const date = (s: string) => formatPacked(parseDate(s));

describe('name normalisation', () => {
  it('folds case, accents, punctuation and spacing', () => {
    assert.equal(fold('  MARÍA   José-Pérez. '), 'maria jose perez');
    assert.equal(fold('Ñáñez'), 'nanez');
  });

  it('drops particles but keeps a name made only of particles', () => {
    assert.equal(normalizeName('María de los Ángeles'), 'maria angeles');
    assert.equal(normalizeName('Pérez y Gómez'), 'perez gomez');
    assert.equal(normalizeName('De La Cruz'), 'cruz');
    assert.deepEqual(nameTokens('De La'), ['de', 'la']);
  });

  it('replaces common nicknames with the names they stand for', () => {
    assert.deepEqual(canonicalTokens(['pepe']), ['jose']);
    assert.equal(phoneticName('Pepe Pérez'), phoneticName('José Pérez'));
    assert.equal(phoneticName('Chucho'), phoneticName('Jesús'));
  });

  it('gives spellings that sound alike in Venezuelan Spanish one key', () => {
    for (const [a, b] of [
      ['yndira', 'indira'], // Y/I
      ['llanos', 'yanos'], // LL/Y
      ['victor', 'bictor'], // B/V
      ['zoraida', 'soraida'], // Z/S
      ['helena', 'elena'], // silent H
      ['jhonny', 'jony'], // silent H, doubled letters
      ['quintero', 'kintero'], // QU/K
      ['jimenez', 'gimenez'], // soft G/J
      ['cecilia', 'sesilia'], // soft C
    ])
      assert.equal(phoneticToken(a!), phoneticToken(b!), `${a} ~ ${b}`);
    for (const [a, b] of [
      ['garcia', 'gracia'],
      ['perez', 'paez'],
      ['luis', 'luisa'],
    ])
      assert.notEqual(phoneticToken(a!), phoneticToken(b!), `${a} ≁ ${b}`);
  });
});

describe('document ids', () => {
  it('reads the same cédula with or without prefix, dots, dashes and spaces', () => {
    for (const v of ['V-12.345.678', 'v 12345678', '12,345,678', 'V12345678', 'E-12345678', 'CI 12.345.678'])
      assert.equal(normalizeDocumentId(v), '12345678', v);
  });
  it('treats placeholders and zeros as missing and keeps passport letters', () => {
    for (const v of ['', 'S/N', '0', '00000000', 'sin dato', 'N/A'])
      assert.equal(normalizeDocumentId(v), '', v);
    assert.equal(normalizeDocumentId('AB 123-456'), 'AB123456');
  });
});

describe('dates', () => {
  it('reads ISO, compact, day-first, month names in Spanish and English', () => {
    assert.equal(date('1985-05-03'), '1985-05-03');
    assert.equal(date('19850503'), '1985-05-03');
    assert.equal(date('03/05/1985'), '1985-05-03');
    assert.equal(date('3-5-85'), '1985-05-03');
    assert.equal(date('03.05.1985'), '1985-05-03');
    assert.equal(date('3 de mayo de 1985'), '1985-05-03');
    assert.equal(date('03-MAY-85'), '1985-05-03');
    assert.equal(date('May 3, 1985'), '1985-05-03');
    assert.equal(date('2017-07-30T10:00:00Z'), '2017-07-30');
  });
  it('reads month-first when the day cannot come first', () => {
    assert.equal(date('05/23/1985'), '1985-05-23');
  });
  it('keeps partial dates as partial', () => {
    assert.equal(date('1985'), '1985');
    assert.equal(date('05/1985'), '1985-05');
    assert.equal(date('mayo de 1985'), '1985-05');
    assert.equal(date('xx/05/1985'), '1985-05');
  });
  it('rejects what is not a date', () => {
    for (const v of ['31/02/1985', '1985-13-01', 'ayer', '7979-11-11', '12/12'])
      assert.equal(parseDate(v), -1, v);
  });
  it('two-digit years pivot at 30', () => {
    assert.equal(date('01/01/17'), '2017-01-01');
    assert.equal(date('01/01/45'), '1945-01-01');
  });
  it('day numbers are days since 1970', () => {
    assert.equal(dayNumber(parseDate('1970-01-02')), 1);
  });
});

describe('places, text and numbers', () => {
  it('normalises places against the gazetteer (aliases of states)', () => {
    assert.equal(normalizePlace('Caracas'), normalizePlace('Distrito Capital'));
    assert.equal(normalizePlace('Edo. Zulia'), normalizePlace('zulia'));
    assert.equal(normalizePlace('sin dato'), '');
  });
  it('folds text and treats placeholders as missing', () => {
    assert.equal(normalizeText('Detención  Arbitraria'), 'detencion arbitraria');
    assert.ok(isPlaceholder('N/D'));
    assert.ok(!isPlaceholder('Maracaibo'));
  });
  it('reads numbers written with either decimal mark', () => {
    assert.equal(parseNumber('1.234,5'), 1234.5);
    assert.equal(parseNumber('1,234.5'), 1234.5);
    assert.ok(Number.isNaN(parseNumber('doce')));
  });
});

describe('similarity', () => {
  it('Jaro–Winkler matches the reference values', () => {
    assert.equal(Math.round(jaroWinkler('martha', 'marhta') * 1000) / 1000, 0.961);
    assert.equal(Math.round(jaroWinkler('dwayne', 'duane') * 1000) / 1000, 0.84);
    assert.equal(jaroWinkler('abc', 'abc'), 1);
    assert.equal(jaroWinkler('abc', 'xyz'), 0);
  });
  it('edit distance counts a transposition as one edit', () => {
    assert.equal(osaDistance('12345678', '12354678'), 1);
    assert.equal(osaDistance('12345678', '12345679'), 1);
    assert.equal(osaDistance('12345678', '1234567'), 1);
    assert.equal(osaDistance('12345678', '87654321'), 7);
  });
});
