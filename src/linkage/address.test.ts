import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addressParts,
  normalizeAddress,
  normalizeLocality,
  normalizeOccupation,
  normalizePostcode,
  postcodeArea,
} from './address.js';
import { Comparator, LEVELS } from './compare.js';
import { RecordEncoder } from './encode.js';
import type { FieldSpec } from './types.js';

describe('generic fields: normalisation', () => {
  it('reads house number, street and unit in English and Spanish order', () => {
    assert.deepEqual(addressParts(normalizeAddress('12 High St., Flat 3')), {
      number: '12',
      street: 'high street',
      unit: 'flat 3',
    });
    assert.equal(normalizeAddress('12 HIGH STREET, flat 3'), normalizeAddress('12 High St., Flat 3'));
    assert.deepEqual(addressParts(normalizeAddress('Av. Sucre 25')), {
      number: '25',
      street: 'avenue sucre',
      unit: '',
    });
    assert.deepEqual(addressParts(normalizeAddress('Calle Bolívar Nro. 7, Apto 3B')), {
      number: '7',
      street: 'calle bolivar',
      unit: 'apto 3b',
    });
    assert.equal(addressParts(normalizeAddress("St John's Rd 4")).street, 'saint johns road');
    assert.equal(addressParts(normalizeAddress('Calle 5 S/N')).street, 'calle');
    assert.equal(normalizeAddress('N/A'), '');
  });

  it('postcodes: spacing and case do not matter; ZIP+4 is its ZIP; areas by code shape', () => {
    assert.equal(normalizePostcode('sw1a 1aa'), 'SW1A1AA');
    assert.equal(normalizePostcode('12345-6789'), '12345');
    assert.equal(normalizePostcode('unknown'), '');
    assert.equal(normalizePostcode('London'), '');
    assert.equal(postcodeArea('SW1A1AA'), 'SW1A');
    assert.equal(postcodeArea('10115'), '101');
  });

  it('localities need no gazetteer and no Venezuelan alias', () => {
    assert.equal(normalizeLocality('St. Albans'), normalizeLocality('Saint Albans'));
    assert.equal(normalizeLocality('City of London'), 'london');
    // The place type would read "Caracas" as "Distrito Capital"; a locality is what it says.
    assert.equal(normalizeLocality('DC'), 'dc');
  });

  it('occupations compare as sets of word stems', () => {
    assert.equal(
      normalizeOccupation('Teacher (primary school)'),
      normalizeOccupation('Primary school teachers'),
    );
    assert.equal(normalizeOccupation('Maestra'), normalizeOccupation('maestro'));
  });
});

describe('generic fields: agreement levels', () => {
  const fields: FieldSpec[] = [
    { column: 'address', type: 'address' },
    { column: 'postcode', type: 'postcode' },
    { column: 'occupation', type: 'occupation' },
    { column: 'town', type: 'locality' },
  ];
  const rows = [
    ['12 High Street', 'SW1A 1AA', 'Primary school teacher', 'St Albans'],
    ['12 High St, Flat 2', 'sw1a1aa', 'Teacher', 'Saint Albans'],
    ['14 High St', 'SW1A 1AB', 'Retired teacher', 'St Albanz'],
    ['3 Mill Lane', 'SW1A 2ZZ', 'Bus driver', 'Leeds'],
    ['90 Oak Road', 'M1 2EW', 'Nurse', ''],
  ];
  const enc = new RecordEncoder(fields);
  const s = enc.addSource('x');
  rows.forEach((r, i) => {
    enc.add(s, String(i), r);
  });
  const cmp = new Comparator(enc.finish(false).data);
  const level = (f: number, a: number, b: number) => LEVELS[fields[f]!.type][cmp.level(f, a, b)] ?? 'missing';

  it('addresses: same number and street through abbreviations and flats; same street; else', () => {
    assert.equal(level(0, 0, 1), 'same_number_and_street');
    assert.equal(level(0, 0, 2), 'same_street');
    assert.equal(level(0, 0, 3), 'else');
  });

  it('postcodes: exact through spacing, one edit, same area, else', () => {
    assert.equal(level(1, 0, 1), 'exact');
    assert.equal(level(1, 0, 2), 'one_edit');
    assert.equal(level(1, 0, 3), 'same_area');
    assert.equal(level(1, 0, 4), 'else');
  });

  it('occupations: most words, a shared word, else', () => {
    assert.equal(level(2, 1, 2), 'most_words');
    assert.equal(level(2, 0, 1), 'shares_a_word');
    assert.equal(level(2, 0, 3), 'else');
  });

  it('localities: exact through St/Saint, a typo, missing', () => {
    assert.equal(level(3, 0, 1), 'exact');
    assert.equal(level(3, 0, 2), 'jaro_winkler_0.90');
    assert.equal(level(3, 0, 4), 'missing');
  });
});
